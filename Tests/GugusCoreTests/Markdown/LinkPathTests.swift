import Testing
@testable import GugusCore

/// A link in a body is resolved against its file as a path of the site: `..` climbs, `.`
/// and empty segments go, and the result is under `content/`.
@Suite struct LinkPathTests {
    @Test func linksResolveAgainstTheirFile() {
        let file = "content/news/x.md"
        #expect(MarkdownRenderer.normalize("../pages/cara-melapor.md", relativeTo: file) == "content/pages/cara-melapor.md")
        #expect(MarkdownRenderer.normalize("./y.md", relativeTo: file) == "content/news/y.md")
        #expect(MarkdownRenderer.normalize("y.md", relativeTo: file) == "content/news/y.md")
        #expect(MarkdownRenderer.normalize("../../x.md", relativeTo: file) == "content/x.md", "the site folder: not under content/, so put there")
        #expect(MarkdownRenderer.normalize("../../../x.md", relativeTo: file) == nil, "out of the site")
        #expect(MarkdownRenderer.normalize("/content/pages/a.md", relativeTo: file) == "content/pages/a.md")
        #expect(MarkdownRenderer.normalize("/pages/a.md", relativeTo: file) == "content/pages/a.md")
        #expect(MarkdownRenderer.normalize("..//media///foto/k2.jpg", relativeTo: file) == "content/media/foto/k2.jpg")
        #expect(MarkdownRenderer.normalize("../..", relativeTo: file) == "content")
        #expect(MarkdownRenderer.normalize("../../contents/a.md", relativeTo: file) == "content/contents/a.md")
        #expect(MarkdownRenderer.normalize("../../content", relativeTo: file) == "content")
        #expect(MarkdownRenderer.normalize("kafé/ü.md", relativeTo: "content/berita/é.md") == "content/berita/kafé/ü.md")
        #expect(MarkdownRenderer.normalize("x", relativeTo: "") == "content/x")
        #expect(MarkdownRenderer.normalize("..", relativeTo: "") == nil)
    }

    /// The same paths as a plain reading by segments (the way it was first written), on
    /// random links and files.
    @Test func randomLinksResolveAsSegmentsSay() {
        func reference(_ link: String, _ file: String) -> String? {
            var parts = link.hasPrefix("/") ? [] : Array(file.split(separator: "/").dropLast())
            for part in link.split(separator: "/") {
                if part == "." { continue }
                if part == ".." {
                    guard !parts.isEmpty else { return nil }
                    parts.removeLast()
                } else {
                    parts.append(part)
                }
            }
            let joined = parts.joined(separator: "/")
            return parts.first == "content" ? joined : (parts.isEmpty ? "content" : "content/" + joined)
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["..", ".", "", "content", "news", "pages", "media", "x.md", "é", "a b", "...", ".x", "contents"]
        func path() -> String {
            let segments = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
            return (Bool.random(using: &generator) ? "/" : "") + segments.joined(separator: "/") + (Int.random(in: 0..<5, using: &generator) == 0 ? "/" : "")
        }
        for _ in 0..<20_000 {
            let (link, file) = (path(), path())
            #expect(MarkdownRenderer.normalize(link, relativeTo: file) == reference(link, file), "\(link) from \(file)")
        }
    }
}
