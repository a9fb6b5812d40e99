import Foundation

/// Hears how an import goes.
public protocol ImportProgress: Sendable {
    /// `done` of `total` items of a phase are finished.
    func update(phase: String, done: Int, total: Int)
    /// The import ended with this summary.
    func finish(_ summary: String)
}

/// Progress for people: a bar redrawn in place on a terminal, a plain line every tenth of the way otherwise (logs, CI).
public final class ConsoleProgress: ImportProgress, @unchecked Sendable {
    private let isTerminal: Bool
    private let lock = NSLock()
    private var lastPhase = ""
    private var lastDecile = -1

    /// Progress on standard error; a bar when it is a terminal.
    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    public func update(phase: String, done: Int, total: Int) {
        lock.withLock {
            let total = max(total, 1)
            if isTerminal {
                let width = 30
                let filled = width * done / total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let text = "\r\(phase.padding(toLength: 15, withPad: " ", startingAt: 0)) [\(bar)] \(done)/\(total)"
                FileHandle.standardError.write(Data((text + (done >= total ? "\n" : "")).utf8))
            } else {
                let decile = 10 * done / total
                if phase != lastPhase || decile != lastDecile {
                    lastPhase = phase
                    lastDecile = decile
                    if done == total || decile > 0 || done == 1 {
                        FileHandle.standardError.write(Data("\(phase): \(done)/\(total)\n".utf8))
                    }
                }
            }
        }
    }

    public func finish(_ summary: String) {
        lock.withLock { FileHandle.standardError.write(Data("\(summary)\n".utf8)) }
    }
}

/// Progress that goes nowhere, for tests and the demo seed.
public struct SilentProgress: ImportProgress {
    /// Creates it.
    public init() {}
    public func update(phase: String, done: Int, total: Int) {}
    public func finish(_ summary: String) {}
}
