import Foundation

/// Login throttling: blocks an account or a client address while `maxFailures` failed logins lie within the last `window` seconds.
public struct LoginThrottle: Sendable {
    // Semantics, for the storage and web layers:
    // - A failure at time f counts at time t while t - f < window (half-open: a failure exactly `window` old no
    //   longer counts). Failures stamped slightly in the future by another node's clock count too.
    // - Blocked while at least `maxFailures` failures count. With no new failures that ends when the
    //   `maxFailures`-th most recent failure ages out: blockedUntil = that failure + window. With exactly five
    //   failures this is "the oldest of the last five + 15 minutes".
    // - Callers check accounts and client addresses separately (two calls) and refuse when either is blocked.
    // - Refused attempts are not password checks and must not be recorded as failures; otherwise an attacker
    //   could keep an account locked forever at no cost. Real failures while unblocked are recorded as usual.
    // - Storage needs to keep only failures newer than `window`; older ones are ignored here anyway.

    /// Failures within the window that block further attempts.
    public let maxFailures: Int
    /// How long a failure counts, in seconds; also how far back storage must keep failures.
    public let window: TimeInterval

    /// A throttle blocking after `maxFailures` failures within `window` seconds (defaults: 5 within 15 minutes).
    public init(maxFailures: Int = 5, window: TimeInterval = 900) {
        precondition(maxFailures >= 1, "maxFailures must be at least 1")
        precondition(window > 0 && window.isFinite, "window must be a positive number of seconds")
        self.maxFailures = maxFailures
        self.window = window
    }

    /// When attempts may resume given the recent failure times (any order), or nil when an attempt is allowed now.
    public func blockedUntil(failures: [Date], now: Date) -> Date? {
        let counting = failures.filter { now.timeIntervalSince($0) < window }
        guard counting.count >= maxFailures else { return nil }
        let newestFirst = counting.sorted(by: >)
        // Every counting failure f satisfies f + window > now, so the result always lies in the future.
        return newestFirst[maxFailures - 1].addingTimeInterval(window)
    }
}
