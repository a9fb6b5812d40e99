import Foundation

extension Array {
    /// `map(transform)` on every core (up to 8), for per-article work that is pure and large enough to share out
    /// (normalising and checking an import, tokenizing for a search index); below `minimumCount` values, on this one.
    public func concurrentMap<U>(minimumCount: Int = 64, _ transform: (Element) -> U) -> [U] {
        guard count >= Swift.max(2, minimumCount) else { return map(transform) }
        let results = UnsafeMutableBufferPointer<U?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        nonisolated(unsafe) let output = results
        nonisolated(unsafe) let values = self
        withoutActuallyEscaping(transform) { transform in
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: values.count, by: workers) { output[index] = transform(values[index]) }
            }
        }
        return results.map { $0! }
    }
}
