import ArgumentParser
import Foundation
import Reprint
import ReprintServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and the web page over a persistent index.",
        discussion: """
            Routes: POST /v1/compare, POST /v1/match, POST /v1/documents, GET and DELETE
            /v1/documents/{id}, GET /v1/clusters?kind=reuse|story, GET /healthz, GET /metrics,
            GET /openapi.yaml, and the web page at /. Writes (POST /v1/documents, DELETE) need the
            API key as `Authorization: Bearer KEY`; without --api-key or REPRINT_API_KEY they are refused.

            Examples:
              reprint serve --store sqlite:news.db
              REPRINT_API_KEY=secret reprint serve --store postgres://reprint@localhost/news --host 0.0.0.0
            """
    )

    @OptionGroup var storeOptions: IndexCommand.StoreOptions

    @Option(name: .long, help: "The address to listen on (loopback by default).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(name: .customLong("api-key"), help: "The key writes must send as Authorization: Bearer KEY (default: $REPRINT_API_KEY).")
    var apiKey: String?

    @Option(name: .customLong("max-body-bytes"), help: "Refuse request bodies larger than this (413).")
    var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535.") }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive.") }
    }

    func run() async throws {
        let key = apiKey ?? ProcessInfo.processInfo.environment["REPRINT_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if key == nil { StandardError.print("reprint: no API key (--api-key or REPRINT_API_KEY): writes are disabled") }
        let configuration = ServerConfiguration(host: host, port: port, apiKey: key, maxBodyBytes: maxBodyBytes)
        try await ServerApplication.make(configuration: configuration, index: try storeOptions.open()).runService()
    }
}
