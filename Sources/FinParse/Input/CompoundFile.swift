/// An OLE compound file ([MS-CFB]): the container of Word 97–2003 documents, a small file
/// system of sector chains inside one file. Read from memory; a damaged or hostile file may
/// point anywhere, so every offset is checked and every chain bounded.
struct CompoundFile {
    /// What is wrong with the container, in words.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private struct Entry {
        let start: UInt32
        let size: Int
    }

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private let bytes: [UInt8]
    /// The file's length, which `bytes` may run past to a whole last sector.
    private let length: Int
    private let sectorSize: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let miniStreamCutoff: Int
    /// The streams and storages directly in the root storage, by name in capitals: names
    /// are compared regardless of case, and some writers spell Word's streams in lower case.
    private let entries: [String: Entry]

    init(bytes: [UInt8]) throws(Failure) {
        guard bytes.count >= 512, bytes.starts(with: Self.signature) else { throw Failure("no compound file header") }
        let shift = Int(bytes.le16(0x1E))
        guard shift == 9 || shift == 12 else { throw Failure("sector size 2^\(shift) is neither 512 nor 4096") }
        sectorSize = 1 << shift
        // Some writers leave the last sector short, after its streams' ends (four of Apache
        // POI's test workbooks, which Excel and xlrd read): it is read as if filled with
        // zeros. A stream that reaches into them is still a truncated file.
        length = bytes.count
        var bytes = bytes
        if bytes.count % sectorSize != 0 { bytes += repeatElement(0, count: sectorSize - bytes.count % sectorSize) }
        self.bytes = bytes
        miniStreamCutoff = Int(bytes.le32(0x38))

        // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = (0..<109).map { bytes.le32(0x4C + 4 * $0) }
        var difat = bytes.le32(0x44)
        let perSector = sectorSize / 4
        for _ in 0..<min(Int(bytes.le32(0x48)), bytes.count / sectorSize) where difat < Self.endOfChain - 3 {
            let offset = try Self.offset(of: difat, sectorSize: sectorSize, in: bytes, length: length)
            fatSectors += (0..<perSector - 1).map { bytes.le32(offset + 4 * $0) }
            difat = bytes.le32(offset + 4 * (perSector - 1))
        }
        // No table is longer than the file has sectors to describe.
        let fatCount = min(Int(bytes.le32(0x2C)), fatSectors.count, bytes.count / sectorSize)
        var fat: [UInt32] = []
        fat.reserveCapacity(fatCount * perSector)
        for sector in fatSectors.prefix(fatCount) {
            let offset = try Self.offset(of: sector, sectorSize: sectorSize, in: bytes, length: length)
            fat += (0..<perSector).map { bytes.le32(offset + 4 * $0) }
        }
        self.fat = fat

        let directory = try Self.chain(from: bytes.le32(0x30), size: nil, fat: fat, sectorSize: sectorSize, in: bytes, length: length)
        guard directory.count >= 128, directory.le16(0x42) & 0xFF == 5 else { throw Failure("no root storage") }
        let root = Entry(start: directory.le32(0x74), size: Int(directory.le32(0x78)))
        entries = Self.children(of: 0, in: directory)
        miniFAT = try Self.chain(from: bytes.le32(0x3C), size: nil, fat: fat, sectorSize: sectorSize, in: bytes, length: length).le32s()
        miniStream = root.size == 0 ? [] : try Self.chain(from: root.start, size: root.size, fat: fat, sectorSize: sectorSize, in: bytes,
                                                          length: length)
    }

    /// Whether the root storage holds a stream or storage of that name.
    func contains(_ name: String) -> Bool { entries[name.uppercased()] != nil }

    /// The stream of that name in the root storage, or nil when there is none.
    func stream(_ name: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name.uppercased()] else { return nil }
        guard entry.size >= miniStreamCutoff else {
            return try Self.chain(from: entry.start, size: entry.size, fat: miniFAT, sectorSize: 64, in: miniStream,
                                  headerSectors: 0)
        }
        return try Self.chain(from: entry.start, size: entry.size, fat: fat, sectorSize: sectorSize, in: bytes, length: length)
    }

    /// Where `sector` starts in `bytes`, which hold a file of `length` bytes (all of them
    /// when nil) made up to a whole last sector.
    private static func offset(of sector: UInt32, sectorSize: Int, in bytes: [UInt8], length: Int? = nil,
                               headerSectors: Int = 1) throws(Failure) -> Int {
        let offset = (Int(sector) + headerSectors) * sectorSize
        guard sector < endOfChain - 3, offset + sectorSize <= bytes.count else {
            throw Failure("sector \(sector) lies beyond the file's \(length ?? bytes.count) bytes (truncated?)")
        }
        return offset
    }

    /// The bytes of the chain from `start`: `size` of them, or the whole chain when the size
    /// is not known. A chain that loops or ends early is a damaged file, and so is one whose
    /// `size` reaches past the file's `length`.
    private static func chain(from start: UInt32, size: Int?, fat: [UInt32], sectorSize: Int, in bytes: [UInt8],
                              length: Int? = nil, headerSectors: Int = 1) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(size ?? 0, bytes.count))
        var sector = start
        // No chain is longer than the sectors there are: a longer one loops.
        let limit = min(fat.count, bytes.count / sectorSize)
        var steps = 0
        while sector != endOfChain, size.map({ result.count < $0 }) ?? true {
            steps += 1
            guard steps <= limit else { throw Failure("a sector chain loops or runs past the allocation table") }
            let offset = try offset(of: sector, sectorSize: sectorSize, in: bytes, length: length, headerSectors: headerSectors)
            if let size, let length, offset + min(sectorSize, size - result.count) > length {
                throw Failure("a stream of \(size) bytes runs past the file's end at \(length) bytes (truncated?)")
            }
            result += bytes[offset..<offset + sectorSize]
            sector = Int(sector) < fat.count ? fat[Int(sector)] : endOfChain - 1
        }
        guard let size else { return result }
        guard result.count >= size else { throw Failure("a stream of \(size) bytes ends after \(result.count)") }
        return Array(result.prefix(size))
    }

    /// The entries under the storage at `index`: its child's red-black tree, walked by its
    /// left and right links, each entry visited once.
    private static func children(of index: Int, in directory: [UInt8]) -> [String: Entry] {
        let count = directory.count / 128
        var found: [String: Entry] = [:]
        var visited = Set<UInt32>()
        var pending = [directory.le32(index * 128 + 0x4C)]
        while let id = pending.popLast() {
            guard Int(id) < count, visited.insert(id).inserted else { continue }
            let base = Int(id) * 128
            let nameBytes = min(64, max(0, Int(directory.le16(base + 0x40)) - 2))
            let units = stride(from: 0, to: nameBytes, by: 2).map { directory.le16(base + $0) }
            found[String(decoding: units, as: UTF16.self).uppercased()] = Entry(start: directory.le32(base + 0x74),
                                                                   size: Int(directory.le32(base + 0x78)))
            pending += [directory.le32(base + 0x44), directory.le32(base + 0x48)]
        }
        return found
    }
}

extension [UInt8] {
    /// The little-endian integer at `offset`, or 0 past the end (a field a short
    /// structure lacks reads as absent).
    func le16(_ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= count else { return 0 }
        return UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func le32(_ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= count else { return 0 }
        return UInt32(le16(offset)) | UInt32(le16(offset + 2)) << 16
    }

    /// The bytes read as consecutive little-endian 32-bit integers.
    func le32s() -> [UInt32] { (0..<count / 4).map { le32(4 * $0) } }
}
