import Foundation

/// The text of a PDF, through poppler's `pdftotext -layout` (Debian package
/// poppler-utils) run as an external program: finparse reads no PDF itself.
enum PDFTextExtraction {
    static func text(of bytes: [UInt8], path: String) throws(FinParseError) -> String {
        guard let tool = executable("pdftotext") else {
            throw FinParseError(.missingTool, path: path,
                                message: "is a PDF; reading it needs pdftotext: install poppler-utils (apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        // fd://0: the PDF comes on standard input, so bytes in memory need no temporary file.
        process.arguments = ["-layout", "-enc", "UTF-8", "fd://0", "-"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw FinParseError(.missingTool, path: path, message: "could not run \(tool): \(error)")
        }
        // Feed the PDF while reading the text, or a large file would fill both pipes and stall.
        // If pdftotext gives up early the write fails (EPIPE, SIGPIPE ignored) instead of
        // killing the whole batch.
        _ = ignoreBrokenPipes
        let writer = Thread {
            try? input.fileHandleForWriting.write(contentsOf: Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw FinParseError(.malformedPDF, path: path, message: "pdftotext cannot read it: \(reason)")
        }
        let decoded = String(decoding: text, as: UTF8.self)
        guard decoded.contains(where: { !$0.isWhitespace && $0 != "\u{0C}" }) else {
            throw FinParseError(.noText, path: path, message: "is a PDF without a text layer (scanned pages?): run OCR on it first")
        }
        return decoded
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// The program's path on PATH, or nil.
    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
