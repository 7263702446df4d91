import Dispatch
import Synchronization

/// Maps an array on every core, keeping the order of the input.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        if count < 2 { return inputs.map(transform) }
        // Many small chunks, taken by whichever core is free: one slow input (the search
        // index, a long page) does not hold back a whole share of the work.
        let chunkCount = min(count, max(1, ProcessInfo.activeProcessorCountForGugus * 32))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        let results = Mutex<[[Output]]>(Array(repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = chunk * chunkSize
            let upper = min(count, lower + chunkSize)
            guard lower < upper else { return }
            let part = inputs[lower..<upper].map(transform)
            results.withLock { $0[chunk] = part }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}

import Foundation

extension Collection where Index == Int {
    /// The ranges of the indices in runs of `size` (the last one may be shorter): pieces of
    /// work for `ParallelMap` that are neither one per element nor too few to share.
    func indexRuns(of size: Int) -> [Range<Int>] {
        stride(from: startIndex, to: endIndex, by: Swift.max(1, size)).map { $0..<Swift.min($0 + Swift.max(1, size), endIndex) }
    }
}

extension ProcessInfo {
    static var activeProcessorCountForGugus: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// Two pieces of work at once: one on another core, one on this thread.
enum Concurrently {
    /// Runs `background` on another thread while `foreground` runs on this one, and returns
    /// what `background` gave once both are done.
    static func run<Result: Sendable>(_ background: @escaping @Sendable () -> Result, while foreground: () -> Void) -> Result {
        run(background, alongside: foreground).background
    }

    /// Runs `background` on another thread while `foreground` runs on this one, and returns
    /// what each gave once both are done. (The waiting thread is this one: called from the
    /// main thread, it never holds a worker the background work may need.)
    static func run<Background: Sendable, Foreground>(
        _ background: @escaping @Sendable () -> Background, alongside foreground: () -> Foreground
    ) -> (background: Background, foreground: Foreground) {
        let result = Mutex<Background?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let value = background()
            result.withLock { $0 = value }
            done.signal()
        }
        let foregroundResult = foreground()
        done.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("the background work ended without a result") }
        return (value, foregroundResult)
    }
}

/// Large values freed on another core: a site's tens of thousands of pages, paths and
/// records take tens of milliseconds to free one by one, which the build need not wait for
/// (and a command that exits right after does not pay at all).
enum BackgroundRelease {
    /// Frees `value` on another thread (the caller keeps no other reference to it).
    static func free<Value: Sendable>(_ value: consuming Value) {
        let slot = Slot(value)
        DispatchQueue.global(qos: .utility).async { slot.empty() }
    }

    /// Holds the value until the other thread empties it, so that it is freed there even if
    /// the caller drops the slot last.
    private final class Slot<Value: Sendable>: Sendable {
        private let value: Mutex<Value?>
        init(_ value: consuming Value) { self.value = Mutex(value) }
        func empty() { value.withLock { $0 = nil } }
    }
}
