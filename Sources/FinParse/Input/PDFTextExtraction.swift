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
        do {
            // fd://0: the PDF comes on standard input, so bytes in memory need no temporary file.
            run = try ChildProcess(tool, arguments: ["-layout", "-enc", "UTF-8", "fd://0", "-"], input: bytes)
        } catch {
            throw FinParseError(.missingTool, path: path, message: "could not run \(tool): \(error)")
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

    /// The program's path on PATH, or nil.
    private static func executable(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
