import GRDB
import GRDBSQLite
import NewsSearch

/// The FTS5 tokenizer of the search index, registered on every connection; see `SearchTokens`. What it does with a text
/// depends on how the text starts:
/// - plain text: every syllable's folded token, at its position ("duong", "sat");
/// - U+0001, then tokens separated by spaces: those tokens as written.
/// Queries are always written-out tokens: the store builds them from tokens already in index form. So are the rows the
/// store writes (`SearchRowValues`: each field read once in Swift, which also gives its exact readings, see
/// `ExactReadings`); the plain-text path gives the same tokens, for anything else.
final class SearchTokenizer: FTS5CustomTokenizer {
    static let name = "toasoan_vietnamese"

    /// Marks a column value made of written-out tokens.
    static let writtenOutMarker = String(UnicodeScalar(SearchRowTokens.writtenOutMarker))

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText)
        )
        if tokenization.contains(.query) || bytes[0] == 0x01 {
            return Self.writtenOutTokens(bytes, context: context, callback: tokenCallback)
        }
        do {
            try SearchTokens.forEachFolded(in: String(decoding: bytes, as: UTF8.self)) { folded in
                try Self.emit(folded, flags: 0, context: context, callback: tokenCallback)
            }
        } catch let stop as CallbackStop {
            return stop.code
        } catch {
            return SQLITE_ERROR
        }
        return SQLITE_OK
    }

    /// A non-OK answer of FTS5's callback, which ends the tokenisation with that code.
    private struct CallbackStop: Error {
        let code: CInt
    }

    private static func emit(
        _ token: UnsafeBufferPointer<UInt8>, flags: CInt, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback
    ) throws {
        guard let base = token.baseAddress, !token.isEmpty else { return }
        // Offsets are only read by highlight() and snippet() on tables with content; this one has none.
        let code = base.withMemoryRebound(to: CChar.self, capacity: token.count) {
            callback(context, flags, $0, CInt(token.count), 0, 0)
        }
        if code != SQLITE_OK { throw CallbackStop(code: code) }
    }

    /// Emits the space-separated tokens of `bytes` unchanged (a leading U+0001 is not part of any).
    private static func writtenOutTokens(
        _ bytes: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, callback: FTS5TokenCallback
    ) -> CInt {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] <= 0x20 {
            if index > start {
                do {
                    try emit(UnsafeBufferPointer(rebasing: bytes[start..<index]), flags: 0, context: context, callback: callback)
                } catch let stop as CallbackStop {
                    return stop.code
                } catch {
                    return SQLITE_ERROR
                }
            }
            start = index + 1
        }
        return SQLITE_OK
    }
}
