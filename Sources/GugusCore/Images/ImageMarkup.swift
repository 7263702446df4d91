import Foundation

/// Render's part of the image pipeline: `<picture>` markup and template values from a plan,
/// without touching a pixel.
enum ImageMarkup {
    /// How wide the theme shows a picture: the page column (52rem less its padding), or the
    /// screen less its padding on a narrower one.
    static let sizes = "(max-width: 52rem) calc(100vw - 2rem), 50rem"

    static func srcset(_ variants: [ImageVariant]) -> String {
        variants.map { "\(address($0.url)) \($0.width)w" }.joined(separator: ", ")
    }

    /// A file's address as HTML and feeds write it: a space or another character that URLs do
    /// not hold percent-encoded (`srcset` splits its candidates at spaces).
    static func address(_ url: String) -> String {
        url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url
    }

    /// A `<picture>`: a `<source>` per better format, then the fallback `<img>` with its
    /// own `srcset`, the size of the widest candidate (as oriented) and the alt text. `lazy`
    /// for every picture but the first of a page.
    static func picture(_ plan: ImagePlan, alt: String, title: String? = nil, lazy: Bool) -> String {
        let escape = FastHTMLContentType().escapeText
        var html = "<picture>"
        for list in plan.candidates.dropLast() {
            guard let format = list.first?.format else { continue }
            html += "<source type=\"\(format.mimeType)\" srcset=\"\(escape(srcset(list)))\" sizes=\"\(sizes)\">"
        }
        let widest = plan.widest
        html += "<img src=\"\(escape(address(plan.fallbackSource.url)))\" srcset=\"\(escape(srcset(plan.fallback)))\" sizes=\"\(sizes)\""
        html += " width=\"\(widest.width)\" height=\"\(widest.height)\" alt=\"\(escape(alt))\""
        if let title, !title.isEmpty { html += " title=\"\(escape(title))\"" }
        if lazy { html += " loading=\"lazy\" decoding=\"async\"" }
        return html + "></picture>"
    }

    /// What a template sees of an item's `image`: `src` and `alt` as before, plus `srcset`,
    /// `sizes`, `width`, `height` and `sources` (`type`, `srcset`) for a `<picture>`.
    static func values(_ plan: ImagePlan, alt: String) -> TemplateValues {
        let sources = plan.candidates.dropLast().compactMap { list -> TemplateValues? in
            guard let format = list.first?.format else { return nil }
            return ["type": format.mimeType, "srcset": srcset(list), "sizes": sizes]
        }
        return [
            "src": address(plan.fallbackSource.url), "alt": alt, "srcset": srcset(plan.fallback), "sizes": sizes,
            "width": String(plan.widest.width), "height": String(plan.widest.height), "sources": sources,
        ]
    }
}
