import Foundation
import Testing
@testable import GugusCore

/// Pictures in Markdown bodies, from a plan alone (no pixel is read here).
@Suite struct PictureMarkupTests {
    func render(_ markdown: String, leadImage: Bool = false) -> RenderedMarkdown {
        var links = LinkContext(file: "content/news/x.md", bodyFirstLine: 5, permalinks: [:], media: FuzzEntryPoints.fuzzMedia, unpublished: [])
        links.leadImage = leadImage
        return MarkdownRenderer.render(markdown, links: links)
    }

    @Test func aPhotoBecomesAPictureWithItsOrientedSizeAndOnlyTheFirstLoadsAtOnce() {
        // foto/x.jpg: 4000 × 3000 stored, orientation 6, so 3000 × 4000 as seen.
        let html = render("![Rapat \"koordinasi\" <1>](../media/foto/x.jpg)\n\n![Kedua](media/foto/x.jpg \"Judul\")\n").html
        let pictures = html.components(separatedBy: "<picture>").dropFirst()
        #expect(pictures.count == 2)
        let first = pictures.first ?? ""
        #expect(first.contains("<source type=\"image/webp\" srcset=\"/media/foto/x-480w."))
        #expect(first.contains(" 480w, /media/foto/x-960w."))
        #expect(first.contains("width=\"1600\" height=\"2134\""), "portrait: 2048 × 2731 decoded, 1600 wide (2133.6): \(first)")
        #expect(first.contains("alt=\"Rapat &quot;koordinasi&quot; &lt;1&gt;\""))
        #expect(!first.contains("loading="))
        #expect(pictures.last?.contains("title=\"Judul\" loading=\"lazy\" decoding=\"async\"") == true)
    }

    /// Addresses are checked byte by byte before Foundation is asked: the result must be
    /// Foundation's for every character.
    @Test func addressesArePercentEncodedExactlyAsFoundationDoes() {
        var addresses = (0..<128).map { "/media/foto/a\(String(UnicodeScalar(UInt8($0))))b.jpg" }
        addresses += ["/media/foto/rapat koordinasi.jpg", "/media/foto/rapat-480w.3f9a1c2b7d.webp", "/media/foto/café.jpg",
                      "/media/foto/100%.jpg", "/media/foto/a#b?c.jpg", "/media/foto/sosialisasi_(1).jpg"]
        for address in addresses {
            let foundation = address.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? address
            #expect(ImageMarkup.address(address) == foundation, "\(address.debugDescription)")
        }
    }

    @Test func afterTheItemsOwnImageEveryPictureIsLazy() {
        let html = render("![Satu](../media/foto/x.jpg)\n", leadImage: true).html
        #expect(html.contains("loading=\"lazy\""))
    }

    @Test func aPhotoInATableCellIsItsSmallestDerivative() {
        let rendered = render("| a | b |\n|---|---|\n| ![Foto](../media/foto/x.jpg) | 2 |\n")
        #expect(rendered.html.contains("<td><img src=\"/media/foto/x-480w."), "\(rendered.html)")
        #expect(rendered.diagnostics.isEmpty)
    }

    @Test func aDamagedPhotoIsAnErrorAtItsLineNamingTheFile() {
        let rendered = render("Teks.\n\n![Foto](../media/foto/rusak.jpg)\n")
        #expect(rendered.diagnostics.map(\.description).contains { $0.hasPrefix("content/news/x.md:7:1: error: the image media/foto/rusak.jpg cannot be published: damaged") })
    }
}
