import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL server for the tests: `initdb` and `pg_ctl` in a temporary folder, on a
/// free port, trusted local connections, stopped when the test process exits.
///
/// `REPRINT_TEST_POSTGRES=0` leaves PostgreSQL out of the parameterized tests; otherwise the
/// server binaries must be installed (`bash Scripts/install-postgres.sh`) or the tests fail.
final class PostgresServer: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled
        case command(String, output: String)

        var description: String {
            switch self {
            case .notInstalled:
                "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: run `bash Scripts/install-postgres.sh` (or set REPRINT_TEST_POSTGRES=0 to leave PostgreSQL out)"
            case .command(let command, let output):
                "\(command) failed: \(output)"
            }
        }
    }

    /// Whether the PostgreSQL variants of the tests run.
    static let enabled = ProcessInfo.processInfo.environment["REPRINT_TEST_POSTGRES"] != "0"

    /// The server of this test process, started on first use.
    static let shared: Result<PostgresServer, Failure> = Result { try PostgresServer() }.mapError { $0 as! Failure }

    let bin: String
    let directory: String
    let port: Int
    private let user: String?

    private init() throws(Failure) {
        let roots = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = roots.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) })
            .first(where: { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") })
        else { throw .notInstalled }
        bin = "/usr/lib/postgresql/\(version)/bin"
        directory = NSTemporaryDirectory() + "reprint-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        port = Self.freePort()
        // initdb refuses to run as root: run the server as the postgres user then.
        user = getuid() == 0 ? "postgres" : nil
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .command("mkdir \(directory)", output: "\(error)")
        }
        if user != nil { try run("/bin/chown", ["postgres", directory], asServerUser: false) }
        try run("\(bin)/initdb", ["-D", "\(directory)/data", "-A", "trust", "-U", "postgres", "--no-sync"])
        try run("\(bin)/pg_ctl", [
            "-D", "\(directory)/data", "-l", "\(directory)/log", "-w", "-o",
            "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40", "start",
        ])
        Self.runningDirectory = directory
        Self.runningBin = bin
        atexit {
            guard let directory = PostgresServer.runningDirectory, let bin = PostgresServer.runningBin else { return }
            let stop = [bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "stop"]
            if getuid() == 0 {
                try? Subprocess.run("/usr/sbin/runuser", ["-u", "postgres", "--"] + stop)
            } else {
                try? Subprocess.run(stop[0], Array(stop.dropFirst()))
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    nonisolated(unsafe) private static var runningDirectory: String?
    nonisolated(unsafe) private static var runningBin: String?

    /// A new empty database; returns its store address.
    func createDatabase() throws(Failure) -> String {
        let name = "reprint_\(UInt64.random(in: 0...UInt64.max))"
        try run("\(bin)/createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", name])
        return "postgres://postgres@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL in a database of this server.
    func sql(_ statement: String, database: String) throws(Failure) {
        try run("\(bin)/psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-c", statement])
    }

    private func run(_ executable: String, _ arguments: [String], asServerUser: Bool = true) throws(Failure) {
        do {
            if asServerUser, let user {
                try Subprocess.run("/usr/sbin/runuser", ["-u", user, "--", executable] + arguments)
            } else {
                try Subprocess.run(executable, arguments)
            }
        } catch {
            throw .command(executable, output: "\(error)")
        }
    }

    /// A TCP port nothing listens on now.
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
