import CMiniZip

/// A zip archive read through zlib's minizip: the one place that sees its types.
///
/// minizip inflates an entry no further than the size its central directory gives, and
/// checks the CRC-32 once the entry is read to that size; an entry that ends short of it
/// is caught here.
final class ZipArchive {
    /// An entry and what its central directory says of it.
    struct Entry {
        fileprivate let position: unz64_file_pos
        let isEncrypted: Bool
        /// Zip's number for how the entry is packed: 0 stored, 8 deflate (all minizip reads).
        let method: Int
        let compressedSize: UInt64
        let uncompressedSize: UInt64
    }

    /// The name of zip's compression `method` that minizip does not read (7-Zip and WinZip
    /// write them on request), or nil for one it reads.
    static func unreadMethod(_ method: Int) -> String? {
        switch method {
        case 0, 8: nil
        case 9: "Deflate64"
        case 12: "bzip2"
        case 14: "LZMA"
        case 93: "Zstandard"
        case 95: "XZ"
        case 98: "PPMd"
        default: "method \(method)"
        }
    }

    /// What went wrong, in words; minizip itself gives only a number.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// The entry's data does not match its CRC-32.
        let failsChecksum: Bool

        init(_ description: String, failsChecksum: Bool = false) {
            self.description = description
            self.failsChecksum = failsChecksum
        }

        /// minizip's status codes (`UNZ_*`), and zlib's that it passes on.
        init(status: Int32) {
            switch status {
            case UNZ_CRCERROR: self.init("CRC-32 mismatch", failsChecksum: true)
            case UNZ_BADZIPFILE: self.init("damaged zip structure, or a compression method other than deflate or stored")
            case UNZ_ERRNO: self.init("read error")
            case Z_DATA_ERROR: self.init("invalid deflate data")
            case Z_BUF_ERROR: self.init("the deflate data ends early")
            case Z_MEM_ERROR: self.init("out of memory")
            default: self.init("minizip error \(status)")
            }
        }
    }

    private let file: unzFile
    /// The bytes of an archive read from memory, which minizip reads through ``MemoryFile``.
    private let memory: MemoryFile?

    /// The archive in `bytes`, read where they are.
    init(bytes: consuming [UInt8]) throws(Failure) {
        let memory = MemoryFile(bytes: bytes)
        var functions = zlib_filefunc64_def()
        functions.opaque = Unmanaged.passUnretained(memory).toOpaque()
        functions.zopen64_file = { opaque, _, _ in opaque }
        functions.zread_file = { opaque, _, buffer, size in MemoryFile.from(opaque).read(into: buffer, size) }
        functions.zwrite_file = { _, _, _, _ in 0 }
        functions.ztell64_file = { opaque, _ in UInt64(MemoryFile.from(opaque).position) }
        functions.zseek64_file = { opaque, _, offset, origin in MemoryFile.from(opaque).seek(offset, origin) }
        functions.zclose_file = { _, _ in 0 }
        functions.zerror_file = { _, _ in 0 }
        // minizip hands the name to the open function only, which has no use for it.
        guard let file = unzOpen2_64("", &functions) else { throw Self.notZip }
        self.file = file
        self.memory = memory
    }

    /// The archive in the file at `path`, read as its entries are.
    init(path: String) throws(Failure) {
        guard let file = PlatformPath.withSystemName(of: path, { unzOpen64($0) }) else { throw Self.notZip }
        self.file = file
        memory = nil
    }

    private static let notZip = Failure("no zip central directory could be read")

    deinit { unzClose(file) }

    /// The entry named `name`, or nil when there is none. A package's part names are not
    /// case-sensitive, and some writers separate folders with backslashes (xl\_rels\…, as
    /// calamine's test workbooks from its users' files show): an entry not named exactly
    /// is looked for so. The first of two entries with one name is the one found.
    subscript(name: String) -> Entry? {
        let index = directory()
        return index.exact[name] ?? index.byKey[Self.partKey(name)]
    }

    /// The entries by name and by ``partKey(_:)``, from one walk of the directory: minizip
    /// reads an entry's header a field at a time, up to 16,384 reads for a damaged extra
    /// field's length, and a walk for each part looked up made a 1 KB damaged package take
    /// 0.3 s (found by Fuzz/).
    private func directory() -> (exact: [String: Entry], byKey: [String: Entry]) {
        if let index { return index }
        var exact: [String: Entry] = [:], byKey: [String: Entry] = [:]
        // The entries before a damaged one are found all the same.
        for (raw, entry) in walk().entries {
            let name = String(decoding: raw, as: UTF8.self)
            if exact[name] == nil { exact[name] = entry }
            let key = Self.partKey(name)
            if byKey[key] == nil { byKey[key] = entry }
        }
        index = (exact, byKey)
        return index!
    }

    private var index: (exact: [String: Entry], byKey: [String: Entry])?
    private var walked: (entries: [(name: [UInt8], entry: Entry)], complete: Bool)?

    /// Every entry, in the archive's order, with its name as written (bytes: archives made on
    /// a Chinese Windows write GBK). Nil when the directory cannot be walked to its end.
    func entries() -> [(name: [UInt8], entry: Entry)]? {
        let walk = walk()
        return walk.complete ? walk.entries : nil
    }

    /// The entries a walk of the directory reads, once; an entry whose header cannot be read
    /// is passed over, and the walk is complete when it reaches the directory's end.
    private func walk() -> (entries: [(name: [UInt8], entry: Entry)], complete: Bool) {
        if let walked { return walked }
        var all: [(name: [UInt8], entry: Entry)] = []
        var complete = true
        var status = unzGoToFirstFile(file)
        // A zip name's length is a 16-bit field.
        var name = [CChar](repeating: 0, count: 1 << 16)
        while status == UNZ_OK {
            var info = unz_file_info64()
            var position = unz64_file_pos()
            if unzGetCurrentFileInfo64(file, &info, &name, UInt(name.count), nil, 0, nil, 0) == UNZ_OK,
               unzGetFilePos64(file, &position) == UNZ_OK {
                all.append((name.prefix(Int(info.size_filename)).map { UInt8(bitPattern: $0) },
                            Entry(position: position, isEncrypted: info.flag & 1 != 0, method: Int(info.compression_method),
                                  compressedSize: info.compressed_size, uncompressedSize: info.uncompressed_size)))
            } else {
                complete = false
            }
            status = unzGoToNextFile(file)
        }
        walked = (all, complete && status == UNZ_END_OF_LIST_OF_FILE)
        return walked!
    }

    /// A part name as compared: lower case, folders separated by slashes.
    private static func partKey(_ name: String) -> String { name.lowercased().replacing("\\", with: "/") }

    /// Hands `body` the entry's data as it is inflated, `chunkSize` bytes at a time. Fails
    /// after the last chunk when the CRC-32 or the size is wrong.
    func read(_ entry: Entry, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        // Without a password minizip would inflate the ciphertext.
        guard !entry.isEncrypted else { throw Failure("the entry is encrypted") }
        var position = entry.position
        var status = unzGoToFilePos64(file, &position)
        if status == UNZ_OK { status = unzOpenCurrentFile(file) }
        guard status == UNZ_OK else { throw Failure(status: status) }
        var open = true
        defer { if open { unzCloseCurrentFile(file) } }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        var inflated: UInt64 = 0
        while true {
            let count = unzReadCurrentFile(file, buffer.baseAddress, UInt32(chunkSize))
            if count < 0 { throw Failure(status: count) }
            if count == 0 { break }
            inflated += UInt64(count)
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<Int(count)]))
        }
        open = false
        // minizip checks the CRC-32 only of an entry read to its full size.
        let closed = unzCloseCurrentFile(file)
        guard inflated == entry.uncompressedSize else {
            throw Failure("inflates to \(inflated) bytes where the directory says \(entry.uncompressedSize)")
        }
        guard closed == UNZ_OK else { throw Failure(status: closed) }
    }
}

/// An archive's bytes in memory with a read position, behind minizip's file functions.
private final class MemoryFile {
    let bytes: [UInt8]
    var position = 0

    init(bytes: consuming [UInt8]) { self.bytes = bytes }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> MemoryFile {
        Unmanaged<MemoryFile>.fromOpaque(opaque!).takeUnretainedValue()
    }

    func read(into buffer: UnsafeMutableRawPointer?, _ size: UInt) -> UInt {
        let count = min(Int(clamping: size), bytes.count - min(position, bytes.count))
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer!.copyMemory(from: $0.baseAddress! + position, byteCount: count) }
        position += count
        return UInt(count)
    }

    /// minizip's fseek, which like fseek allows a position past the end, where reads find
    /// nothing: a damaged archive then reads the same from memory as from its file. The
    /// offset is unsigned, so no position falls before the start; -1, and the position
    /// unchanged, for one beyond `Int`.
    func seek(_ offset: UInt64, _ origin: Int32) -> Int {
        let base = switch origin {
        case ZLIB_FILEFUNC_SEEK_CUR: position
        case ZLIB_FILEFUNC_SEEK_END: bytes.count
        default: 0
        }
        guard let offset = Int(exactly: offset) else { return -1 }
        let (target, overflow) = base.addingReportingOverflow(offset)
        guard !overflow else { return -1 }
        position = target
        return 0
    }
}
