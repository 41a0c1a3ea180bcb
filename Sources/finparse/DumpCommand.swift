import ArgumentParser
import FinParse

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print reports as finparse/1 JSON, or as CSV tables.",
        discussion: """
            With one file, prints its document. With several files, a folder (searched \
            recursively for .txt, .docx, .doc, .wps, .rtf, .xlsx, .xls, .et, .pdf, .ofd, .html, .htm, .mht and .mhtml, \
            each also compressed alone as .gz, .bz2, .xz or .zst, in sorted order), a zip, RAR, 7-Zip or tar archive \
            (its reports, each named archive.zip/NAME) \
            or --files-from, prints one \
            JSON object per line (JSON Lines) in input order; a file that cannot be parsed \
            gets an "error" object on its line and the batch goes on.
            A PDF goes through pdftotext (poppler-utils), stopped after 300 seconds or \
            FINPARSE_PDFTOTEXT_TIMEOUT.
            Exit status: 0 when every file parsed, 1 when some failed, 64 on a usage error, \
            130 when interrupted.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @Argument(help: "Report files, folders or zip archives of reports; - reads one report from standard input.")
    var inputs: [String] = []

    @Option(name: .customLong("files-from"), help: ArgumentHelp("Read more input paths, one per line, from a file ('-' for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to a file instead of standard output (with several CSV tables, to a folder).", valueName: "file"))
    var output: String?

    @Option(name: [.short, .long], help: "Files parsed at once (default: all cores).")
    var jobs: Int?

    @Option(help: "json (default) or csv.")
    var format: Format = .json

    @Option(help: ArgumentHelp("""
        With --format csv: the table to print, \(CSVTable.names). Several (the option \
        repeated, names with commas between, or all) are read in one pass, each written to \
        NAME.csv in the folder --output names.
        """, valueName: "name"))
    var table: [String] = []

    @Flag(help: "Indent the JSON for people (one file only).")
    var pretty = false

    @Flag(help: "With --format csv: start with a UTF-8 byte-order mark, for Excel.")
    var bom = false

    @Flag(name: [.short, .long], help: "No progress display.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty && filesFrom == nil { throw ValidationError("Give a report file, a folder, or --files-from.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        switch format {
        case .json:
            if !table.isEmpty { throw ValidationError("--table goes with --format csv.") }
            if bom { throw ValidationError("--bom goes with --format csv.") }
        case .csv:
            let tables = try csvTables
            if tables.isEmpty { throw ValidationError("--format csv needs --table \(CSVTable.names).") }
            if tables.count > 1 && output == nil {
                throw ValidationError("--table with several tables writes a file for each: give the folder with --output.")
            }
            if pretty { throw ValidationError("--pretty goes with JSON output.") }
        }
    }

    /// The tables --table names, each once, in the order named.
    private var csvTables: [CSVTable] {
        get throws {
            var tables: [CSVTable] = []
            for name in table.flatMap({ $0.split(separator: ",") }) {
                let named: [CSVTable]
                if name == "all" {
                    named = CSVTable.allCases
                } else if let table = CSVTable(rawValue: String(name)) {
                    named = [table]
                } else {
                    throw ValidationError("no CSV table is named '\(name)': --table \(CSVTable.names), or all.")
                }
                for table in named where !tables.contains(table) { tables.append(table) }
            }
            return tables
        }
    }

    func run() throws {
        let collected: InputList.Inputs
        do {
            collected = try InputList.collect(arguments: inputs, filesFrom: filesFrom)
        } catch {
            throw ValidationError("\(error)")
        }
        let (paths, single) = (collected.paths, collected.isOneFile)
        for folder in collected.foldersWithoutReports {
            OutputStream.standardError.write("finparse: \(folder): no reports in it (\(ReportArchive.extensionList) files, or archives of them, at any depth)\n")
        }
        if pretty && !single { throw ValidationError("--pretty prints one document; give one file.") }

        let tables = try csvTables
        // One file for each of several tables, in the folder --output names.
        let sinks: [OutputStream]
        do {
            if tables.count > 1, let output {
                try OutputStream.makeFolder(output)
                sinks = try tables.map { table throws(OutputError) in try OutputStream(path: output + "/" + table.rawValue + ".csv") }
            } else {
                sinks = [try output.map { path throws(OutputError) in try OutputStream(path: path) } ?? .standardOutput]
            }
        } catch {
            OutputStream.standardError.write("finparse: \(error)\n")
            throw ExitCode(1)
        }
        defer { if output != nil { sinks.forEach { $0.close() } } }
        let sink = sinks[0]

        // Excel reads a CSV file without the mark in the system's code page (GBK on a
        // Chinese Windows), which garbles every Chinese field.
        for (table, sink) in zip(tables, sinks) { sink.write((bom ? "\u{FEFF}" : "") + CSVTable.record(table.header)) }
        /// Writes each table's bytes to its file; false once one cannot be written.
        func write(_ perTable: [[UInt8]]) -> Bool {
            zip(perTable, sinks).allSatisfy { bytes, sink in bytes.isEmpty || sink.write(bytes) }
        }

        Interrupt.install()
        let progress = (quiet || single || !OutputStream.standardError.isTerminal)
            ? nil : ProgressBar(total: paths.count, stream: .standardError)
        var failed = 0
        var broken = false
        let pretty = pretty
        let batch = BatchParser(jobs: jobs)
        let threads = batch.threadsPerDocument(count: paths.count)

        // CSV tables are streamed: no report is ever held whole, and one printed alone is
        // written as it is read.
        if single, !tables.isEmpty {
            var written = false
            do {
                try csvRows(tables, of: paths[0], threads: threads) { index, rows in
                    written = true
                    if !broken && !sinks[index].write(rows) { broken = true }
                }
            } catch {
                failed += 1
                // A report that breaks off (damaged XML, say) had its first rows streamed.
                OutputStream.standardError.write("finparse: \(error)\(written ? " (the rows before it were written)" : "")\n")
                if !broken && !write(tables.map { csvBytes($0.rows(of: error)) }) { broken = true }
            }
            return try finish(failed: failed, broken: broken)
        }
        // Each worker encodes the reports it reads, as it reads them: encoding is a large
        // share of the work. A report's JSON waits for its turn mostly on disk (ReportJSON),
        // so that neither a large report nor the reports waiting behind a slow one are held
        // in memory.
        let read = { @Sendable (path: String, threads: Int) throws(FinParseError) -> (bytes: Int, output: Encoded) in
            if !tables.isEmpty {
                var rows = [[UInt8]](repeating: [], count: tables.count)
                let source = try csvRows(tables, of: path, threads: threads) { rows[$0] += $1 }
                return (source.bytes, .csv(rows))
            }
            guard pretty else {
                let json = try Document.json(contentsOf: path, threads: threads)
                return (json.source.bytes, .json(json))
            }
            let document = try Document(contentsOf: path, threads: threads)
            do {
                return (document.source.bytes, .bytes(try document.jsonData(pretty: true, threads: threads) + [0x0A]))
            } catch {
                throw FinParseError(unencodable: error, path: path)
            }
        }
        batch.parse(paths, reading: read) { _, _, result in
            var line: [UInt8] = []
            switch result {
            case .success(let encoded):
                progress?.advance(bytes: encoded.bytes, failed: false)
                switch encoded.output {
                case .bytes(let bytes):
                    line = bytes
                case .csv(let perTable):
                    if !write(perTable) { broken = true }
                case .json(let json):
                    do {
                        try json.write { if !sink.write($0) { throw BrokenOutput() } }
                        line = [0x0A]
                    } catch is BrokenOutput {
                        broken = true
                    } catch {
                        // A temporary file that cannot be read back: what was written is cut short.
                        failed += 1
                        OutputStream.standardError.write("finparse: \(json.source.path): \(error) (the output is cut short)\n")
                    }
                }
            case .failure(let error):
                failed += 1
                progress?.advance(bytes: 0, failed: true)
                progress?.finish()
                OutputStream.standardError.write("finparse: \(error)\n")
                if !tables.isEmpty {
                    if !write(tables.map { csvBytes($0.rows(of: error)) }) { broken = true }
                } else {
                    line = single ? [] : ((try? error.jsonData()) ?? []) + [0x0A]
                }
            }
            if !line.isEmpty && !sink.write(line) { broken = true }
            return !broken && !Interrupt.requested
        }
        progress?.finish()
        try finish(failed: failed, broken: broken)
    }

    /// Ends the run with the exit status its outcome calls for.
    private func finish(failed: Int, broken: Bool) throws {
        if Interrupt.requested {
            OutputStream.standardError.write("finparse: interrupted; every line written so far is complete\n")
            throw ExitCode(130)
        }
        if broken {
            OutputStream.standardError.write("finparse: the output could not be written\n")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Streams the report at `path` and hands its rows of each of `tables` to `write` as CSV
/// bytes, with the table's index in `tables`, a few thousand rows at a time.
@discardableResult
private func csvRows(_ tables: [CSVTable], of path: String, threads: Int,
                     write: (Int, [UInt8]) -> Void) throws(FinParseError) -> SourceInfo {
    var chunks = [[UInt8]](repeating: [], count: tables.count)
    let source = try CSVTable.streamRows(of: tables, contentsOf: path, threads: threads) { table, row in
        let index = tables.firstIndex(of: table)!
        chunks[index] += CSVTable.record(row).utf8
        if chunks[index].count >= 1 << 16 {
            write(index, chunks[index])
            chunks[index].removeAll(keepingCapacity: true)
        }
    }
    for (index, chunk) in chunks.enumerated() where !chunk.isEmpty { write(index, chunk) }
    return source
}

private func csvBytes(_ rows: [[String]]) -> [UInt8] { Array(rows.map(CSVTable.record).joined().utf8) }

/// What a worker hands back for one report: the bytes to print, the bytes of each CSV
/// table, or a report's JSON.
private enum Encoded: Sendable {
    case bytes([UInt8])
    case csv([[UInt8]])
    case json(ReportJSON)
}

private struct BrokenOutput: Error {}

private extension CSVTable {
    /// "indicators, figures, cells, diagnostics or reports", for help and errors.
    static var names: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
