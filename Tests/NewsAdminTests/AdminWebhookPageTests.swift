import Foundation
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import Testing

@Suite("Newsroom: webhooks page")
struct AdminWebhookPageTests {
    @Test("an administrator adds a webhook and sees its secret once, reads its delivery log, and removes it; others may not")
    func webhooks() async throws {
        try await AdminSite.run { site, client in
            try await site.addUser("qt@bao.example", [.administrator])
            try await site.addUser("tbt@bao.example", [.editorInChief])
            let chief = Browser(client)
            try await chief.logIn("tbt@bao.example")
            #expect(try await chief.get("/toa-soan/webhook").status == .forbidden)
            #expect(!(try await chief.get("/toa-soan/").text.contains("/toa-soan/webhook")), "no link for those who may not")

            let admin = Browser(client)
            try await admin.logIn("qt@bao.example")
            let empty = try await admin.get("/toa-soan/webhook")
            #expect(empty.status == .ok)
            #expect(empty.text.contains(#"<a href="/toa-soan/webhook" aria-current="page">Webhook</a>"#), "the navigation links it")
            #expect(empty.text.contains(#"value="article.published""#))

            let refused = try await admin.post("/toa-soan/webhook", [("url", "ftp://sai.example/x"), ("description", "<b>Đối tác</b>")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Địa chỉ nhận phải là URL đầy đủ"))
            #expect(refused.text.contains("Hãy chọn ít nhất một sự kiện."))
            #expect(refused.text.contains("&lt;b&gt;Đối tác&lt;/b&gt;"), "what was typed is kept, escaped")
            #expect(try await site.store.webhooks().isEmpty)

            let forged = try await admin.post("/toa-soan/webhook", [("url", "https://doitac.example/x"), ("events", "article.published")], csrf: "gia-mao")
            #expect(forged.status == .forbidden)
            #expect(try await site.store.webhooks().isEmpty)

            try await admin.get("/toa-soan/webhook")
            let created = try await admin.post("/toa-soan/webhook", [
                ("url", "https://doitac.example/nhan?a=1&b=2"), ("events", "article.published"), ("events", "article.unpublished"),
                ("description", "Ứng dụng <di động>"),
            ])
            #expect(created.status == .ok)
            let webhook = try #require(try await site.store.webhooks().first)
            #expect(webhook.events == [.published, .unpublished])
            #expect(webhook.description == "Ứng dụng <di động>")
            let secret = try #require(created.text.range(of: #"whsec_[A-Za-z0-9_-]{43}"#, options: .regularExpression).map { String(created.text[$0]) })
            #expect(webhook.secretHint == String(secret.suffix(4)))
            #expect(created.text.contains("https://doitac.example/nhan?a=1&amp;b=2"))
            #expect(created.text.contains("Ứng dụng &lt;di động&gt;"))
            let later = try await admin.get("/toa-soan/webhook")
            #expect(!later.text.contains(secret), "the secret is shown only once")
            #expect(later.text.contains("…\(webhook.secretHint)"))

            let log = try await admin.get("/toa-soan/webhook/\(webhook.id.rawValue)")
            #expect(log.status == .ok)
            #expect(log.text.contains("Webhook #\(webhook.id.rawValue)"))
            #expect(try await admin.get("/toa-soan/webhook/999").status == .notFound)

            try await admin.get("/toa-soan/webhook")
            let removed = try await admin.post("/toa-soan/webhook/\(webhook.id.rawValue)/xoa", [])
            #expect(removed.status == .seeOther)
            #expect(try await site.store.webhooks().isEmpty)
        }
    }
}
