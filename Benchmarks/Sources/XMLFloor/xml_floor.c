#include "xml_floor.h"
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

static int64_t count_nodes(const char *bytes, int length) {
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
    if (reader == NULL) return -1;
    int64_t nodes = 0;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) nodes++;
    xmlFreeTextReader(reader);
    return status == 0 ? nodes : -1;
}

// The .docx in memory behind minizip's file functions, as finparse reads it.
struct memory { const unsigned char *bytes; ZPOS64_T length, position; };

static voidpf memory_open(voidpf opaque, const void *name, int mode) { return opaque; }

static uLong memory_read(voidpf opaque, voidpf stream, void *buffer, uLong size) {
    struct memory *m = stream;
    uLong count = size < m->length - m->position ? size : (uLong)(m->length - m->position);
    memcpy(buffer, m->bytes + m->position, count);
    m->position += count;
    return count;
}

static ZPOS64_T memory_tell(voidpf opaque, voidpf stream) { return ((struct memory *)stream)->position; }

static long memory_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin) {
    struct memory *m = stream;
    ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->position : origin == ZLIB_FILEFUNC_SEEK_END ? m->length : 0;
    if (base + offset > m->length) return -1;
    m->position = base + offset;
    return 0;
}

static int memory_close(voidpf opaque, voidpf stream) { return 0; }
static int memory_error(voidpf opaque, voidpf stream) { return 0; }

int64_t xml_floor_count_docx_nodes(const void *docx, size_t length) {
    struct memory m = { docx, length, 0 };
    zlib_filefunc64_def functions = {
        memory_open, memory_read, NULL, memory_tell, memory_seek, memory_close, memory_error, &m,
    };
    unzFile archive = unzOpen2_64("", &functions);
    if (archive == NULL) return -1;
    int64_t nodes = -1;
    unz_file_info64 info;
    char *xml = NULL;
    if (unzLocateFile(archive, "word/document.xml", 1) == UNZ_OK
        && unzGetCurrentFileInfo64(archive, &info, NULL, 0, NULL, 0, NULL, 0) == UNZ_OK
        && (xml = malloc(info.uncompressed_size + 1)) != NULL && unzOpenCurrentFile(archive) == UNZ_OK) {
        ZPOS64_T filled = 0;
        int count;
        while ((count = unzReadCurrentFile(archive, xml + filled, (unsigned)(info.uncompressed_size + 1 - filled))) > 0) filled += count;
        // minizip checks the CRC-32 on closing a part read to its full size.
        if (unzCloseCurrentFile(archive) == UNZ_OK && count == 0 && filled == info.uncompressed_size)
            nodes = count_nodes(xml, (int)filled);
    }
    free(xml);
    unzClose(archive);
    return nodes;
}
