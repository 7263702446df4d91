/// `cms:` in `site.yaml`: where the browser editor (Decap CMS, Sveltia CMS) saves its
/// changes. When present, the build writes `/admin/index.html` and `/admin/config.yml`.
public struct CMSSettings: Sendable, Hashable {
    public static let backends = ["github", "gitlab", "git-gateway"]

    /// `github`, `gitlab` or `git-gateway`.
    public var backend: String
    /// `owner/name` of the repository (GitHub, GitLab); nil for git-gateway.
    public var repo: String?
    public var branch: String
    /// The OAuth server for GitHub or GitLab logins outside Netlify (Decap's `base_url`).
    public var authBaseURL: String?
    /// The path of the login on that server (Decap's `auth_endpoint`).
    public var authEndpoint: String?

    static let keys = ["backend", "repo", "branch", "base_url", "auth_endpoint"]

    /// Reads the `cms` map of site.yaml; every problem becomes a diagnostic of the reader.
    static func read(from reader: inout FieldReader) -> CMSSettings? {
        guard var cms = reader.mapping("cms", what: "the CMS settings") else { return nil }
        defer { reader.absorb(cms) }
        let backend = cms.choice("backend", from: backends, required: true)
        let repo = cms.string("repo")
        let branch = cms.string("branch")?.value ?? "main"
        let authBaseURL = cms.string("base_url")
        let authEndpoint = cms.string("auth_endpoint")?.value
        cms.reportUnknownKeys(known: keys)
        if let authBaseURL, !(authBaseURL.value.hasPrefix("https://") || authBaseURL.value.hasPrefix("http://")) {
            cms.report(authBaseURL.location, "`base_url` of `cms` must start with https://",
                       hint: "write the address of the login server, e.g. `base_url: https://login.example.id`")
        }
        guard let backend else { return nil }
        if backend.value != "git-gateway" {
            guard let repo else {
                cms.report(cms.location, "the CMS needs the repository of the site (`repo`)",
                           hint: "add `repo: owner/name` under `cms:`, as in the address github.com/owner/name")
                return nil
            }
            let parts = repo.value.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count >= 2, !parts.contains(where: \.isEmpty), !repo.value.contains(" ") else {
                cms.report(repo.location, "`repo` must be written owner/name, not \"\(repo.value)\"",
                           hint: "copy it from the address of the repository: github.com/owner/name → `repo: owner/name`")
                return nil
            }
        }
        return CMSSettings(
            backend: backend.value, repo: repo?.value, branch: branch,
            authBaseURL: authBaseURL?.value, authEndpoint: authEndpoint)
    }
}
