/// What libarchive 3.6 does not tell of a RAR 5 archive: which of its files are encrypted. It
/// reads their ciphertext as damaged data ("Unsupported block header size"), and a report
/// sealed with a password would be called damaged. Found by walking the archive's headers,
/// laid out as RARLAB's technical note gives them (www.rarlab.com/technote.htm).
enum RAR5Headers {
    static let signature: [UInt8] = Array("Rar!\u{1A}\u{07}\u{01}\u{00}".utf8)

    /// The names, as written (UTF-8), of the files whose data is encrypted, from the headers
    /// that `read(offset, count)` gives (fewer bytes past the end); the walk stops at the
    /// end-of-archive header, or at the first header it cannot read.
    static func encryptedNames(reading read: (_ offset: Int, _ count: Int) -> [UInt8]) -> Set<[UInt8]> {
        var names = Set<[UInt8]>()
        var offset = signature.count
        // Each header is its CRC-32, its size (a variable-length integer), then the rest.
        while true {
            let lead = read(offset, 4 + 3)
            var sizeField = Fields(lead.dropFirst(4))
            guard let size = sizeField.number(), size > 0, size <= maximumHeaderSize else { break }
            let start = offset + 4 + sizeField.position
            var header = Fields(read(start, Int(size))[...])
            guard header.remaining == Int(size), let type = header.number(), let flags = header.number(),
                  let extraSize = flags & 1 != 0 ? header.number() : 0, let dataSize = flags & 2 != 0 ? header.number() : 0,
                  extraSize <= size, dataSize <= UInt64(Int.max - start - Int(size)) else { break }
            if type == endOfArchive { break }
            if type == fileHeader, let name = header.fileName(), header.extraRecords(last: Int(extraSize)).contains(encryptionRecord) {
                names.insert(name)
            }
            offset = start + Int(size) + Int(dataSize)
        }
        return names
    }

    /// Whether the archive's headers are encrypted (names and all): its first header is the
    /// archive encryption header, and every header after it, its end's too, is ciphertext.
    static func headersAreEncrypted(reading read: (_ offset: Int, _ count: Int) -> [UInt8]) -> Bool {
        // Its CRC-32, its size, then its type.
        var lead = Fields(read(signature.count, 4 + 3 + 10).dropFirst(4))
        guard lead.number() != nil else { return false }
        return lead.number() == archiveEncryption
    }

    private static let fileHeader: UInt64 = 2, archiveEncryption: UInt64 = 4, endOfArchive: UInt64 = 5, encryptionRecord: UInt64 = 1
    /// RAR 5 headers are at most 2 MB.
    private static let maximumHeaderSize: UInt64 = 2 << 20

    /// A header's fields, read in order.
    private struct Fields {
        private let bytes: ArraySlice<UInt8>
        private(set) var position = 0

        init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

        var remaining: Int { bytes.count - position }

        /// A variable-length integer: seven bits a byte, low first, the high bit set on all
        /// but the last.
        mutating func number() -> UInt64? {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 7) {
                guard position < bytes.count else { return nil }
                let byte = bytes[bytes.startIndex + position]
                position += 1
                value |= UInt64(byte & 0x7F) << UInt64(shift)
                if byte & 0x80 == 0 { return value }
            }
            return nil
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count <= remaining else { return false }
            position += count
            return true
        }

        /// A file header's name, past its flags, sizes, attributes, time, CRC-32 and packing.
        mutating func fileName() -> [UInt8]? {
            guard let fileFlags = number(), number() != nil, number() != nil,
                  skip(fileFlags & 2 != 0 ? 4 : 0), skip(fileFlags & 4 != 0 ? 4 : 0),
                  number() != nil, number() != nil, let length = number(), length <= UInt64(remaining) else { return nil }
            let start = bytes.startIndex + position
            return Array(bytes[start..<(start + Int(length))])
        }

        /// The types of the records in the header's last `count` bytes, its extra area: each
        /// record its size (of what follows it), its type, then its data.
        func extraRecords(last count: Int) -> [UInt64] {
            var records = Fields(bytes.suffix(count))
            var types: [UInt64] = []
            while records.remaining > 0, let size = records.number(), size <= UInt64(records.remaining) {
                let next = records.position + Int(size)
                guard let type = records.number() else { break }
                types.append(type)
                records.position = next
            }
            return types
        }
    }
}
