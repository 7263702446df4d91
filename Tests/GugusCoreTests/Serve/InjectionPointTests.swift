import Foundation
import Testing
@testable import GugusCore

/// `gugus serve` adds its live-reload script before the last `</body>` of each page.
struct InjectionPointTests {
    @Test func theScriptGoesBeforeTheLastClosingBodyTag() {
        let page = OutputFile(path: "berita/x/index.html", text: "<html><body><p>&lt;/body&gt; dan é</p></body>\n</html>\n")
        guard case let .bytes(data) = page.injecting("<script src=\"/__gugus/live.js\"></script>").content else {
            Issue.record("no bytes")
            return
        }
        #expect(String(decoding: data, as: UTF8.self)
            == "<html><body><p>&lt;/body&gt; dan é</p><script src=\"/__gugus/live.js\"></script>\n</body>\n</html>\n")
        let feed = OutputFile(path: "feed.xml", text: "<feed></body></feed>")
        guard case let .bytes(feedData) = feed.injecting("<script></script>").content else { return }
        #expect(String(decoding: feedData, as: UTF8.self) == "<feed></body></feed>")
        let noBody = OutputFile(path: "a.html", text: "<p>tanpa body</p>")
        guard case let .bytes(noBodyData) = noBody.injecting("<script></script>").content else { return }
        #expect(String(decoding: noBodyData, as: UTF8.self) == "<p>tanpa body</p>")
    }
}
