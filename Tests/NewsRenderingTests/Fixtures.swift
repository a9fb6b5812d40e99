import Foundation
import NewsDomain
@testable import NewsRendering

/// Domain values for rendering tests. With `hostile`, every text field carries markup, quotes and an ampersand, so
/// that a test can prove each one is escaped wherever it is shown.
struct Fixtures {
    /// What hostile fixtures add to every text field.
    static let evil = #"<script>alert(1)</script> "quotes" & more"#
    /// How `evil` reads once escaped.
    static let evilEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; more"
    /// The raw pieces that must never reach a page.
    static let rawScript = "<script>alert(1)</script>"

    let hostile: Bool

    init(hostile: Bool = false) { self.hostile = hostile }

    /// `text`, with the hostile payload appended when the fixtures are hostile.
    func t(_ text: String) -> String { hostile ? "\(text) \(Self.evil)" : text }

    /// 2023-12-22 10:30 in Hà Nội.
    static let published = Date(timeIntervalSince1970: 1_703_215_800)
    /// Sunday 2026-11-29 08:00 in Hà Nội.
    static let now = Date(timeIntervalSince1970: 1_795_914_000)

    static func date(minutesBefore minutes: Int) -> Date { published.addingTimeInterval(Double(-minutes * 60)) }

    // MARK: Site

    var settings: SiteSettings {
        SiteSettings(
            name: t("Báo Tòa Soạn"), tagline: t("Tin tức đối ngoại"), baseURL: "https://toasoan.example/",
            governingBody: t("Hội Nhà báo Việt Nam"), licenceNumber: t("123/GP-BTTTT"), licenceDate: "2024-01-15",
            licenceIssuer: t("Bộ Thông tin và Truyền thông"), editorInChief: t("Nguyễn Văn An"),
            deputyEditors: [t("Trần Thị Bình"), t("Lê Văn Cường")], address: t("Số 1 Phố Huế, Hà Nội"),
            phone: t("024 3825 0000"), email: t("toasoan@example.vn"),
            followLinks: [
                FollowLink(name: t("Facebook"), url: hostile ? #"https://facebook.com/toasoan?a=1&b="x""# : "https://facebook.com/toasoan"),
                FollowLink(name: t("YouTube"), url: "https://www.youtube.com/@toasoan"),
                FollowLink(name: t("Zalo"), url: "javascript:alert(1)"),
                FollowLink(name: t("Google News"), url: " JaVaScRiPt:alert(1)"),
                FollowLink(name: t("RSS"), url: "/rss"),
            ],
            copyright: t("© 2026 Báo Tòa Soạn. Giữ toàn quyền.")
        )
    }

    var thoiSu: Section { Section(id: SectionID(1), slug: "thoi-su", name: t("Thời sự"), position: 1, description: t("Tin thời sự trong nước")) }
    var theGioi: Section { Section(id: SectionID(2), slug: "the-gioi", name: t("Thế giới"), position: 2) }
    var chauA: Section { Section(id: SectionID(3), slug: "chau-a", name: t("Châu Á"), parentID: SectionID(2), position: 1) }
    var chauAu: Section { Section(id: SectionID(4), slug: "chau-au", name: t("Châu Âu"), parentID: SectionID(2), position: 2) }
    var kinhTe: Section { Section(id: SectionID(5), slug: "kinh-te", name: t("Kinh tế"), position: 3) }

    var sections: [Section] { [thoiSu, theGioi, chauA, chauAu, kinhTe] }

    var chrome: SiteChrome { SiteChrome(settings: settings, sections: sections, now: Self.now) }

    // MARK: Article

    var featuredImage: Media {
        Media(
            id: MediaID(10), src: "2023/12/hoi-nghi.jpg", width: 1200, height: 800, alt: t("Toàn cảnh hội nghị"),
            caption: t("Các đại biểu tại hội nghị"), credit: t("TTXVN")
        )
    }

    var bodyImage: Media {
        Media(
            id: MediaID(11), src: "2023/12/ky-ket.jpg", width: 1000, height: 600, alt: t("Lễ ký kết"),
            caption: t("Lễ ký kết thỏa thuận hợp tác"), credit: t("Minh Hòa")
        )
    }

    var author: Author { Author(id: AuthorID(7), slug: "minh-anh", name: t("Minh Anh"), title: t("Phóng viên Thế giới"), bio: t("Chuyên viết về ASEAN.")) }
    var tag: Tag { Tag(id: TagID(3), slug: "asean", name: t("ASEAN")) }
    var topic: Topic { Topic(id: TopicID(4), slug: "hoi-nghi-asean-2023", name: t("Hội nghị ASEAN 2023"), description: t("Diễn biến hội nghị")) }

    /// A body that places the second image (not the featured one), with a table and raw HTML that must not survive.
    var body: String {
        """
        Đoạn mở đầu của bài viết, \(t("nói về hội nghị")).

        <script>alert(1)</script>

        ![Ảnh ký kết](2023/12/ky-ket.jpg)

        ## Những điểm chính

        | Nước | Kết quả |
        |---|---|
        | Việt Nam | Đồng ý |

        Đoạn kết với một đường dẫn rất dài https://example.com/\(String(repeating: "duong-dan-rat-dai-", count: 12)).
        """
    }

    func article(body: String? = nil, images: [Media]? = nil) -> Article {
        Article(
            id: ArticleID(42), status: .published, slug: "hoi-nghi-asean", title: t("Hội nghị Cấp cao ASEAN lần thứ 43 khai mạc"),
            sapo: t("Sáng 22/12, tại Jakarta, Hội nghị Cấp cao ASEAN lần thứ 43 đã khai mạc với sự tham dự của lãnh đạo các nước thành viên."),
            body: body ?? self.body, section: chauA, topic: topic,
            tags: [tag, Tag(id: TagID(5), slug: "ngoai-giao", name: t("Ngoại giao"))],
            authors: [author, Author(id: AuthorID(8), slug: "thu-ha", name: t("Thu Hà"))],
            images: images ?? [featuredImage, bodyImage], publishedAt: Self.published, updatedAt: Self.published
        )
    }

    /// Summary number `n`, in `section`, with an image when `image` is set.
    func summary(_ n: Int, section: Section? = nil, image: Bool = true) -> ArticleSummary {
        ArticleSummary(
            id: ArticleID(Int64(100 + n)), slug: "bai-viet-so-\(n)", title: t("Bài viết số \(n)"),
            sapo: t("Phần tóm tắt của bài viết số \(n) kể lại diễn biến chính, các nhân vật liên quan và những gì sẽ xảy ra tiếp theo trong những ngày tới, theo nguồn tin của phóng viên."),
            section: section ?? thoiSu, authors: [author],
            featuredImage: image
                ? Media(id: MediaID(Int64(200 + n)), src: "anh/\(n).jpg", width: 600, height: 400, alt: t("Ảnh bài \(n)"), caption: t("Chú thích \(n)"), credit: t("PV"))
                : nil,
            publishedAt: Self.date(minutesBefore: n * 30)
        )
    }

    func articleContent(body: String? = nil, images: [Media]? = nil) -> ArticlePageContent {
        ArticlePageContent(
            article: article(body: body, images: images),
            related: (1...7).map { summary($0, section: theGioi) },
            readMore: (11...14).map { summary($0, section: kinhTe) }
        )
    }

    // MARK: Home, listing, error

    var home: HomePageContent {
        HomePageContent(
            topStory: summary(1),
            featured: (2...5).map { summary($0, section: theGioi) },
            latest: (6...10).map { summary($0, image: false) },
            sectionBlocks: [
                SectionBlock(section: thoiSu, articles: (20...23).map { summary($0) }),
                SectionBlock(section: kinhTe, articles: (30...32).map { summary($0, section: kinhTe) }),
                SectionBlock(section: chauAu, articles: []),
            ]
        )
    }

    func listing(_ subject: ListingSubject, page: Int = 1, pageCount: Int = 1, articles: [ArticleSummary]? = nil) -> ListingPageContent {
        let list = articles ?? (1...3).map { summary($0) }
        return ListingPageContent(subject: subject, articles: list, pageNumber: page, pageCount: pageCount, totalCount: pageCount * 20)
    }

    var error: ErrorPageContent {
        ErrorPageContent(status: 500, title: t("Đã có lỗi xảy ra"), message: t("Mời bạn thử lại sau ít phút."))
    }
}
