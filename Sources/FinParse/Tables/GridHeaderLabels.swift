/// The labels a marked-up table (Word, a web page) of one row of values takes from its
/// header, the row having no label of its own: what ``SpacedHeaderLabels`` reads from
/// pdftotext's lines, read here from cells whose columns and merges are given. A value's
/// label is the column name of the lowest header cell over it (合计, 因公出国(境)费,
/// 公务用车购置费 …); a 小计 is the group's over it (公务用车购置及运行维护费小计); a 预算数 or
/// 决算数 under it, as a 决算 table has, is added (合计预算数). Unless every value stands under
/// one name the template knows, with nothing but a 预算数 or 决算数 below it, and no two values
/// under the same, nothing is labelled: a header whose cells a converter from PDF packed to
/// the left (合计, 小计 and 公务用车购置费 over one column) names no column.
enum GridHeaderLabels {
    /// The labels of the values of `grid`'s one row of amounts, by the line and column of
    /// each cell; empty for any other table.
    static func labels(of grid: TableGrid, template: SpacedHeaderLabels.Template) -> [TableGrid.Place: String] {
        let rows = grid.cellsByRow
        let amountRows = rows.indices.filter { rows[$0].contains { TableFigures.amount($0.text) != nil } }
        guard amountRows.count == 1, let r = amountRows.first, r > 0 else { return [:] }
        let values = rows[r].filter { !$0.text.isEmpty && !TableFigures.marksEmpty($0.text) }
        guard values.count > 1, values.allSatisfy({ TableFigures.isValue($0.text) }) else { return [:] }
        // Row by row, top down; a merged cell once, at its first row and column. A real header
        // has a few dozen cells, and each value looks at each.
        let header = rows[..<r].joined().filter { !$0.text.isEmpty }
        guard header.count <= 200, values.count <= 64 else { return [:] }
        let texts = header.map { Substring(SelfEvaluationReader.compact($0.text)) }
        let names = Set(template.columnNames)
        var labels: [TableGrid.Place: String] = [:]
        for value in values {
            let over = header.indices.filter { header[$0].column <= value.column && value.column < header[$0].column + header[$0].columnSpan }
                .map { texts[$0] }
            // One name over each column: names stacked over one column are a header whose
            // cells do not stand over their columns.
            let named = over.indices.filter { names.contains(String(SpacedHeaderLabels.withoutYear(over[$0]))) }
            guard named.count == 1, let leaf = named.first else { return [:] }
            let below = over[(leaf + 1)...]
            guard below.count <= 1, below.allSatisfy({ SpacedHeaderLabels.generic.contains(String($0)) }) else { return [:] }
            var label = String(over[leaf])
            if SpacedHeaderLabels.withoutYear(over[leaf]) == "小计", let group = over[..<leaf].last(where: template.isGroup) {
                label = String(SpacedHeaderLabels.withoutYear(group)) + label
            }
            labels[TableGrid.Place(line: value.line, column: value.column)] = label + (below.first ?? "")
        }
        // Nor do two columns of one name.
        return Set(labels.values).count == labels.count ? labels : [:]
    }
}
