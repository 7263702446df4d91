/// What a chart shows: categories (the dataset's `x` column) and numeric series.
struct ChartData: Sendable {
    struct Series: Sendable {
        var name: String
        /// One value per category; nil where the cell is empty or not a number.
        var values: [Double?]
    }

    var title: String
    var categoryName: String
    var unit: String?
    var categories: [String]
    var series: [Series]

    /// The chart of a dataset, or nil when it has `chart: none` or nothing numeric to show.
    static func of(_ dataset: ResolvedDataset) -> ChartData? {
        let fields = dataset.fields
        guard fields.chart != "none", let categories = fields.table.column(fields.x) else { return nil }
        let series = fields.series.compactMap { name -> Series? in
            guard name != fields.x, let cells = fields.table.column(name) else { return nil }
            return Series(name: name, values: cells.map { Double($0.trimmingSpaces) })
        }.filter { $0.values.contains { $0 != nil } }
        guard !series.isEmpty, !categories.isEmpty else { return nil }
        return ChartData(title: dataset.item.title, categoryName: fields.x, unit: fields.unit, categories: categories, series: series)
    }

    var maximum: Double { series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0 }
    var minimum: Double { series.flatMap { $0.values.compactMap { $0 } }.min() ?? 0 }

    /// Axis ticks from 0 (or the lowest negative value) to a round value at or above the
    /// maximum: 0, 5, 10, 15.
    func ticks(count: Int = 4) -> [Double] {
        let low = min(0, minimum)
        let high = max(maximum, low + 1)
        let rough = (high - low) / Double(count)
        let magnitude = pow10(floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        let start = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        var value = start
        while value < high + step * 0.999 && ticks.count < 20 {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        if exponent >= 0 { for _ in 0..<Int(exponent) { result *= 10 } } else { for _ in 0..<Int(-exponent) { result /= 10 } }
        return result
    }

    private func floor(_ value: Double) -> Double { value.rounded(.down) }
    private func log10(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        var exponent = 0.0
        var rest = value
        while rest >= 10 { rest /= 10; exponent += 1 }
        while rest < 1 { rest *= 10; exponent -= 1 }
        return exponent
    }
}
