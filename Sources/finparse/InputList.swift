import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a `dump` reads: the paths given, folders searched recursively for
/// reports, and paths listed one per line in a file or on standard input.
enum InputList {
    /// File name endings taken from folders (files named directly are always taken).
    static let reportExtensions: Set<String> = ["txt", "docx", "pdf", "html", "htm"]

    static func collect(arguments: [String], filesFrom: String?) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            if isDirectory(argument) {
                paths += reports(under: argument)
            } else {
                paths.append(argument) // a missing file is reported on its own line
            }
        }
        if let filesFrom {
            paths += try listedPaths(in: filesFrom)
        }
        return paths
    }

    /// Reports below `folder`, in a stable order: sorted by path, byte for byte.
    static func reports(under folder: String) -> [String] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let below = try? FileManager.default.subpathsOfDirectory(atPath: base) else { return [] }
        var found: [String] = []
        for relative in below {
            let ext = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard reportExtensions.contains(ext) else { continue }
            let path = base + "/" + relative
            if !isDirectory(path) { found.append(path) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
    }

    private static func listedPaths(in list: String) throws -> [String] {
        guard let bytes = contents(of: list) else {
            throw ValidationFailure("--files-from: cannot read \(list): \(String(cString: strerror(errno)))")
        }
        return String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
            .filter { !$0.isEmpty }
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
