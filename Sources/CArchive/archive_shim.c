// libarchive reached through dlopen: see finparse_archive.h for why.
#include "finparse_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

#define FUNCTIONS(X) \
    X(archive_read_new) X(archive_read_support_format_rar) X(archive_read_support_format_rar5) \
    X(archive_read_support_format_7zip) X(archive_read_support_format_tar) X(archive_read_support_format_raw) \
    X(archive_read_support_filter_gzip) \
    X(archive_read_support_filter_bzip2) X(archive_read_support_filter_xz) X(archive_read_support_filter_zstd) \
    X(archive_read_open_filename) X(archive_read_open_memory) \
    X(archive_read_next_header) X(archive_read_data) X(archive_error_string) X(archive_errno) \
    X(archive_read_has_encrypted_entries) X(archive_read_free) X(archive_entry_filetype) \
    X(archive_entry_pathname) X(archive_entry_pathname_utf8) X(archive_entry_size_is_set) \
    X(archive_entry_size) X(archive_entry_is_encrypted)

#define DECLARE(name) static __typeof__(name) *p_##name;
FUNCTIONS(DECLARE)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;

static void load(void) {
    static const char *const names[] = {"libarchive.so.13", "libarchive.so", "libarchive.13.dylib", "libarchive.dylib"};
    // FINPARSE_LIBARCHIVE names the library to load instead (one installed elsewhere).
    const char *chosen = getenv("FINPARSE_LIBARCHIVE");
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        for (size_t i = 0; i < sizeof names / sizeof names[0] && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) return;
#define RESOLVE(name) if (!(p_##name = (__typeof__(name) *)dlsym(library, #name))) return;
    FUNCTIONS(RESOLVE)
    loaded = 1;
}

int fp_archive_available(void) {
    pthread_once(&once, load);
    return loaded;
}

void *fp_archive_reader_new(int whole) {
    if (!fp_archive_available()) return NULL;
    struct archive *reader = p_archive_read_new();
    if (!reader) return NULL;
    if (whole) {
        p_archive_read_support_format_raw(reader);
    } else {
        p_archive_read_support_format_rar(reader);
        p_archive_read_support_format_rar5(reader);
        p_archive_read_support_format_7zip(reader);
        p_archive_read_support_format_tar(reader);
    }
    // A filter libarchive was built without falls back to an external program, or fails
    // on its archives alone.
    p_archive_read_support_filter_gzip(reader);
    p_archive_read_support_filter_bzip2(reader);
    p_archive_read_support_filter_xz(reader);
    p_archive_read_support_filter_zstd(reader);
    return reader;
}

// Every reader and entry below came from a loaded libarchive.
int fp_archive_open_filename(void *reader, const char *path, size_t blockSize) {
    return p_archive_read_open_filename(reader, path, blockSize);
}
int fp_archive_open_memory(void *reader, const void *bytes, size_t count) {
    return p_archive_read_open_memory(reader, bytes, count);
}
int fp_archive_next_header(void *reader, void **entry) {
    return p_archive_read_next_header(reader, (struct archive_entry **)entry);
}
int64_t fp_archive_read_data(void *reader, void *buffer, size_t count) { return p_archive_read_data(reader, buffer, count); }
const char *fp_archive_error_string(void *reader) { return p_archive_error_string(reader); }
int fp_archive_errno(void *reader) { return p_archive_errno(reader); }
int fp_archive_has_encrypted_entries(void *reader) { return p_archive_read_has_encrypted_entries(reader); }
void fp_archive_reader_free(void *reader) { p_archive_read_free(reader); }

unsigned fp_archive_entry_filetype(void *entry) { return p_archive_entry_filetype(entry); }
const char *fp_archive_entry_pathname(void *entry) { return p_archive_entry_pathname(entry); }
const char *fp_archive_entry_pathname_utf8(void *entry) { return p_archive_entry_pathname_utf8(entry); }
int fp_archive_entry_size_is_set(void *entry) { return p_archive_entry_size_is_set(entry); }
int64_t fp_archive_entry_size(void *entry) { return p_archive_entry_size(entry); }
int fp_archive_entry_is_encrypted(void *entry) { return p_archive_entry_is_encrypted(entry); }
