#include "xml_floor.h"
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <zip.h>

static int64_t count_nodes(const char *bytes, int length) {
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
    if (reader == NULL) return -1;
    int64_t nodes = 0;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) nodes++;
    xmlFreeTextReader(reader);
    return status == 0 ? nodes : -1;
}

int64_t xml_floor_count_docx_nodes(const void *docx, size_t length) {
    zip_source_t *source = zip_source_buffer_create(docx, length, 0, NULL);
    if (source == NULL) return -1;
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, NULL);
    if (archive == NULL) {
        zip_source_free(source);
        return -1;
    }
    int64_t nodes = -1;
    zip_stat_t stat;
    zip_file_t *part = NULL;
    char *xml = NULL;
    if (zip_stat(archive, "word/document.xml", 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)
        && (xml = malloc(stat.size + 1)) != NULL && (part = zip_fopen(archive, "word/document.xml", 0)) != NULL) {
        zip_uint64_t filled = 0;
        zip_int64_t count;
        while ((count = zip_fread(part, xml + filled, stat.size + 1 - filled)) > 0) filled += count;
        if (count == 0 && filled == stat.size) nodes = count_nodes(xml, (int)filled);
    }
    if (part != NULL) zip_fclose(part);
    free(xml);
    zip_discard(archive);
    return nodes;
}
