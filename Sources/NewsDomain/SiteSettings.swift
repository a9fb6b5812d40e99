/// What the paper says about itself on every page: its name, and the masthead that Vietnamese law (Luật Báo chí 2016,
/// Điều 46) requires an e-newspaper to show — governing body, licence, editor-in-chief, address and contacts.
public struct SiteSettings: Hashable, Sendable, Codable {
    /// The paper's name, e.g. "Báo Tòa Soạn".
    public var name: String
    /// A line under the name.
    public var tagline: String
    /// Public address of the site without a trailing slash, used for canonical and shared links.
    public var baseURL: String
    /// Cơ quan chủ quản.
    public var governingBody: String
    /// Licence number, e.g. "123/GP-BTTTT".
    public var licenceNumber: String
    /// Licence date, ISO 8601 day ("2024-01-15").
    public var licenceDate: String
    /// Who issued the licence.
    public var licenceIssuer: String
    /// Tổng biên tập.
    public var editorInChief: String
    /// Phó tổng biên tập, if any.
    public var deputyEditors: [String]
    /// Postal address of the newsroom.
    public var address: String
    /// Telephone.
    public var phone: String
    /// E-mail.
    public var email: String
    /// Where readers can follow the paper ("Theo dõi … trên").
    public var followLinks: [FollowLink]
    /// Copyright line.
    public var copyright: String

    /// Creates settings.
    public init(
        name: String, tagline: String = "", baseURL: String = "http://127.0.0.1:8080", governingBody: String = "",
        licenceNumber: String = "", licenceDate: String = "", licenceIssuer: String = "", editorInChief: String = "",
        deputyEditors: [String] = [], address: String = "", phone: String = "", email: String = "",
        followLinks: [FollowLink] = [], copyright: String = ""
    ) {
        self.name = name
        self.tagline = tagline
        self.baseURL = baseURL
        self.governingBody = governingBody
        self.licenceNumber = licenceNumber
        self.licenceDate = licenceDate
        self.licenceIssuer = licenceIssuer
        self.editorInChief = editorInChief
        self.deputyEditors = deputyEditors
        self.address = address
        self.phone = phone
        self.email = email
        self.followLinks = followLinks
        self.copyright = copyright
    }

    /// What a new, empty newspaper shows until an administrator fills in its masthead.
    public static let initial = SiteSettings(name: "Tòa Soạn", tagline: "Báo điện tử")

    enum CodingKeys: String, CodingKey {
        case name, tagline, address, phone, email, copyright
        case baseURL = "base_url"
        case governingBody = "governing_body"
        case licenceNumber = "licence_number"
        case licenceDate = "licence_date"
        case licenceIssuer = "licence_issuer"
        case editorInChief = "editor_in_chief"
        case deputyEditors = "deputy_editors"
        case followLinks = "follow_links"
    }

    /// Decodes settings, tolerating keys that a newer or older version did not write.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try c.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name) ?? SiteSettings.initial.name,
            tagline: try text(.tagline), baseURL: try c.decodeIfPresent(String.self, forKey: .baseURL) ?? "http://127.0.0.1:8080",
            governingBody: try text(.governingBody), licenceNumber: try text(.licenceNumber),
            licenceDate: try text(.licenceDate), licenceIssuer: try text(.licenceIssuer),
            editorInChief: try text(.editorInChief),
            deputyEditors: try c.decodeIfPresent([String].self, forKey: .deputyEditors) ?? [],
            address: try text(.address), phone: try text(.phone), email: try text(.email),
            followLinks: try c.decodeIfPresent([FollowLink].self, forKey: .followLinks) ?? [],
            copyright: try text(.copyright)
        )
    }
}

/// A place where readers can follow the paper.
public struct FollowLink: Hashable, Sendable, Codable {
    /// Network name, e.g. "Facebook".
    public var name: String
    /// Address of the paper's page there.
    public var url: String

    /// Creates a link.
    public init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}
