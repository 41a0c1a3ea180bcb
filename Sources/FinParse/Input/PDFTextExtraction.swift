#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of a PDF, through poppler's `pdftotext -layout` (Debian package
/// poppler-utils) run as an external program: finparse reads no PDF itself.
enum PDFTextExtraction {
    static func text(of bytes: [UInt8], path: String) throws(FinParseError) -> String {
        guard let tool = executable("pdftotext") else {
            throw FinParseError(.missingTool, path: path,
                                message: "is a PDF; reading it needs pdftotext: install poppler-utils (apt-get install poppler-utils)")
        }
        let run: ChildProcess
        let timeout = Self.timeout
        do {
            // fd://0: the PDF comes on standard input, so bytes in memory need no temporary file.
            run = try ChildProcess(tool, arguments: ["-layout", "-enc", "UTF-8", "fd://0", "-"], input: bytes, timeout: timeout)
        } catch {
            throw FinParseError(.missingTool, path: path, message: "could not run \(tool): \(error)")
        }
        if run.timedOut {
            throw FinParseError(.timedOut, path: path, message: """
                pdftotext did not finish in \(timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)) s and was stopped \
                (\(timeoutVariable) sets the limit, in seconds)
                """)
        }
        guard run.status == 0 else {
            let ending = run.status < 0 ? "ended by signal \(-run.status)" : "exit \(run.status)"
            let reason = String(decoding: run.errors, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ending
            throw FinParseError(.malformedPDF, path: path, message: "pdftotext cannot read it: \(reason)")
        }
        let decoded = String(decoding: run.output, as: UTF8.self)
        guard decoded.contains(where: { !$0.isWhitespace && $0 != "\u{0C}" }) else {
            throw FinParseError(.noText, path: path, message: "is a PDF without a text layer (scanned pages?): run OCR on it first")
        }
        return decoded
    }

    static let timeoutVariable = "FINPARSE_PDFTOTEXT_TIMEOUT"

    /// How long pdftotext may run on one PDF, in seconds: FINPARSE_PDFTOTEXT_TIMEOUT if set
    /// to a positive number (up to a day), else five minutes, far beyond what a report of
    /// hundreds of pages takes, so that only a PDF that poppler loops on or a monster
    /// reaches it.
    private static var timeout: Double {
        if let value = getenv(timeoutVariable).flatMap({ Double(String(cString: $0)) }), value > 0 {
            return min(value, 86_400)
        }
        return 300
    }

    /// The program's path on PATH, or nil.
    private static func executable(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
