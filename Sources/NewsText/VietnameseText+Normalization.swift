import Foundation

extension VietnameseText {
    /// The work `nfc` has to do on a text, found by one scan of its UTF-8.
    struct NormalizationNeeds {
        /// The text has C0 controls to drop or CR line endings to rewrite.
        var cleaning = false
        /// The text has combining marks, decomposable scalars or scripts outside the supported set.
        var composing = false
    }

    /// Scans UTF-8 for what `nfc` must do; stops as soon as both kinds of work are found.
    static func normalizationNeeds(_ text: String) -> NormalizationNeeds {
        let table = ScalarTable.shared
        var text = text
        return text.withUTF8 { bytes in
            var needs = NormalizationNeeds()
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x80 {
                    index += 1
                    continue
                } else if byte < 0x20 {
                    if byte != 0x0A && byte != 0x09 { needs.cleaning = true }
                    index += 1
                } else {
                    let (value, length) = UTF8Coding.decode(bytes, at: index)
                    if let position = ScalarTable.index(of: value) {
                        if !table.isComposedStarter[position] { needs.composing = true }
                    } else if !ScalarTable.isInert(value) {
                        needs.composing = true
                    }
                    index += length
                }
                if needs.cleaning && needs.composing { break }
            }
            return needs
        }
    }

    /// Replaces CRLF and CR by LF and drops C0 control characters other than LF and TAB.
    static func removingControlCharacters(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = ByteBuffer(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte >= 0x20 || byte == 0x0A || byte == 0x09 {
                    output.append(byte)
                } else if byte == 0x0D {
                    output.append(0x0A)
                    if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                }
            }
            return output.makeString()
        }
    }

    /// NFC of text without C0 controls: the table's own decomposition, reordering and composition for the supported set,
    /// Foundation for each span (from one ASCII byte to the next) that holds anything else.
    static func composed(_ text: String) -> String {
        let table = ScalarTable.shared
        var text = text
        return text.withUTF8 { bytes in
            var output = ByteBuffer(capacity: bytes.count)
            // The starter being built and the marks after it, decomposed; flushed at the next starter.
            var pending: [UInt32] = []
            pending.reserveCapacity(16)
            var kept: [UInt32] = []
            kept.reserveCapacity(16)
            // Normalisation never crosses an ASCII scalar, so the text from the last one is a span Foundation may redo.
            var spanStart = 0
            var spanOutputStart = 0

            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    flushComposing(&pending, kept: &kept, into: &output, table: table)
                    spanStart = index
                    spanOutputStart = output.count
                    pending.append(UInt32(byte))
                    index += 1
                    continue
                }
                let (value, length) = UTF8Coding.decode(bytes, at: index)
                if let position = ScalarTable.index(of: value), table.decompositionCounts[position] > 0 {
                    for slot in 0..<Int(table.decompositionCounts[position]) {
                        let part = table.decompositions[position * 4 + slot]
                        if table.combiningClass(of: part) == 0 {
                            flushComposing(&pending, kept: &kept, into: &output, table: table)
                        }
                        pending.append(part)
                    }
                } else if ScalarTable.isInert(value) {
                    flushComposing(&pending, kept: &kept, into: &output, table: table)
                    pending.append(value)
                } else {
                    pending.removeAll(keepingCapacity: true)
                    output.truncate(to: spanOutputStart)
                    let end = UTF8Coding.nextASCII(from: index + length, in: bytes)
                    let span = String(decoding: UnsafeBufferPointer(rebasing: bytes[spanStart..<end]), as: UTF8.self)
                    var composedSpan = span.precomposedStringWithCanonicalMapping
                    composedSpan.withUTF8 { output.append(contentsOf: $0) }
                    spanOutputStart = output.count
                    spanStart = end
                    index = end
                    continue
                }
                index += length
            }
            flushComposing(&pending, kept: &kept, into: &output, table: table)
            return output.makeString()
        }
    }

    /// Writes a starter and its marks in NFC: marks sorted by combining class (stably), then composed into the starter
    /// unless blocked, as Unicode's canonical composition algorithm says.
    @inline(__always)
    private static func flushComposing(
        _ pending: inout [UInt32], kept: inout [UInt32], into output: inout ByteBuffer, table: ScalarTable
    ) {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == 1 {
            output.append(scalar: pending[0])
            return
        }
        let hasStarter = table.combiningClass(of: pending[0]) == 0
        let firstMark = hasStarter ? 1 : 0
        // Insertion sort: runs of marks are short and mostly in order already.
        if pending.count - firstMark > 1 {
            for current in (firstMark + 1)..<pending.count {
                let mark = pending[current]
                let markClass = table.combiningClass(of: mark)
                var slot = current
                while slot > firstMark && table.combiningClass(of: pending[slot - 1]) > markClass {
                    pending[slot] = pending[slot - 1]
                    slot -= 1
                }
                pending[slot] = mark
            }
        }
        guard hasStarter else {
            for mark in pending { output.append(scalar: mark) }
            return
        }
        var starter = pending[0]
        var lastKeptClass: UInt8 = 0
        kept.removeAll(keepingCapacity: true)
        for mark in pending[1...] {
            let markClass = table.combiningClass(of: mark)
            if lastKeptClass == 0 || lastKeptClass < markClass,
                let composite = table.compositions[ScalarTable.compositionKey(starter, mark)]
            {
                starter = composite
            } else {
                kept.append(mark)
                lastKeptClass = markClass
            }
        }
        output.append(scalar: starter)
        for mark in kept { output.append(scalar: mark) }
    }
}
