/// How `reprint serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The largest request body accepted by default: 1 MiB.
    public static let defaultMaxBodyBytes = 1 << 20

    /// The address to listen on: loopback unless asked otherwise.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// The key that writes must present as `Authorization: Bearer KEY`; without one, writes are refused.
    public var apiKey: String?
    /// Bodies larger than this many bytes are refused with 413.
    public var maxBodyBytes: Int

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, apiKey: String? = nil, maxBodyBytes: Int = Self.defaultMaxBodyBytes) {
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.maxBodyBytes = maxBodyBytes
    }
}
