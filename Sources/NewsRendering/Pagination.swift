import NewsDomain

/// Links between the pages of a list: previous, numbers (with gaps when there are many), next.
struct Pagination: Sendable {
    /// Whether there is more than one page.
    let isShown: Bool
    let hasPrevious: Bool
    let previousPath: String
    let hasNext: Bool
    let nextPath: String
    let pages: [PageNumber]

    /// Pages shown on each side of the current one.
    static let window = 2

    init(url: SiteURL, page: Int, pageCount: Int) {
        self.init(page: page, pageCount: pageCount, path: url.path(page:))
    }

    /// Links made by `path` (for pages whose address carries more than the page number, such as search results).
    init(page: Int, pageCount: Int, path: (Int) -> String) {
        let count = max(pageCount, 1)
        let current = max(page, 1)
        isShown = count > 1 || current > 1
        hasPrevious = current > 1
        previousPath = hasPrevious ? path(min(current - 1, count)) : ""
        hasNext = current < count
        nextPath = hasNext ? path(current + 1) : ""
        var numbers: [PageNumber] = []
        guard isShown else {
            pages = []
            return
        }
        var last = 0
        for number in 1...count where number == 1 || number == count || abs(number - current) <= Self.window {
            if number > last + 1 { numbers.append(.gap) }
            numbers.append(PageNumber(number: number, path: path(number), isCurrent: number == current))
            last = number
        }
        pages = numbers
    }
}

/// One entry of the page numbers: a link, the current page, or a gap ("…").
struct PageNumber: Sendable {
    let number: Int
    let path: String
    let isCurrent: Bool
    let isGap: Bool
    /// Whether this is a link to another page.
    let isLink: Bool

    init(number: Int, path: String, isCurrent: Bool) {
        self.number = number
        self.path = path
        self.isCurrent = isCurrent
        self.isGap = false
        self.isLink = !isCurrent
    }

    private init(gap: Void) {
        number = 0
        path = ""
        isCurrent = false
        isGap = true
        isLink = false
    }

    static let gap = PageNumber(gap: ())
}
