import Foundation
import NewsDomain
import NewsStore
import Testing

@Suite("Page arithmetic")
struct PageTests {
    @Test("requests clamp to sane values")
    func clamping() {
        #expect(PageRequest(number: 0, size: 20).number == 1)
        #expect(PageRequest(number: 3, size: 100_000).size == PageRequest.maxSize)
        #expect(PageRequest(number: 3, size: 20).offset == 40)
    }

    @Test("page counts and neighbours", arguments: [
        (0, 1, 1, false, false, false), (20, 1, 1, false, false, false), (21, 1, 2, true, false, false),
        (21, 2, 2, false, true, false), (21, 3, 2, false, true, true), (0, 2, 1, false, true, true),
    ])
    func neighbours(total: Int, number: Int, pages: Int, next: Bool, previous: Bool, beyond: Bool) {
        let page = Page<Int>(items: [], request: PageRequest(number: number, size: 20), totalCount: total)
        #expect(page.pageCount == pages)
        #expect(page.hasNext == next)
        #expect(page.hasPrevious == previous)
        #expect(page.isBeyondEnd == beyond)
    }

    @Test("dependency tokens reject junk", arguments: ["", "x:1", "a:", "a:b", "latest2"])
    func junkTokens(token: String) {
        #expect(ContentDependency(token: token) == nil)
    }

    @Test("normalising an input makes its text NFC and trims single-line fields")
    func normalization() {
        let nfd = "Hòa Bình".decomposedStringWithCanonicalMapping
        let input = ArticleInput(title: "  \(nfd) ", sapo: nfd, body: nfd, sectionSlug: " the-gioi ", tags: [nfd], author: nfd).normalized()
        #expect(Array(input.title.utf8) == Array("Hòa Bình".utf8))
        #expect(input.sectionSlug == "the-gioi")
        #expect(Array(input.tags[0].utf8) == Array("Hòa Bình".utf8))
    }
}
