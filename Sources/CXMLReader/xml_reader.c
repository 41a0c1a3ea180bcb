#include "finparse_xml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

// A name the caller acts on, split as libxml2 keeps it on a node.
struct fp_xml_name {
    char *prefix;  // NULL when unprefixed
    char *local;
};

// Element names are interned in the document's dictionary, which lives as long as
// the reader: a name's pointer identifies it, so each distinct name is matched
// against the caller's names once, and after that found by its address.
enum { FP_XML_SLOTS = 512, FP_XML_CANDIDATES = 4 };
struct fp_xml_slot {
    const xmlChar *local;
    int32_t count;
    int32_t candidates[FP_XML_CANDIDATES];  // indices of the names with this local part
};

struct fp_xml_reader {
    xmlTextReaderPtr reader;
    struct fp_xml_name *names;
    int32_t name_count;
    char error[256];
    int32_t errorLine;
    struct fp_xml_slot slots[FP_XML_SLOTS];
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

static void fp_xml_free_names(struct fp_xml_name *names, int32_t count) {
    if (!names) return;
    for (int32_t i = 0; i < count; i++) free(names[i].prefix), free(names[i].local);
    free(names);
}

static struct fp_xml_name *fp_xml_copy_names(const char *const *names, int32_t count) {
    struct fp_xml_name *copy = calloc(count > 0 ? (size_t)count : 1, sizeof *copy);
    if (!copy) return NULL;
    for (int32_t i = 0; i < count; i++) {
        const char *colon = strchr(names[i], ':');
        copy[i].prefix = colon ? strndup(names[i], (size_t)(colon - names[i])) : NULL;
        copy[i].local = strdup(colon ? colon + 1 : names[i]);
        if (!copy[i].local || (colon && !copy[i].prefix)) {
            fp_xml_free_names(copy, i + 1);
            return NULL;
        }
    }
    return copy;
}

fp_xml_reader *fp_xml_reader_open(const char *bytes, int32_t length,
                                  const char *const *names, int32_t name_count) {
    fp_xml_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->names = fp_xml_copy_names(names, name_count);
    r->name_count = name_count;
    // XML_PARSE_NOENT (entity expansion) and XML_PARSE_HUGE (no limits) stay off.
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
    r->reader = r->names ? xmlReaderForMemory(bytes, length, NULL, NULL, options) : NULL;
    if (!r->reader) {
        fp_xml_free_names(r->names, name_count);
        free(r);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(r->reader, fp_xml_on_error, r);
    return r;
}

void fp_xml_reader_close(fp_xml_reader *reader) {
    if (!reader) return;
    xmlFreeTextReader(reader->reader);
    fp_xml_free_names(reader->names, reader->name_count);
    free(reader);
}

// Fills `slot` with the caller's names whose local part is `local`.
static void fp_xml_match(const fp_xml_reader *r, const xmlChar *local, struct fp_xml_slot *slot) {
    slot->local = local;
    slot->count = 0;
    for (int32_t i = 0; i < r->name_count && slot->count < FP_XML_CANDIDATES; i++) {
        if (strcmp(r->names[i].local, (const char *)local) == 0) slot->candidates[slot->count++] = i;
    }
}

static int32_t fp_xml_name_index(fp_xml_reader *r, xmlNodePtr node) {
    const xmlChar *local = node->name;
    if (!local) return -1;
    struct fp_xml_slot found = {0}, *slot = NULL;
    uintptr_t hash = ((uintptr_t)local >> 3) * 0x9E3779B97F4A7C15u;
    for (size_t probe = 0; probe < FP_XML_SLOTS; probe++) {
        struct fp_xml_slot *candidate = &r->slots[(hash + probe) % FP_XML_SLOTS];
        if (candidate->local == local) { slot = candidate; break; }
        if (candidate->local != NULL) continue;
        // Only a name the dictionary owns keeps its address for the reader's life.
        if (node->doc && node->doc->dict && xmlDictOwns(node->doc->dict, local) == 1) slot = candidate;
        break;
    }
    if (!slot) slot = &found;
    if (slot->local != local) fp_xml_match(r, local, slot);
    const char *prefix = node->ns && node->ns->prefix ? (const char *)node->ns->prefix : NULL;
    for (int32_t i = 0; i < slot->count; i++) {
        const char *wanted = r->names[slot->candidates[i]].prefix;
        if (prefix == NULL ? wanted == NULL : (wanted != NULL && strcmp(prefix, wanted) == 0)) return slot->candidates[i];
    }
    return -1;
}

int32_t fp_xml_reader_next(fp_xml_reader *reader, int32_t *name, int32_t *is_empty) {
    *name = -1;
    *is_empty = 0;
    while (1) {
        int status = xmlTextReaderRead(reader->reader);
        if (status <= 0) return status < 0 ? -1 : 0;
        switch (xmlTextReaderNodeType(reader->reader)) {
        case XML_READER_TYPE_ELEMENT:
            *is_empty = xmlTextReaderIsEmptyElement(reader->reader) == 1;
            *name = fp_xml_name_index(reader, xmlTextReaderCurrentNode(reader->reader));
            return FP_XML_ELEMENT;
        case XML_READER_TYPE_END_ELEMENT:
            *name = fp_xml_name_index(reader, xmlTextReaderCurrentNode(reader->reader));
            return FP_XML_END_ELEMENT;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            return FP_XML_TEXT;
        default:
            continue;
        }
    }
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
