import Testing
@testable import GugusCore

/// The paths a content file may name (media, CSV files, aliases) and the paths Gugus writes
/// stay inside their folder: no `..`, no absolute path, no backslash or control character.
@Suite struct SitePathTests {
    /// The rule as first written, segment by segment with `split`: the oracle.
    static func isSafeBySegments(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let first = bytes.first, first != UInt8(ascii: "/"), bytes.count < 1024 else { return false }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return false }
        return !bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).contains {
            $0.isEmpty || $0.elementsEqual(".".utf8) || $0.elementsEqual("..".utf8)
        }
    }

    @Test func pathsThatLeaveTheirFolderAreRefused() {
        for path in ["", "/", "/etc/passwd", "..", ".", "../x", "a/../b", "a/..", "a/.", "./a", "a//b", "a/", "a\\b", "a\u{0}b",
                     "a\u{7F}", "a\nb", String(repeating: "a", count: 1024)] {
            #expect(!SitePath.isSafeRelative(path), "\(path.debugDescription) passed")
        }
        for path in ["a", "foto/rapat.jpg", "...", "a/.../b", ".well-known/x", "a/.b", "a/b..", "data/kasus 2024.csv", "foto/rapat-ü.jpg",
                     String(repeating: "a", count: 1023)] {
            #expect(SitePath.isSafeRelative(path), "\(path.debugDescription) refused")
        }
    }

    @Test func theOnePassRuleAgreesWithTheSegmentRuleOnEveryShortPath() {
        // Every path of up to five characters from an alphabet of the characters that matter.
        let alphabet = ["a", ".", "/", "\\", "\u{1}", "é"]
        var paths = [""]
        var count = 0
        for _ in 1...5 {
            paths = paths.flatMap { path in alphabet.map { path + $0 } }
            for path in paths {
                #expect(SitePath.isSafeRelative(path) == Self.isSafeBySegments(path), "\(path.debugDescription)")
                #expect(SitePath.isSafeRelative(path[...]) == Self.isSafeBySegments(path), "\(path.debugDescription) as a substring")
                count += 1
            }
        }
        #expect(count == 6 + 36 + 216 + 1296 + 7776)
    }

    @Test func mediaReferencesAreReadUnderTheMediaFolder() {
        #expect(SitePath.mediaPath("media/foto/rapat.jpg") == "foto/rapat.jpg")
        #expect(SitePath.mediaPath("/media/foto/rapat.jpg") == "foto/rapat.jpg")
        #expect(SitePath.mediaPath("content/media/foto/rapat.jpg") == "foto/rapat.jpg")
        #expect(SitePath.mediaPath("/content/media/sk.pdf") == "sk.pdf")
        #expect(SitePath.mediaPath("foto/rapat.jpg") == "foto/rapat.jpg")
        #expect(SitePath.mediaPath("media/../site.yaml") == nil)
        #expect(SitePath.mediaPath("//etc/passwd") == nil)
        #expect(SitePath.mediaPath("media/") == nil)
    }
}
