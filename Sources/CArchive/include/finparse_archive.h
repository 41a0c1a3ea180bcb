// The project's whole view of libarchive, loaded when the first RAR or 7-Zip archive is
// opened (dlopen), not when finparse starts: its libraries cost every process some 0.7 MB
// of memory, and most batches hold no such archive. Plain C types only: the reader and an
// entry are opaque pointers.
#ifndef FINPARSE_ARCHIVE_H
#define FINPARSE_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// libarchive's status codes, as its calls return them.
enum {
    FP_ARCHIVE_OK = 0,
    FP_ARCHIVE_EOF = 1,
    FP_ARCHIVE_WARN = -20
};

/// Whether libarchive could be loaded (libarchive13, or libarchive.so, on the system; or the
/// file the environment variable FINPARSE_LIBARCHIVE names).
int fp_archive_available(void);

/// A reader of RAR (4 and 5), 7-Zip and tar archives (plain, or gzip, bzip2, xz or zstd
/// compressed), or with `whole` of a file compressed whole, its one entry the data; NULL
/// without libarchive.
void *fp_archive_reader_new(int whole);
int fp_archive_open_filename(void *reader, const char *path, size_t blockSize);
int fp_archive_open_memory(void *reader, const void *bytes, size_t count);
/// The next entry's header into *entry: FP_ARCHIVE_OK, FP_ARCHIVE_WARN (a name that could
/// not be converted), FP_ARCHIVE_EOF, or an error.
int fp_archive_next_header(void *reader, void **entry);
/// Up to `count` bytes of the current entry's data: their number, 0 at its end, or an error.
int64_t fp_archive_read_data(void *reader, void *buffer, size_t count);
const char *fp_archive_error_string(void *reader);
int fp_archive_errno(void *reader);
int fp_archive_has_encrypted_entries(void *reader);
void fp_archive_reader_free(void *reader);

/// An entry's file type (S_IFREG for a file), names, size and encryption.
unsigned fp_archive_entry_filetype(void *entry);
const char *fp_archive_entry_pathname(void *entry);
const char *fp_archive_entry_pathname_utf8(void *entry);
int fp_archive_entry_size_is_set(void *entry);
int64_t fp_archive_entry_size(void *entry);
int fp_archive_entry_is_encrypted(void *entry);

#ifdef __cplusplus
}
#endif

#endif
