import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gugus check --external`: asks every external address over HTTP, a few at a time,
/// each with a time limit, and reports those that fail at every place they are written.
public enum ExternalLinkChecker {
    public static func check(
        _ links: [String: [SourceLocation]], concurrency: Int = 8, timeout: Double = 10
    ) async -> [Diagnostic] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.httpAdditionalHeaders = ["User-Agent": "Gugus link checker"]
        let session = URLSession(configuration: configuration)
        let urls = links.keys.sorted()
        var problems: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            var next = 0
            func startNext() {
                guard next < urls.count else { return }
                let url = urls[next]
                next += 1
                group.addTask { (url, await problem(with: url, session: session)) }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (url, problem) = await group.next() {
                if let problem { problems[url] = problem }
                startNext()
            }
        }
        return urls.flatMap { url -> [Diagnostic] in
            guard let problem = problems[url] else { return [] }
            return (links[url] ?? []).map { location in
                Diagnostic(at: location, "the external link \(url) \(problem)",
                           hint: "check the address in a browser; if the page moved, link to its new address")
            }
        }
    }

    static func problem(with address: String, session: URLSession) async -> String? {
        guard let url = URL(string: address) else { return "is not a valid address" }
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url)
            request.httpMethod = method
            do {
                let (_, response) = try await session.data(for: request)
                guard let status = (response as? HTTPURLResponse)?.statusCode else { return "gave no HTTP answer" }
                // Some servers refuse HEAD; ask again with GET before judging.
                if method == "HEAD" && [403, 405, 501].contains(status) { continue }
                return status < 400 ? nil : "answers HTTP \(status)"
            } catch {
                return "could not be reached (\((error as NSError).localizedDescription))"
            }
        }
        return nil
    }
}
