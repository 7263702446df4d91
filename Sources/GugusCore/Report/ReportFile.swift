import Foundation
import Yams

/// `content/reports/YYYY.md`: the foreword and narrative of a year's report, signed.
/// Optional; without it the report has no foreword.
public struct ReportFile: Sendable {
    public var path: String
    public var title: String
    public var signedBy: String?
    public var signedPlace: String?
    public var signedDate: CivilDate?
    public var body: String
    public var bodyFirstLine: Int

    /// The report file of `year`, nil when there is none; problems go to `diagnostics`.
    static func load(siteRoot: String, year: Int, diagnostics: inout DiagnosticLog) -> ReportFile? {
        let path = "content/reports/\(year).md"
        let files = SiteFiles(root: siteRoot)
        guard let source = files.readText(path, limit: SourceText.Limits.markdownBytes, diagnostics: &diagnostics) else { return nil }
        guard let read = ContentLoader.readFrontMatter(source, diagnostics: &diagnostics) else { return nil }
        let (frontMatter, node) = read
        var reader = FieldReader(node: node, file: path, firstLine: frontMatter.yamlFirstLine)
        let title = reader.string("title", required: true, example: "Laporan Tahunan Gugus Tugas TPPO \(year)")
        let signedBy = reader.string("signed_by")
        let signedPlace = reader.string("signed_place")
        let signedDate = reader.date("signed_date")
        if let signedBy, signedDate == nil, !reader.has("signed_date") {
            reader.report(signedBy.location, "the report is signed by \(signedBy.value) but has no `signed_date:`",
                          hint: "add the date of signing on its own line, e.g. `signed_date: \(year + 1)-01-15`")
        }
        if let signedDate, !(year...(year + 1)).contains(signedDate.value.year) {
            reader.warn(signedDate.location, "the report of \(year) is signed on \(signedDate.value), outside \(year) and \(year + 1)",
                        hint: "check the year of `signed_date:`")
        }
        reader.reportUnknownKeys(known: ["title", "signed_by", "signed_place", "signed_date"])
        diagnostics.append(contentsOf: reader.diagnostics)
        guard !reader.diagnostics.contains(where: { $0.severity == .error }), let title else { return nil }
        return ReportFile(path: path, title: title.value, signedBy: signedBy?.value, signedPlace: signedPlace?.value,
                          signedDate: signedDate?.value, body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine)
    }
}
