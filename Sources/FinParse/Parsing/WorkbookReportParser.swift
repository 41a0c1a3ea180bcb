/// The .xlsx and .xls pipelines: workbook → each sheet's cells, as Excel shows them →
/// paragraphs and tables (``SheetLayout``) → the stages every format shares.
///
/// A line is a row: the rows of the sheets read, counted through them in the order of
/// their tabs (the second sheet's row 1 is the first's last row + 1). Hidden sheets are
/// not read.
enum WorkbookReportParser {
    static func read(_ package: OfficePackage, workbookPart: String, path: String,
                     into assembly: ReportAssembly) throws(FinParseError) {
        var lineOffset = 0
        try read(package, workbookPart: workbookPart, path: path, lineOffset: &lineOffset, into: assembly)
        try requireText(in: assembly, path: path)
    }

    /// A workbook that a Word document embeds as an object (word/embeddings/….xlsx), read
    /// where the object stands: what the object shows, the workbook's active sheet within the
    /// range it gives for it (oleSize), not the other sheets and cells it may hold. Its rows
    /// take the lines from `firstLine` on, its table titled and its unit stated by the
    /// document's paragraphs `before` it as much as by its own rows; returns the last line it
    /// took, or nil when it is no workbook that can be read.
    static func readEmbedded(_ bytes: [UInt8], firstLine: Int, before context: [FoldedText], into assembly: ReportAssembly) -> Int? {
        var lineOffset = firstLine - 1
        do {
            if bytes.starts(with: [0x50, 0x4B]) {
                let package = try OfficePackage(bytes: bytes, path: "").asWorkbook()
                let main = try package.mainPart()
                guard main.split(separator: "/").last?.lowercased() == "workbook.xml" else { return nil }
                try read(package, workbookPart: main, path: "", lineOffset: &lineOffset, embedded: true, before: context, into: assembly)
            } else {
                // An Excel 97–2003 worksheet: its own .xls, or the object's storage, which holds
                // the same Workbook stream.
                guard let file = try? CompoundFile(bytes: bytes), file.contains("Workbook") else { return nil }
                try read(binary: file, path: "", lineOffset: &lineOffset, embedded: true, before: context, into: assembly)
            }
        } catch {
            return nil
        }
        return lineOffset
    }

    /// The workbook's sheets (or, `embedded`, what its object shows), their rows after
    /// `lineOffset`, which moves past them.
    private static func read(_ package: OfficePackage, workbookPart: String, path: String, lineOffset: inout Int,
                             embedded: Bool = false, before context: [FoldedText] = [], into assembly: ReportAssembly) throws(FinParseError) {
        var workbook = WorkbookSheets()
        _ = try package.read(workbookPart, into: &workbook)
        let relationships = try package.relationships(of: workbookPart)
        func part(_ type: String) -> String? { relationships.first { $0.type.hasSuffix("/" + type) }?.target }
        var strings = SharedStrings()
        if let name = part("sharedStrings") { _ = try package.read(name, into: &strings) }
        var styles = CellStyles()
        if let name = part("styles") { _ = try package.read(name, into: &styles) }
        var textLeft = maxCellText
        // An active tab the workbook does not have (a damaged one's) shows its first sheet.
        let active = workbook.sheets.indices.contains(workbook.activeTab) ? workbook.activeTab : 0
        let shown = embedded ? workbook.sheets.indices.filter { $0 == active } : Array(workbook.sheets.indices)
        for sheet in shown.map({ workbook.sheets[$0] }) {
            guard let name = relationships.first(where: { $0.id == sheet.relationship })?.target else { continue }
            if sheet.hidden {
                assembly.diagnostics.append(hidden(sheet.name, line: lineOffset + 1))
                continue
            }
            var reader = WorksheetReader(name: sheet.name, strings: strings.strings, styles: styles, from1904: workbook.from1904,
                                         textBudget: textLeft)
            guard try package.read(name, into: &reader) else {
                assembly.diagnostics.append(Diagnostic(severity: .warning, code: "sheet-not-read", message: """
                    sheet \(sheet.name) has no part (\(name)) in the package: its cells are missing
                    """, line: lineOffset + 1))
                continue
            }
            var cells = reader.sheet
            if embedded, let range = workbook.embeddedRange.flatMap(Sheet.range(of:)) { cells.keep(within: range) }
            try add(cells, lineOffset: &lineOffset, textLeft: &textLeft, path: path, before: context, to: assembly)
        }
    }

    /// The .xls pipeline: OLE compound file → the Workbook stream's BIFF8 records → the
    /// sheets an .xlsx gives, read the same way.
    static func read(binary file: consuming CompoundFile, path: String, into assembly: ReportAssembly) throws(FinParseError) {
        var lineOffset = 0
        try read(binary: file, path: path, lineOffset: &lineOffset, into: assembly)
        try requireText(in: assembly, path: path)
    }

    /// The .xls's sheets (or, `embedded`, what its object shows), their rows after
    /// `lineOffset`, which moves past them.
    private static func read(binary file: consuming CompoundFile, path: String, lineOffset: inout Int, embedded: Bool = false,
                             before context: [FoldedText] = [], into assembly: ReportAssembly) throws(FinParseError) {
        func failure(_ message: String, unsupported: Bool = false) -> FinParseError {
            FinParseError(unsupported ? .unsupportedFormat : .malformedXls, path: path,
                          message: unsupported ? message : "is an Excel 97–2003 workbook (.xls) \(message)")
        }
        let workbook: BinaryWorkbook
        do {
            workbook = try BinaryWorkbook(stream: file.stream("Workbook") ?? file.stream("Book") ?? [])
        } catch let error as CompoundFile.Failure {
            throw failure("whose workbook stream cannot be read: \(error)")
        } catch let error as BinaryWorkbook.Failure {
            throw failure(error.description, unsupported: error.isUnsupported)
        } catch {
            throw failure("\(error)")
        }
        var textLeft = maxCellText
        let shown = embedded ? workbook.sheets.indices.filter { $0 == workbook.activeSheet ?? 0 } : Array(workbook.sheets.indices)
        for entry in shown.map({ workbook.sheets[$0] }) {
            if entry.hidden {
                assembly.diagnostics.append(hidden(entry.name, line: lineOffset + 1))
                continue
            }
            var sheet: Sheet
            do {
                sheet = try workbook.sheet(entry, textBudget: textLeft)
            } catch {
                throw failure("whose \(error.description)")
            }
            if embedded, let range = workbook.embeddedRange { sheet.keep(within: range) }
            try add(sheet, lineOffset: &lineOffset, textLeft: &textLeft, path: path, before: context, to: assembly)
        }
    }

    /// A workbook read to its end without a word of text is no report; one whose cells are
    /// all hidden (Apache POI's 55640.xlsx: rows grouped and folded away) says so.
    private static func requireText(in assembly: ReportAssembly, path: String) throws(FinParseError) {
        guard assembly.holdsText else {
            let hides = assembly.diagnostics.contains { $0.code == "hidden-cells-not-read" || $0.code == "sheet-not-read" }
            throw FinParseError(.noText, path: path, message: "is an Excel workbook without text in its sheets"
                + (hides ? "' visible cells (hidden sheets, rows and columns are not read)" : ""))
        }
    }

    private static func hidden(_ name: String, line: Int) -> Diagnostic {
        Diagnostic(severity: .info, code: "sheet-not-read", message: "sheet \(name) is hidden in the workbook: not read", line: line)
    }

    /// How many bytes of text a workbook's cells may show in all: a report's hold kilobytes
    /// (a table of 100,000 rows of seven cells, 5.6 MB), while a shared string repeated
    /// in cell after cell (a file of kilobytes, found by Fuzz/) can show gigabytes.
    static let maxCellText = 64 << 20

    /// Hands a sheet's paragraphs and table to `assembly`, its rows after `lineOffset`, and
    /// moves `lineOffset` past them and `textLeft` down by its text; a sheet past the text
    /// left is refused.
    static func add(_ sheet: Sheet, lineOffset: inout Int, textLeft: inout Int, path: String,
                    before context: [FoldedText] = [], to assembly: ReportAssembly) throws(FinParseError) {
        guard !sheet.isOverBudget else {
            throw FinParseError(.tooLarge, path: path, message: """
                sheet \(sheet.name)'s cells show more than \(maxCellText >> 20) MB of text in all (a shared string \
                repeated in cell after cell?): refused
                """)
        }
        textLeft -= sheet.textBytes
        assembly.diagnostics += diagnostics(of: sheet, lineOffset: lineOffset)
        let items = SheetLayout.items(of: sheet, lineOffset: lineOffset, before: context)
        // A sheet of text is a section: its title, a row of its own above the text, heads it.
        // Only a title alone on its line: a heading is known by its line, which the lines
        // of one cell share (found by Fuzz/: a streamed reading took only the first for one).
        let lines = items.compactMap { if case .paragraph(let text) = $0 { text.line } else { nil } }
        if lines.count == items.count, case .paragraph(let title) = items.first,
           lines.count(where: { $0 == title.line }) == 1, lines.count > 1, TableGrid.looksLikeTitle(title.text[...]) {
            assembly.hints.headingLevels[title.line] = 0
        }
        for item in items {
            switch item {
            case .paragraph(let paragraph): assembly.add(paragraph)
            case .table(let grid): assembly.add(grid)
            }
        }
        lineOffset += sheet.lastRow
    }

    /// What reading a sheet's cells found: values that are not there, digits not shown.
    private static func diagnostics(of sheet: Sheet, lineOffset: Int) -> [Diagnostic] {
        let name = sheet.name
        var found: [Diagnostic] = []
        if let first = sheet.formulasWithoutValue.first, let row = Sheet.place(of: first)?.row {
            let count = sheet.formulasWithoutValue.count
            found.append(Diagnostic(severity: .warning, code: "formula-without-value", message: """
                sheet \(name): \(count == 1 ? "cell \(first) holds" : "\(count) cells (\(first) first) hold") a formula \
                with no value saved with it, as a program that does not calculate writes them: \
                \(count == 1 ? "its figure is" : "their figures are") missing; open and save the workbook in Excel or WPS to read \(count == 1 ? "it" : "them")
                """, line: lineOffset + row))
        }
        if let hidden = sheet.hiddenDigits, let row = Sheet.place(of: hidden.reference)?.row {
            let more = sheet.hiddenDigitCount - 1
            found.append(Diagnostic(severity: .info, code: "value-shown-rounded", message: """
                sheet \(name): cell \(hidden.reference) holds \(hidden.value), which its number format shows as \
                \(hidden.shown)\(more > 0 ? " (and \(more) cell\(more == 1 ? "" : "s") more so)" : ""): \
                figures are read as the sheet shows them
                """, line: lineOffset + row))
        }
        if let first = sheet.firstHiddenCell, let row = Sheet.place(of: first)?.row {
            let count = sheet.hiddenCellCount
            found.append(Diagnostic(severity: .info, code: "hidden-cells-not-read", message: """
                sheet \(name): \(count == 1 ? "cell \(first), in a hidden row or column, is" : "\(count) cells in hidden rows or columns (\(first) first) are") \
                not read, as Excel does not show \(count == 1 ? "it" : "them")
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
