/// The parts of a .docx file (a zip package), inflated with limits and read as XML.
struct DocxPackage {
    /// No part inflates beyond this, whatever its header claims.
    static let maxPartBytes = 1 << 30
    /// A part larger than `ratioFloorBytes` may not inflate to more than this
    /// many times its compressed size: beyond it lies a zip bomb, not a report.
    static let maxRatio = 200
    static let ratioFloorBytes = 16 << 20

    private let archive: ZipArchive
    private let path: String

    /// A package in memory, read where it is.
    init(bytes: consuming [UInt8], path: String) throws(FinParseError) {
        self.path = path
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    /// A package read from its file as its parts are inflated: never held whole.
    init(fileAt path: String) throws(FinParseError) {
        self.path = path
        do {
            archive = try ZipArchive(path: path)
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    private static func unreadable(_ path: String, _ error: ZipArchive.Failure) -> FinParseError {
        FinParseError(.notDocx, path: path, message: "is not a readable zip package (truncated or damaged): \(error)")
    }

    /// Streams a part through `reader` as it is inflated, and returns false when the
    /// package has no such part; the part is never held whole. XML errors name the part and line.
    func read<Reader: XMLNodeReader>(_ name: String, into reader: inout Reader) throws(FinParseError) -> Bool {
        guard let entry = archive[name] else { return false }
        guard let stream = XMLStream<Reader.Element>() else {
            throw FinParseError(.malformedDocx, path: path, message: "\(name): libxml2 cannot make a parser")
        }
        let limit = Self.limit(compressedSize: entry.compressedSize)
        // A part that says it is too large is refused before any of it is read; one that
        // says less than it holds is inflated only as far as it says, and fails its CRC-32.
        guard entry.uncompressedSize <= limit else {
            throw FinParseError(.tooLarge, path: path,
                                message: "\(name) declares \(entry.uncompressedSize) bytes from \(entry.compressedSize), beyond \(limit): refused as a zip bomb")
        }
        do {
            try archive.read(entry, chunkSize: 1 << 16) { bytes in
                try stream.parse(bytes, isLast: false, into: &reader)
            }
            try stream.parse(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true, into: &reader)
        } catch let error as ZipArchive.Failure where error.failsChecksum {
            throw FinParseError(.malformedDocx, path: path, message: "\(name) fails its CRC-32 check (damaged)")
        } catch let error as XMLStreamError {
            throw FinParseError(.malformedDocx, path: path, message: "\(name): \(error.message)",
                                location: error.location)
        } catch {
            throw FinParseError(.malformedDocx, path: path, message: "\(name) cannot be inflated (truncated or damaged): \(error)")
        }
        return true
    }

    static func limit(compressedSize: UInt64) -> Int {
        let byRatio = Int(clamping: compressedSize) &* maxRatio
        return min(maxPartBytes, max(ratioFloorBytes, byRatio))
    }
}
