/// Which page of a list to fetch; pages are numbered from 1, as readers see them (`?trang=2`).
public struct PageRequest: Hashable, Sendable {
    /// Largest page size any list accepts.
    public static let maxSize = 100

    /// Page number, 1-based.
    public var number: Int
    /// Items a page.
    public var size: Int

    /// Creates a request, clamping the number to at least 1 and the size to 1...maxSize.
    public init(number: Int, size: Int) {
        self.number = max(1, number)
        self.size = min(max(1, size), Self.maxSize)
    }

    /// Items to skip.
    public var offset: Int { (number - 1) * size }
}

/// One page of a longer list, with what is needed to link to its neighbours.
public struct Page<Item: Sendable>: Sendable {
    /// The items on this page.
    public var items: [Item]
    /// What was asked for.
    public var request: PageRequest
    /// How many items the whole list has.
    public var totalCount: Int

    /// Creates a page.
    public init(items: [Item], request: PageRequest, totalCount: Int) {
        self.items = items
        self.request = request
        self.totalCount = totalCount
    }

    /// How many pages the list has (at least 1, so an empty list still has its first page).
    public var pageCount: Int { max(1, (totalCount + request.size - 1) / request.size) }
    /// Whether a later page exists.
    public var hasNext: Bool { request.number < pageCount }
    /// Whether an earlier page exists.
    public var hasPrevious: Bool { request.number > 1 }
    /// Whether this page lies beyond the end of the list (only page 1 may be empty).
    public var isBeyondEnd: Bool { request.number > pageCount }
}

extension Page: Equatable where Item: Equatable {}
