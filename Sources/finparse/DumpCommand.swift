import ArgumentParser
import FinParse

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print reports as finparse/1 JSON.",
        discussion: """
            With one file, prints its document. With several, prints one JSON object per \
            line (JSON Lines) in the order given; a file that cannot be parsed gets an \
            "error" object on its line and the others are still parsed.
            Exit status: 0 when every file parsed, 1 when some failed, 64 on a usage error.
            """)

    @Argument(help: "Report files: plain text (UTF-8, UTF-16 with BOM, GB18030).")
    var files: [String]

    @Flag(help: "Indent the JSON for people (one file only).")
    var pretty = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one report file.") }
        if pretty && files.count > 1 { throw ValidationError("--pretty prints one document; give one file.") }
    }

    func run() throws {
        let batch = files.count > 1
        var failed = 0
        for path in files {
            do {
                let document = try Document(contentsOf: path)
                try write(document.jsonData(pretty: pretty))
            } catch let error as FinParseError {
                failed += 1
                report(error)
                if batch { try write(error.jsonData()) }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private func write(_ bytes: [UInt8]) throws {
        guard StandardStream.output.write(bytes + [0x0A]) else { throw ExitCode(1) }
    }

    private func report(_ error: FinParseError) {
        StandardStream.error.write("finparse: \(error)\n")
    }
}
