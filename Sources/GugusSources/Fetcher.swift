import AsyncHTTPClient
import Foundation
import GugusCore
import NIOCore
import NIOHTTP1

/// One GET with a deadline for the whole answer (AsyncHTTPClient's own deadline ends with
/// the response head; a server may then trickle the body), a size limit, and the
/// conditions of the last fetch.
struct Fetcher: Sendable {
    enum Answer: Sendable {
        case fetched(Data, etag: String?, lastModified: String?)
        case notModified(etag: String?, lastModified: String?)
        case missing
        case failure(String)
    }

    let client: HTTPClient
    let settings: SourceUpdater.Settings

    private struct TimedOut: Error {}
    private struct TooLarge: Error {}

    func fetch(_ url: String, previous: SourceLock.File?) async -> Answer {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        if let etag = previous?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = previous?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        let timeout = settings.timeout
        let client = self.client
        let prepared = request
        do {
            return try await withThrowingTaskGroup(of: Answer.self) { group in
                group.addTask {
                    let seconds = timeout.components.seconds
                    let response = try await client.execute(prepared, timeout: .seconds(max(1, seconds)))
                    let etag = response.headers.first(name: "ETag")
                    let modified = response.headers.first(name: "Last-Modified")
                    switch response.status.code {
                    case 200:
                        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > SourceUpdater.byteLimit {
                            throw TooLarge()
                        }
                        var body = Data()
                        for try await buffer in response.body {
                            guard body.count + buffer.readableBytes <= SourceUpdater.byteLimit else { throw TooLarge() }
                            buffer.withUnsafeReadableBytes { body.append(contentsOf: $0) }
                        }
                        return .fetched(body, etag: etag, lastModified: modified)
                    case 304:
                        return .notModified(etag: etag, lastModified: modified)
                    case 404, 410:
                        return .missing
                    default:
                        return .failure("\(url) answered \(response.status.code) \(response.status.reasonPhrase)")
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw TimedOut()
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw TimedOut() }
                return first
            }
        } catch is TimedOut {
            return .failure("\(url) took longer than \(Self.seconds(timeout))")
        } catch is TooLarge {
            return .failure("\(url) is larger than \(SourceUpdater.byteLimit / 1024 / 1024) MB")
        } catch {
            return .failure(Self.describe(error, url: url, timeout: timeout))
        }
    }

    static func seconds(_ duration: Duration) -> String { "\(duration.components.seconds) s" }

    /// Plain words for what went wrong.
    static func describe(_ error: Error, url: String, timeout: Duration) -> String {
        if let error = error as? HTTPClientError {
            if error == .redirectLimitReached { return "\(url) redirects more than \(SourceUpdater.redirectLimit) times" }
            if error == .redirectCycleDetected { return "\(url) redirects in a loop" }
            if [.connectTimeout, .deadlineExceeded, .readTimeout].contains(error) { return "\(url) took longer than \(seconds(timeout))" }
            if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "\(url) is not an address Gugus can fetch" }
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return "could not connect to \(url) (connection refused)" }
        if text.localizedCaseInsensitiveContains("timeout") || text.localizedCaseInsensitiveContains("timed out") {
            return "\(url) took longer than \(seconds(timeout))"
        }
        if text.localizedCaseInsensitiveContains("ssl") || text.localizedCaseInsensitiveContains("certificate") || text.localizedCaseInsensitiveContains("handshake") {
            return "could not make a secure connection to \(url) (\(text))"
        }
        if text.localizedCaseInsensitiveContains("resolve") || text.localizedCaseInsensitiveContains("lookup") || text.localizedCaseInsensitiveContains("nodename") {
            return "could not find the host of \(url) (\(text))"
        }
        return "could not fetch \(url) (\(text))"
    }
}
