/// Random strings mixing everything the normaliser meets, for comparing with Foundation.
enum RandomText {
    /// Pieces to draw from: Vietnamese letters in NFC and NFD, loose marks, other scripts, symbols, controls.
    static let pieces: [String] = {
        var pieces = VietnameseAlphabet.letters.flatMap { [$0.nfc, $0.nfd] } + ["đ", "Đ", "Ð"]
        pieces += [
            "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}", "\u{0338}",
        ]
        pieces += [
            "\u{0345}", "\u{0308}", "\u{0327}", "\u{0483}", "\u{05B0}", "\u{05BC}", "\u{05C1}", "\u{0651}", "\u{093C}",
        ]
        pieces += ["a", "o", "u", "y", "q", "g", "i", "h", "T", "=", "<", " ", "-", ".", "\n", "\t", "7"]
        pieces += ["Α", "ι", "ω", "Й", "и", "א", "ש", "ب", "क", "한", "ᄀ", "ᅡ", "ᆨ", "か", "\u{3099}", "北"]
        pieces += ["“", "”", "—", "…", "€", "→", "≠", "≥", "\u{2126}", "\u{212B}", "Ⱥ", "ﬁ", "①", "🇻🇳", "✅", "\u{FE0F}"]
        pieces += ["\u{20D7}", "\u{2000}", "Ⅻ", "ⅻ", "™", "\u{2329}", "가", "\u{11A8}"]
        return pieces
    }()

    /// One random string of up to 24 pieces.
    static func make(using generator: inout SplitMix64) -> String {
        let count = Int(generator.next() % 25)
        var text = ""
        for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }
}
