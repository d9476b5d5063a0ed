/// One key press, decoded from the terminal's bytes.
public enum EditKey: Sendable, Equatable {
    case character(Character)
    case enter, tab, backspace, delete
    case left, right, up, down, home, end
    /// Ctrl-A .. Ctrl-Z by letter (`.control("a")`), for the ones without their own case.
    case control(Character)
    /// A sequence this editor does not handle (ignored).
    case unknown
}
