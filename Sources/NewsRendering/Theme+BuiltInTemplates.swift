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
        "search": """
            {{<layout}}
            {{$content}}
            <div class="listing search-page">
            <h1 class="listing-title">{{heading}}</h1>
            <form role="search" action="{{formPath}}" method="get">
            <p><label for="search-q">Từ khóa</label> <input id="search-q" type="search" name="q" value="{{query}}" maxlength="200">
            <label for="search-section">Chuyên mục</label> <select id="search-section" name="chuyen-muc"><option value="">Tất cả</option>{{#sections}}<option value="{{slug}}"{{#isSelected}} selected{{/isSelected}}>{{#isChild}}— {{/isChild}}{{name}}</option>{{/sections}}</select>
            <label for="search-from">Từ ngày</label> <input id="search-from" type="date" name="tu" value="{{from}}">
            <label for="search-until">Đến ngày</label> <input id="search-until" type="date" name="den" value="{{until}}">
            <button type="submit">Tìm</button></p>
            </form>
            {{#hasProblem}}<p role="alert">{{problem}}</p>{{/hasProblem}}
            {{#isForSuggestion}}<p>Không tìm thấy kết quả cho “{{query}}”; dưới đây là kết quả cho <a href="{{suggestionPath}}">{{suggestion}}</a>.</p>{{/isForSuggestion}}
            {{#hasSuggestion}}<p>Có phải bạn muốn tìm: <a href="{{suggestionPath}}">{{suggestion}}</a>?</p>{{/hasSuggestion}}
            {{#hasResults}}
            <p>{{countText}}</p>
            <ol class="search-results">
            {{#results}}
            <li><h2><a href="{{path}}">{{{titleHTML}}}</a></h2>
            {{#hasSnippet}}<p>{{{snippetHTML}}}</p>{{/hasSnippet}}
            <p><a href="{{sectionPath}}">{{sectionName}}</a>{{#hasTime}} · <time datetime="{{timeISO}}">{{timeText}}</time>{{/hasTime}}</p></li>
            {{/results}}
            </ol>
            {{/hasResults}}
            {{#isEmpty}}<p>{{emptyText}}</p>{{/isEmpty}}
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
