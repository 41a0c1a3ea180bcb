import CLibZip
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip archive read through the system's libzip: the one place that sees its types.
/// libzip reads damaged archives from memory as safely as from a file, and checks each
/// entry's CRC-32 and size as it is read to its end.
final class ZipArchive {
    /// An entry's index and what its central directory says of it.
    struct Entry {
        let index: UInt64
        let compressedSize: UInt64
        let uncompressedSize: UInt64
    }

    /// What libzip said went wrong: its error code (`ZIP_ER_*`) and message.
    struct Failure: Error, CustomStringConvertible {
        let code: Int32
        let description: String

        /// The entry's data does not match its CRC-32.
        var failsChecksum: Bool { code == ZIP_ER_CRC }

        init(_ error: UnsafeMutablePointer<zip_error_t>) {
            code = zip_error_code_zip(error)
            description = String(cString: zip_error_strerror(error))
        }

        init(code: Int32) {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            self.init(&error)
        }
    }

    private let archive: OpaquePointer

    /// The archive in `bytes`, of which libzip keeps a copy.
    init(copying bytes: borrowing [UInt8]) throws(Failure) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        // libzip frees the copy with the archive (or here, when it cannot make a source of it).
        guard let copy = malloc(max(bytes.count, 1)) else { throw Failure(code: ZIP_ER_MEMORY) }
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(bytes.count), 1, &error) else {
            free(copy)
            throw Failure(&error)
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw Failure(&error)
        }
        self.archive = archive
    }

    /// The archive in the file at `path`, read as its entries are.
    init(path: String) throws(Failure) {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &code) else { throw Failure(code: code) }
        self.archive = archive
    }

    deinit { zip_discard(archive) }

    /// The entry named `name`, or nil when there is none.
    subscript(name: String) -> Entry? {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        guard zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0,
              stat.valid & zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE) == zip_uint64_t(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)
        else { return nil }
        return Entry(index: zip_uint64_t(index), compressedSize: stat.comp_size, uncompressedSize: stat.size)
    }

    /// Hands `body` the entry's data as it is inflated, `chunkSize` bytes at a time. The
    /// last read fails when the CRC-32 or the size is wrong.
    func read(_ entry: Entry, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let file = zip_fopen_index(archive, entry.index, 0) else { throw Failure(zip_get_error(archive)) }
        defer { zip_fclose(file) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = zip_fread(file, buffer.baseAddress!, zip_uint64_t(chunkSize))
            if count < 0 { throw Failure(zip_file_get_error(file)) }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[..<Int(count)]))
        }
    }
}
