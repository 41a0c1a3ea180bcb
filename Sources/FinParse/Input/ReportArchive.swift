import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zip archives of reports, as government sites publish them: 2024年部门决算.zip holding the
/// report as a .docx and its tables as an .xlsx or PDFs.
///
/// A report in an archive is named by the archive's path and its own name in the archive,
/// `预算.zip/附件1.xlsx`; ``Document/init(contentsOf:threads:)``, ``BatchParser`` and
/// `finparse dump` read such a path as they read a file. Names that an archive made on a
/// Chinese Windows writes in GBK, without zip's UTF-8 mark, are read as GB18030.
///
/// ```swift
/// for path in ReportArchive.reports(inArchiveAt: "2024年部门决算.zip") ?? [] {
///     let document = try Document(contentsOf: path)
/// }
/// ```
public enum ReportArchive {
    /// The name endings of the files read as reports, in folders and in archives alike
    /// (lower case, without the dot). WPS Office's own .wps is the .doc format (or, saved
    /// newer, the .docx) under its name; its .et workbooks are read by what they hold too.
    public static let reportExtensions = ["txt", "docx", "doc", "wps", "xlsx", "xls", "et", "pdf", "html", "htm", "mht", "mhtml"]

    /// The name endings of files that hold reports finparse does not read: RAR and 7-Zip
    /// archives, OFD documents (GB/T 33190). Folders and archives list them all the same,
    /// so that each gets a line saying what to do rather than its reports left out in silence.
    public static let unreadExtensions = ["rar", "7z", "ofd"]

    /// ".txt, .docx, … or .mhtml", for messages.
    public static let extensionList = reportExtensions.dropLast().map { "." + $0 }.joined(separator: ", ")
        + " or ." + reportExtensions.last!

    /// How deep archives within archives are opened: a site's archive of its departments'
    /// archives is two.
    static let maximumDepth = 3

    /// The reports in the archive at `path`, as paths within it, sorted by their names in
    /// the archive (byte for byte); archives within it are opened in turn, and one that
    /// cannot be is given as a path of its own, to fail on its line, as are the files of
    /// ``unreadExtensions``. A Mac's `__MACOSX` folder and `._` files and Word's `~$` files
    /// are left out, as in folders.
    ///
    /// Nil when the file is no archive of files: not a zip, one whose directory cannot be
    /// read, or an Office package (a .docx or .xlsx under a .zip name). Read it as a report
    /// to be told which.
    public static func reports(inArchiveAt path: String) -> [String]? {
        if case .reports(let reports) = contents(ofArchiveAt: path) { return reports }
        return nil
    }

    /// What a zip file holds, as a reader of it as one report is told.
    enum Contents {
        /// Its directory cannot be read: no zip, or a damaged one.
        case unreadable(ZipArchive.Failure)
        /// An Office or OpenDocument file: a report itself.
        case package
        case reports([String])
    }

    static func contents(ofArchiveAt path: String) -> Contents {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: path)
        } catch {
            // minizip takes a directory at the file's very start, an empty archive's, for none.
            let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
            return (try? InputFile.firstBytes(of: path, count: 4)) == empty ? .reports([]) : .unreadable(error)
        }
        guard let members = members(ofArchiveAt: path, archive).map({ Array($0.values) }) else {
            return .unreadable(ZipArchive.Failure("its directory cannot be walked to its end"))
        }
        return isPackage(members) ? .package : .reports(reports(in: archive, members, prefix: path + "/", depth: 1))
    }

    private static func reports(in archive: ZipArchive, _ members: [Member], prefix: String, depth: Int) -> [String] {
        var found: [String] = []
        for member in members.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) where isReport(member.name) {
            let path = prefix + member.name
            guard extensionOf(member.name) == "zip", depth < maximumDepth,
                  let bytes = try? inflate(member, of: archive, path: path),
                  let inner = try? ZipArchive(bytes: bytes), let innerMembers = Self.members(of: inner), !isPackage(innerMembers)
            else {
                found.append(path)
                continue
            }
            let reports = Self.reports(in: inner, innerMembers, prefix: path + "/", depth: depth + 1)
            // An archive within holding no report is named, to be told so on its line.
            found += reports.isEmpty ? [path] : reports
        }
        return found
    }

    /// The bytes of the report that `path` names in an archive (`a.zip/b.docx`, or deeper:
    /// `a.zip/b.zip/c.docx`); nil when it names none, as a file's own path does. Only a
    /// path that runs on past a .zip file is looked into.
    static func load(_ path: String) throws(FinParseError) -> [UInt8]? {
        guard let (archivePath, name) = split(path) else { return nil }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(path: archivePath)
        } catch {
            throw FinParseError(.malformedArchive, path: path, message: "\(archivePath) is not a readable zip archive: \(error)")
        }
        return try load(name, in: archive, members(ofArchiveAt: archivePath, archive), path: path, depth: 1)
    }

    private static func load(_ name: String, in archive: ZipArchive, _ members: [String: Member]?, path: String,
                             depth: Int) throws(FinParseError) -> [UInt8] {
        guard let members else {
            throw FinParseError(.malformedArchive, path: path, message: "its archive's directory cannot be read (truncated or damaged)")
        }
        if let member = members[name] { return try inflate(member, of: archive, path: path) }
        let archives = name.indices.filter { name[$0...].starts(with: "/") }.map { name[..<$0] }.filter { extensionOf(String($0)) == "zip" }
        if depth < maximumDepth, let member = archives.lazy.compactMap({ members[String($0)] }).first {
            let inner: ZipArchive
            do {
                inner = try ZipArchive(bytes: inflate(member, of: archive, path: path))
            } catch {
                throw FinParseError(.malformedArchive, path: path, message: "\(member.name) is not a readable zip archive: \(error)")
            }
            let innerMembers = Self.members(of: inner).map(byName)
            return try load(String(name.dropFirst(member.name.count + 1)), in: inner, innerMembers, path: path, depth: depth + 1)
        }
        throw FinParseError(.fileNotFound, path: path, message: "no such file in its archive")
    }

    /// The members of the last few archives read, by path and file: each report of an
    /// archive is read on its own, and decoding all of the archive's names for each made
    /// 5,000 reports in one archive take 46 s.
    private static let listings = Mutex<[String: (identity: [Int], members: [String: Member])]>([:])

    /// The members of the archive at `path`, by name (the first of two with one name).
    private static func members(ofArchiveAt path: String, _ archive: ZipArchive) -> [String: Member]? {
        let identity = fileIdentity(path)
        if let identity, let cached = listings.withLock({ $0[path] }), cached.identity == identity { return cached.members }
        guard let members = members(of: archive).map(byName) else { return nil }
        if let identity {
            listings.withLock { listings in
                if listings.count >= 8 { listings.removeAll() }
                listings[path] = (identity, members)
            }
        }
        return members
    }

    private static func byName(_ members: [Member]) -> [String: Member] {
        Dictionary(members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What tells a file changed: its device, inode, size and modification time.
    private static func fileIdentity(_ path: String) -> [Int]? {
        var info = stat()
        guard PlatformPath.withSystemName(of: path, { stat($0, &info) }) == 0 else { return nil }
        return [Int(info.st_dev), Int(info.st_ino), Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
    }

    /// An entry, named as its archive's writer meant it.
    private struct Member {
        var name: String
        var entry: ZipArchive.Entry
    }

    /// The archive's files (not its folders), or nil when its directory cannot be read.
    private static func members(of archive: ZipArchive) -> [Member]? {
        archive.entries()?.compactMap { raw in
            var name: String
            // The UTF-8 mark is not asked for (most archivers write none) nor trusted alone.
            if let utf8 = String(validating: raw.name, as: UTF8.self) {
                name = utf8
            } else if let gbk = TextDecoding.gb18030Text(raw.name) {
                name = gbk
            } else {
                return Member(name: PlatformPath.string(fromBytes: raw.name), entry: raw.entry)
            }
            // Zip names folders with slashes; some Windows tools write backslashes.
            name = name.replacing("\\", with: "/")
            return name.hasSuffix("/") ? nil : Member(name: name, entry: raw.entry)
        }
    }

    /// Whether the archive is an Office or OpenDocument file: a report itself, not an archive of them.
    private static func isPackage(_ members: [Member]) -> Bool {
        members.contains { ["[content_types].xml", "mimetype", "_rels/.rels"].contains($0.name.lowercased()) }
    }

    private static func isReport(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        guard let last = parts.last, !parts.contains("__MACOSX"), !last.hasPrefix("._"), !last.hasPrefix("~$") else {
            return false
        }
        let ending = extensionOf(name)
        return ending == "zip" || reportExtensions.contains(ending) || unreadExtensions.contains(ending)
    }

    private static func extensionOf(_ name: String) -> String {
        guard let last = name.split(separator: "/").last, let dot = last.lastIndex(of: ".") else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }

    /// An entry's bytes, within the limits a .docx's parts have.
    private static func inflate(_ member: Member, of archive: ZipArchive, path: String) throws(FinParseError) -> [UInt8] {
        let entry = member.entry
        // The report's own entry is named by the path already; an archive within it is not.
        let name = path.hasSuffix("/" + member.name) ? "" : member.name + " "
        let limit = min(InputFile.maximumSize, OfficePackage.limit(compressedSize: entry.compressedSize))
        guard entry.uncompressedSize <= limit else {
            throw FinParseError(.tooLarge, path: path, message: "\(name)declares \(entry.uncompressedSize) bytes "
                                    + "from \(entry.compressedSize), beyond \(limit): refused as a zip bomb")
        }
        guard !entry.isEncrypted else {
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "\(name)is encrypted in its archive (zip's password): unzip it with the password first")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            try archive.read(entry, chunkSize: 1 << 16) { bytes += $0 }
        } catch {
            throw FinParseError(.malformedArchive, path: path, message: "\(name)cannot be inflated from its archive (truncated or damaged): \(error)")
        }
        return bytes
    }

    /// `path` split where it runs on past a .zip file: the archive's path and the name in it.
    private static func split(_ path: String) -> (archive: String, name: String)? {
        let bytes = Array(path.utf8)
        var i = 0
        while let dot = bytes[i...].firstIndex(of: UInt8(ascii: ".")), dot + 5 <= bytes.count {
            i = dot + 1
            guard bytes[dot + 1] | 0x20 == UInt8(ascii: "z"), bytes[dot + 2] | 0x20 == UInt8(ascii: "i"),
                  bytes[dot + 3] | 0x20 == UInt8(ascii: "p"), bytes[dot + 4] == UInt8(ascii: "/") else { continue }
            let archive = String(decoding: bytes[..<(dot + 4)], as: UTF8.self)
            if isRegularFile(archive) { return (archive, String(decoding: bytes[(dot + 5)...], as: UTF8.self)) }
        }
        return nil
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return PlatformPath.withSystemName(of: path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
