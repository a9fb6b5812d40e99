import NewsWeb
import Testing

@Suite("X-Forwarded-For is believed from trusted proxies only")
struct TrustedProxiesTests {
    let nginx = TrustedProxies(addresses: ["127.0.0.1", "::1"])

    @Test("from a trusted proxy, the client is the nearest address that is not a proxy")
    func trusted() {
        #expect(nginx.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        // A client that sends its own header cannot choose its address: the proxy appends the real one.
        #expect(nginx.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.1, 203.0.113.7"]) == "203.0.113.7")
        #expect(nginx.client(peer: "::1", forwardedFor: ["198.51.100.1", "203.0.113.7, 127.0.0.1"]) == "203.0.113.7")
        // Only proxies in the chain: the first one.
        #expect(nginx.client(peer: "127.0.0.1", forwardedFor: ["127.0.0.1"]) == "127.0.0.1")
    }

    @Test("from anyone else, or without the header, the peer stands")
    func untrusted() {
        #expect(nginx.client(peer: "203.0.113.7", forwardedFor: ["10.0.0.1"]) == nil)
        #expect(nginx.client(peer: nil, forwardedFor: ["10.0.0.1"]) == nil)
        #expect(nginx.client(peer: "127.0.0.1", forwardedFor: []) == nil)
        #expect(nginx.client(peer: "127.0.0.1", forwardedFor: [" , "]) == nil)
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == nil)
    }
}
