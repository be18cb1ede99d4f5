import Dispatch

/// A value computed on another thread while the caller does something else.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: Value?

    /// Starts computing `work` at once.
    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async {
            self.value = work()
            self.group.leave()
        }
    }

    /// The value, once computed (waits for it).
    func wait() -> Value {
        group.wait()
        return value!
    }
}
