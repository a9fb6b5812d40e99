import Foundation
import Hummingbird
import HummingbirdTesting
import NewsDomain
import NewsStore
import NewsTestSupport
import NewsWeb
import Testing

@Suite("Related box on the article page")
struct RelatedArticlesReaderTests {
    typealias Story = Fixtures.Story

    /// The "Tin liên quan" box of an article page (empty when the page has none).
    static func relatedBox(_ html: String) -> String {
        guard let start = html.range(of: "id=\"tin-lien-quan\""),
              let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test("a text-similar article from another section is shown without any curated, topic or tag link, before the section's")
    func similarShown() async throws {
        // The race and its results are in different sections and share no tag, topic or link; the bus story shares the
        // race's section only.
        let articles = [
            Fixtures.input(.boatRace, minutesAgo: 90), Fixtures.input(.boatRaceResults, section: "kinh-te", minutesAgo: 80),
            Fixtures.input(.electricBus, minutesAgo: 70), Fixtures.input(.ricePrice, section: "kinh-te", minutesAgo: 60),
        ]
        try await TestSite.run(articles: articles) { site, ids, client in
            let race = try #require(try await site.store.publishedArticle(id: ids["boatRace"]!, now: Fixtures.now))
            let path = "/\(race.slug)-\(race.id).html"
            let results = ids["boatRaceResults"]!
            let box = try await client.execute(uri: path, method: .get) { Self.relatedBox($0.text) }
            #expect(box.contains(Story.boatRaceResults.title))
            #expect(box.contains("-\(results).html"))
            #expect(!box.contains(Story.ricePrice.title), "unrelated and in another section")
            let similarAt = try #require(box.range(of: Story.boatRaceResults.title))
            let sectionAt = try #require(box.range(of: Story.electricBus.title), "the same-section tier still follows")
            #expect(similarAt.lowerBound < sectionAt.lowerBound)

            // Taking the similar article down refreshes the cached page within one poll of the change log.
            let desk = try await Newsdesk.make(site.store)
            try await desk.act(.takedown, results, by: desk.editorInChief, note: "Gỡ để kiểm tra", now: Fixtures.now)
            try await site.follower.poll()
            let after = try await client.execute(uri: path, method: .get) { Self.relatedBox($0.text) }
            #expect(!after.contains(Story.boatRaceResults.title))
            #expect(after.contains(Story.electricBus.title))
        }
    }
}
