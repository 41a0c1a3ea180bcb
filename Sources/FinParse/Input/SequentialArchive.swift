import CArchive
// zlib's crc32, which minizip's header brings.
import CMiniZip
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A RAR (4 or 5), 7-Zip or tar archive read through libarchive (loaded when the first is
/// opened, `CArchive`): the one place that calls it.
///
/// Such an archive is read from its start: an entry of a solid archive (7-Zip's default) is
/// reached only by unpacking all before it. A batch reads an archive's reports one at a
/// time, on several threads, in about their order; so one reader is kept where the last
/// read left it, and the reports it passes on the way to another are kept, within a bound,
/// for the threads that ask for them next. Without that, the reports of a solid archive
/// would cost the square of its size.
final class SequentialArchive: Sendable {
    enum Kind: Sendable {
        /// A tar archive, plain or compressed whole (gzip, bzip2, xz, zstd).
        case rar, sevenZip, tar

        /// "a RAR", "a 7-Zip", "a tar", for messages.
        var name: String {
            switch self {
            case .rar: "a RAR"
            case .sevenZip: "a 7-Zip"
            case .tar: "a tar"
            }
        }
    }

    /// How many first bytes ``kind(of:)`` looks at: a tar's mark stands at 257.
    static let signatureLength = 262

    /// The kind of archive `bytes` start as, by their signature: a compressed file is taken
    /// for a compressed tar, which libarchive then tells.
    static func kind(of bytes: some Collection<UInt8>) -> Kind? {
        if bytes.starts(with: Array("Rar!\u{1A}\u{07}".utf8)) { return .rar }
        if bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        return isCompressed(bytes) || isTar(bytes) ? .tar : nil
    }

    /// Whether `bytes` start as a gzip, xz, zstd or bzip2 file does.
    static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
        let compressed: [[UInt8]] = [[0x1F, 0x8B], [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], [0x28, 0xB5, 0x2F, 0xFD]]
        if compressed.contains(where: { bytes.starts(with: $0) }) { return true }
        // bzip2: BZh, the block size, then the first block's mark (a text could start BZh).
        return bytes.starts(with: Array("BZh".utf8)) && bytes.dropFirst(4).starts(with: [0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
    }

    /// Whether `bytes` start as a tar (POSIX or GNU) does: its mark stands at 257.
    static func isTar(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.dropFirst(257).starts(with: Array("ustar".utf8))
    }

    /// A file in the archive (folders and links are left out).
    struct Entry: Sendable {
        /// Its place among all the archive's entries, counted from 0.
        let index: Int
        /// Its name as written: UTF-8 where libarchive could convert it, else the bytes of
        /// an old RAR's name in its writer's code page.
        let name: [UInt8]
        /// Its size, when the archive gives it.
        let size: Int64?
        let isEncrypted: Bool
    }

    /// What went wrong, in libarchive's words.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// What it makes of a report: `malformedArchive`; `unsupportedFormat` when a password
        /// is needed (the names or the data are encrypted); `missingTool` without libarchive.
        var code = FinParseError.Code.malformedArchive
    }

    /// The archive's files, in its order.
    let entries: [Entry]
    /// The indices of the entries kept when passed: those that will be asked for.
    private let wanted: Set<Int>
    private let lastWanted: Int
    private let source: Source
    /// The size of the archive, which bounds what an entry may unpack to (zip bombs).
    let byteCount: Int
    private let state = Mutex(State())

    private enum Source: Sendable {
        case file(String)
        case memory(Memory)

        /// The archive's first `count` bytes, or fewer.
        func first(_ count: Int) -> [UInt8] {
            switch self {
            case .file(let path): (try? InputFile.firstBytes(of: path, count: count)) ?? []
            case .memory(let memory): Array(memory.buffer.prefix(min(count, memory.count)))
            }
        }

        /// Whether a RAR 5 archive has its end-of-archive header within its last bytes: the
        /// header's CRC-32, then size 3, type 5, its flags and the archive's (WinRAR writes
        /// 04 00; a few bytes of padding may follow).
        func endsAsRAR5() -> Bool {
            let last: [UInt8] = switch self {
            case .file(let path): (try? InputFile.lastBytes(of: path, count: 32)) ?? []
            case .memory(let memory): Array(memory.buffer[max(memory.count - 32, 0)..<memory.count])
            }
            return last.indices.dropLast(7).contains { i in
                let header = Array(last[(i + 4)..<(i + 8)])
                let stored = last[i..<(i + 4)].reversed().reduce(UInt(0)) { $0 << 8 | UInt($1) }
                return header[0] == 3 && header[1] == 5 && crc32(0, header, 4) == stored
            }
        }

        /// `body` over the archive's bytes, `read(offset, count)` (fewer past its end).
        func reading<T>(_ body: ((_ offset: Int, _ count: Int) -> [UInt8]) -> T) -> T? {
            switch self {
            case .file(let path):
                let fd = PlatformPath.withSystemName(of: path) { open($0, O_RDONLY | O_CLOEXEC) }
                guard fd >= 0 else { return nil }
                defer { close(fd) }
                return body { SystemFile.read(fd, at: $0, count: $1) }
            case .memory(let memory):
                let bytes = UnsafeRawBufferPointer(start: memory.buffer.baseAddress, count: memory.count)
                return body { offset, count in offset < bytes.count ? Array(bytes[offset..<min(offset + count, bytes.count)]) : [] }
            }
        }

        /// Fails where the gzip stream of a gzipped archive is not whole: libarchive checks no
        /// gzip CRC-32, and a changed byte would reach a report's reader.
        func checkGzip() throws(Failure) {
            do {
                switch self {
                case .file(let path): try GzipFile.check(fileAt: path)
                case .memory(let memory): try GzipFile.check(UnsafeRawBufferPointer(start: memory.buffer.baseAddress, count: memory.count))
                }
            } catch {
                throw Failure(description: "its gzip stream: \(error)")
            }
        }
    }

    /// An archive's bytes where libarchive reads them, for as long as a reader of them lives.
    private final class Memory: @unchecked Sendable {
        let buffer: UnsafeMutableRawBufferPointer
        let count: Int

        init(_ bytes: [UInt8]) {
            buffer = .allocate(byteCount: max(bytes.count, 1), alignment: 1)
            buffer.copyBytes(from: bytes)
            count = bytes.count
        }

        deinit { buffer.deallocate() }
    }

    private struct State {
        /// A reader positioned after the entry it read last.
        var cursor: Reader?
        /// Entries passed on the way to another, by index, kept to be asked for.
        var kept: [Int: [UInt8]] = [:]
        var keptBytes = 0
        /// Entries passed beyond what `kept` holds, in a temporary file: in an archive whose
        /// order is not its names' (GNU tar's is the folder's, at random), each report would
        /// otherwise cost a pass from the archive's start.
        var spill: AnonymousFile?
        var spilled: [Int: (offset: Int, count: Int)] = [:]
        var spillEnd = 0

        /// Keeps the entries passed last in memory (in a list read backwards, they are asked
        /// for next), and those before them in the temporary file.
        mutating func keep(_ bytes: [UInt8], at index: Int) {
            kept[index] = bytes
            keptBytes += bytes.count
            let limit = SequentialArchive.keptLimit
            while kept.count > limit.count || keptBytes > limit.bytes, let first = kept.keys.min() {
                let evicted = kept.removeValue(forKey: first)!
                keptBytes -= evicted.count
                spillOut(evicted, at: first)
            }
        }

        /// Writes an entry to the temporary file; where none can be made or written (no
        /// room), it is let go, to be read again from the archive's start.
        private mutating func spillOut(_ bytes: [UInt8], at index: Int) {
            if spill == nil { spill = AnonymousFile() }
            guard let spill, bytes.withUnsafeBytes({ SystemFile.writeAll($0, to: spill.descriptor) }) == bytes.count else {
                spillEnd = spill.map { Int(lseek($0.descriptor, 0, SEEK_END)) } ?? spillEnd
                return
            }
            spilled[index] = (spillEnd, bytes.count)
            spillEnd += bytes.count
        }

        /// The entry at `index` if it was passed and kept, taken out of keeping.
        mutating func take(_ index: Int) -> [UInt8]? {
            if let bytes = kept.removeValue(forKey: index) {
                keptBytes -= bytes.count
                return bytes
            }
            guard let place = spilled.removeValue(forKey: index), let spill else { return nil }
            let bytes = SystemFile.read(spill.descriptor, at: place.offset, count: place.count)
            return bytes.count == place.count ? bytes : nil
        }
    }

    /// What the passed entries kept may hold: a few reports, more than a batch's threads
    /// ask for out of order.
    fileprivate static let keptLimit = (count: 16, bytes: 32 << 20)

    /// The archive in the file at `path`, listed; `kind` is what its first bytes say. The
    /// entries whose names `isWanted` are those that are kept when passed.
    convenience init(path: String, kind: Kind, byteCount: Int, keeping isWanted: ([UInt8]) -> Bool) throws(Failure) {
        try self.init(.file(path), kind: kind, byteCount: byteCount, keeping: isWanted)
    }

    /// The archive in `bytes` (one within another), listed.
    convenience init(bytes: [UInt8], kind: Kind, keeping isWanted: ([UInt8]) -> Bool) throws(Failure) {
        try self.init(.memory(Memory(bytes)), kind: kind, byteCount: bytes.count, keeping: isWanted)
    }

    private init(_ source: Source, kind: Kind, byteCount: Int, keeping isWanted: ([UInt8]) -> Bool) throws(Failure) {
        self.source = source
        self.byteCount = byteCount
        let start = kind == .sevenZip ? [] : source.first(RAR5Headers.signature.count)
        let isRAR5 = kind == .rar && start == RAR5Headers.signature
        // Headers encrypted, its end's too, a RAR 5 cannot be checked for a cut.
        if isRAR5, source.reading(RAR5Headers.headersAreEncrypted) == true {
            throw Failure(description: "its headers are encrypted", code: .unsupportedFormat)
        }
        // libarchive takes a RAR 5 cut short within a header for one that ends there.
        if isRAR5, !source.endsAsRAR5() {
            throw Failure(description: "it ends before its end-of-archive header (truncated)")
        }
        let encrypted = isRAR5 ? source.reading(RAR5Headers.encryptedNames) ?? [] : []
        var entries: [Entry] = []
        do {
            let reader = try Reader(source)
            while let entry = try reader.nextEntry() {
                if let entry { entries.append(entry) }
            }
        } catch where !encrypted.isEmpty {
            // A solid archive's encrypted files fail its listing.
            throw Failure(description: "its files are encrypted", code: .unsupportedFormat)
        }
        self.entries = entries.map { entry in
            guard !entry.isEncrypted, encrypted.contains(entry.name) else { return entry }
            return Entry(index: entry.index, name: entry.name, size: entry.size, isEncrypted: true)
        }
        wanted = Set(entries.filter { isWanted($0.name) }.map(\.index))
        lastWanted = wanted.max() ?? -1
        if kind == .tar, start.starts(with: GzipFile.magic) { try source.checkGzip() }
    }

    /// The data of `entry`, at most `limit` bytes of it.
    func read(_ entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        try state.withLock { state throws(Failure) -> [UInt8] in
            if let bytes = state.take(entry.index) { return bytes }
            // A reader that has passed the entry starts again; a failed one is not kept.
            let cursor = state.cursor.flatMap { $0.position <= entry.index ? $0 : nil }
            state.cursor = nil
            let reader = if let cursor { cursor } else { try Reader(source) }
            while reader.position < entry.index {
                guard case .some(let passed) = try reader.nextEntry() else { throw Self.endsEarly }
                guard let passed, wanted.contains(passed.index), Int(clamping: passed.size ?? 0) <= Self.keptLimit.bytes,
                      let bytes = try? reader.data(limit: min(limit, Self.keptLimit.bytes)) else { continue }
                state.keep(bytes, at: passed.index)
            }
            guard case .some(.some) = try reader.nextEntry() else { throw Self.endsEarly }
            let bytes = try reader.data(limit: limit)
            // A reader past the last report is let go, and a solid archive's dictionary with
            // it: the listings of eight archives are kept, and they would hold eight.
            state.cursor = reader.position > lastWanted ? nil : reader
            return bytes
        }
    }

    private static let endsEarly = Failure(description: "the archive ends before the entry")

    /// The data of `bytes`, a file compressed whole with gzip, bzip2, xz or zstd (a report
    /// stored so), failing past `limit` bytes; nil where it is a tar, an archive.
    static func decompressed(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8]? {
        let reader = try Reader(.memory(Memory(bytes)), whole: true)
        guard case .some(.some) = try reader.nextEntry() else { throw Failure(description: "it holds no data") }
        let head = try reader.data(limit: limit, stoppingAt: signatureLength)
        return isTar(head) ? nil : try reader.data(limit: limit, after: head)
    }

    /// One pass of libarchive over the archive.
    private final class Reader {
        private let handle: UnsafeMutableRawPointer
        private let source: Source
        /// The index of the entry `nextEntry()` reads next.
        private(set) var position = 0

        /// `whole`: the source is a file compressed whole, no archive.
        init(_ source: Source, whole: Bool = false) throws(Failure) {
            guard let handle = fp_archive_reader_new(whole ? 1 : 0) else {
                throw Failure(description: "reading RAR, 7-Zip and tar archives and bzip2, xz or zstd files needs libarchive, which is not installed "
                                  + "(apt-get install libarchive13)", code: .missingTool)
            }
            self.handle = handle
            self.source = source
            let status = Self.withUTF8Names {
                switch source {
                case .file(let path):
                    PlatformPath.withSystemName(of: path) { fp_archive_open_filename(handle, $0, 1 << 16) }
                case .memory(let memory):
                    fp_archive_open_memory(handle, memory.buffer.baseAddress, memory.count)
                }
            }
            guard status == FP_ARCHIVE_OK else { throw failure(formatKnown: false) }
        }

        deinit { fp_archive_reader_free(handle) }

        /// The next entry: nil at the archive's end, .some(nil) for a folder or link.
        func nextEntry() throws(Failure) -> Entry?? {
            var header: UnsafeMutableRawPointer?
            let status = Self.withUTF8Names { fp_archive_next_header(handle, &header) }
            if status == FP_ARCHIVE_EOF { return nil }
            // A warning is a name that cannot be converted, which the raw bytes stand in for.
            guard status == FP_ARCHIVE_OK || status == FP_ARCHIVE_WARN, let header else { throw failure() }
            defer { position += 1 }
            // AE_IFREG, which Swift does not import.
            guard fp_archive_entry_filetype(header) == 0o100000 else { return .some(nil) }
            return Entry(index: position, name: Self.name(header),
                         size: fp_archive_entry_size_is_set(header) != 0 ? fp_archive_entry_size(header) : nil,
                         isEncrypted: fp_archive_entry_is_encrypted(header) != 0)
        }

        /// The data of the entry last read, after the `start` of it read before, failing past
        /// `limit` bytes; or its first `stop` bytes.
        func data(limit: Int, after start: [UInt8] = [], stoppingAt stop: Int = .max) throws(Failure) -> [UInt8] {
            var bytes = start
            while bytes.count < stop {
                let count = bytes.count
                let chunk = min(1 << 16, stop - count)
                bytes.append(contentsOf: repeatElement(0, count: chunk))
                let read = Int(bytes.withUnsafeMutableBytes { fp_archive_read_data(handle, $0.baseAddress! + count, chunk) })
                guard read >= 0 else { throw failure() }
                bytes.removeLast(chunk - read)
                if read == 0 { return bytes }
                guard bytes.count <= limit else {
                    throw Failure(description: "unpacks to more than \(limit) bytes", code: .tooLarge)
                }
            }
            return bytes
        }

        /// The entry's name as the locale's (UTF-8) bytes, which for an old RAR's name in its
        /// writer's code page (GBK, unmarked) are that name's own bytes: libarchive's UTF-8
        /// form of it would have replaced them.
        private static func name(_ header: UnsafeMutableRawPointer) -> [UInt8] {
            guard let name = fp_archive_entry_pathname(header) ?? fp_archive_entry_pathname_utf8(header) else { return Array("?".utf8) }
            return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
        }

        /// libarchive's error. Asking whether entries are encrypted, before a format has been
        /// taken (a file too short for one), calls through a pointer not set (found by a sweep
        /// of cut archives).
        private func failure(formatKnown: Bool = true) -> Failure {
            let message = fp_archive_error_string(handle).map { String(cString: $0) } ?? "its headers cannot be read"
            let encrypted = formatKnown && fp_archive_has_encrypted_entries(handle) > 0
            // RAR 5's encrypted headers: "Encryption is not supported".
            let lowered = message.lowercased()
            return Failure(description: message, code: encrypted || lowered.contains("encrypt") || lowered.contains("passphrase")
                               ? .unsupportedFormat : .malformedArchive)
        }

        /// libarchive converts names to the thread's locale, which in a program that sets none
        /// is C, where every Chinese name fails: it works in C.UTF-8 for the call, this thread only.
        private static func withUTF8Names<T>(_ body: () -> T) -> T {
            guard let locale = utf8Locale.value else { return body() }
            let previous = uselocale(locale)
            defer { uselocale(previous) }
            return body()
        }

        private static let utf8Locale = UncheckedLocale(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil))
    }
}

/// A locale made once and never freed, read by every thread.
private struct UncheckedLocale: @unchecked Sendable {
    let value: locale_t?
    init(_ value: locale_t?) { self.value = value }
}
