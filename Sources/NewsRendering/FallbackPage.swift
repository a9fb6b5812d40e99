/// A minimal page, used only if a theme template is missing at render time.
enum FallbackPage {
    /// An escaped, self-contained page with a link home.
    static func html(
        title: String, heading: String, paragraphs: [String], bodyHTML: String = "", links: [(text: String, path: String)] = []
    ) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTMLText.escape(title))</title>\n</head>\n<body>\n<main>\n<h1>\(HTMLText.escape(heading))</h1>\n"
        for paragraph in paragraphs where !paragraph.isEmpty {
            html += "<p>\(HTMLText.escape(paragraph))</p>\n"
        }
        html += bodyHTML
        if !links.isEmpty {
            html += "<ul>\n"
            for link in links {
                html += "<li><a href=\"\(HTMLText.escape(link.path))\">\(HTMLText.escape(link.text))</a></li>\n"
            }
            html += "</ul>\n"
        }
        html += "<p><a href=\"/\">Về trang chủ</a></p>\n</main>\n</body>\n</html>\n"
        return html
    }
}
