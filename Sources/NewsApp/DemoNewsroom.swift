import Foundation
import NewsAuth
import NewsDomain
import NewsImages
import NewsStore
import NewsText

/// The demo newspaper: sections, topics, bylines, masthead and articles written for this project, with illustrations
/// the project draws itself. Seeded only into an empty database.
public struct DemoNewsroom: Sendable {
    struct Newsroom: Decodable {
        struct SectionEntry: Decodable {
            var slug: String
            var name: String
            var parent: String?
            var description: String?
        }
        struct TopicEntry: Decodable {
            var slug: String
            var name: String
            var description: String?
        }
        struct AuthorEntry: Decodable {
            var name: String
            var title: String?
            var bio: String?
        }
        var site: SiteSettings
        var sections: [SectionEntry]
        var topics: [TopicEntry]
        var authors: [AuthorEntry]
    }

    struct DemoArticle: Decodable {
        struct Image: Decodable {
            var src: String
            var motif: String
            var alt: String
            var caption: String
            var credit: String
        }
        var id: String
        var title: String
        var sapo: String
        var body: String
        var section: String
        var tags: [String]
        var topic: String?
        var author: String
        var age_minutes: Int
        var images: [Image]
        var related: [String]?
        var home: String?
    }

    /// Where the demo's text lives (the module's resources).
    let resources: URL
    let mediaDirectory: String

    /// The demo bundled with Tòa Soạn, drawing its images into `mediaDirectory`.
    public init(mediaDirectory: String) throws(ConfigurationError) {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("demo"),
              FileManager.default.fileExists(atPath: url.appendingPathComponent("newsroom.json").path)
        else {
            throw ConfigurationError(problems: ["the demo content is missing from this build (resource folder demo/ of NewsApp)"])
        }
        self.init(resources: url, mediaDirectory: mediaDirectory)
    }

    init(resources: URL, mediaDirectory: String) {
        self.resources = resources
        self.mediaDirectory = mediaDirectory
    }

    /// Seeds the demo into `store` when it has no articles; returns how many articles were seeded (0 when the
    /// database already had content and was left alone).
    @discardableResult
    public func seed(into store: any NewsStorage, baseURL: String, now: Date = Date()) async throws -> Int {
        guard try await store.articleCount() == 0 else { return 0 }
        let newsroom = try JSONDecoder().decode(Newsroom.self, from: Data(contentsOf: resources.appendingPathComponent("newsroom.json")))
        var site = newsroom.site
        site.baseURL = baseURL
        try await store.saveSiteSettings(site)
        for (position, section) in newsroom.sections.enumerated() {
            try await store.saveSection(
                slug: section.slug, name: section.name, parentSlug: section.parent, position: position,
                description: section.description ?? ""
            )
        }
        for topic in newsroom.topics {
            try await store.saveTopic(slug: topic.slug, name: topic.name, description: topic.description ?? "")
        }
        for author in newsroom.authors {
            try await store.saveAuthor(
                slug: Slug.make(author.name), name: author.name, title: author.title ?? "",
                bio: author.bio ?? "\(author.name) là \((author.title ?? "phóng viên").lowercased()) của \(site.name)."
            )
        }
        let articles = try loadArticles()
        let inputs = try articles.map { try input(for: $0, now: now) }
        let result = try await store.importArticles(inputs, now: now)
        let idsByExternal = Dictionary(uniqueKeysWithValues: zip(articles.map(\.id), result.created))
        let top = articles.first { $0.home == "top" }.flatMap { idsByExternal[$0.id] }
        let featured = articles.filter { $0.home == "featured" }.sorted { $0.age_minutes < $1.age_minutes }
            .compactMap { idsByExternal[$0.id] }
        try await store.saveHomeLayout(HomeLayout(topStory: top, featured: featured))
        return result.created.count
    }

    /// A demo login, printed once when it is made.
    public struct DemoLogin: Sendable, Equatable {
        /// The role it is for.
        public var role: Role
        /// Login e-mail.
        public var email: String
        /// The generated password (stored only as a bcrypt hash).
        public var password: String
    }

    /// One account per role with a freshly generated password, made only when the database has no account yet, so
    /// a newcomer can try the whole approval chain. Without `--demo` no account and no password ever exist by default.
    public func seedAccounts(into store: any UserStore & AuditLog, hasher: PasswordHasher = PasswordHasher(cost: 10), now: Date = Date()) async throws -> [DemoLogin] {
        guard try await store.users().isEmpty else { return [] }
        let people: [(Role, String, String)] = [
            (.reporter, "phongvien", "Phóng viên Demo"), (.sectionEditor, "bientapvien", "Biên tập viên Demo"),
            (.copyDesk, "thukytoasoan", "Thư ký tòa soạn Demo"), (.editorInChief, "tongbientap", "Tổng biên tập Demo"),
            (.administrator, "quantri", "Quản trị Demo"),
        ]
        var logins: [DemoLogin] = []
        for (role, handle, name) in people {
            let password = Self.generatePassword()
            let email = "\(handle)@toasoan.demo"
            _ = try await store.createUser(
                NewUser(email: email, name: name, roles: [role], passwordHash: hasher.hash(password)), now: now
            )
            logins.append(DemoLogin(role: role, email: email, password: password))
        }
        try await store.record(AuditEntry(action: "user.add", at: now, userID: nil, actorName: "toasoan --demo", note: "demo accounts"))
        return logins
    }

    /// Four groups of four letters and digits, e.g. "k7dq-m2fa-9xwe-p4tn": easy to type, 80 bits of randomness.
    static func generatePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }) }
            .joined(separator: "-")
    }

    /// Every demo article, from every `articles-*.jsonl` file, in file order.
    func loadArticles() throws -> [DemoArticle] {
        let files = try FileManager.default.contentsOfDirectory(atPath: resources.path)
            .filter { $0.hasPrefix("articles") && $0.hasSuffix(".jsonl") }.sorted()
        let decoder = JSONDecoder()
        return try files.flatMap { file in
            let text = try String(contentsOf: resources.appendingPathComponent(file), encoding: .utf8)
            return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
                try decoder.decode(DemoArticle.self, from: Data($0.utf8))
            }
        }
    }

    /// The import input of a demo article, with its illustrations drawn (once) into the media directory.
    private func input(for article: DemoArticle, now: Date) throws -> ArticleInput {
        var body = article.body
        var images: [ImageInput] = []
        for (index, image) in article.images.enumerated() {
            let relative = "demo/\(article.id)-\(index + 1).jpg"
            let path = URL(fileURLWithPath: mediaDirectory).appendingPathComponent(relative).path
            let illustration = Illustration(motif: Motif(rawValue: image.motif) ?? .globe, seed: Self.seed(relative))
            if !FileManager.default.fileExists(atPath: path) {
                try FileManager.default.createDirectory(
                    atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true
                )
                try IllustrationPainter().paint(illustration, to: path)
            }
            body = ArticleFileImporter.replacingImageReferences(in: body, from: image.src, to: relative)
            images.append(ImageInput(
                src: relative, alt: image.alt, caption: image.caption, credit: image.credit,
                width: illustration.width, height: illustration.height
            ))
        }
        return ArticleInput(
            externalID: article.id, title: article.title, sapo: article.sapo, body: body, sectionSlug: article.section,
            tags: article.tags, topic: article.topic, author: article.author,
            publishedAt: now.addingTimeInterval(-Double(article.age_minutes) * 60), images: images, status: .published,
            related: article.related ?? []
        )
    }

    /// A stable seed from a name (FNV-1a), so the same demo draws the same pictures on every machine.
    static func seed(_ name: String) -> UInt64 {
        name.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
