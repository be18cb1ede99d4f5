import Hummingbird
import NIOPosix

/// Work that blocks its thread (store transactions, analysis and comparison) run off the event
/// loops, on NIO's thread pool, so that a slow request never holds up the others' I/O.
enum Blocking {
    /// The result of `body`, run on NIO's shared thread pool.
    static func run(_ body: @escaping @Sendable () throws -> Response) async throws -> Response {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
