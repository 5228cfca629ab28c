// Colours and attributes of one cell, independent of ncurses so that snapshots and the
// reader's theme can be tested without a terminal.

public enum Color: UInt8, Hashable, Sendable, CaseIterable {
    /// The terminal's own colour (transparent backgrounds, light themes).
    case standard
    case black, red, green, yellow, blue, magenta, cyan, white
}

public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: Color = .standard, background: Color = .standard, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground; self.background = background; self.bold = bold
        self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()
}
