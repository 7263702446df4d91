import Foundation

/// Datasets as files for reuse: CSV (RFC 4180) and JSON beside the dataset's page.
enum DataExport {
    /// CRLF line ends, cells quoted when needed, and cells that a spreadsheet would run as a
    /// formula (`=`, `+`, `-`, `@` not followed by a plain number) prefixed with `'`.
    static func csv(_ table: DataTable) -> String {
        var lines = [table.columns.map(cell).joined(separator: ",")]
        for row in table.rows { lines.append(row.map(cell).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A JSON value that keeps numbers as numbers.
    enum Value: Encodable {
        case text(String)
        case number(Double)

        init(cell: String, numeric: Bool) {
            if numeric, let number = Double(cell) { self = .number(number) } else { self = .text(cell) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .text(text): try container.encode(text)
            case let .number(number):
                if number.rounded() == number && abs(number) < 1e15 { try container.encode(Int64(number)) } else { try container.encode(number) }
            }
        }
    }

    struct DatasetDocument: Encodable {
        var title: String
        var description: String?
        var source: String?
        var unit: String?
        var x: String
        var series: [String]
        var columns: [String]
        var rows: [[String: Value]]
        var url: String
        var csv: String
    }

    static func json(_ dataset: ResolvedDataset, site: Site) -> Data {
        let table = dataset.fields.table
        let numeric = Set(table.numericColumns)
        let rows = table.rows.map { row in
            Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { index, column in
                (column, Value(cell: index < row.count ? row[index] : "", numeric: numeric.contains(column)))
            })
        }
        let document = DatasetDocument(
            title: dataset.item.title, description: dataset.fields.description, source: dataset.fields.source,
            unit: dataset.fields.unit, x: dataset.fields.x, series: dataset.fields.series, columns: table.columns, rows: rows,
            url: site.config.baseURL + dataset.url, csv: site.config.baseURL + dataset.csvURL)
        return encode(document)
    }

    /// Sorted keys, so two builds give the same bytes.
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}
