extension String {
    /// The code points, for messages that must show NFC/NFD differences.
    var codePoints: String {
        unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
