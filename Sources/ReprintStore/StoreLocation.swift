import Foundation
import Reprint

/// Where a store lives, parsed from the `--store` address.
public enum StoreLocation: Sendable, Equatable {
    /// A SQLite file: a plain path or `sqlite:PATH`.
    case sqlite(path: String)
    /// A PostgreSQL database: `postgres://user[:password]@host[:port]/database` (also `postgresql://`).
    case postgres(PostgresAddress)

    /// The default store: `reprint.db` in the current folder.
    public static let defaultAddress = "./reprint.db"

    /// Parses a store address.
    public init(parsing address: String) throws(StoreError) {
        if address.hasPrefix("postgres://") || address.hasPrefix("postgresql://") {
            self = .postgres(try PostgresAddress(parsing: address))
        } else if address.hasPrefix("sqlite:") {
            let path = String(address.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .badLocation(address) }
            self = .sqlite(path: path)
        } else if address.isEmpty || address.contains("://") {
            throw .badLocation(address)
        } else {
            self = .sqlite(path: address)
        }
    }

    /// Opens (creating when needed) the store.
    public func open() throws -> any DocumentStore {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let address): try PostgresStore(address: address)
        }
    }
}

/// The parts of a `postgres://` address.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The user name.
    public var user: String
    /// The password, if any.
    public var password: String?
    /// The host name or address.
    public var host: String
    /// The port (5432 by default).
    public var port: Int
    /// The database name (the user name by default).
    public var database: String

    /// Parses `postgres://user[:password]@host[:port][/database]`.
    public init(parsing address: String) throws(StoreError) {
        guard let schemeEnd = address.range(of: "://") else { throw .badLocation(address) }
        var rest = Substring(address[schemeEnd.upperBound...])
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        var credentials: Substring?
        if let at = rest.lastIndex(of: "@") {
            credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        var database: Substring?
        if let slash = rest.firstIndex(of: "/") {
            database = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var port = 5432
        if let colon = rest.lastIndex(of: ":") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else { throw .badLocation(address) }
            port = number
            rest = rest[..<colon]
        }
        guard !rest.isEmpty else { throw .badLocation(address) }
        host = String(rest)
        self.port = port
        if let credentials, let colon = credentials.firstIndex(of: ":") {
            user = String(credentials[..<colon]).removingPercentEncoding ?? String(credentials[..<colon])
            let secret = credentials[credentials.index(after: colon)...]
            password = String(secret).removingPercentEncoding ?? String(secret)
        } else {
            user = credentials.map { String($0).removingPercentEncoding ?? String($0) } ?? "postgres"
            password = nil
        }
        guard !user.isEmpty else { throw .badLocation(address) }
        self.database = database.flatMap { $0.isEmpty ? nil : String($0) } ?? user
    }

    /// The address without its password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
