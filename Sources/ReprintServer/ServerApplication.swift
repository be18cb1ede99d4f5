import Hummingbird
import Logging
import Reprint

/// The HTTP service of `reprint serve`: the JSON API under `/v1`, the web page at `/`, health,
/// metrics and the OpenAPI description.
public enum ServerApplication {
    /// The application serving `index` as `configuration` says.
    public static func make(
        configuration: ServerConfiguration, index: IncrementalIndex, logger: Logger = Logger(label: "reprint.serve")
    ) throws -> some ApplicationProtocol {
        Application(
            router: try router(configuration: configuration, index: index),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "reprint"),
            logger: logger)
    }

    /// Every route, behind the metrics middleware.
    static func router(configuration: ServerConfiguration, index: IncrementalIndex) throws -> Router<BasicRequestContext> {
        let metrics = RequestMetrics()
        let json = JSONCoding(limit: configuration.maxBodyBytes)
        let indexRoutes = IndexRoutes(index: index, json: json, metrics: metrics)
        try indexRoutes.updateDocumentCount()
        let router = Router()
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.addServiceRoutes(metrics: metrics)
        let api = router.group("v1")
        api.addCompareRoute(json: json)
        indexRoutes.add(to: api, keyCheck: APIKeyMiddleware(key: configuration.apiKey))
        return router
    }
}
