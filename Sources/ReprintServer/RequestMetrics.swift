import Dispatch
import Hummingbird
import Metrics
import Prometheus

/// The service's Prometheus metrics: requests by route, method and status, their latency, and the
/// number of documents indexed.
struct RequestMetrics: Sendable {
    /// Where the metrics are kept; `/metrics` prints it.
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        factory = PrometheusMetricsFactory(registry: registry)
    }

    /// Counts one request and records how long it took.
    func record(route: String, method: HTTPRequest.Method, status: HTTPResponse.Status, nanoseconds: UInt64) {
        let labels = [("route", route), ("method", method.rawValue), ("status", String(status.code))]
        Counter(label: "reprint_http_requests_total", dimensions: labels, factory: factory).increment()
        Timer(label: "reprint_http_request_duration_seconds", dimensions: [("route", route), ("method", method.rawValue)], factory: factory)
            .recordNanoseconds(Int64(nanoseconds))
    }

    /// Sets the number of documents indexed.
    func documentsIndexed(_ count: Int) {
        Gauge(label: "reprint_documents_indexed", factory: factory).record(count)
    }

    /// The metrics in Prometheus's text format.
    func render() -> String {
        registry.emitToString()
    }
}

/// Records every request in ``RequestMetrics``, under its route pattern (`/v1/documents/{id}`).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        func record(_ status: HTTPResponse.Status) {
            metrics.record(
                route: context.endpointPath ?? "unmatched", method: request.method, status: status,
                nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
        }
        do {
            let response = try await next(request, context)
            record(response.status)
            return response
        } catch {
            record((error as? any HTTPResponseError)?.status ?? .internalServerError)
            throw error
        }
    }
}
