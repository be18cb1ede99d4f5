import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` and reaped with `waitpid`, its output sent to a file.
///
/// Foundation's `Process` relies on a run loop to notice that a child ended, which does not
/// always happen inside the test runner; the tests need plain, predictable process control.
struct Subprocess {
    /// The child's process id.
    let pid: pid_t

    /// Starts `executable` with `arguments`, standard output appended to `output`, standard error
    /// to `errors` (the same file unless given).
    init(_ executable: String, _ arguments: [String], output: String, errors: String? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        if let errors {
            posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw Failure(message: "cannot start \(executable): \(String(cString: strerror(status)))") }
        pid = child
    }

    /// Waits for the child to end; its exit status, or `128 + signal` when a signal ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Runs a command to its end; throws with its output when it fails.
    static func run(_ executable: String, _ arguments: [String]) throws {
        let log = NSTemporaryDirectory() + "reprint-command-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let status = try Subprocess(executable, arguments, output: log).wait()
        guard status == 0 else {
            let output = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
            throw Failure(message: "\(([executable] + arguments).joined(separator: " ")) exited with \(status): \(output)")
        }
    }

    /// A command that could not be started or failed.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
