import Foundation
import Testing
import Yams
@testable import GugusCore

/// The publishing recipes `gugus init` writes: the nginx server block and the GitHub and
/// GitLab CI files, read back as nginx and the CI services would read them, and the one
/// security policy that the pages' meta tag and the nginx headers share. (`scripts/nginx-test`
/// runs the nginx recipe in a real nginx.)
@Suite struct DeployRecipesTests {
    static let recipes = ["deploy/nginx.conf", ".github/workflows/gugus.yml", ".gitlab-ci.yml"]

    /// A CI file as GitHub and GitLab read it: YAML 1.2, where `on:` is a key and not `true`.
    /// Every scalar is a string.
    func yaml(_ text: String) throws -> [String: Any] {
        try #require(try Yams.load(yaml: text, .basic) as? [String: Any])
    }

    func steps(_ job: [String: Any]?) -> [[String: Any]] { job?["steps"] as? [[String: Any]] ?? [] }

    /// The text of each `location` block of the nginx recipe, by its argument (`/`, `/admin/`, `~ "…"`).
    func locations(_ conf: String) -> [String: String] {
        var blocks: [String: String] = [:]
        var rest = conf[...]
        while let start = rest.range(of: "\n    location ") {
            // The line ends with " {" (a regular expression may hold braces of its own).
            let line = rest[start.upperBound...].prefix { $0 != "\n" }
            let body = rest[line.endIndex...]
            guard line.hasSuffix(" {"), let end = body.range(of: "\n    }") else { break }
            blocks[String(line.dropLast(2))] = String(body[..<end.lowerBound])
            rest = body[end.upperBound...]
        }
        return blocks
    }

    @Test func initWritesTheRecipesAndTheSiteStillBuilds() throws {
        let site = try InitSite()
        for (path, text) in DeployRecipes.files {
            #expect(site.read(path) == text, "\(path)")
        }
        #expect(DeployRecipes.files.map(\.path) == Self.recipes)
        site.buildSucceeds()
        // The recipes sit beside content/ and are not published.
        #expect(!site.exists("public/deploy"))
        #expect(!site.exists("public/.gitlab-ci.yml"))
    }

    @Test func initPointsToTheRecipes() throws {
        let (gugus, workspace) = try AuthoringCommandLineTests.installedCopy()
        let initialized = try runCommand(["init", "situs", "--now", "2024-08-01"], binary: gugus, in: workspace)
        #expect(initialized.status == 0)
        #expect(initialized.out.contains("deploy/nginx.conf"))
        #expect(initialized.out.contains("(13 berkas)"))
        for path in Self.recipes {
            #expect(FileManager.default.fileExists(atPath: workspace + "/situs/" + path), "\(path)")
        }
    }

    @Test func githubWorkflowInstallsTheDebBuildsAndDeploysToPages() throws {
        let workflow = try yaml(DeployRecipes.githubWorkflow)
        let on = workflow["on"] as? [String: Any]
        #expect((on?["push"] as? [String: Any])?["branches"] as? [String] == ["main"])
        #expect(on?.keys.contains("workflow_dispatch") == true)
        let permissions = workflow["permissions"] as? [String: String]
        #expect(permissions?["pages"] == "write")
        #expect(permissions?["id-token"] == "write")
        #expect((workflow["concurrency"] as? [String: Any])?["group"] as? String == "pages")

        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = jobs["build"] as? [String: Any]
        #expect(build?["container"] as? String == "debian:bookworm")
        let buildSteps = steps(build)
        let install = try #require(buildSteps.first { ($0["run"] as? String)?.contains("apt-get install -y ./gugus.deb") == true })
        #expect((install["name"] as? String)?.contains("Install Gugus") == true)
        #expect((install["env"] as? [String: String])?["GUGUS_DEB_URL"] == "${{ vars.GUGUS_DEB_URL }}")
        #expect((install["run"] as? String)?.contains(#"curl -fsSL --retry 3 -o gugus.deb "$GUGUS_DEB_URL""#) == true)
        // Gugus comes from its package: nothing is compiled.
        #expect(!DeployRecipes.githubWorkflow.contains("swift build"))
        let names = buildSteps.compactMap { $0["name"] as? String }
        let buildIndex = try #require(buildSteps.firstIndex { $0["run"] as? String == "gugus build --no-compress" })
        let installIndex = try #require(buildSteps.firstIndex { ($0["run"] as? String)?.contains("./gugus.deb") == true })
        let uploadIndex = try #require(buildSteps.firstIndex { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(installIndex < buildIndex && buildIndex < uploadIndex, "\(names)")
        #expect((buildSteps[uploadIndex]["with"] as? [String: String])?["path"] == "public")
        #expect(buildSteps.first?["uses"] as? String == "actions/checkout@v4")

        let deploy = jobs["deploy"] as? [String: Any]
        #expect(deploy?["needs"] as? String == "build")
        #expect((deploy?["environment"] as? [String: Any])?["name"] as? String == "github-pages")
        #expect(steps(deploy).contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages@") == true })
        // Every step says what it does, in both languages.
        for step in buildSteps + steps(deploy) {
            #expect((step["name"] as? String)?.contains(" / ") == true, "\(step)")
        }
    }

    @Test func gitlabPagesJobInstallsTheDebAndPublishesPublic() throws {
        let ci = try yaml(DeployRecipes.gitlabCI)
        #expect(ci.keys.sorted() == ["pages"])
        let pages = try #require(ci["pages"] as? [String: Any])
        #expect(pages["image"] as? String == "debian:bookworm")
        let script = try #require(pages["script"] as? [String])
        let install = try #require(script.firstIndex(of: "apt-get install -y ./gugus.deb"))
        let build = try #require(script.firstIndex(of: "gugus build"))
        #expect(install < build)
        #expect(script.contains(#"curl -fsSL --retry 3 -o gugus.deb "$GUGUS_DEB_URL""#))
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public"])
        #expect(!DeployRecipes.gitlabCI.contains("swift build"))
    }

    @Test func nginxServesCleanURLsTheNotFoundPageAndPrecompressedFiles() {
        let conf = DeployRecipes.nginx
        #expect(conf.filter { $0 == "{" }.count == conf.filter { $0 == "}" }.count)
        for line in [
            "root /var/www/gugus/public;", "index index.html;", "charset utf-8;", "error_page 404 /404.html;",
            "gzip_static on;", "brotli_static on;", "gzip_vary on;", "text/calendar ics;", "application/manifest+json webmanifest;",
        ] {
            #expect(conf.contains("\n    " + line + "\n") || conf.contains("\n        " + line + "\n"), "\(line)")
        }
        #expect(conf.contains("apt install nginx libnginx-mod-http-brotli-static"))
        let blocks = locations(conf)
        #expect(blocks.keys.sorted() == ["/", "/admin/", #"~ "(^/assets/.+|-[0-9]+w)\.[0-9a-f]{10}\.[a-z0-9]+$""#])
        #expect(blocks["/"]?.contains("try_files $uri $uri/ =404;") == true)
        #expect(blocks["/"]?.contains(#"add_header Cache-Control "public, max-age=300" always;"#) == true)
        #expect(blocks[#"~ "(^/assets/.+|-[0-9]+w)\.[0-9a-f]{10}\.[a-z0-9]+$""#]?.contains(#"add_header Cache-Control "public, max-age=31536000, immutable" always;"#) == true)
    }

    @Test func nginxSendsTheSecurityHeadersInEveryLocation() throws {
        let blocks = locations(DeployRecipes.nginx)
        #expect(blocks.count == 3)
        let csp = "add_header Content-Security-Policy \"\(SecurityPolicy.contentSecurityPolicy)\" always;"
        for (location, body) in blocks {
            // nginx passes add_header down only to a location without its own, so each repeats them all.
            for header in SecurityPolicy.headersWithoutCSP {
                #expect(body.contains("add_header \(header.name) \"\(header.value)\" always;"), "\(header.name) in \(location)")
            }
            // The browser editor loads Decap CMS from unpkg: the site's policy would stop it.
            #expect(body.contains(csp) == (location != "/admin/"), "CSP in \(location)")
        }
        let names = SecurityPolicy.headers.map(\.name)
        #expect(names == ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"])
        #expect(SecurityPolicy.headers.first { $0.name == "X-Content-Type-Options" }?.value == "nosniff")
        #expect(SecurityPolicy.headers.first { $0.name == "Referrer-Policy" }?.value == "strict-origin-when-cross-origin")
    }

    @Test func pagesCarryTheSamePolicyAsTheHeaders() throws {
        let policy = SecurityPolicy.contentSecurityPolicy
        // It is written into the pages unescaped and into the templates before rendering.
        #expect(!policy.contains(where: { "\"<>&{}".contains($0) }))
        #expect(policy == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")
        #expect(DefaultTheme.files["layouts/base.mustache"]?.contains(#"<meta http-equiv="Content-Security-Policy" content="{{{security.csp}}}">"#) == true)
        let site = try InitSite()
        site.buildSucceeds()
        for page in ["index.html", "404.html", "cara-melapor/index.html"] {
            #expect(site.page(page).contains(#"<meta http-equiv="Content-Security-Policy" content="\#(policy)">"#), "\(page)")
        }
        // Also where the tag is looked up rather than written into the template beforehand.
        #expect(ContextBuilder.security.child(named: "csp") as? String == policy)
    }
}
