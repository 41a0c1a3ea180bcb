/// The .xlsx pipeline: zip package → workbook → each sheet's cells, as Excel shows them →
/// paragraphs and tables (``SheetLayout``) → the stages every format shares.
///
/// A line is a row: the rows of the sheets read, counted through them in the order of
/// their tabs (the second sheet's row 1 is the first's last row + 1). Hidden sheets are
/// not read.
enum WorkbookReportParser {
    static func read(_ package: OfficePackage, workbookPart: String, path: String,
                     into assembly: ReportAssembly) throws(FinParseError) {
        var workbook = WorkbookSheets()
        _ = try package.read(workbookPart, into: &workbook)
        let relationships = try package.relationships(of: workbookPart)
        func part(_ type: String) -> String? { relationships.first { $0.type.hasSuffix("/" + type) }?.target }
        var strings = SharedStrings()
        if let name = part("sharedStrings") { _ = try package.read(name, into: &strings) }
        var styles = CellStyles()
        if let name = part("styles") { _ = try package.read(name, into: &styles) }
        var lineOffset = 0
        for sheet in workbook.sheets {
            guard let name = relationships.first(where: { $0.id == sheet.relationship })?.target else { continue }
            if sheet.hidden {
                assembly.diagnostics.append(Diagnostic(severity: .info, code: "sheet-not-read", message: """
                    sheet \(sheet.name) is hidden in the workbook: not read
                    """, line: lineOffset + 1))
                continue
            }
            var reader = WorksheetReader(strings: strings.strings, styles: styles)
            guard try package.read(name, into: &reader) else {
                assembly.diagnostics.append(Diagnostic(severity: .warning, code: "sheet-not-read", message: """
                    sheet \(sheet.name) has no part (\(name)) in the package: its cells are missing
                    """, line: lineOffset + 1))
                continue
            }
            assembly.diagnostics += diagnostics(of: reader, sheet: sheet.name, lineOffset: lineOffset)
            let items = SheetLayout.items(of: reader, name: sheet.name, lineOffset: lineOffset)
            // A sheet of text is a section: its title, a row of its own above the text, heads it.
            if !items.contains(where: { if case .table = $0 { true } else { false } }),
               case .paragraph(let title) = items.first, items.contains(where: {
                   if case .paragraph(let text) = $0 { text.line > title.line } else { false }
               }), TableGrid.looksLikeTitle(title.text[...]) {
                assembly.hints.headingLevels[title.line] = 0
            }
            for item in items {
                switch item {
                case .paragraph(let paragraph): assembly.add(paragraph)
                case .table(let grid): assembly.add(grid)
                }
            }
            lineOffset += reader.lastRow
        }
        guard assembly.holdsText else {
            throw FinParseError(.noText, path: path, message: "is an Excel workbook without text in its sheets")
        }
    }

    /// What reading a sheet's cells found: values that are not there, digits not shown.
    private static func diagnostics(of sheet: WorksheetReader, sheet name: String, lineOffset: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let first = sheet.formulasWithoutValue.first, let row = WorksheetReader.place(of: first)?.row {
            let count = sheet.formulasWithoutValue.count
            found.append(Diagnostic(severity: .warning, code: "formula-without-value", message: """
                sheet \(name): \(count == 1 ? "cell \(first) holds" : "\(count) cells (\(first) first) hold") a formula \
                with no value saved with it, as a program that does not calculate writes them: \
                \(count == 1 ? "its figure is" : "their figures are") missing; open and save the workbook in Excel or WPS to read \(count == 1 ? "it" : "them")
                """, line: lineOffset + row))
        }
        if let hidden = sheet.hiddenDigits, let row = WorksheetReader.place(of: hidden.reference)?.row {
            let more = sheet.hiddenDigitCount - 1
            found.append(Diagnostic(severity: .info, code: "value-shown-rounded", message: """
                sheet \(name): cell \(hidden.reference) holds \(hidden.value), which its number format shows as \
                \(hidden.shown)\(more > 0 ? " (and \(more) cell\(more == 1 ? "" : "s") more so)" : ""): \
                figures are read as the sheet shows them
                """, line: lineOffset + row))
        }
        if sheet.missingStrings > 0 {
            found.append(Diagnostic(severity: .warning, code: "cell-text-missing", message: """
                sheet \(name): \(sheet.missingStrings) cell\(sheet.missingStrings == 1 ? " names a shared string" : "s name shared strings") \
                the workbook does not have (damaged?): left empty
                """, line: lineOffset + 1))
        }
        return found
    }
}
