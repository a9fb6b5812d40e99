extension Theme {
    /// Page templates a theme may leave out, by name: what stands in for them. Each fills the `content` block of the
    /// theme's own `layout` and uses no partial, since an older theme cannot be expected to have any particular one.
    static let builtInTemplates: [String: String] = [
        "corrections": """
            {{<layout}}
            {{$content}}
            <div class="listing corrections-index">
            <h1 class="listing-title">{{heading}}</h1>
            <p>{{intro}}</p>
            {{#hasEntries}}
            <ol class="correction-list">
            {{#entries}}
            <li><time datetime="{{timeISO}}">{{timeText}}</time>
            <p>{{note}}</p>
            <p><a href="{{path}}">{{title}}</a></p></li>
            {{/entries}}
            </ol>
            {{/hasEntries}}
            {{^hasEntries}}
            <p>Chưa có thông tin cải chính.</p>
            {{/hasEntries}}
            {{#pagination.isShown}}
            <nav class="pagination" aria-label="Phân trang">
            {{#pagination.hasPrevious}}<a href="{{pagination.previousPath}}" rel="prev">‹ Trang trước</a>{{/pagination.hasPrevious}}
            {{#pagination.hasNext}}<a href="{{pagination.nextPath}}" rel="next">Trang sau ›</a>{{/pagination.hasNext}}
            </nav>
            {{/pagination.isShown}}
            </div>
            {{/content}}
            {{/layout}}
            """,
    ]
}
