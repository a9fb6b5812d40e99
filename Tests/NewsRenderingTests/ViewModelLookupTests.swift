import Foundation
import Testing
import NewsDomain
@testable import NewsRendering

/// View models answer templates by name through a hand-written switch (much faster than Mirror); this checks that
/// every stored property is answered, with its own value, for every view model a page uses.
@Suite("View model lookup")
struct ViewModelLookupTests {
    @Test("every stored property of every view model is found by name")
    func everyPropertyAnswers() {
        let fixtures = Fixtures()
        let assets = ThemeAssetPaths(theme: TestTheme.theme)
        let chrome = fixtures.chrome
        let pages: [Any] = [
            ArticlePage(content: fixtures.articleContent(), chrome: chrome, assets: assets),
            HomePage(content: fixtures.home, chrome: chrome, assets: assets),
            ListingPage(content: fixtures.listing(.section(fixtures.theGioi), page: 3, pageCount: 9), chrome: chrome, assets: assets),
            ErrorPage(content: .notFound, chrome: chrome, assets: assets),
            ArticlePage(content: Self.corrected(fixtures), chrome: chrome, assets: assets),
            CorrectionsPage(
                content: CorrectionsPageContent(
                    items: [(correction: Self.correction, article: fixtures.summary(1))], pageNumber: 2, pageCount: 3, totalCount: 41
                ),
                chrome: chrome, assets: assets
            ),
        ]
        var visited: Set<String> = []
        for page in pages { check(page, path: "\(type(of: page))", visited: &visited) }
        let expected: Set<String> = [
            "SiteContext", "LegalFooter", "NavItem", "FollowLinkItem", "PageMeta", "PageLink", "ArticleCard", "CardImage",
            "FigureView", "Pagination", "PageNumber", "ArticlePage", "HomePage", "SectionBlockView", "ListingPage", "ErrorPage",
            "CorrectionView", "CorrectionsPage", "CorrectionEntry",
        ]
        #expect(visited == expected)
    }

    static let correction = Correction(
        id: 1, articleID: ArticleID(42), note: "Sửa số liệu", createdAt: Fixtures.published, createdByName: "Đỗ Thư Ký"
    )

    static func corrected(_ fixtures: Fixtures) -> ArticlePageContent {
        var content = fixtures.articleContent()
        content.corrections = [correction]
        return content
    }

    private func check(_ value: Any, path: String, visited: inout Set<String>) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() { check(element, path: "\(path)[\(index)]", visited: &visited) }
            return
        }
        guard isViewModel(value) else { return }
        visited.insert("\(type(of: value))")
        #expect(templateValue(value, named: "noSuchProperty") == nil)
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let answered = templateValue(value, named: label)
            #expect(answered != nil, "\(path).\(label) is not answered by child(named:)")
            if let answered {
                #expect(String(describing: answered) == String(describing: child.value), "\(path).\(label)")
            }
            check(child.value, path: "\(path).\(label)", visited: &visited)
        }
    }
}
