// The reader's rebindable keys: each action has a name (used in config.toml's [keys]) and a
// default key. A binding from the config turns the pressed key into the action's default key
// before `update` sees it, so the handlers keep one spelling of each key; the `?` help and the
// hint line are generated from the same table, so they show the keys in effect.
import Terminal

public struct KeyBindings: Hashable, Sendable {
    /// Action name, default key, the word the hint line uses.
    public static let actions: [(name: String, key: Unicode.Scalar, word: String)] = [
        ("next", "j", "next"), ("previous", "k", "previous"), ("page-down", " ", "page"), ("page-up", "b", "page up"),
        ("start", "g", "start"), ("end", "G", "end"), ("preamble", "p", "preamble"), ("operative", "o", "operative"),
        ("previous-heading", "[", "heading"), ("next-heading", "]", "heading"), ("footnotes", "f", "footnotes"),
        ("references", "r", "references"), ("search", "/", "search"), ("next-match", "n", "next match"),
        ("previous-match", "N", "previous match"), ("tag", "t", "tag"), ("note", "e", "note"),
        ("note-in-editor", "E", "editor"), ("amend", "a", "amend"), ("export", "x", "export"), ("go-to", ":", "go to"), ("visual", "v", "select"), ("set-mark", "m", "mark"),
        ("jump-to-mark", "'", "to mark"), ("clear-review", "R", "clear review"),
        ("change", "c", "change (after ] or [)"), ("help", "?", "help"), ("back", "q", "back"),
        ("filter-language", "L", "language"), ("filter-organ", "O", "organ"), ("filter-year", "Y", "year"),
        ("filter-tag", "T", "by tag"),
        ("sort", "S", "sort"), ("group-folders", "F", "folders"),
    ]

    /// Pressed key → the default key of the action it is bound to.
    private var pressed: [Unicode.Scalar: Unicode.Scalar] = [:]
    /// Default keys whose action moved to another key (they do nothing now).
    private var freed: Set<Unicode.Scalar> = []
    /// Action name → key in effect.
    private var current: [String: Unicode.Scalar] = [:]

    public static let standard = KeyBindings()

    public init() {
        for a in Self.actions { current[a.name] = a.key }
    }

    public enum Problem: Error, Hashable, CustomStringConvertible {
        case unknownAction(String)
        case notOneKey(action: String, value: String)
        case taken(key: String, actions: [String])
        public var description: String {
            switch self {
            case .unknownAction(let a):
                return "unknown action '\(a)' (actions: \(KeyBindings.actions.map(\.name).joined(separator: ", ")))"
            case .notOneKey(let a, let v): return "'\(v)' for \(a) is not one key (a character, or \"space\")"
            case .taken(let k, let actions): return "key \(k) is bound to both \(actions.joined(separator: " and "))"
            }
        }
    }

    /// The standard bindings with `overrides` (action name → one character or `space`).
    public init(_ overrides: [(action: String, key: String)]) throws(Problem) {
        self.init()
        for (action, value) in overrides {
            guard current[action] != nil else { throw .unknownAction(action) }
            let scalars = value.lowercased() == "space" ? [" "] : Array(value.unicodeScalars)
            guard scalars.count == 1, let k = scalars.first, k.value >= 0x20, k.value != 0x7F else {
                throw .notOneKey(action: action, value: value)
            }
            current[action] = k
        }
        var owner: [Unicode.Scalar: String] = [:]
        for a in Self.actions {
            let k = current[a.name]!
            if let other = owner[k] { throw .taken(key: Self.display(k), actions: [other, a.name]) }
            owner[k] = a.name
        }
        // Keys 1–9 toggle tags; they cannot be taken.
        if let clash = owner.keys.first(where: { ("1"..."9").contains($0) }) {
            throw .taken(key: Self.display(clash), actions: [owner[clash]!, "toggle tag \(clash)"])
        }
        for a in Self.actions where current[a.name] != a.key {
            pressed[current[a.name]!] = a.key
            freed.insert(a.key)
        }
    }

    /// The key `update` should see for a pressed key; nil when the key's action moved away.
    public func translate(_ key: Key) -> Key? {
        guard case .char(let c) = key else { return key }
        if let target = pressed[c] { return .char(target) }
        return freed.contains(c) ? nil : key
    }

    /// The key in effect for an action, as shown in help (`Space` for a space).
    public func key(for action: String) -> String { current[action].map(Self.display) ?? "?" }

    /// The key in effect for the action whose default key is `k`.
    func display(default k: Unicode.Scalar) -> String {
        guard let a = Self.actions.first(where: { $0.key == k }) else { return Self.display(k) }
        return key(for: a.name)
    }

    static func display(_ k: Unicode.Scalar) -> String { k == " " ? "Space" : String(k) }

    /// Every action with its key in effect, in table order (for `reso config --show`).
    public var table: [(action: String, key: String)] { Self.actions.map { ($0.name, key(for: $0.name)) } }
}
