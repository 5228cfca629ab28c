// One value computed on another thread while the caller does something else: the index's rows
// read while the folders are listed, the next batch parsed while this one is written.
import Foundation

/// A value computed on a background thread, waited for on first use.
public final class BackgroundValue<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()

    public init(_ compute: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let v = compute()
            lock.withLock { result = v }
            done.signal()
        }
    }

    /// Blocks until the value is ready.
    public var value: T {
        if let v = lock.withLock({ result }) { return v }
        done.wait()
        done.signal()   // later readers do not wait
        return lock.withLock { result! }
    }
}
