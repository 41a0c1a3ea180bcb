extension CSVTable {
    /// Reads the report at `path` once and hands its rows of each of `tables` to `write`,
    /// with the table each belongs to. The rows are those that ``rows(of:)-(Document)``
    /// gives for the report's ``Document``, in the same order within each table, but the
    /// report is never held whole (see ``Document/streamPieces(contentsOf:threads:_:)``):
    /// the rows of a streamed table come as the report is read, the diagnostics and reports
    /// tables' at its end, from what little the stream keeps.
    ///
    /// So one reading gives every table a batch wants:
    ///
    /// ```swift
    /// try CSVTable.streamRows(of: [.reports, .figures], contentsOf: "report.docx") { table, row in
    ///     files[table]!.write(CSVTable.record(row))
    /// }
    /// ```
    ///
    /// `threads` as for ``Document/init(contentsOf:threads:)``.
    ///
    /// - Returns: what the input was.
    @discardableResult
    public static func streamRows(of tables: [CSVTable], contentsOf path: String, threads: Int = 1,
                                  _ write: (CSVTable, [String]) -> Void) throws(FinParseError) -> SourceInfo {
        let streamed = tables.filter(\.isStreamed)
        let atTheEnd = tables.filter { !$0.isStreamed }
        var end = StreamedReportEnd()
        var counts = ReportCounts()
        // The assembly keeps `write` only while it lives, which ends in here.
        return try withoutActuallyEscaping(write) { write throws(FinParseError) in
            let assembly = ReportAssembly(threads: threads) { given in
                if !atTheEnd.isEmpty {
                    _ = end.take(given)
                    counts.add(given)
                }
                guard case .piece(let piece) = given else { return }
                for table in streamed {
                    for row in table.rows(of: piece, source: path) { write(table, row) }
                }
            }
            let source = try Document.read(fileAt: path, into: assembly)
            assembly.finishStream()
            guard !atTheEnd.isEmpty else { return source }
            let read = end.finish(readerDiagnostics: assembly.diagnostics)
            for table in atTheEnd {
                let rows = table == .reports
                    ? [reportRow(source, read.report, counts, diagnostics: read.diagnostics)]
                    : Self.rows(of: read.diagnostics, source: path)
                for row in rows { write(table, row) }
            }
            return source
        }
    }
}

/// How much was read from a report, for its row in the reports table.
struct ReportCounts {
    var paragraphs = 0
    var tables = 0
    var amounts = 0
    var percents = 0
    /// The indicators of its 自评表s and 绩效目标表s.
    var indicators = 0

    mutating func add(_ table: Table) {
        tables += 1
        indicators += table.selfEvaluation?.indicators.count ?? 0
    }

    mutating func add(_ streamed: ReportAssembly.Streamed) {
        switch streamed {
        case .paragraph: paragraphs += 1
        case .piece(.table(let table)): add(table)
        case .piece(.figure(let figure)): if figure.unit == .percent { percents += 1 } else { amounts += 1 }
        case .diagnostics: break
        }
    }
}
