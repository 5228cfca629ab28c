// `$XDG_CONFIG_HOME/reso/config.toml` (default `~/.config/reso/config.toml`): the reader's
// keys and colours, the default tags and the folder the reader's `x` writes exports to.
//
//     [keys]            # action = "key" (KeyBindings.actions lists the actions)
//     search = "s"
//     [colours]         # role = colour (black red green yellow blue magenta cyan white default)
//     verb = "green"
//     [tags]
//     default = ["support", "oppose", "amend", "co-sponsor"]
//     [export]
//     folder = "~/briefs"
//
// and, before any section, `ambiguous_wide = true` when the terminal draws East Asian
// Ambiguous characters (§ ° “ ”, Greek, Cyrillic) two columns wide (as `--ambiguous-wide`).
//
// Everything is checked when reso starts; anything wrong is one message that names the file,
// the line and what is wrong, and nothing runs on a half-read config.
import Annotations
import Foundation
import Reader
import Terminal
import TOMLKit

struct ResoConfig {
    /// The file read, or nil when there is none (then everything is the default).
    var path: String?
    var keyOverrides: [(action: String, key: String)] = []
    var bindings = KeyBindings.standard
    var colours: [String: Color] = [:]
    var defaultTags: [String]?
    var exportFolder: String?
    /// East Asian Ambiguous characters take two columns in wrapping and layout.
    var ambiguousWide = false

    static let colourNames: [String: Color] = [
        "default": .standard, "black": .black, "red": .red, "green": .green, "yellow": .yellow, "blue": .blue,
        "magenta": .magenta, "cyan": .cyan, "white": .white,
    ]

    /// Where the config is looked for.
    static func location(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base: String
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { base = x } else {
            base = (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        }
        return base + "/reso/config.toml"
    }

    /// The config in effect: the file when there is one, else the defaults.
    static func load(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> ResoConfig {
        let path = location(env)
        guard FileManager.default.fileExists(atPath: path) else { return ResoConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserFacingError("\(path): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UserFacingError("\(path): not UTF-8 text")
        }
        return try parse(text, path: path, env: env)
    }

    static func parse(_ text: String, path: String, env: [String: String] = [:]) throws -> ResoConfig {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let e as TOMLParseError {
            throw UserFacingError("\(path) line \(e.source.begin.line): \(e.description)")
        }
        var config = ResoConfig(path: path)
        let lines = ConfigLines(text)
        func fail(_ section: String, _ key: String?, _ reason: String) -> UserFacingError {
            UserFacingError("\(path) line \(lines.line(of: key, in: section)): \(reason)")
        }
        for section in table.keys {
            if section == "ambiguous_wide" {
                guard let b = table[section]?.bool else { throw fail("", section, "ambiguous_wide must be true or false") }
                config.ambiguousWide = b
                continue
            }
            guard ["keys", "colours", "colors", "tags", "export"].contains(section) else {
                throw fail(section, nil, "unknown section [\(section)] (sections: keys, colours, tags, export; top-level key: ambiguous_wide)")
            }
            guard let t = table[section]?.table else { throw fail(section, nil, "\(section) must be a [section]") }
            for key in t.keys {
                let value = t[key]
                switch section {
                case "keys":
                    guard let k = value?.string else { throw fail(section, key, "\(key) must be a quoted key, e.g. \(key) = \"s\"") }
                    config.keyOverrides.append((key, k))
                case "colours", "colors":
                    guard Theme.roleNames.contains(key) else {
                        throw fail(section, key, "unknown colour role '\(key)' (roles: \(Theme.roleNames.joined(separator: ", ")))")
                    }
                    guard let name = value?.string, let c = colourNames[name.lowercased()] else {
                        throw fail(section, key, "\(key) must be one of \(colourNames.keys.sorted().joined(separator: ", "))")
                    }
                    config.colours[key] = c
                case "tags":
                    guard key == "default" else { throw fail(section, key, "unknown key '\(key)' in [tags] (known: default)") }
                    guard let list = value?.array, case let tags = list.compactMap(\.string), tags.count == list.count else {
                        throw fail(section, key, "default must be a list of quoted tags, e.g. default = [\"support\", \"oppose\"]")
                    }
                    for t in tags { if let p = Tags.problem(with: t) { throw fail(section, key, p) } }
                    config.defaultTags = Tags.normalized(tags).isEmpty ? nil : tags.compactMap(Tags.normalize)
                case "export":
                    guard key == "folder" else { throw fail(section, key, "unknown key '\(key)' in [export] (known: folder)") }
                    guard let f = value?.string, !f.isEmpty else { throw fail(section, key, "folder must be a quoted path") }
                    config.exportFolder = expandHome(f, env: env)
                default: break
                }
            }
        }
        do { config.bindings = try KeyBindings(config.keyOverrides) } catch {
            let action: String? = switch error {
            case .unknownAction(let a): a
            case .notOneKey(let a, _): a
            case .taken(_, let actions): config.keyOverrides.last { actions.contains($0.action) }?.action
            }
            throw fail("keys", action, error.description)
        }
        return config
    }

    static func expandHome(_ path: String, env: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return (env["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
    }

    /// The config in effect as TOML (it can be saved as config.toml).
    func rendered(defaultTags fallbackTags: [String]) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var out = "# reso configuration in effect\n# file: \(path ?? "none (defaults); would be read from \(ResoConfig.location())")\n\n"
        out += "ambiguous_wide = \(ambiguousWide)\n\n[keys]\n"
        for (action, key) in bindings.table { out += "\(action) = \(q(key == "Space" ? "space" : key))\n" }
        out += "\n[colours]\n"
        if colours.isEmpty { out += "# roles: \(Theme.roleNames.joined(separator: ", "))\n" }
        for (role, colour) in colours.sorted(by: { $0.key < $1.key }) {
            out += "\(role) = \(q(ResoConfig.colourNames.first { $0.value == colour }?.key ?? "default"))\n"
        }
        out += "\n[tags]\ndefault = [" + (defaultTags ?? fallbackTags).map(q).joined(separator: ", ") + "]\n"
        out += "\n[export]\n"
        if let f = exportFolder { out += "folder = \(q(f))\n" } else { out += "# folder: the current folder\n" }
        return out
    }
}

/// Finds the line of a key inside a `[section]` of the raw text, for messages (TOMLKit gives
/// positions for syntax errors only).
struct ConfigLines {
    let lines: [Substring]
    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// 1-based; the section's header line when the key is not found, 1 when neither is.
    func line(of key: String?, in section: String) -> Int {
        var inSection = section.isEmpty, header: Int?  // "" is the top level, before any [section]
        for (i, raw) in lines.enumerated() {
            let l = raw.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("[") {
                inSection = l.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces) == section
                if inSection, header == nil { header = i + 1 }
                continue
            }
            guard inSection, let key else { continue }
            let name = l.prefix { $0 != "=" }.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if name == key && l.contains("=") { return i + 1 }
        }
        return header ?? 1
    }
}
