import FinParse
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a `dump` reads: the paths given, folders searched recursively for
/// reports, and paths listed one per line in a file or on standard input.
enum InputList {
    /// The path a report given as `-` is read from; it names the report in the output too.
    static let standardInput = "/dev/stdin"

    /// The reports to read.
    struct Inputs {
        var paths: [String] = []
        /// One file named alone (not a folder, not a list): `dump` prints it as a document
        /// rather than as JSON Lines.
        var isOneFile = false
        /// Folders given that hold no report, which `dump` says (a mistyped folder, or one of
        /// spreadsheets, would otherwise end the run without a word).
        var foldersWithoutReports: [String] = []
    }

    static func collect(arguments: [String], filesFrom: String?) throws -> Inputs {
        var inputs = Inputs()
        var folders = 0
        if arguments.filter({ $0 == "-" }).count + (filesFrom == "-" ? 1 : 0) > 1 {
            throw ValidationFailure("standard input can be read once: give - as one input or as --files-from, not both")
        }
        for argument in withSystemNames(arguments) {
            if argument == "-" {
                inputs.paths.append(standardInput)
            } else if isDirectory(argument) {
                folders += 1
                let found = reports(under: argument)
                if found.isEmpty { inputs.foldersWithoutReports.append(argument) }
                inputs.paths += found
            } else {
                inputs.paths.append(argument) // a missing file is reported on its own line
            }
        }
        if let filesFrom {
            inputs.paths += try listedPaths(in: filesFrom)
        }
        let listed = inputs.paths
        inputs.paths = listed.flatMap(openingArchives)
        // An archive is read as a folder is, even for one report in it.
        inputs.isOneFile = arguments.count == 1 && folders == 0 && filesFrom == nil && inputs.paths == listed
        return inputs
    }

    /// An archive's reports in its place (see `ReportArchive`); the archive itself when it
    /// holds none, or is none, to be reported on its line.
    private static func openingArchives(_ path: String) -> [String] {
        guard ReportArchive.isArchive(named: path), let found = ReportArchive.reports(inArchiveAt: path), !found.isEmpty else {
            return [path]
        }
        return found
    }

    /// Reports below `folder`, in a stable order: sorted by path, byte for byte. Read as the
    /// system's bytes, so that a name that is not UTF-8 is found (see `PlatformPath`); links
    /// to folders are not followed, which keeps a link loop from running forever. Only files:
    /// a named pipe would wait for a writer, and the batch with it (one named on the command
    /// line is read as `cat` would). A folder that cannot be listed is given as an input of
    /// its own, to be reported on its line (it was left out, and all of the folder with it,
    /// in silence).
    static func reports(under folder: String) -> [String] {
        var base = PlatformPath.bytes(of: folder) ?? Array(folder.utf8)
        if base.count > 1, base.last == UInt8(ascii: "/") { base.removeLast() }
        var found: [[UInt8]] = []
        var pending = [base]
        while let directory = pending.popLast() {
            guard let entries = entries(of: directory) else {
                found.append(directory)
                continue
            }
            for (name, isFolder) in entries where !isSystemLitter(name, isFolder: isFolder) {
                let path = directory + [UInt8(ascii: "/")] + name
                if isFolder {
                    pending.append(path)
                } else if hasReportExtension(name), isFileOrBroken(path) {
                    found.append(path)
                }
            }
        }
        return found.sorted { $0.lexicographicallyPrecedes($1) }.map { PlatformPath.string(fromBytes: $0) }
    }

    /// The names in `directory` but . and .., each with whether it is a folder (not a link to
    /// one); nil when it cannot be listed.
    private static func entries(of directory: [UInt8]) -> [(name: [UInt8], isFolder: Bool)]? {
        guard let stream = withCName(directory, { opendir($0) }) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: [UInt8], isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                var info = stat()
                let path = directory + [UInt8(ascii: "/")] + name
                isFolder = withCName(path) { lstat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }

    /// What other programs leave beside reports under a report's name, which would each give
    /// an error line: a Mac's __MACOSX folder and ._ files (in zips made on a Mac, one for every
    /// report), Word's ~$ owner files (left while a report is open, or after a crash).
    private static func isSystemLitter(_ name: [UInt8], isFolder: Bool) -> Bool {
        if isFolder { return name == Array("__MACOSX".utf8) }
        return name.starts(with: Array("._".utf8)) || name.starts(with: Array("~$".utf8))
    }

    /// Files taken from folders (files named directly are always taken): reports and the
    /// archives whose reports are read in their place (``ReportArchive/reads(fileNamed:)``).
    /// A .doc is read by what it holds: a Word 97–2003 document, or (as many on government
    /// sites are) HTML, a web archive, a .docx or Word's XML under that name.
    private static func hasReportExtension(_ name: [UInt8]) -> Bool {
        ReportArchive.reads(fileNamed: String(decoding: name, as: UTF8.self))
    }

    private static func isDirectory(_ path: String) -> Bool {
        isDirectory(PlatformPath.bytes(of: path) ?? Array(path.utf8))
    }

    private static func isDirectory(_ path: [UInt8]) -> Bool { fileType(of: path) == S_IFDIR }

    /// A file, or a link to one, or a link to nothing (reported on its line as missing): not
    /// a folder, nor a named pipe (which would wait for a writer).
    private static func isFileOrBroken(_ path: [UInt8]) -> Bool { (fileType(of: path) ?? S_IFREG) == S_IFREG }

    private static func fileType(of path: [UInt8]) -> mode_t? {
        var info = stat()
        return withCName(path) { stat($0, &info) } == 0 ? info.st_mode & S_IFMT : nil
    }

    private static func withCName<Result>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The arguments as the system gave them: Swift reads a name that is not UTF-8 with its
    /// stray bytes replaced, which names no file; such a one is written as `PlatformPath` does.
    private static func withSystemNames(_ arguments: [String]) -> [String] {
        var written: [String: String] = [:]
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            if String(validating: bytes, as: UTF8.self) == nil {
                written[String(decoding: bytes, as: UTF8.self)] = PlatformPath.string(fromBytes: bytes)
            }
        }
        return arguments.map { written[$0] ?? $0 }
    }

    private static func listedPaths(in list: String) throws -> [String] {
        guard let bytes = contents(of: list) else {
            throw ValidationFailure("--files-from: cannot read \(list): \(String(cString: strerror(errno)))")
        }
        return bytes.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
            .map { PlatformPath.string(fromBytes: $0) }
    }

    /// The list's bytes, read to its end: standard input for `-`, else the file, which may be
    /// a pipe (`--files-from <(find …)`), where a file's size says nothing.
    private static func contents(of list: String) -> [UInt8]? {
        let descriptor = list == "-" ? STDIN_FILENO : open(list, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? bytes : nil }
            bytes += chunk[..<count]
        }
    }
}

struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
