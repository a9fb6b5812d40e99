import Foundation
import Testing

@testable import NewsText

@Suite("ScalarTable")
struct ScalarTableTests {
    @Test("inert scalars are starters without decomposition or lowercase form")
    func inertScalarsAreInert() {
        var inert = String.UnicodeScalarView()
        var failures: [String] = []
        for value in Array(0x80...0x2FFFF) + Array(0xE0000...0xE007F) as [UInt32] where ScalarTable.isInert(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if ScalarTable.index(of: value) != nil || properties.canonicalCombiningClass != .notReordered
                || properties.changesWhenLowercased
            {
                failures.append("U+" + String(value, radix: 16, uppercase: true))
            }
            inert.append(scalar)
        }
        #expect(failures.isEmpty, "not inert: \(failures)")
        #expect(inert.count > 25_000)
        // All are starters (checked above), so decomposing them together changes nothing iff no single one decomposes.
        let text = String(inert)
        let decomposed = text.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(decomposed.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    @Test(
        "no decomposition in planes 0 and 1 involves an inert scalar, and the composer recomposes all it supports like Foundation"
    )
    func composesEveryDecomposition() {
        var composites = 0
        var composed = 0
        var failures: [String] = []
        for value: UInt32 in 0x80...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping
            let parts = decomposed.unicodeScalars
            guard !parts.elementsEqual([scalar]) else { continue }
            let name = "U+" + String(value, radix: 16, uppercase: true)
            // Singletons (U+F900 → U+8C48) only ever decompose; a pair is what composition could join.
            if parts.count > 1 {
                composites += 1
                if parts.contains(where: { ScalarTable.isInert($0.value) }) {
                    failures.append("\(name) has an inert part")
                }
            }
            let supported = parts.allSatisfy {
                $0.isASCII || ScalarTable.index(of: $0.value) != nil || ScalarTable.isInert($0.value)
            }
            guard supported else { continue }
            let expected = Array(decomposed.precomposedStringWithCanonicalMapping.utf8)
            if Array(VietnameseText.composed(decomposed).utf8) != expected { failures.append("\(name) from NFD") }
            if Array(VietnameseText.composed(String(scalar)).utf8) != expected { failures.append(name) }
            composed += 1
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(composites > 2_000)
        #expect(composed > 1_200)
    }

    @Test("every table scalar folds as its decomposition does")
    func foldsLikeDecomposition() {
        for value in ScalarTable.scalarValues {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x" + String(scalar)
            #expect(VietnameseText.fold(text) == VietnameseText.fold(text.decomposedStringWithCanonicalMapping))
            #expect(VietnameseText.fold(text) == VietnameseText.foldedThroughDecomposition(text))
        }
    }
}
