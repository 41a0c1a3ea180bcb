import CMiniZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files compressed whole with gzip: a report stored so (report.txt.gz, as scrapers keep the
/// pages they fetch) and the stream of a .tar.gz. zlib checks each member's CRC-32 and length
/// at its end; libarchive, which reads a .tar.gz, checks neither.
enum GzipFile {
    /// gzip's magic and its one method, deflate.
    static let magic: [UInt8] = [0x1F, 0x8B, 0x08]

    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// `malformedArchive`, or `tooLarge` past the limit asked for.
        var code = FinParseError.Code.malformedArchive
    }

    /// The data of `bytes`, every member's one after another as `gzip -d` writes them,
    /// failing past `limit` bytes.
    static func inflate(_ bytes: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var data: [UInt8] = []
        let inflater = try Inflater()
        try withBytes(of: bytes) { input throws(Failure) in
            try inflater.feed(input) { piece throws(Failure) in
                guard data.count + piece.count <= limit else { throw Failure(description: "it inflates to more than \(limit) bytes", code: .tooLarge) }
                data.append(contentsOf: piece)
                return true
            }
        }
        try inflater.finish()
        return data
    }

    /// The first `count` bytes of the data, or fewer where it ends or is damaged before: enough
    /// to tell a tar from a report.
    static func prefix(_ count: Int, ofDataIn bytes: [UInt8]) -> [UInt8] {
        var data: [UInt8] = []
        guard let inflater = try? Inflater() else { return [] }
        try? withBytes(of: bytes) { input throws(Failure) in
            try inflater.feed(input) { piece in
                data.append(contentsOf: piece.prefix(count - data.count))
                return data.count < count
            }
        }
        return data
    }

    /// Inflates the gzip data in `bytes` to its end, keeping nothing: whether it is whole.
    static func check(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        let inflater = try Inflater()
        try inflater.feed(bytes) { _ in true }
        try inflater.finish()
    }

    /// Inflates the gzip file at `path` to its end, a megabyte at a time, keeping nothing.
    static func check(fileAt path: String) throws(Failure) {
        let fd = PlatformPath.withSystemName(of: path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        let inflater = try Inflater()
        var failure: Failure?
        if let code = SystemFile.readChunks(of: fd, { chunk in
            do throws(Failure) {
                try inflater.feed(chunk) { _ in true }
                return true
            } catch {
                failure = error
                return false
            }
        }) {
            throw Failure(description: String(cString: strerror(code)))
        }
        if let failure { throw failure }
        try inflater.finish()
    }

    /// `body` over the bytes of `array`, its typed error carried out of `withUnsafeBytes`.
    private static func withBytes(of array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        try array.withUnsafeBytes { input in Result { () throws(Failure) in try body(input) } }.get()
    }

    /// zlib's inflate over a gzip file fed to it in pieces. Members follow each other (`cat
    /// a.gz b.gz`); zeros after the last are padding (tape blocks), anything else damage.
    private final class Inflater {
        /// Allocated, since zlib's state points back at its stream: it must not move.
        private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        private var betweenMembers = false
        private var inPadding = false

        init() throws(Failure) {
            stream.initialize(to: z_stream())
            // 16 + 15: a gzip wrapper around a window of up to 32 KB.
            // On failure deinit frees both (the object is whole), and inflateEnd refuses a
            // stream without state.
            guard inflateInit2_(stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw Failure(description: "zlib could not be started")
            }
        }

        deinit {
            inflateEnd(stream)
            stream.deallocate()
            output.deallocate()
        }

        /// Inflates `input`, handing `sink` the data as it comes; `sink` returns whether to go on.
        func feed(_ input: UnsafeRawBufferPointer,
                  into sink: (UnsafeRawBufferPointer) throws(Failure) -> Bool) throws(Failure) {
            guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
            var offset = 0
            while offset < input.count {
                if betweenMembers {
                    if input[offset] != GzipFile.magic[0] || inPadding {
                        guard input[offset] == 0 else { throw Failure(description: "bytes follow its gzip data") }
                        inPadding = true
                        offset += 1
                        continue
                    }
                    guard inflateReset(stream) == Z_OK else { throw Failure(description: "zlib could not be reset") }
                    betweenMembers = false
                }
                stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
                stream.pointee.avail_in = UInt32(clamping: input.count - offset)
                let fed = Int(stream.pointee.avail_in)
                var goOn = true
                repeat {
                    stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.pointee.avail_out = UInt32(output.count)
                    let status = CMiniZip.inflate(stream, Z_NO_FLUSH)
                    let produced = output.count - Int(stream.pointee.avail_out)
                    if produced > 0 { goOn = try sink(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
                    if status == Z_STREAM_END {
                        betweenMembers = true
                        break
                    }
                    // Z_BUF_ERROR: no progress, for want of input.
                    guard status == Z_OK || (status == Z_BUF_ERROR && stream.pointee.avail_in == 0) else {
                        throw Failure(description: stream.pointee.msg.map { String(cString: $0) } ?? "its data cannot be inflated (zlib \(status))")
                    }
                } while goOn && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
                guard goOn else { return }
                offset += fed - Int(stream.pointee.avail_in)
            }
        }

        /// Fails unless the data fed ends where a member does.
        func finish() throws(Failure) {
            guard betweenMembers else { throw Failure(description: "it ends before its gzip data does (truncated)") }
        }
    }
}
