import Foundation
import NewsText

/// Reads a syllable typed in Telex or VNI with the Vietnamese input method switched off ("dduwowngf", "d9u7o7ng2")
/// as the syllable the typist meant ("đường").
enum TypedVietnamese {
    /// Combining tone marks by Telex key.
    private static let telexTones: [Character: Character] = [
        "s": "\u{0301}", "f": "\u{0300}", "r": "\u{0309}", "x": "\u{0303}", "j": "\u{0323}",
    ]
    /// Combining tone marks by VNI digit.
    private static let vniTones: [Character: Character] = [
        "1": "\u{0301}", "2": "\u{0300}", "3": "\u{0309}", "4": "\u{0303}", "5": "\u{0323}",
    ]
    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    private static let marked: Set<Character> = ["ă", "â", "ê", "ô", "ơ", "ư"]

    /// The syllable a Telex key sequence stands for, or nil when it is not one (or has no Telex keys in it).
    static func telex(_ typed: String) -> String? {
        guard typed.count <= 12, typed.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var letters: [Character] = []
        var tone: Character?
        var changed = false
        for key in typed {
            let seenVowel = letters.contains(where: vowels.contains)
            if seenVowel, let mark = telexTones[key] {
                tone = mark
                changed = true
                continue
            }
            if seenVowel, key == "z" {
                tone = nil
                changed = true
                continue
            }
            switch (letters.last, key) {
            case ("d"?, "d") where letters.count == 1:
                letters[0] = "đ"
                changed = true
            case ("a"?, "a"), ("e"?, "e"), ("o"?, "o"):
                letters[letters.count - 1] = ["a": "â", "e": "ê", "o": "ô"][key]!
                changed = true
            case (_, "w"):
                guard applyHorn(&letters) else { return nil }
                changed = true
            default:
                letters.append(key)
            }
        }
        guard changed else { return nil }
        return composed(letters, tone: tone)
    }

    /// The syllable a VNI key sequence stands for, or nil when it is not one (or has no VNI digits in it).
    static func vni(_ typed: String) -> String? {
        guard typed.count <= 14, typed.contains(where: \.isNumber), typed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        var letters: [Character] = []
        var tone: Character?
        for key in typed {
            if let mark = vniTones[key] {
                tone = mark
                continue
            }
            switch key {
            case "6":
                guard let index = letters.lastIndex(where: { "aeo".contains($0) }) else { return nil }
                letters[index] = ["a": "â", "e": "ê", "o": "ô"][letters[index]]!
            case "7":
                guard applyHorn(&letters, breve: false) else { return nil }
            case "8":
                guard let index = letters.lastIndex(of: "a") else { return nil }
                letters[index] = "ă"
            case "9":
                guard let index = letters.firstIndex(of: "d") else { return nil }
                letters[index] = "đ"
            case "0":
                return nil
            default:
                letters.append(key)
            }
        }
        return composed(letters, tone: tone)
    }

    /// Every syllable with diacritics that folds to `folded` ("dan" → "dân", "dẫn", "đàn", …): vowel marks, đ and the
    /// five tones, in canonical form; empty for anything longer than a syllable or not plain lowercase letters.
    static func readings(ofFolded folded: String) -> [String] {
        guard folded.count <= 7, folded.allSatisfy({ $0.isASCII && $0.isLetter && $0.isLowercase }) else { return [] }
        let marks: [Character: [Character]] = ["a": ["a", "ă", "â"], "e": ["e", "ê"], "o": ["o", "ô", "ơ"], "u": ["u", "ư"]]
        var spellings: [[Character]] = [[]]
        for (index, letter) in folded.enumerated() {
            let options = index == 0 && letter == "d" ? ["d", "đ"] : marks[letter] ?? [letter]
            spellings = spellings.flatMap { spelling in options.map { spelling + [$0] } }
        }
        var result: [String] = []
        for spelling in spellings {
            for tone in [nil] + Array(vniTones.values).sorted() {
                if let reading = composed(spelling, tone: tone), reading != folded, !result.contains(reading) {
                    result.append(reading)
                }
            }
        }
        return result
    }

    /// Telex "w" / VNI "7": "uo" → "ươ", else the last o → ơ, u → ư, (Telex) a → ă; alone after a consonant, ư.
    private static func applyHorn(_ letters: inout [Character], breve: Bool = true) -> Bool {
        if let index = letters.indices.dropLast().last(where: { letters[$0] == "u" && letters[$0 + 1] == "o" }) {
            letters[index] = "ư"
            letters[index + 1] = "ơ"
            return true
        }
        if let index = letters.lastIndex(where: { "ouơ".contains($0) || (breve && $0 == "a") }) {
            switch letters[index] {
            case "o": letters[index] = "ơ"
            case "u": letters[index] = "ư"
            case "a": letters[index] = "ă"
            default: return false
            }
            return true
        }
        guard breve, !letters.contains(where: vowels.contains) else { return false }
        letters.append("ư")
        return true
    }

    /// The letters with the tone mark on the vowel that carries it, in canonical form; nil unless the vowels form one
    /// run, as in every Vietnamese syllable (so "covid19" is not read as VNI).
    private static func composed(_ letters: [Character], tone: Character?) -> String? {
        guard let first = letters.firstIndex(where: vowels.contains), let last = letters.lastIndex(where: vowels.contains),
            letters[first...last].allSatisfy(vowels.contains)
        else { return nil }
        var letters = letters
        if let tone, let target = toneVowel(letters) {
            letters.insert(tone, at: target + 1)
        }
        return VietnameseText.canonical(String(letters))
    }

    /// Where the tone goes: on a marked vowel (ơ of ươ), else the last vowel before a final consonant, else the middle
    /// of three vowels or the first of two ("hòa", "thủy": the placement the canonical form uses).
    private static func toneVowel(_ letters: [Character]) -> Int? {
        var start = letters.firstIndex(where: vowels.contains) ?? 0
        // "qu" and "gi" + vowel: the u or i belongs to the consonant.
        if start > 0, letters[start] == "u", letters[start - 1] == "q" { start += 1 }
        if start == 1, letters[0] == "g", letters[start] == "i", start + 1 < letters.count, vowels.contains(letters[start + 1]) {
            start += 1
        }
        guard start < letters.count, vowels.contains(letters[start]) else { return nil }
        var end = start
        while end + 1 < letters.count, vowels.contains(letters[end + 1]) { end += 1 }
        let cluster = start...end
        if let index = cluster.last(where: { marked.contains(letters[$0]) }) { return index }
        if end + 1 < letters.count { return end }
        switch cluster.count {
        case 1: return start
        case 2: return start
        default: return start + 1
        }
    }
}
