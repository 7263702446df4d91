import Foundation

/// Render's part of the image pipeline: `<picture>` markup and template values from a plan,
/// without touching a pixel.
enum ImageMarkup {
    /// How wide the theme shows a picture: the page column (52rem less its padding), or the
    /// screen less its padding on a narrower one.
    static let sizes = "(max-width: 52rem) calc(100vw - 2rem), 50rem"

    static func srcset(_ variants: [ImageVariant]) -> String {
        variants.map { "\($0.address) \($0.width)w" }.joined(separator: ", ")
    }

    /// A file's address as HTML and feeds write it: a space or another character that URLs do
    /// not hold percent-encoded (`srcset` splits its candidates at spaces).
    static func address(_ url: String) -> String {
        // Most addresses need nothing: checked byte by byte before asking Foundation.
        if url.utf8.allSatisfy(isPathByte) { return url }
        return url.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? url
    }

    /// The ASCII bytes `CharacterSet.urlPathAllowed` keeps as they are (not `;`: this
    /// Foundation encodes it, and the test against it holds both to the same answer).
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,=:@/".utf8.contains(byte)
        }
    }

    /// A `<picture>`: a `<source>` per better format, then the fallback `<img>` with its
    /// own `srcset`, the size of the widest candidate (as oriented) and the alt text. `lazy`
    /// for every picture but the first of a page.
    static func picture(_ plan: ImagePlan, alt: String, title: String? = nil, lazy: Bool) -> String {
        let escape = FastHTMLContentType().escapeText
        var html = "<picture>"
        for source in plan.sourceSets {
            html += "<source type=\"\(source.type)\" srcset=\"\(escape(source.srcset))\" sizes=\"\(sizes)\">"
        }
        let widest = plan.widest
        html += "<img src=\"\(escape(plan.fallbackSource.address))\" srcset=\"\(escape(plan.fallbackSrcset))\" sizes=\"\(sizes)\""
        html += " width=\"\(widest.width)\" height=\"\(widest.height)\" alt=\"\(escape(alt))\""
        if let title, !title.isEmpty { html += " title=\"\(escape(title))\"" }
        if lazy { html += " loading=\"lazy\" decoding=\"async\"" }
        return html + "></picture>"
    }

    /// What a template sees of an item's `image`: `src` and `alt` as before, plus `srcset`,
    /// `sizes`, `width`, `height` and `sources` (`type`, `srcset`) for a `<picture>`, and
    /// `html`, the whole `<picture>` written from them (the default theme's, as Markdown
    /// bodies write it: one value for Mustache to look up instead of a dozen).
    static func values(_ plan: ImagePlan, alt: String) -> TemplateValues {
        let sources = plan.sourceSets.map { source -> TemplateValues in
            ["type": source.type, "srcset": source.srcset, "sizes": sizes]
        }
        return [
            "src": plan.fallbackSource.address, "alt": alt, "srcset": plan.fallbackSrcset, "sizes": sizes,
            "width": String(plan.widest.width), "height": String(plan.widest.height), "sources": sources,
            "html": picture(plan, alt: alt, lazy: false),
        ]
    }
}
