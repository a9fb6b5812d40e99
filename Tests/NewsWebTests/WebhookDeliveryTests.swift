import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NewsApp
import NewsAuth
import NewsDomain
import NewsStore
import NewsStoreSQLite
import NewsTestSupport
import NewsWeb
import Synchronization
import Testing

/// A tiny HTTP server that receives webhook deliveries over a real socket and answers as the test scripts it.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: HTTPFields
        var body: [UInt8]
    }

    /// How to answer the next requests: status codes (the last repeats), after an optional delay.
    struct Script: Sendable {
        var statuses: [Int] = [200]
        var delay: Duration = .zero
    }

    private let state = Mutex<(received: [Received], script: Script)>(([], Script()))

    var received: [Received] { state.withLock { $0.received } }

    func script(_ script: Script) { state.withLock { $0.script = script } }

    /// Runs the receiver on a free local port while `body` runs.
    func run(_ body: @Sendable (_ baseURL: String) async throws -> Void) async throws {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let (status, delay) = self.state.withLock { state -> (Int, Duration) in
                state.received.append(Received(path: request.uri.path, headers: request.headers, body: Array(buffer: bytes)))
                let status = state.script.statuses.count > 1 ? state.script.statuses.removeFirst() : (state.script.statuses.first ?? 200)
                return (status, state.script.delay)
            }
            if delay > .zero { try await Task.sleep(for: delay) }
            var headers: HTTPFields = [:]
            if (300..<400).contains(status) { headers[.location] = "/followed" }
            return Response(status: .init(code: status), headers: headers)
        }
        let app = Application(router: router, logger: Logger(label: "receiver"))
        try await app.test(.live) { client in
            try await body("http://localhost:\(try #require(client.port))")
        }
    }
}

/// A clock the test moves forward.
final class DeliveryClock: Sendable {
    private let current = Mutex(Fixtures.now)
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A flag one task sets and another reads.
final class DeliveryFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

/// Webhook deliveries end to end: a publication in the store, the deliverer, a real HTTP exchange with a local
/// receiver, signatures, retries with backoff, and a newsroom that never waits for any of it.
@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    struct World {
        let store: SQLiteNewsStore
        let desk: Newsdesk
        let admin: User
        let clock: DeliveryClock
    }

    static func world() async throws -> World {
        let store = try await Fixtures.emptyStore()
        try await store.saveSiteSettings(Fixtures.settings)
        let desk = try await Newsdesk.make(store)
        let admin = try await store.createUser(NewUser(email: "qt@bao.example", name: "Quản Trị", roles: [.administrator], passwordHash: "h"), now: Fixtures.now)
        return World(store: store, desk: desk, admin: admin, clock: DeliveryClock())
    }

    static func deliverer(_ world: World, timeout: TimeInterval = 5) -> WebhookDeliverer {
        let clock = world.clock
        return WebhookDeliverer(
            store: world.store, transport: URLSessionWebhookTransport(timeout: timeout, allowPrivateAddresses: true),
            logger: Logger(label: "test"), clock: { clock.now }
        )
    }

    static func register(_ world: World, url: String, events: [WebhookEvent] = WebhookEvent.allCases) async throws -> (Webhook, String) {
        try await WebhookRegistrar(store: world.store, clock: { Fixtures.now }).register(
            url: url, events: events.map(\.rawValue), description: "Ứng dụng thử", by: world.admin
        )
    }

    static func log(_ world: World, _ webhook: Webhook) async throws -> [WebhookDeliveryRecord] {
        try await world.store.webhookDeliveries(webhookID: webhook.id, page: PageRequest(number: 1, size: 50)).items
    }

    @Test("a delivery carries the event as JSON, signed with HMAC-SHA256 over the timestamp and the exact body with the webhook's secret")
    func signed() async throws {
        let world = try await Self.world()
        let receiver = WebhookReceiver()
        try await receiver.run { base in
            let (webhook, secret) = try await Self.register(world, url: base + "/nhan")
            #expect(secret.hasPrefix("whsec_") && secret.count == 49)
            let article = try await world.desk.published("Tin có chữ ký & “ngoặc”")
            #expect(try await Self.deliverer(world).tick() == 1)

            let request = try #require(receiver.received.first)
            #expect(receiver.received.count == 1)
            #expect(request.path == "/nhan")
            #expect(request.headers[.contentType] == "application/json; charset=utf-8")
            #expect(request.headers[HTTPField.Name("X-Toasoan-Event")!] == "article.published")
            let timestamp = try #require(request.headers[HTTPField.Name("X-Toasoan-Timestamp")!])
            let signature = try #require(request.headers[HTTPField.Name("X-Toasoan-Signature")!])
            #expect(timestamp == String(Int64(world.clock.now.timeIntervalSince1970)))
            #expect(signature.hasPrefix("sha256=") && signature.count == 7 + 64)
            #expect(WebhookSignature.verify(body: request.body, timestamp: timestamp, signature: signature, secret: secret, now: world.clock.now))
            #expect(!WebhookSignature.verify(body: request.body, timestamp: timestamp, signature: signature, secret: secret + "x", now: world.clock.now))
            #expect(!WebhookSignature.verify(body: request.body + [0x20], timestamp: timestamp, signature: signature, secret: secret, now: world.clock.now))
            #expect(!WebhookSignature.verify(
                body: request.body, timestamp: timestamp, signature: signature, secret: secret, now: world.clock.now.addingTimeInterval(301)
            ), "an old delivery replayed later is refused")

            let json = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect(json["event"] as? String == "article.published")
            #expect(json["occurred_at"] as? String == "2023-12-22T09:30:00+07:00")
            let delivery = try #require(json["delivery_id"] as? Int)
            #expect(request.headers[HTTPField.Name("X-Toasoan-Delivery")!] == String(delivery))
            let body = try #require(json["article"] as? [String: Any])
            #expect(body["id"] as? Int == Int(article.id.rawValue))
            #expect(body["title"] as? String == "Tin có chữ ký & “ngoặc”")
            #expect(body["url"] as? String == "https://bao.example/tin-co-chu-ky-ngoac-\(article.id).html")
            #expect(body["published_at"] as? String == "2023-12-22T09:30:00+07:00")
            #expect((body["section"] as? [String: Any])?["slug"] as? String == "kinh-te")

            let log = try await Self.log(world, webhook)
            #expect(log.map(\.status) == [.delivered])
            #expect(log.first?.attempts.map(\.outcome.statusCode) == [200])
            #expect(try await Self.deliverer(world).tick() == 0, "a delivered event is not sent again")
        }
    }

    @Test("a failing endpoint is retried after 1 and 5 minutes, every attempt recorded with its status, until it answers 2xx")
    func retries() async throws {
        let world = try await Self.world()
        let receiver = WebhookReceiver()
        receiver.script(.init(statuses: [500, 503, 204]))
        try await receiver.run { base in
            let (webhook, _) = try await Self.register(world, url: base + "/hong")
            _ = try await world.desk.published("Tin gửi lại")
            let deliverer = Self.deliverer(world)
            #expect(try await deliverer.tick() == 1)
            var log = try await Self.log(world, webhook)
            #expect(log.first?.status == .pending)
            #expect(log.first?.nextAttemptAt == Fixtures.now.addingTimeInterval(60))

            world.clock.advance(by: 59)
            #expect(try await deliverer.tick() == 0, "not before the backoff has passed")
            world.clock.advance(by: 1)
            #expect(try await deliverer.tick() == 1)
            log = try await Self.log(world, webhook)
            #expect(log.first?.nextAttemptAt == Fixtures.now.addingTimeInterval(60 + 300))

            world.clock.advance(by: 299)
            #expect(try await deliverer.tick() == 0)
            world.clock.advance(by: 1)
            #expect(try await deliverer.tick() == 1)
            log = try await Self.log(world, webhook)
            #expect(log.first?.status == .delivered)
            #expect(log.first?.attempts.map(\.outcome.statusCode) == [500, 503, 204])
            #expect(log.first?.attempts.map(\.at) == [0, 60, 360].map { Fixtures.now.addingTimeInterval($0) })
            let bodies = Set(receiver.received.map(\.body))
            #expect(receiver.received.count == 3 && bodies.count == 1, "every attempt sends the same bytes")
        }
    }

    @Test("after six failed attempts (1 min, 5 min, 30 min, 2 h, 12 h apart) a delivery is given up and recorded as failed")
    func givesUp() async throws {
        let world = try await Self.world()
        let receiver = WebhookReceiver()
        receiver.script(.init(statuses: [502]))
        try await receiver.run { base in
            let (webhook, _) = try await Self.register(world, url: base + "/luon-hong")
            _ = try await world.desk.published("Tin không ai nhận")
            let deliverer = Self.deliverer(world)
            #expect(try await deliverer.tick() == 1)
            for delay in WebhookRetryPolicy.standard.delays {
                world.clock.advance(by: delay)
                #expect(try await deliverer.tick() == 1)
            }
            world.clock.advance(by: 86_400 * 7)
            #expect(try await deliverer.tick() == 0)
            let log = try await Self.log(world, webhook)
            #expect(log.first?.status == .failed)
            #expect(log.first?.attempts.count == 6)
            #expect(log.first?.attempts.allSatisfy { $0.outcome.statusCode == 502 } == true)
            #expect(WebhookRetryPolicy.standard.delays == [60, 300, 1_800, 7_200, 43_200])
        }
    }

    @Test("a slow endpoint neither delays nor fails a publication; its attempt times out and is recorded for a retry")
    func slowEndpoint() async throws {
        let world = try await Self.world()
        let receiver = WebhookReceiver()
        receiver.script(.init(statuses: [200], delay: .seconds(8)))
        try await receiver.run { base in
            let (webhook, _) = try await Self.register(world, url: base + "/cham")
            _ = try await world.desk.published("Tin đầu tiên")
            let deliverer = Self.deliverer(world, timeout: 3)
            let finished = DeliveryFlag()
            let sending = Task {
                let count = try await deliverer.tick()
                finished.set()
                return count
            }
            // The delivery is in flight: the receiver has the request and is holding the answer back.
            while receiver.received.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            let second = try await world.desk.published("Tin xuất bản trong lúc đang gửi")
            #expect(!finished.isSet, "the publication waited for the receiver")
            #expect(try await world.store.publishedArticle(id: second.id, now: Fixtures.now) != nil)
            #expect(try await sending.value == 1)
            let log = try await Self.log(world, webhook).sorted { $0.id < $1.id }
            #expect(log.map(\.status) == [.pending, .pending])
            let attempt = try #require(log.first?.attempts.first)
            #expect(attempt.outcome.statusCode == nil)
            #expect(attempt.outcome.error?.contains("timed out") == true)
            #expect(attempt.outcome.duration >= .milliseconds(2_900) && attempt.outcome.duration < .seconds(8))
            #expect(log.first?.nextAttemptAt == Fixtures.now.addingTimeInterval(60))
        }
    }

    @Test("an unreachable endpoint is recorded as an error, and the publication still goes out")
    func unreachable() async throws {
        let world = try await Self.world()
        let (webhook, _) = try await Self.register(world, url: "http://127.0.0.1:9/khong-co-ai")
        let article = try await world.desk.published("Tin khi máy nhận tắt")
        #expect(try await world.store.publishedArticle(id: article.id, now: Fixtures.now) != nil)
        #expect(try await Self.deliverer(world, timeout: 10).tick() == 1)
        let attempt = try #require(try await Self.log(world, webhook).first?.attempts.first)
        #expect(attempt.outcome.statusCode == nil)
        #expect(attempt.outcome.error?.isEmpty == false)
    }

    @Test("redirects are never followed, and private or loopback addresses are refused unless allowed")
    func transportPolicy() async throws {
        let receiver = WebhookReceiver()
        receiver.script(.init(statuses: [302]))
        try await receiver.run { base in
            let request = WebhookRequest(url: try #require(URL(string: base + "/chuyen")), headers: [], body: Data("{}".utf8))
            let redirected = await URLSessionWebhookTransport(timeout: 10, allowPrivateAddresses: true).send(request)
            #expect(redirected.statusCode == 302)
            #expect(!redirected.succeeded)
            #expect(receiver.received.map(\.path) == ["/chuyen"], "the redirect target was not requested")

            let strict = URLSessionWebhookTransport(timeout: 2)
            for target in [base + "/x", "http://127.0.0.1:1/x", "http://[::1]:1/x", "http://10.1.2.3/x", "http://192.168.0.1/x", "http://169.254.169.254/latest"] {
                let refused = await strict.send(WebhookRequest(url: try #require(URL(string: target)), headers: [], body: Data()))
                #expect(refused.statusCode == nil, "\(target)")
                #expect(refused.error?.contains("private or loopback") == true, "\(target): \(refused.error ?? "")")
            }
            #expect(receiver.received.count == 1, "nothing reached the receiver through the strict transport")
            let ftp = await strict.send(WebhookRequest(url: try #require(URL(string: "ftp://nhan.example/x")), headers: [], body: Data()))
            #expect(ftp.error == "only http and https URLs are delivered")
        }
    }
}
