// The reader's `r` on a document that is not in the library: with a display, the link opens in
// the browser through `xdg-open`; without one it is shown, so the user can copy it.
import Foundation

enum LinkOpener {
    static func open(_ url: String, environment env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let hasDisplay = !(env["DISPLAY"] ?? "").isEmpty || !(env["WAYLAND_DISPLAY"] ?? "").isEmpty
        let path = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/xdg-open" }
        guard hasDisplay, let opener = path.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "Not in the library; no display to open it — the text is at \(url)"
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: opener)
        p.arguments = [url]
        // The browser must not write over the reader's screen.
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return "Could not run xdg-open (\(error.localizedDescription)); the text is at \(url)" }
        return "Opened \(url) in the browser"
    }
}
