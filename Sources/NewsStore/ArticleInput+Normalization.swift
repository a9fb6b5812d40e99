import Foundation
import NewsDomain
import NewsText

extension ArticleInput {
    /// The same input with every text in NFC and without stray whitespace around single-line fields, so that what is
    /// stored never depends on the keyboard or operating system that typed it. Every store applies it before writing.
    public func normalized() -> ArticleInput {
        func line(_ text: String) -> String {
            VietnameseText.nfc(text).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var copy = self
        copy.externalID = externalID.map(line)
        copy.title = line(title)
        copy.sapo = line(sapo)
        copy.body = VietnameseText.nfc(body)
        copy.sectionSlug = line(sectionSlug)
        copy.sectionName = sectionName.map(line)
        copy.tags = tags.map(line)
        copy.topic = topic.map(line).flatMap { $0.isEmpty ? nil : $0 }
        copy.author = line(author)
        copy.images = images.map { image in
            var image = image
            image.src = line(image.src)
            image.alt = line(image.alt)
            image.caption = line(image.caption)
            image.credit = line(image.credit)
            return image
        }
        copy.related = related.map(line)
        copy.slug = slug.map(line)
        return copy
    }
}
