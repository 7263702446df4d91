/// Charts drawn at build time as inline SVG: no JavaScript, readable in print, with a
/// title and a description for screen readers and the data table beside them.
struct SVGChart: Sendable {
    enum Style: String, Sendable { case bar, line }

    var data: ChartData
    var style: Style
    /// Unique within the page, for the `aria-labelledby` references.
    var id: String
    /// Formats a number for display (`1.234`).
    var number: @Sendable (Double) -> String
    /// The sentence read by screen readers, e.g. "Diagram batang …".
    var description: String

    /// Dark enough for 3:1 contrast against white (WCAG 1.4.11), distinct in greyscale.
    static let colors = ["#1d4f91", "#b34700", "#2b6a30", "#7b2d8e", "#5a5a5a"]
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "4 4"]
    static let width = 400.0
    /// A generous width of one character at 13 px (system fonts average less): every text is
    /// placed so that its estimated width stays inside the chart.
    static let characterWidth = 8.0

    static func estimatedWidth(_ text: String, size: Double = 13) -> Double {
        Double(text.count) * characterWidth * size / 13
    }

    /// `text` cut with an ellipsis to at most `width` (estimated).
    static func fitted(_ text: String, width: Double, size: Double = 13) -> String {
        let fits = Int(width / (characterWidth * size / 13))
        return text.count <= fits ? text : String(text.prefix(max(1, fits - 1))) + "…"
    }

    func svg() -> String {
        style == .bar ? barChart() : lineChart()
    }

    private func open(height: Double) -> String {
        let label = "\(id)-judul \(id)-uraian"
        return "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(label)\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"13\" font-family=\"system-ui, sans-serif\">"
            + "<title id=\"\(id)-judul\">\(XMLText.escape(data.title))</title>"
            + "<desc id=\"\(id)-uraian\">\(XMLText.escape(description))</desc>"
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", extra: String = "") -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\" fill=\"#1a1a1a\"\(extra)>\(XMLText.escape(content))</text>"
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A legend row of coloured keys; empty for a single series.
    private func legend(y: Double) -> (svg: String, height: Double) {
        guard data.series.count > 1 else { return ("", 0) }
        var parts: [String] = []
        var x = 0.0
        var row = 0.0
        for (index, series) in data.series.enumerated() {
            let name = Self.fitted(series.name, width: Self.width - 24)
            let width = Self.estimatedWidth(name) + 30
            if x + width > Self.width && x > 0 { x = 0; row += 20 }
            let color = Self.colors[index % Self.colors.count]
            let dash = Self.dashes[index % Self.dashes.count]
            if style == .line {
                parts.append("<line x1=\"\(format(x))\" y1=\"\(format(y + row - 4))\" x2=\"\(format(x + 20))\" y2=\"\(format(y + row - 4))\" stroke=\"\(color)\" stroke-width=\"3\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
            } else {
                parts.append("<rect x=\"\(format(x))\" y=\"\(format(y + row - 12))\" width=\"16\" height=\"12\" fill=\"\(color)\"/>")
            }
            parts.append(text(x + 24, y + row, name))
            x += width
        }
        return (parts.joined(), row + 24)
    }

    /// Horizontal bars: long category names stay readable on a phone. The name of the
    /// categories heads their column; each label wraps onto at most three lines.
    private func barChart() -> String {
        let labelWidth = 150.0
        let labelCharacters = Int(labelWidth / Self.characterWidth)
        let plotLeft = labelWidth + 8
        // Room for the widest value written after its bar.
        let widestValue = data.series.flatMap(\.values).compactMap { $0 }.map { Self.estimatedWidth(number($0)) }.max() ?? 24
        let plotRight = Self.width - max(32, widestValue + 8)
        let barHeight = 16.0
        let ticks = data.ticks()
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1
        func x(_ value: Double) -> Double { plotLeft + (value - low) / max(high - low, 1e-9) * (plotRight - plotLeft) }
        let (legendSVG, legendHeight) = legend(y: 14)
        var body: [String] = [text(2, legendHeight + 14, Self.fitted(data.categoryName, width: labelWidth), extra: " font-weight=\"bold\"")]
        let barsTop = legendHeight + 24
        var y = barsTop
        for (row, category) in data.categories.enumerated() {
            let lines = Self.wrap(category, width: labelCharacters, maxLines: 3)
            let groupHeight = max(Double(data.series.count) * (barHeight + 3), Double(lines.count) * 15) + 12
            for (index, line) in lines.enumerated() {
                body.append(text(labelWidth, y + 13 + Double(index) * 15, line, anchor: "end"))
            }
            for (index, series) in data.series.enumerated() {
                guard row < series.values.count, let value = series.values[row] else { continue }
                let top = y + Double(index) * (barHeight + 3)
                let start = x(min(0, value) < 0 ? value : max(low, 0))
                let end = x(value < 0 ? 0 : value)
                body.append("<rect x=\"\(format(start))\" y=\"\(format(top))\" width=\"\(format(max(end - start, 1)))\" height=\"\(format(barHeight))\" fill=\"\(Self.colors[index % Self.colors.count])\"/>")
                body.append(text(end + 4, top + 12.5, number(value)))
            }
            y += groupHeight
        }
        let axisY = y
        body.append("<line x1=\"\(format(plotLeft))\" y1=\"\(format(barsTop - 4))\" x2=\"\(format(plotLeft))\" y2=\"\(format(axisY))\" stroke=\"#1a1a1a\"/>")
        body.append("<line x1=\"\(format(plotLeft))\" y1=\"\(format(axisY))\" x2=\"\(format(plotRight))\" y2=\"\(format(axisY))\" stroke=\"#1a1a1a\"/>")
        for tick in ticks {
            body.append("<line x1=\"\(format(x(tick)))\" y1=\"\(format(axisY))\" x2=\"\(format(x(tick)))\" y2=\"\(format(axisY + 5))\" stroke=\"#1a1a1a\"/>")
            body.append(text(x(tick), axisY + 19, number(tick), anchor: "middle"))
        }
        let axisTitle = Self.fitted(data.unit.map { "\(valueAxisName) (\($0))" } ?? valueAxisName, width: Self.width)
        body.append(text(centered(axisTitle, at: (plotLeft + plotRight) / 2), axisY + 38, axisTitle, anchor: "middle", extra: " font-weight=\"bold\""))
        return open(height: axisY + 46) + legendSVG + body.joined() + "</svg>"
    }

    /// Where to centre a text near `x` so that it stays inside the chart.
    private func centered(_ text: String, at x: Double, size: Double = 13) -> Double {
        let half = Self.estimatedWidth(text, size: size) / 2
        return min(max(x, half), Self.width - half)
    }

    private var valueAxisName: String { data.series.count == 1 ? data.series[0].name : (data.unit == nil ? "nilai" : "jumlah") }

    private func lineChart() -> String {
        let (legendSVG, legendHeight) = legend(y: 14)
        let plotLeft = 48.0
        let plotRight = Self.width - 16
        let plotTop = legendHeight + 24
        let plotBottom = plotTop + 200
        let ticks = data.ticks()
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1
        let count = data.categories.count
        func x(_ index: Int) -> Double {
            count == 1 ? (plotLeft + plotRight) / 2 : plotLeft + 12 + Double(index) / Double(count - 1) * (plotRight - plotLeft - 24)
        }
        func y(_ value: Double) -> Double { plotBottom - (value - low) / max(high - low, 1e-9) * (plotBottom - plotTop) }
        var body: [String] = []
        for tick in ticks {
            body.append("<line x1=\"\(format(plotLeft))\" y1=\"\(format(y(tick)))\" x2=\"\(format(plotRight))\" y2=\"\(format(y(tick)))\" stroke=\"#d0d0d0\"/>")
            body.append(text(plotLeft - 6, y(tick) + 4, number(tick), anchor: "end"))
        }
        body.append("<line x1=\"\(format(plotLeft))\" y1=\"\(format(plotTop))\" x2=\"\(format(plotLeft))\" y2=\"\(format(plotBottom))\" stroke=\"#1a1a1a\"/>")
        body.append("<line x1=\"\(format(plotLeft))\" y1=\"\(format(plotBottom))\" x2=\"\(format(plotRight))\" y2=\"\(format(plotBottom))\" stroke=\"#1a1a1a\"/>")
        let labelEvery = max(1, Int((Double(count) * 40 / (plotRight - plotLeft)).rounded(.up)))
        for (index, category) in data.categories.enumerated() where index % labelEvery == 0 {
            let label = Self.fitted(category, width: 96)
            body.append(text(centered(label, at: x(index)), plotBottom + 18, label, anchor: "middle"))
        }
        for (index, series) in data.series.enumerated() {
            let color = Self.colors[index % Self.colors.count]
            let dash = Self.dashes[index % Self.dashes.count]
            // A break in the line where a value is missing.
            var segments: [[(Double, Double)]] = [[]]
            for (position, value) in series.values.enumerated() {
                if let value { segments[segments.count - 1].append((x(position), y(value))) } else if !(segments.last?.isEmpty ?? true) { segments.append([]) }
            }
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(format($0.0)),\(format($0.1))" }.joined(separator: " ")
                body.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>")
            }
            for (position, value) in series.values.enumerated() {
                guard let value else { continue }
                body.append("<circle cx=\"\(format(x(position)))\" cy=\"\(format(y(value)))\" r=\"3.5\" fill=\"\(color)\"/>")
                // Labels of the first series above the points, of the others below.
                let offset = index == 0 ? -8.0 : 17.0
                let label = number(value)
                body.append(text(centered(label, at: x(position), size: 11), y(value) + offset, label, anchor: "middle", extra: " font-size=\"11\""))
            }
        }
        let categoryName = Self.fitted(data.categoryName, width: Self.width)
        body.append(text(centered(categoryName, at: (plotLeft + plotRight) / 2), plotBottom + 38, categoryName, anchor: "middle", extra: " font-weight=\"bold\""))
        body.append(text(2, plotTop - 10, Self.fitted(data.unit ?? valueAxisName, width: Self.width), extra: " font-weight=\"bold\""))
        return open(height: plotBottom + 46) + legendSVG + body.joined() + "</svg>"
    }

    /// Splits a label into lines of at most `width` characters, at spaces or slashes.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = String(lines[maxLines - 1].prefix(width - 1)) + "…"
        }
        // A word longer than a line is cut: a label never reaches past its column.
        return lines.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    }
}
