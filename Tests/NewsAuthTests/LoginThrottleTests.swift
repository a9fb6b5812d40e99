import Foundation
import NewsAuth
import Testing

@Suite("Login throttling")
struct LoginThrottleTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    let throttle = LoginThrottle()

    static func ago(_ seconds: TimeInterval...) -> [Date] {
        seconds.map { now.addingTimeInterval(-$0) }
    }

    @Test("defaults are five failures within fifteen minutes")
    func defaults() {
        #expect(throttle.maxFailures == 5)
        #expect(throttle.window == 900)
    }

    @Test("no failures or four recent failures leave logins open")
    func underLimit() {
        #expect(throttle.blockedUntil(failures: [], now: Self.now) == nil)
        #expect(throttle.blockedUntil(failures: Self.ago(1, 2, 3, 4), now: Self.now) == nil)
    }

    @Test("five recent failures block until the oldest of them is fifteen minutes old")
    func fiveFailures() {
        let blocked = throttle.blockedUntil(failures: Self.ago(600, 500, 400, 300, 200), now: Self.now)
        #expect(blocked == Self.now.addingTimeInterval(300))
    }

    @Test("with more than five, the fifth most recent decides, in whatever order storage returns them")
    func moreThanFive() {
        let failures = Self.ago(100, 800, 300, 700, 200, 600, 10)
        #expect(throttle.blockedUntil(failures: failures, now: Self.now) == Self.now.addingTimeInterval(900 - 600))
    }

    @Test("failures older than the window are ignored")
    func oldIgnored() {
        #expect(throttle.blockedUntil(failures: Self.ago(5000, 1000, 901, 40, 30, 20, 10), now: Self.now) == nil)
    }

    @Test("a failure exactly one window old no longer counts; a moment younger still does")
    func boundaryOfWindow() {
        #expect(throttle.blockedUntil(failures: Self.ago(900, 40, 30, 20, 10), now: Self.now) == nil)
        let blocked = throttle.blockedUntil(failures: Self.ago(899.5, 40, 30, 20, 10), now: Self.now)
        #expect(blocked == Self.now.addingTimeInterval(0.5))
    }

    @Test("blocked up to the moment returned, open from that moment on")
    func boundaryOfBlock() throws {
        let failures = Self.ago(600, 500, 400, 300, 200)
        let until = try #require(throttle.blockedUntil(failures: failures, now: Self.now))
        #expect(throttle.blockedUntil(failures: failures, now: until.addingTimeInterval(-0.001)) == until)
        #expect(throttle.blockedUntil(failures: failures, now: until) == nil)
    }

    @Test("the returned time is always in the future")
    func alwaysFuture() {
        for offset in stride(from: 0.0, through: 899.0, by: 37.0) {
            let failures = Self.ago(offset, offset, offset, offset, offset)
            if let until = throttle.blockedUntil(failures: failures, now: Self.now) {
                #expect(until > Self.now)
            } else {
                Issue.record("five failures \(offset) s ago should block")
            }
        }
    }

    @Test("failures stamped slightly ahead by another node's clock count")
    func clockSkew() {
        let failures = [Self.now.addingTimeInterval(2)] + Self.ago(40, 30, 20, 10)
        #expect(throttle.blockedUntil(failures: failures, now: Self.now) == Self.now.addingTimeInterval(900 - 40))
    }

    @Test("limit and window are configurable")
    func custom() {
        let strict = LoginThrottle(maxFailures: 3, window: 60)
        #expect(strict.blockedUntil(failures: Self.ago(50, 40), now: Self.now) == nil)
        #expect(strict.blockedUntil(failures: Self.ago(50, 40, 30), now: Self.now) == Self.now.addingTimeInterval(10))
        #expect(strict.blockedUntil(failures: Self.ago(70, 40, 30), now: Self.now) == nil)
    }
}
