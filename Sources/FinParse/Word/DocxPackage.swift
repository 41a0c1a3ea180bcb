import FoundationEssentials
import ZIPFoundation

/// The parts of a .docx file (a zip package), inflated with limits.
struct DocxPackage {
    /// No part inflates beyond this, whatever its header claims.
    static let maxPartBytes = 1 << 30
    /// A part larger than `ratioFloorBytes` may not inflate to more than this
    /// many times its compressed size: beyond it lies a zip bomb, not a report.
    static let maxRatio = 200
    static let ratioFloorBytes = 16 << 20

    private let archive: Archive
    private let path: String

    init(bytes: [UInt8], path: String) throws(FinParseError) {
        self.path = path
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw FinParseError(.notDocx, path: path, message: "is not a readable zip package (truncated or damaged): \(error)")
        }
    }

    /// The inflated bytes of a part, or nil when the package has no such part.
    func part(_ name: String) throws(FinParseError) -> [UInt8]? {
        guard let entry = archive[name] else { return nil }
        let limit = Self.limit(compressedSize: entry.compressedSize)
        var bytes: [UInt8] = []
        // Room for the size the entry declares (bounded by the limit): growing by doubling
        // would hold up to three times a large part at once.
        bytes.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limit))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard bytes.count + chunk.count <= limit else { throw PartTooLarge() }
                bytes += chunk
            }
        } catch is PartTooLarge {
            throw FinParseError(.tooLarge, path: path,
                                message: "\(name) inflates beyond \(limit) bytes from \(entry.compressedSize): refused as a zip bomb")
        } catch {
            throw FinParseError(.malformedDocx, path: path, message: "\(name) cannot be inflated (truncated or damaged): \(error)")
        }
        return bytes
    }

    static func limit(compressedSize: UInt64) -> Int {
        let byRatio = Int(clamping: compressedSize) &* maxRatio
        return min(maxPartBytes, max(ratioFloorBytes, byRatio))
    }

    private struct PartTooLarge: Error {}
}
