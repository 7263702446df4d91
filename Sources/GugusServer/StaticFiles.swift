import Foundation
import Hummingbird

/// Serves the built site. Each file is read with one `open`, whole, so that a page being
/// replaced by a rebuild at that moment is served either old or new, never cut (a file
/// server that takes the size first and reads later can send a length that no longer
/// matches). Addresses are clean URLs: `/berita/` serves `berita/index.html`.
struct StaticFiles<Context: RequestContext>: RouterMiddleware {
    let root: String

    static var mediaTypes: [String: String] {
        [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
            "json": "application/json", "xml": "application/xml", "ics": "text/calendar; charset=utf-8",
            "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "yml": "text/yaml; charset=utf-8",
            "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
            "avif": "image/avif", "heic": "image/heic", "tif": "image/tiff", "tiff": "image/tiff", "gif": "image/gif", "ico": "image/x-icon", "pdf": "application/pdf", "woff2": "font/woff2",
        ]
    }

    /// The file for an address, or nil when the address is not a plain path inside the
    /// site (`..`, encoded or not, a NUL, a backslash).
    static func relativePath(for uriPath: String) -> String? {
        guard let decoded = uriPath.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return segments.joined(separator: "/")
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        guard let relative = Self.relativePath(for: request.uri.path) else { throw HTTPError(.badRequest) }
        var path = root + (relative.isEmpty ? "" : "/" + relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return try await next(request, context) }
        if isDirectory.boolValue {
            // `/berita` → `/berita/`, as static web servers do.
            guard request.uri.path.hasSuffix("/") else {
                return Response(status: .movedPermanently, headers: [.location: request.uri.path + "/"])
            }
            path += "/index.html"
        }
        // The site's files only: a link inside the output may not lead out of it.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard resolved.hasPrefix(resolvedRoot + "/") else { throw HTTPError(.notFound) }
        guard let data = FileManager.default.contents(atPath: resolved) else { return try await next(request, context) }
        let type = Self.mediaTypes[(resolved as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: .ok, headers: [.contentType: type, .contentLength: String(data.count)], body: body)
    }
}
