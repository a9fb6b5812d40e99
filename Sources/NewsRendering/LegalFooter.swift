import Foundation
import NewsDomain

/// The lines Vietnamese law asks an e-newspaper to show on every page; a line whose value is empty is left out.
struct LegalFooter: Sendable {
    let name: String
    /// "Cơ quan chủ quản: …".
    let governingBody: String
    let hasGoverningBody: Bool
    /// "Giấy phép số … do … cấp ngày dd/mm/yyyy".
    let licence: String
    let hasLicence: Bool
    /// "Tổng biên tập: …".
    let editorInChief: String
    let hasEditorInChief: Bool
    /// "Phó Tổng biên tập: …, …".
    let deputyEditors: String
    let hasDeputyEditors: Bool
    /// "Địa chỉ: …".
    let address: String
    let hasAddress: Bool
    /// "Điện thoại: … · Email: …".
    let phone: String
    let hasPhone: Bool
    let email: String
    let hasEmail: Bool
    let hasPhoneAndEmail: Bool
    let hasContact: Bool
    /// Copyright line.
    let copyright: String
    let hasCopyright: Bool

    init(_ settings: SiteSettings) {
        func clean(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
        name = settings.name
        governingBody = clean(settings.governingBody)
        hasGoverningBody = !governingBody.isEmpty
        let number = clean(settings.licenceNumber)
        if number.isEmpty {
            licence = ""
        } else {
            var line = "Giấy phép số \(number)"
            let issuer = clean(settings.licenceIssuer)
            if !issuer.isEmpty { line += " do \(issuer)" }
            let date = Self.day(clean(settings.licenceDate))
            if !date.isEmpty { line += " cấp ngày \(date)" }
            licence = line
        }
        hasLicence = !licence.isEmpty
        editorInChief = clean(settings.editorInChief)
        hasEditorInChief = !editorInChief.isEmpty
        deputyEditors = settings.deputyEditors.map(clean).filter { !$0.isEmpty }.joined(separator: ", ")
        hasDeputyEditors = !deputyEditors.isEmpty
        address = clean(settings.address)
        hasAddress = !address.isEmpty
        phone = clean(settings.phone)
        hasPhone = !phone.isEmpty
        email = clean(settings.email)
        hasEmail = !email.isEmpty
        hasPhoneAndEmail = hasPhone && hasEmail
        hasContact = hasPhone || hasEmail
        copyright = clean(settings.copyright)
        hasCopyright = !copyright.isEmpty
    }

    /// "2024-01-15" → "15/01/2024"; any other text is shown as written.
    static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
