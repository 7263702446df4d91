/// The security policy of a published site, in one place: the pages' Content-Security-Policy
/// meta tag (`{{{security.csp}}}` in `layouts/base.mustache`) and the headers of the nginx
/// recipe that `gugus init` writes (`deploy/nginx.conf`) both come from here, so the two
/// cannot drift apart.
public enum SecurityPolicy {
    /// One HTTP response header.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// What a page may load: only the site's own files (its scripts, styles, images and
    /// `data:` images), no plugins, no inline script or style, no other `<base>`, forms that
    /// post only to the site. Written into every page's `<head>` unescaped: it holds no
    /// `"`, `<`, `>` or `&`, and no braces (the tests check).
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'"

    /// The headers a web server sends with every response, in this order. A meta tag can
    /// carry the Content-Security-Policy alone; hosts that let the site set headers (the
    /// nginx recipe) send the others too.
    public static let headers: [Header] = [
        Header(name: "Content-Security-Policy", value: contentSecurityPolicy),
        // The browser takes the declared type at its word (no guessing a script in a .txt).
        Header(name: "X-Content-Type-Options", value: "nosniff"),
        // Other sites see the origin of a link, not the page (a search or a report's address).
        Header(name: "Referrer-Policy", value: "strict-origin-when-cross-origin"),
        // The site uses no camera, microphone, location, payment or USB; nothing embedded may either.
        Header(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
        // Only the site itself may show its pages in a frame (a meta tag cannot say `frame-ancestors`).
        Header(name: "X-Frame-Options", value: "SAMEORIGIN"),
    ]

    /// The headers without the Content-Security-Policy: for `/admin/`, where the browser
    /// editor (Decap CMS) loads its script from unpkg and talks to GitHub or GitLab.
    public static var headersWithoutCSP: [Header] {
        headers.filter { $0.name != "Content-Security-Policy" }
    }
}
