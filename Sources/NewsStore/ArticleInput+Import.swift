import Foundation
import NewsDomain
import NewsText

extension ArticleInput {
    /// The states an import may put an article in (the workflow's other states belong to the newsroom).
    public static let importableStatuses: Set<ArticleStatus> = [.draft, .published]

    /// Above this many articles, one import invalidates every cached page (`.site`) instead of listing what it touched.
    public static let bulkImportThreshold = 500

    /// What is wrong with a batch of normalised inputs without asking the database: the domain rules, names that make
    /// no slug, the same external id twice in one batch. Every store checks this before writing (an editorial save
    /// checks its one input the same way).
    public static func problems(in inputs: [ArticleInput]) -> [ImportRejected.Problem] {
        var problems: [ImportRejected.Problem] = []
        var firstIndex: [String: Int] = [:]
        // The domain rules (lengths of every text) checked on every core; the rest needs the inputs in order.
        let violations = inputs.concurrentMap { $0.violations(allowedStatuses: importableStatuses) }
        for (index, input) in inputs.enumerated() {
            problems += violations[index].map { .init(index: index, error: $0) }
            func needsSlug(_ name: String?, _ field: String) {
                if let name, !name.isEmpty, Slug.make(name).isEmpty {
                    problems.append(.init(index: index, error: .invalid(field, "must contain at least one letter or digit")))
                }
            }
            needsSlug(input.author, "author")
            needsSlug(input.topic, "topic")
            for (position, tag) in input.tags.enumerated() { needsSlug(tag, "tags[\(position)]") }
            if let id = input.externalID {
                if let first = firstIndex[id] {
                    problems.append(.init(index: index, error: .invalid(
                        "id", "\"\(id)\" appears more than once in this import (first at input \(first + 1))"
                    )))
                } else {
                    firstIndex[id] = index
                }
            }
        }
        return problems
    }

    /// A readable name for a section an import creates from its slug alone: "khoa-hoc" → "Khoa hoc".
    public static func sectionName(fromSlug slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
