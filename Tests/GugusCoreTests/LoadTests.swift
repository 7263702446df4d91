import Foundation
import Testing
@testable import GugusCore

@Suite struct FrontMatterTests {
    @Test func splitsAtTheFenceLineAndCountsTheBodyLine() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A --- B\n---\nbody ---\n", path: "f.md").get()
        #expect(split.yaml == "title: A --- B")
        #expect(split.body == "body ---\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func handlesByteOrderMarkAndCRLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("---\r\ntitle: A\r\n---\r\nBody\r\n".utf8)
        let source = try SourceText.decode(data, path: "f.md", limit: 1000).get()
        let split = try FrontMatterSplitter.split(source.text, path: "f.md").get()
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body\n")
    }

    @Test func reportsUnclosedAndMissingFrontMatter() {
        guard case let .failure(unclosed) = FrontMatterSplitter.split("---\ntitle: A\nbody", path: "f.md") else {
            Issue.record("unclosed front matter was accepted"); return
        }
        #expect(unclosed.message.contains("not closed"))
        guard case let .failure(missing) = FrontMatterSplitter.split("title: A\n", path: "f.md") else {
            Issue.record("missing front matter was accepted"); return
        }
        #expect(missing.message.contains("does not start with front matter"))
    }

    @Test func pointsAtInvalidUTF8AndNULBytes() {
        let invalid = Data("---\ntitle: ok\n".utf8) + Data([0x41, 0xC3, 0x28])
        guard case let .failure(diagnostic) = SourceText.decode(invalid, path: "f.md", limit: 1000) else {
            Issue.record("invalid UTF-8 was accepted"); return
        }
        #expect(diagnostic.description.hasPrefix("f.md:3:2: error: the file is not valid UTF-8 text"))
        guard case let .failure(nul) = SourceText.decode(Data("a\nb\0".utf8), path: "f.md", limit: 1000) else {
            Issue.record("a NUL byte was accepted"); return
        }
        #expect(nul.description.hasPrefix("f.md:2:2: error: the file contains a NUL byte"))
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("264/K.503/2023", "264-k-503-2023"),
        ("Rakor Gugus Tugas: Kalimantan Selatan", "rakor-gugus-tugas-kalimantan-selatan"),
        ("Sosialisasi di Désa  Bengalon!", "sosialisasi-di-desa-bengalon"),
        ("64.08", "64-08"),
        ("../../etc/passwd", "etc-passwd"),
    ])
    func makesURLSafeSlugs(input: String, expected: String) {
        #expect(Slug.make(from: input) == expected)
    }

    @Test func rejectsSlugsThatCouldLeaveTheirFolder() {
        #expect(!Slug.isValid("../x"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("A"))
        #expect(Slug.isValid("rakor-2024"))
    }
}

@Suite struct DateTests {
    @Test func parsesDatesAndTimesStrictly() {
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2023-02-29") == nil)
        #expect(CivilDate(iso: "2024-7-25") == nil)
        #expect(LocalDateTime(iso: "2024-07-25T09:30")?.timeText == "09:30")
        #expect(LocalDateTime(iso: "2024-07-25T24:00") == nil)
        #expect(CivilDate(iso: "2023-05-23")?.weekday == 2)  // a Tuesday
    }
}
