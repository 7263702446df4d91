import Foundation
import Synchronization
import Testing
@testable import GugusCore

/// Bodies render on every core; cmark-gfm keeps the characters that start strikethrough
/// and autolinks in one global table, which a parse on another core used to clear in the
/// middle of this one: some pages of a large site showed `~~text~~` and bare addresses.
/// With the lock around inline parsing taken out (and no hook), 400 renders on two cores lost their
/// extensions in 7 to 11 bodies in each of three runs, and these 2,000 renders on eight threads
/// in 103: passing with the race present is not a matter of luck any more. Since the hook in
/// `CGugusMarkdown` keeps the characters in the table, the parses here run at the same time
/// (checked below), so this is the test that the hook removes the race.
struct ParallelMarkdownTests {
    @Test func everyBodyKeepsItsExtensionsWhenRenderedOnEveryCore() {
        let table = "\n\n| Wilayah | Catatan |\n|---|---|\n| Kutai ~~Barat~~ Timur | lihat www.kemenpppa.go.id |\n"
        let body = (1...40).map { "Paragraf \($0) dengan ~~coretan~~ dan www.kemenpppa.go.id di tengah kalimat." + ($0 % 5 == 0 ? table : "") }
            .joined(separator: "\n\n")
        let links = LinkContext(file: "content/news/x.md", bodyFirstLine: 5, permalinks: [:], media: MediaLibrary(), unpublished: [])
        let threads = 8, each = 250
        let results = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let part = (0..<each).map { _ in MarkdownRenderer.render(body, links: links).html }
            results.withLock { $0 += part }
        }
        let rendered = results.withLock { $0 }
        #expect(MarkdownRenderer.parsesInParallel, "the cmark-gfm hook is not in place: parses took turns")
        #expect(rendered.count == threads * each)
        let broken = rendered.filter { $0.contains("~~") || $0.contains(" www.kemenpppa.go.id ") }.count
        #expect(broken == 0, "\(broken) of \(rendered.count) bodies lost strikethrough or autolinks")
        #expect(rendered.filter { $0.components(separatedBy: "<del>coretan</del>").count != 41 }.count == 0)
        #expect(rendered.filter { $0.components(separatedBy: "<td>Kutai <del>Barat</del> Timur</td>").count != 9 }.count == 0)
    }
}
