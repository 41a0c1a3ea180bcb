#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes appended piece by piece and read back in order: held in memory up to a
/// limit, beyond it in a temporary file that no one else can see, so that a large report's
/// JSON waits on disk, not in memory, while the rest of the report is read.
///
/// Where no temporary file can be made or written (no room, no temporary directory), the
/// bytes stay in memory: the output is the same, only the memory is not bounded.
struct SpillBuffer {
    /// Bytes kept in memory before they go to the file.
    let memoryLimit: Int
    private var memory: [UInt8] = []
    private var file: AnonymousFile?
    private var fileBytes = 0
    private var fileFailed = false

    init(memoryLimit: Int) {
        self.memoryLimit = memoryLimit
    }

    var isEmpty: Bool { fileBytes == 0 && memory.isEmpty }

    mutating func append(_ bytes: some Collection<UInt8>) {
        memory.append(contentsOf: bytes)
        if memory.count >= memoryLimit { spill() }
    }

    private mutating func spill() {
        guard !fileFailed else { return }
        if file == nil {
            guard let made = AnonymousFile() else {
                fileFailed = true
                return
            }
            file = made
        }
        let written = memory.withUnsafeBytes { SystemFile.writeAll($0, to: file!.descriptor) }
        fileBytes += written
        if written == memory.count {
            memory.removeAll(keepingCapacity: true)
        } else {
            memory.removeFirst(written)
            fileFailed = true
        }
    }

    /// The bytes, for reading back.
    func finish() -> SpilledBytes {
        SpilledBytes(memory: memory, file: file, fileBytes: fileBytes)
    }
}

/// The bytes of a ``SpillBuffer``, read back as often as asked, from any thread.
final class SpilledBytes: Sendable {
    private let memory: [UInt8]
    private let file: AnonymousFile?
    /// How many of the bytes are in the file, the first of them.
    let fileBytes: Int

    fileprivate init(memory: [UInt8], file: AnonymousFile?, fileBytes: Int) {
        self.memory = memory
        self.file = file
        self.fileBytes = fileBytes
    }

    /// Bytes held in memory only.
    convenience init(_ bytes: [UInt8]) {
        self.init(memory: bytes, file: nil, fileBytes: 0)
    }

    var count: Int { fileBytes + memory.count }

    /// Hands the bytes to `write` in order, a chunk at a time.
    func write(to write: ([UInt8]) throws -> Void) throws {
        if let file {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            var offset = 0
            while offset < fileBytes {
                let count = chunk.withUnsafeMutableBytes { buffer in
                    pread(file.descriptor, buffer.baseAddress!, min(buffer.count, fileBytes - offset), off_t(offset))
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw SpillReadError(errno: errno) }
                try write(Array(chunk[..<count]))
                offset += count
            }
        }
        if !memory.isEmpty { try write(memory) }
    }
}

/// A temporary file that could not be read back.
struct SpillReadError: Error, CustomStringConvertible {
    var errno: Int32
    var description: String { "a temporary file of the output could not be read back (\(String(cString: strerror(errno))))" }
}
