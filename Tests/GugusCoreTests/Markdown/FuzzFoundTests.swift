import Foundation
import Testing
@testable import GugusCore

/// Inputs the fuzzer (`make fuzz`) found, kept so that they stay fixed.
struct FuzzFoundTests {
    /// A media link with a NUL byte and damaged UTF-8: its hint used Foundation's
    /// `lastPathComponent`, which trapped. It is an error at its line with a hint.
    @Test func aDamagedMediaLinkIsAnErrorNotACrash() throws {
        let found = "AyMgW2FdKC4uL25ld3MvYS5tZCN4LAMjIHA6dHN0aC8vACkgIVui1y4uL29yKCwoLi4vbWVkaWEvZmFdKC4uL24uLi9mbwMjIEp1ZHVsCgpbYXIoLCguLi9tZWRpYS9mYV0oLi4vbi4uL2ZvAyMgSnVkdWwKClthXSguLi9uZXdzL2EubWQjeCkgIVtdKC4uL21lZGlhL2ZvdG8veHBndHN0aC8vAClbINeiMiB8Ly4uCiE="
        let input = try #require(Data(base64Encoded: found)).dropFirst()  // (the first byte picks the fuzz entry point)
        FuzzEntryPoints.markdownLinks(String(decoding: input, as: UTF8.self))
        let links = LinkContext(file: "content/news/x.md", bodyFirstLine: 5, permalinks: [:], media: MediaLibrary(), unpublished: [])
        let rendered = MarkdownRenderer.render("Lihat ![foto](../media/a\u{0}b/\u{FFFD}x.jpg).\n", links: links)
        #expect(rendered.diagnostics.contains { $0.description.contains("is not in content/media/") && $0.description.contains("x.jpg") })
    }
}
