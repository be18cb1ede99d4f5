import Dispatch
import Foundation

/// The number of cores this process may use, read once: Foundation reads it from the operating
/// system (on Linux, from the cgroup files) each time it is asked, and it is asked several times
/// per index query and once per `reprint dedup` batch.
let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order; `makeState` gives each worker its own
    /// scratch state (a cache, a buffer) so the transform needs no locks.
    func parallelMap<State, Result: Sendable>(
        makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> Result
    ) -> [Result] {
        guard !isEmpty else { return [] }
        let workers = Swift.min(count, activeProcessorCount * 4)
        let input = self
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var state = makeState()
                var index = worker
                while index < input.count {
                    (slots.baseAddress! + index).initialize(to: transform(&state, input[index]))
                    index += workers
                }
            }
            initialized = input.count
        }
    }

    /// Maps every element on all cores, keeping the order.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        parallelMap(makeState: { () }) { _, element in transform(element) }
    }
}
