import Foundation
import NewsDomain

/// What a new password must satisfy: at least 10 characters, at most 72 UTF-8 bytes, not one repeated character, not the email address, not a very common password.
public enum PasswordPolicy {
    // Counted in Characters (what a person sees), after the caller has normalized to NFC.
    // The 72-byte ceiling is bcrypt's: it ignores everything after byte 72, and a Vietnamese letter with a tone
    // mark takes 2-3 bytes, so the limit is stated in bytes rather than pretending to be a character count.
    // Pre-hashing (e.g. SHA-256 then bcrypt) would lift it, but would make our hashes unlike every other
    // bcrypt implementation's; 72 bytes is far beyond what people type.
    // Control characters are refused too: bcrypt's C interface stops at NUL, and none can be typed reliably.

    /// The fewest characters a password may have.
    public static let minimumCharacters = 10

    /// Every rule `password` breaks, each as a DomainError on field `password` with a Vietnamese message; empty when it is acceptable.
    public static func violations(_ password: String, email: String) -> [DomainError] {
        guard !password.isEmpty else {
            return [error("required", "Mật khẩu là bắt buộc.")]
        }
        var found: [DomainError] = []
        if password.count < minimumCharacters {
            found.append(error("too-short", "Mật khẩu phải có ít nhất \(minimumCharacters) ký tự."))
        }
        if password.utf8.count > PasswordHasher.maximumPasswordBytes {
            found.append(
                error(
                    "too-long",
                    "Mật khẩu dài quá \(PasswordHasher.maximumPasswordBytes) byte (chữ có dấu chiếm 2–3 byte mỗi chữ); hãy rút ngắn."
                )
            )
        }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            found.append(error("invalid-character", "Mật khẩu không được chứa ký tự điều khiển."))
        }
        let folded = password.lowercased()
        if Set(folded).count == 1 {
            found.append(error("repeated-character", "Mật khẩu không được chỉ gồm một ký tự lặp lại."))
        }
        if matchesEmail(folded, email: email) {
            found.append(error("matches-email", "Mật khẩu không được trùng với địa chỉ email."))
        }
        if commonPasswords.contains(folded) {
            found.append(error("too-common", "Mật khẩu này quá phổ biến, rất dễ bị đoán; hãy chọn mật khẩu khác."))
        }
        return found
    }

    private static func error(_ code: String, _ message: String) -> DomainError {
        DomainError(code: code, field: "password", message: message)
    }

    /// True when the password is the whole address or its part before `@`, ignoring case.
    private static func matchesEmail(_ folded: String, email: String) -> Bool {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !address.isEmpty else { return false }
        if folded == address { return true }
        guard let at = address.lastIndex(of: "@") else { return false }
        let localPart = address[..<at]
        return !localPart.isEmpty && folded == localPart
    }
}
