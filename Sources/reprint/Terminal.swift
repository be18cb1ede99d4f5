import Foundation

/// What the command line knows about the terminal it writes to.
enum Terminal {
    /// Whether colors may be used: standard output is a terminal and NO_COLOR is not set.
    static var supportsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The terminal's width in columns, when standard output is a terminal.
    static var columns: Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
        }
        return Int(size.ws_col)
    }
}
