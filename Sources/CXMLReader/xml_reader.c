#include "finparse_xml.h"

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

struct fp_xml_reader {
    xmlTextReaderPtr reader;
    char error[256];
    int32_t errorLine;
};

void fp_xml_initialize(void) { xmlInitParser(); }

// A structured handler keeps libxml2 from printing to stderr and keeps the
// first message for the caller's diagnostic.
static void fp_xml_on_error(void *context, xmlErrorPtr error) {
    struct fp_xml_reader *r = context;
    if (r->error[0] != '\0' || error == NULL || error->message == NULL) return;
    strncpy(r->error, error->message, sizeof r->error - 1);
    size_t n = strlen(r->error);
    while (n > 0 && (r->error[n - 1] == '\n' || r->error[n - 1] == ' ')) r->error[--n] = '\0';
    r->errorLine = error->line;
}

fp_xml_reader *fp_xml_reader_open(const char *bytes, int32_t length) {
    fp_xml_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    // XML_PARSE_NOENT (entity expansion) and XML_PARSE_HUGE (no limits) stay off.
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    r->reader = xmlReaderForMemory(bytes, length, NULL, NULL, options);
    if (!r->reader) { free(r); return NULL; }
    xmlTextReaderSetStructuredErrorHandler(r->reader, fp_xml_on_error, r);
    return r;
}

void fp_xml_reader_close(fp_xml_reader *reader) {
    if (!reader) return;
    xmlFreeTextReader(reader->reader);
    free(reader);
}

int32_t fp_xml_reader_read(fp_xml_reader *reader) {
    int ret = xmlTextReaderRead(reader->reader);
    return ret < 0 ? -1 : ret;
}

int32_t fp_xml_reader_node_type(fp_xml_reader *reader) { return xmlTextReaderNodeType(reader->reader); }
int32_t fp_xml_reader_depth(fp_xml_reader *reader) { return xmlTextReaderDepth(reader->reader); }
int32_t fp_xml_reader_is_empty_element(fp_xml_reader *reader) { return xmlTextReaderIsEmptyElement(reader->reader); }

const char *fp_xml_reader_name(fp_xml_reader *reader) {
    const xmlChar *name = xmlTextReaderConstName(reader->reader);
    return name ? (const char *)name : "";
}

const char *fp_xml_reader_value(fp_xml_reader *reader) {
    const xmlChar *value = xmlTextReaderConstValue(reader->reader);
    return value ? (const char *)value : "";
}

char *fp_xml_reader_attribute(fp_xml_reader *reader, const char *name) {
    return (char *)xmlTextReaderGetAttribute(reader->reader, (const xmlChar *)name);
}

void fp_xml_free(char *string) { if (string) xmlFree(string); }

const char *fp_xml_reader_error(fp_xml_reader *reader, int32_t *line) {
    *line = reader->errorLine;
    return reader->error;
}
