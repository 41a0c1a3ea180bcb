import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Archives of reports, as government sites publish them: 2024年部门决算.zip (or .rar, or
/// .7z) holding the report as a .docx and its tables as an .xlsx or PDFs; and corpora shared
/// as .tar.gz.
///
/// A report in an archive is named by the archive's path and its own name in the archive,
/// `预算.zip/附件1.xlsx`; ``Document/init(contentsOf:threads:)``, ``BatchParser`` and
/// `finparse dump` read such a path as they read a file. Zip archives are read with
/// minizip, RAR (4 and 5), 7-Zip and tar archives (plain or compressed) with libarchive; an
/// archive is known by its first bytes, whatever its name. Names that an archive made on a
/// Chinese Windows writes in GBK, unmarked, are read as GB18030.
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
    public static let reportExtensions = ["txt", "docx", "doc", "wps", "rtf", "xlsx", "xls", "et", "pdf", "ofd", "html", "htm",
                                          "mht", "mhtml"]

    /// The name endings of the archives whose reports are read in their place: zip, RAR,
    /// 7-Zip and tar, plain or compressed (as corpora are shared).
    public static let archiveExtensions = ["zip", "rar", "7z", "tar", "tar.gz", "tgz", "tar.bz2", "tbz2", "tar.xz", "txz", "tar.zst"]

    /// Whether a file of this name is read, in a folder or an archive: a report's or an
    /// archive's name ending, case aside, or a report's compressed alone (report.txt.gz).
    public static func reads(fileNamed name: String) -> Bool {
        var name = name.lowercased()
        if archiveExtensions.contains(where: { name.hasSuffix("." + $0) }) { return true }
        if let compressed = compressionExtensions.first(where: { name.hasSuffix("." + $0) }) { name.removeLast(compressed.count + 1) }
        return reportExtensions.contains { name.hasSuffix("." + $0) }
    }

    /// The name endings of a report compressed alone, after its own: report.txt.gz.
    public static let compressionExtensions = ["gz", "bz2", "xz", "zst"]

    /// Whether `name` ends as an archive's does (``archiveExtensions``), case aside.
    public static func isArchive(named name: String) -> Bool {
        let name = name.lowercased()
        return archiveExtensions.contains { name.hasSuffix("." + $0) }
    }

    /// ".txt, .docx, … or .mhtml", for messages.
    public static let extensionList = reportExtensions.dropLast().map { "." + $0 }.joined(separator: ", ")
        + " or ." + reportExtensions.last!

    /// How deep archives within archives are opened: a site's archive of its departments'
    /// archives is two.
    static let maximumDepth = 3

    /// The reports in the archive at `path`, as paths within it, sorted by their names in
    /// the archive (byte for byte); archives within it are opened in turn, and one that
    /// cannot be is given as a path of its own, to fail on its line. A Mac's `__MACOSX`
    /// folder and `._` files and Word's `~$` files are left out, as in folders.
    ///
    /// Nil when the file is no archive of files: not an archive, one whose directory cannot
    /// be read, or an Office package (a .docx or .xlsx under a .zip name). Read it as a
    /// report to be told which.
    public static func reports(inArchiveAt path: String) -> [String]? {
        if case .reports(let reports) = contents(ofArchiveAt: path) { return reports }
        return nil
    }

    /// What an archive holds, as a reader of it as one report is told.
    enum Contents {
        /// Its directory cannot be read: no archive, or a damaged or encrypted one.
        case unreadable(Unreadable)
        /// An Office or OpenDocument file: a report itself.
        case package
        case reports([String])
    }

    /// Why an archive cannot be listed.
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
        /// What it makes of a report: see ``SequentialArchive/Failure/code``.
        var code = FinParseError.Code.malformedArchive
    }

    static func contents(ofArchiveAt path: String) -> Contents {
        let archive: Opened, members: [String: Member]?
        do {
            (archive, members) = try listing(ofArchiveAt: path)
        } catch {
            // minizip takes a directory at the file's very start, an empty archive's, for none.
            let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
            return (try? InputFile.firstBytes(of: path, count: 4)) == empty ? .reports([]) : .unreadable(error)
        }
        return contents(of: archive, members.map { Array($0.values) }, path: path)
    }

    /// What the archive in `bytes` holds, read as the report at `path`.
    static func contents(ofArchiveIn bytes: [UInt8], path: String) -> Contents {
        do {
            let archive = try open(archiveIn: bytes)
            return contents(of: archive, members(of: archive), path: path)
        } catch {
            return .unreadable(error)
        }
    }

    private static func contents(of archive: Opened, _ members: [Member]?, path: String) -> Contents {
        guard let members else { return .unreadable(Unreadable(description: "its directory cannot be walked to its end")) }
        return isPackage(members) ? .package : .reports(reports(in: archive, members, prefix: path + "/", depth: 1))
    }

    /// The error for an archive read as one report (`kind`: "a zip", "a RAR"), or nil for an
    /// Office package, which its reader tells about.
    static func refusal(_ contents: Contents, of kind: String, path: String) -> FinParseError? {
        switch contents {
        case .reports(let reports):
            return FinParseError(.archive, path: path, message: reports.isEmpty
                ? "is \(kind) archive without a report in it (\(extensionList) files)"
                : "is \(kind) archive of \(reports.count) report\(reports.count == 1 ? "" : "s"), not one: each is read by its "
                    + "path in the archive (\(reports[0])), as `finparse dump` given the archive reads them all")
        case .unreadable(let failure) where failure.code == .unsupportedFormat:
            return FinParseError(.unsupportedFormat, path: path,
                                 message: "is \(kind) archive encrypted with a password: unpack it with the password first")
        case .unreadable(let failure) where failure.code == .missingTool:
            return FinParseError(.missingTool, path: path, message: "is \(kind) archive: \(failure)")
        case .unreadable(let failure):
            return FinParseError(.malformedArchive, path: path,
                                 message: "is not a readable \(kind.dropFirst(2)) archive (truncated or damaged): \(failure)")
        case .package:
            return nil
        }
    }

    private static func reports(in archive: Opened, _ members: [Member], prefix: String, depth: Int) -> [String] {
        var found: [String] = []
        for member in members.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) where isReport(member.name) {
            let path = prefix + member.name
            guard isArchive(named: member.name), depth < maximumDepth,
                  let bytes = try? inflate(member, of: archive, path: path),
                  let inner = try? open(archiveIn: bytes), let innerMembers = Self.members(of: inner), !isPackage(innerMembers)
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
    /// `a.zip/b.rar/c.docx`); nil when it names none, as a file's own path does. Only a
    /// path that runs on past an archive file (``archiveExtensions``) is looked into.
    static func load(_ path: String) throws(FinParseError) -> [UInt8]? {
        guard let (archivePath, name) = split(path) else { return nil }
        let archive: Opened, members: [String: Member]?
        do {
            (archive, members) = try listing(ofArchiveAt: archivePath)
        } catch {
            throw FinParseError(error.code, path: path,
                                message: "\(archivePath) is not a readable archive: \(error)")
        }
        return try load(name, in: archive, members, at: archivePath, of: fileIdentity(archivePath), path: path, depth: 1)
    }

    /// The report `name` in `archive`, the one at `archivePath` in the file of `identity`.
    private static func load(_ name: String, in archive: Opened, _ members: [String: Member]?, at archivePath: String,
                             of identity: [Int]?, path: String, depth: Int) throws(FinParseError) -> [UInt8] {
        guard let members else {
            throw FinParseError(.malformedArchive, path: path, message: "its archive's directory cannot be read (truncated or damaged)")
        }
        if let member = members[name] { return try inflate(member, of: archive, path: path) }
        let archives = name.indices.filter { name[$0...].starts(with: "/") }.map { name[..<$0] }
            .filter { isArchive(named: String($0)) }
        if depth < maximumDepth, let member = archives.lazy.compactMap({ members[String($0)] }).first {
            let innerPath = archivePath + "/" + member.name
            let (inner, innerMembers) = try listing(of: member, in: archive, at: innerPath, of: identity, path: path)
            return try load(String(name.dropFirst(member.name.count + 1)), in: inner, innerMembers, at: innerPath, of: identity,
                            path: path, depth: depth + 1)
        }
        throw FinParseError(.fileNotFound, path: path, message: "no such file in its archive")
    }

    /// The archive within another that `member` holds, at `innerPath`, kept as a file's
    /// listing is (by the path and the outer file's identity): without that, each of its
    /// reports inflated it again, and a solid 7-Zip within was unpacked whole for each.
    private static func listing(of member: Member, in archive: Opened, at innerPath: String, of identity: [Int]?,
                                path: String) throws(FinParseError) -> (Opened, [String: Member]?) {
        do {
            if let cached = try cachedListing(innerPath, identity) { return cached }
        } catch {
            throw FinParseError(.malformedArchive, path: path, message: "\(member.name) is not a readable archive: \(error)")
        }
        return try opening.withLock { _ throws(FinParseError) in
            if let cached = try? cachedListing(innerPath, identity) { return cached }
            let bytes = try inflate(member, of: archive, path: path)
            let inner: Opened
            do throws(Unreadable) {
                inner = try open(archiveIn: bytes)
            } catch {
                throw FinParseError(error.code, path: path,
                                    message: "\(member.name) is not a readable archive: \(error)")
            }
            let innerMembers = Self.members(of: inner).map(byName)
            if let identity, let innerMembers, bytes.count <= Self.heldLimit {
                let sequential = if case .sequential(let sequential) = inner { sequential } else { SequentialArchive?.none }
                remember(Listing(identity: identity, members: innerMembers, sequential: sequential,
                                 zipBytes: sequential == nil ? bytes : nil, heldBytes: bytes.count), at: innerPath)
            }
            return (inner, innerMembers)
        }
    }

    /// An archive opened for its files.
    private enum Opened {
        /// A zip, whose entries are read where they lie.
        case zip(ZipArchive)
        /// A RAR or 7-Zip, read through from its start.
        case sequential(SequentialArchive)
    }

    /// The archive in the file at `path`, a `kind` of archive by its first bytes (nil: a zip),
    /// of the size its `identity` gives.
    private static func open(archiveAt path: String, kind: SequentialArchive.Kind?, identity: [Int]?) throws(Unreadable) -> Opened {
        do {
            if let kind {
                return try .sequential(SequentialArchive(path: path, kind: kind, byteCount: identity?[2] ?? 0,
                                                         keeping: { isReport(name(fromBytes: $0)) }))
            }
            return try .zip(ZipArchive(path: path))
        } catch {
            throw unreadable(error)
        }
    }

    /// The archive in `bytes`, one within another.
    private static func open(archiveIn bytes: [UInt8]) throws(Unreadable) -> Opened {
        do {
            if let kind = SequentialArchive.kind(of: bytes.prefix(SequentialArchive.signatureLength)) {
                return try .sequential(SequentialArchive(bytes: bytes, kind: kind, keeping: { isReport(name(fromBytes: $0)) }))
            }
            return try .zip(ZipArchive(bytes: bytes))
        } catch {
            throw unreadable(error)
        }
    }

    private static func unreadable(_ error: any Error) -> Unreadable {
        Unreadable(description: "\(error)", code: (error as? SequentialArchive.Failure)?.code ?? .malformedArchive)
    }

    /// The listings of the last few archives read, by path and file: each report of an
    /// archive is read on its own, and decoding all of the archive's names for each made
    /// 5,000 reports in one archive take 46 s. A RAR or 7-Zip is kept whole, with the place
    /// its reading has reached; an archive within another, with its bytes.
    private static let listings = Mutex<[String: Listing]>([:])

    private struct Listing {
        /// The identity of the file the archive is, or is within.
        var identity: [Int]
        /// By name (the first of two with one name).
        var members: [String: Member]
        var sequential: SequentialArchive?
        /// The bytes of a zip within another archive.
        var zipBytes: [UInt8]? = nil
        /// The bytes of archives within others that the listing holds.
        var heldBytes = 0
    }

    /// What the listings kept may hold of archives within others.
    private static let heldLimit = 64 << 20

    private static func remember(_ listing: Listing, at path: String) {
        listings.withLock { listings in
            let held = listings.values.reduce(0) { $0 + $1.heldBytes }
            if listings.count >= 8 || held + listing.heldBytes > heldLimit { listings.removeAll() }
            listings[path] = listing
        }
    }

    /// The archive at `path`, with its members by name (nil when its directory cannot be
    /// read to its end). A zip is opened again each time: minizip's handle is one thread's.
    private static func listing(ofArchiveAt path: String) throws(Unreadable) -> (Opened, [String: Member]?) {
        let identity = fileIdentity(path)
        if let cached = try cachedListing(path, identity) { return cached }
        let first = (try? InputFile.firstBytes(of: path, count: SequentialArchive.signatureLength)) ?? []
        guard let kind = SequentialArchive.kind(of: first) else { return try newListing(path, nil, identity) }
        // The threads of a batch ask for one archive's reports at once: a RAR or 7-Zip is
        // read through once (and a solid one's dictionary, 32 MB by 7-Zip's default, taken
        // once), not by each of them.
        return try opening.withLock { _ throws(Unreadable) in
            if let cached = try cachedListing(path, identity) { return cached }
            return try newListing(path, kind, identity)
        }
    }

    private static let opening = Mutex(())

    private static func cachedListing(_ path: String, _ identity: [Int]?) throws(Unreadable) -> (Opened, [String: Member]?)? {
        guard let identity, let cached = listings.withLock({ $0[path] }), cached.identity == identity else { return nil }
        if let sequential = cached.sequential { return (.sequential(sequential), cached.members) }
        do {
            if let bytes = cached.zipBytes { return try (.zip(ZipArchive(bytes: bytes)), cached.members) }
            return try (.zip(ZipArchive(path: path)), cached.members)
        } catch {
            throw Unreadable(description: "\(error)")
        }
    }

    private static func newListing(_ path: String, _ kind: SequentialArchive.Kind?,
                                   _ identity: [Int]?) throws(Unreadable) -> (Opened, [String: Member]?) {
        let archive = try open(archiveAt: path, kind: kind, identity: identity)
        guard let members = members(of: archive).map(byName) else { return (archive, nil) }
        if let identity {
            let sequential = if case .sequential(let sequential) = archive { sequential } else { SequentialArchive?.none }
            remember(Listing(identity: identity, members: members, sequential: sequential), at: path)
        }
        return (archive, members)
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
        var entry: Entry

        enum Entry {
            case zip(ZipArchive.Entry)
            case sequential(SequentialArchive.Entry)
        }
    }

    /// The archive's files (not its folders), or nil when its directory cannot be read.
    private static func members(of archive: Opened) -> [Member]? {
        let entries: [(name: [UInt8], entry: Member.Entry)]? = switch archive {
        case .zip(let zip): zip.entries()?.map { ($0.name, .zip($0.entry)) }
        case .sequential(let sequential): sequential.entries.map { ($0.name, .sequential($0)) }
        }
        return entries?.compactMap { raw in
            let name = name(fromBytes: raw.name)
            return name.hasSuffix("/") ? nil : Member(name: name, entry: raw.entry)
        }
    }

    /// An entry's name from its bytes: UTF-8, else GBK.
    private static func name(fromBytes bytes: [UInt8]) -> String {
        // Zip's UTF-8 mark is not asked for (most archivers write none) nor trusted alone.
        guard let name = String(validating: bytes, as: UTF8.self) ?? TextDecoding.gb18030Text(bytes) else {
            return PlatformPath.string(fromBytes: bytes)
        }
        // Zip names folders with slashes; some Windows tools write backslashes.
        return name.replacing("\\", with: "/")
    }

    /// Whether the archive is an Office, OpenDocument or OFD file: a report itself, not an archive of them.
    private static func isPackage(_ members: [Member]) -> Bool {
        members.contains { ["[content_types].xml", "mimetype", "_rels/.rels", "ofd.xml"].contains($0.name.lowercased()) }
    }

    private static func isReport(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        guard let last = parts.last, !parts.contains("__MACOSX"), !last.hasPrefix("._"), !last.hasPrefix("~$") else {
            return false
        }
        return reads(fileNamed: String(last))
    }

    /// An entry's bytes, within the limits a .docx's parts have.
    private static func inflate(_ member: Member, of archive: Opened, path: String) throws(FinParseError) -> [UInt8] {
        // The report's own entry is named by the path already; an archive within it is not.
        let name = path.hasSuffix("/" + member.name) ? "" : member.name + " "
        switch (member.entry, archive) {
        case (.zip(let entry), .zip(let zip)):
            let limit = min(InputFile.maximumSize, OfficePackage.limit(compressedSize: entry.compressedSize))
            try checkSize(entry.uncompressedSize, from: entry.compressedSize, limit: limit, name: name, path: path)
            guard !entry.isEncrypted else { throw encrypted(name, " (zip's password): unzip", path: path) }
            if let method = ZipArchive.unreadMethod(entry.method) {
                throw FinParseError(.unsupportedFormat, path: path, message: "\(name)is packed with \(method), which finparse does not "
                                        + "unpack: pack it again with zip's usual Deflate")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(entry.uncompressedSize))
            do {
                try zip.read(entry, chunkSize: 1 << 16) { bytes += $0 }
            } catch {
                throw FinParseError(.malformedArchive, path: path, message: "\(name)cannot be inflated from its archive (truncated or damaged): \(error)")
            }
            return bytes
        case (.sequential(let entry), .sequential(let sequential)):
            // Entries of a solid archive have no size of their own packed: the archive's stands for it.
            let packed = UInt64(sequential.byteCount)
            let limit = min(InputFile.maximumSize, OfficePackage.limit(compressedSize: packed))
            try checkSize(UInt64(clamping: max(entry.size ?? 0, 0)), from: packed, limit: limit, name: name, path: path)
            guard !entry.isEncrypted else { throw encrypted(name, ": unpack", path: path) }
            do {
                return try sequential.read(entry, limit: limit)
            } catch {
                throw FinParseError(error.code, path: path,
                                    message: "\(name)cannot be unpacked from its archive (truncated or damaged): \(error)")
            }
        default:
            fatalError("a member read from an archive of another kind")
        }
    }

    private static func checkSize(_ size: UInt64, from packed: UInt64, limit: Int, name: String, path: String) throws(FinParseError) {
        guard size <= limit else {
            throw FinParseError(.tooLarge, path: path, message: "\(name)declares \(size) bytes from \(packed), beyond \(limit): refused as a zip bomb")
        }
    }

    /// `what`: how the password is asked for and the way out, ": unpack" at least.
    private static func encrypted(_ name: String, _ what: String, path: String) -> FinParseError {
        FinParseError(.unsupportedFormat, path: path, message: "\(name)is encrypted in its archive\(what) it with the password first")
    }

    /// `path` split where it runs on past an archive file: the archive's path and the name in it.
    private static func split(_ path: String) -> (archive: String, name: String)? {
        let bytes = Array(path.utf8)
        let endings = archiveExtensions.map { Array(".\($0)".utf8) }
        for slash in bytes.indices.dropLast() where bytes[slash] == UInt8(ascii: "/") {
            let head = bytes[..<slash]
            guard endings.contains(where: { ending in
                head.count > ending.count && zip(head.suffix(ending.count), ending).allSatisfy { $0 | 0x20 == $1 | 0x20 }
            }) else { continue }
            let archive = String(decoding: head, as: UTF8.self)
            if isRegularFile(archive) { return (archive, String(decoding: bytes[(slash + 1)...], as: UTF8.self)) }
        }
        return nil
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return PlatformPath.withSystemName(of: path) { stat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
