// Semantic styles. With NO_COLOR every role stays distinguishable through bold, underline
// and reverse alone, so nothing is conveyed by colour only.
import Terminal

public struct Theme: Sendable, Equatable {
    public var header, status, margin, marginCurrent, currentBar, verb, marker, heading, label, preface: Style
    public var tag, note, hit, hitCurrent, selection, dim, border, prompt, error, focusTitle: Style
    /// Compare view: words removed (old side) and inserted (new side), units with no
    /// counterpart; and the `?` of an annotation carried onto a reworded paragraph.
    public var removed = Style(), added = Style(), unpaired = Style(), review = Style()

    public static let color = Theme(
        header: Style(foreground: .white, background: .blue, bold: true),
        status: Style(foreground: .black, background: .cyan),
        margin: Style(foreground: .cyan, dim: true),
        marginCurrent: Style(foreground: .cyan, bold: true, reverse: true),
        currentBar: Style(foreground: .cyan, bold: true),
        verb: Style(foreground: .yellow, bold: true),
        marker: Style(foreground: .cyan, bold: true, underline: true),
        heading: Style(foreground: .magenta, bold: true),
        label: Style(bold: true),
        preface: Style(foreground: .green),
        tag: Style(foreground: .green, bold: true),
        note: Style(foreground: .yellow),
        hit: Style(foreground: .black, background: .yellow),
        hitCurrent: Style(foreground: .black, background: .yellow, bold: true, underline: true),
        selection: Style(reverse: true),
        dim: Style(dim: true),
        border: Style(foreground: .blue),
        prompt: Style(bold: true),
        error: Style(foreground: .red, bold: true),
        focusTitle: Style(foreground: .cyan, bold: true, reverse: true),
        removed: Style(foreground: .red, underline: true, reverse: true),
        added: Style(foreground: .green, bold: true, reverse: true),
        unpaired: Style(foreground: .magenta, underline: true),
        review: Style(foreground: .red, bold: true))

    public static let mono = Theme(
        header: Style(bold: true, reverse: true),
        status: Style(reverse: true),
        margin: Style(dim: true),
        marginCurrent: Style(bold: true, reverse: true),
        currentBar: Style(bold: true),
        verb: Style(bold: true),
        marker: Style(underline: true),
        heading: Style(bold: true, underline: true),
        label: Style(bold: true),
        preface: Style(),
        tag: Style(bold: true),
        note: Style(underline: true),
        hit: Style(reverse: true),
        hitCurrent: Style(bold: true, underline: true, reverse: true),
        selection: Style(reverse: true),
        dim: Style(dim: true),
        border: Style(),
        prompt: Style(bold: true),
        error: Style(bold: true),
        focusTitle: Style(bold: true, reverse: true),
        removed: Style(underline: true, reverse: true, dim: true),
        added: Style(bold: true, reverse: true),
        unpaired: Style(underline: true, dim: true),
        review: Style(bold: true))
}

extension Theme {
    /// Roles a config may colour, by the name config.toml uses.
    public static let roleNames = ["header", "status", "margin", "verb", "marker", "heading", "tag", "note", "hit",
                                   "border", "error", "preface"]

    /// This theme with the foreground of the named roles changed (unknown names are ignored:
    /// the config reader reports them).
    func recoloured(_ colours: [String: Color]) -> Theme {
        var t = self
        for (role, colour) in colours {
            switch role {
            case "header": t.header.foreground = colour
            case "status": t.status.foreground = colour
            case "margin": t.margin.foreground = colour; t.marginCurrent.foreground = colour
            case "verb": t.verb.foreground = colour
            case "marker": t.marker.foreground = colour
            case "heading": t.heading.foreground = colour
            case "tag": t.tag.foreground = colour
            case "note": t.note.foreground = colour
            case "hit": t.hit.background = colour; t.hitCurrent.background = colour
            case "border": t.border.foreground = colour
            case "error": t.error.foreground = colour
            case "preface": t.preface.foreground = colour
            default: break
            }
        }
        return t
    }
}
