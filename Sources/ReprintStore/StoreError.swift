/// Why a store cannot be opened or used; every message says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The store address is neither a path, `sqlite:PATH` nor `postgres://…`.
    case badLocation(String)
    /// The file or database holds something else than a Reprint index.
    case notAReprintStore(String, reason: String)
    /// The store was written by a newer Reprint.
    case newerSchema(String, found: Int, supported: Int)
    /// The file cannot be written.
    case readOnly(String)
    /// The file cannot be opened or created.
    case cannotOpen(String, reason: String)
    /// The PostgreSQL server cannot be reached or refused the connection.
    case unreachable(String, reason: String)
    /// The database reported an error while the store was in use.
    case database(String)

    /// A message for the user.
    public var description: String {
        switch self {
        case .badLocation(let location):
            "'\(location)' is not a store address: give a file path, sqlite:PATH or postgres://user@host:port/database"
        case .notAReprintStore(let location, let reason):
            "\(location) is not a Reprint store (\(reason)); nothing was written. Give a new path or an existing Reprint store."
        case .newerSchema(let location, let found, let supported):
            "\(location) has schema version \(found), newer than the \(supported) this reprint understands; nothing was written. Use a newer reprint."
        case .readOnly(let location):
            "\(location) is read-only; nothing was written. Make it writable or copy it somewhere writable."
        case .cannotOpen(let location, let reason):
            "cannot open \(location): \(reason)"
        case .unreachable(let location, let reason):
            "cannot reach PostgreSQL at \(location): \(reason); nothing was written. Check that the server runs and the address is right."
        case .database(let message):
            "database error: \(message)"
        }
    }
}
