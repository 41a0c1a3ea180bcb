#include "finparse_xml.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

// A name the caller acts on, split as libxml2 keeps it on a node.
struct fp_xml_name {
    char *prefix;  // NULL when unprefixed
    char *local;
    const char *const *uris;  // the namespaces the prefix stands for in Office's files, or NULL
};

// The namespaces Office binds its prefixes to. A part may bind them to other prefixes (a
// document.xml written by Python's ElementTree: ns0:p) or to none (the default namespace):
// a name is matched by its namespace as well as by its prefix.
static const char *const fp_xml_word_uris[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.microsoft.com/office/word/2003/wordml", NULL};
static const char *const fp_xml_relationship_uris[] = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships", NULL};
static const char *const fp_xml_word_hint_uris[] = {"http://schemas.microsoft.com/office/word/2003/auxHint", NULL};
static const char *const fp_xml_annotation_uris[] = {"http://schemas.microsoft.com/aml/2001/core", NULL};
static const char *const fp_xml_compatibility_uris[] = {"http://schemas.openxmlformats.org/markup-compatibility/2006", NULL};

static const char *const *fp_xml_known_uris(const char *prefix) {
    if (!prefix) return NULL;
    if (strcmp(prefix, "w") == 0) return fp_xml_word_uris;
    if (strcmp(prefix, "r") == 0) return fp_xml_relationship_uris;
    if (strcmp(prefix, "wx") == 0) return fp_xml_word_hint_uris;
    if (strcmp(prefix, "aml") == 0) return fp_xml_annotation_uris;
    if (strcmp(prefix, "mc") == 0) return fp_xml_compatibility_uris;
    return NULL;
}

// Whether a node's prefix and namespace are those a name's prefix `wanted` stands for.
static int fp_xml_prefix_matches(const char *wanted, const char *const *uris, const xmlChar *prefix, const xmlChar *uri) {
    if (prefix && strcmp((const char *)prefix, wanted) == 0) return 1;
    for (; uris && uri && *uris; uris++) {
        if (strcmp((const char *)uri, *uris) == 0) return 1;
    }
    return 0;
}

// Element names are interned in the parser's dictionary, which lives as long as
// the stream: a name's pointer identifies it, so each distinct name is matched
// against the caller's names once, and after that found by its address.
enum { FP_XML_SLOTS = 512, FP_XML_CANDIDATES = 4 };
struct fp_xml_slot {
    const xmlChar *local;
    int32_t count;
    int32_t candidates[FP_XML_CANDIDATES];  // indices of the names with this local part
};

// A text node is gathered whole before it is handed over. libxml2's own limits on
// one (XML_MAX_TEXT_LENGTH) and on nesting (xmlParserMaxDepth) apply only where it
// builds a tree or parses pull-wise: the stream keeps them itself, the depth as
// libxml2 counts it (256 elements open, and one more inside them).
enum { FP_XML_MAX_TEXT = 10000000, FP_XML_MAX_DEPTH = 257 };

struct fp_xml_stream {
    xmlParserCtxtPtr ctxt;
    // HTML: libxml2's HTML parser, which recovers from what browsers accept and
    // reports elements SAX1-style, lower-cased, their attributes as name/value pairs.
    int html;
    const xmlChar **html_attributes;
    struct fp_xml_name *names;
    int32_t name_count;
    // Set for the length of one fp_xml_stream_parse call.
    fp_xml_handler handler;
    void *context;
    // The text node being gathered.
    char *text;
    size_t text_length, text_capacity;
    int32_t depth;  // elements open
    // The attributes of the element being started, as libxml2 gives them: five
    // pointers each (local name, prefix, URI, value, value end).
    const xmlChar **attributes;
    int attribute_count;
    char *scratch;  // an attribute value with its escaped '&' restored
    size_t scratch_capacity;
    int failed;
    char error[256];
    int32_t error_line, error_column;
    struct fp_xml_slot slots[FP_XML_SLOTS];
};

void fp_xml_initialize(void) { xmlInitParser(); }

// Keeps the first message for the caller's diagnostic, with where libxml2 stood (its
// column: a Word part is often one line of megabytes).
static void fp_xml_keep_error(struct fp_xml_stream *s, const char *message, int32_t line, int32_t column) {
    if (s->error[0] != '\0') return;
    strncpy(s->error, message, sizeof s->error - 1);
    size_t n = strlen(s->error);
    while (n > 0 && (s->error[n - 1] == '\n' || s->error[n - 1] == ' ')) s->error[--n] = '\0';
    s->error_line = line;
    s->error_column = column;
}

// Keeps `message` placed where the parser stands.
static void fp_xml_keep_error_here(struct fp_xml_stream *s, const char *message) {
    fp_xml_keep_error(s, message, xmlSAX2GetLineNumber(s->ctxt), xmlSAX2GetColumnNumber(s->ctxt));
}

// A structured handler keeps libxml2 from printing to stderr.
static void fp_xml_on_error(void *context, xmlErrorPtr error) {
    if (error != NULL && error->message != NULL) fp_xml_keep_error(context, error->message, error->line, error->int2);
}

// What libxml2 raises outside the parser's context, from its encoding converters and
// I/O layer (a part declared in an encoding its bytes are not in), goes to the thread's
// global handlers, which print to stderr. While a stream parses they are these: in XML
// the message is kept as the part's error, placed where the parser stood; web pages'
// errors are recovered from, as the HTML parser's own are.
static void fp_xml_on_global_error(void *context, xmlErrorPtr error) {
    struct fp_xml_stream *s = context;
    if (s->html || error == NULL || error->message == NULL) return;
    fp_xml_keep_error_here(s, error->message);
}

static void fp_xml_on_generic_error(void *context, const char *format, ...) {
    struct fp_xml_stream *s = context;
    if (s->html) return;
    char message[sizeof s->error];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, sizeof message, format, arguments);
    va_end(arguments);
    fp_xml_keep_error_here(s, message);
}

// Stops the parser for a failure of the stream's own.
static void fp_xml_fail(struct fp_xml_stream *s, const char *message) {
    s->failed = 1;
    fp_xml_keep_error_here(s, message);
    xmlStopParser(s->ctxt);
}

// Makes room for `needed` bytes; 0 when there is no memory for it.
static int fp_xml_grow(char **buffer, size_t *capacity, size_t needed) {
    if (needed <= *capacity) return 1;
    size_t grown = *capacity ? *capacity : 64;
    while (grown < needed) grown *= 2;
    char *bigger = realloc(*buffer, grown);
    if (!bigger) return 0;
    *buffer = bigger;
    *capacity = grown;
    return 1;
}

// Hands over the gathered text node.
static void fp_xml_flush_text(struct fp_xml_stream *s) {
    if (s->text_length == 0) return;
    s->handler(s->context, FP_XML_TEXT, -1);
    s->text_length = 0;
}

// Fills `slot` with the caller's names whose local part is `local`.
static void fp_xml_match(const struct fp_xml_stream *s, const xmlChar *local, struct fp_xml_slot *slot) {
    slot->local = local;
    slot->count = 0;
    for (int32_t i = 0; i < s->name_count && slot->count < FP_XML_CANDIDATES; i++) {
        if (strcmp(s->names[i].local, (const char *)local) == 0) slot->candidates[slot->count++] = i;
    }
}

static int32_t fp_xml_name_index(struct fp_xml_stream *s, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    if (!local) return -1;
    struct fp_xml_slot found = {0}, *slot = NULL;
    uintptr_t hash = ((uintptr_t)local >> 3) * 0x9E3779B97F4A7C15u;
    for (size_t probe = 0; probe < FP_XML_SLOTS; probe++) {
        struct fp_xml_slot *candidate = &s->slots[(hash + probe) % FP_XML_SLOTS];
        if (candidate->local == local) { slot = candidate; break; }
        if (candidate->local != NULL) continue;
        // Only a name the dictionary owns keeps its address for the stream's life.
        if (s->ctxt->dict && xmlDictOwns(s->ctxt->dict, local) == 1) slot = candidate;
        break;
    }
    if (!slot) slot = &found;
    if (slot->local != local) fp_xml_match(s, local, slot);
    for (int32_t i = 0; i < slot->count; i++) {
        const struct fp_xml_name *wanted = &s->names[slot->candidates[i]];
        // A name without a prefix is the element's in any prefix: SpreadsheetML is written
        // in the default namespace by Excel and as x:c by other writers.
        if (wanted->prefix == NULL || fp_xml_prefix_matches(wanted->prefix, wanted->uris, prefix, uri)) {
            return slot->candidates[i];
        }
    }
    return -1;
}

static void fp_xml_on_start(void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                            int namespace_count, const xmlChar **namespaces, int attribute_count,
                            int defaulted_count, const xmlChar **attributes) {
    (void)namespace_count, (void)namespaces, (void)defaulted_count;
    struct fp_xml_stream *s = context;
    if (s->failed) return;
    fp_xml_flush_text(s);
    if (++s->depth > FP_XML_MAX_DEPTH) {
        fp_xml_fail(s, "elements nested more than 257 deep");
        return;
    }
    int32_t index = fp_xml_name_index(s, local, prefix, uri);
    // An XML element outside the caller's names is not handed over (most of a Word body:
    // runs and their formatting); well-formed, what is handed over still nests.
    if (index < 0 && !s->html) return;
    s->attributes = attributes;
    s->attribute_count = attribute_count;
    s->handler(s->context, FP_XML_ELEMENT, index);
    s->attributes = NULL;
    s->attribute_count = 0;
}

static void fp_xml_on_end(void *context, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    struct fp_xml_stream *s = context;
    if (s->failed) return;
    fp_xml_flush_text(s);
    s->depth--;
    int32_t index = fp_xml_name_index(s, local, prefix, uri);
    if (index < 0 && !s->html) return;
    s->handler(s->context, FP_XML_END_ELEMENT, index);
}

static void fp_html_on_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    struct fp_xml_stream *s = context;
    s->html_attributes = attributes;
    fp_xml_on_start(context, name, NULL, NULL, 0, NULL, 0, 0, NULL);
    s->html_attributes = NULL;
}

static void fp_html_on_end(void *context, const xmlChar *name) {
    fp_xml_on_end(context, name, NULL, NULL);
}

static void fp_xml_on_characters(void *context, const xmlChar *characters, int length) {
    struct fp_xml_stream *s = context;
    if (s->failed || length <= 0) return;
    if (s->text_length + (size_t)length > FP_XML_MAX_TEXT) {
        fp_xml_fail(s, "a text node longer than 10000000 bytes");
        return;
    }
    if (!fp_xml_grow(&s->text, &s->text_capacity, s->text_length + (size_t)length)) {
        fp_xml_fail(s, "out of memory");
        return;
    }
    memcpy(s->text + s->text_length, characters, (size_t)length);
    s->text_length += (size_t)length;
}

// Office Open XML forbids DTDs, against entity expansion attacks, and tells readers to
// treat one as an error (ECMA-376 Part 2, M1.18): nothing in one is read.
static void fp_xml_on_doctype(void *context, const xmlChar *name, const xmlChar *external_id,
                              const xmlChar *system_id) {
    (void)name, (void)external_id, (void)system_id;
    fp_xml_fail(context, "a document type declaration (<!DOCTYPE>), which Office Open XML does not allow");
}

// A comment or processing instruction ends a text node, as in a tree.
static void fp_xml_on_comment(void *context, const xmlChar *value) {
    (void)value;
    struct fp_xml_stream *s = context;
    if (!s->failed) fp_xml_flush_text(s);
}

static void fp_xml_on_instruction(void *context, const xmlChar *target, const xmlChar *data) {
    (void)data;
    fp_xml_on_comment(context, target);
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
        copy[i].uris = fp_xml_known_uris(copy[i].prefix);
        if (!copy[i].local || (colon && !copy[i].prefix)) {
            fp_xml_free_names(copy, i + 1);
            return NULL;
        }
    }
    return copy;
}

static fp_xml_stream *fp_xml_open(const char *const *names, int32_t name_count, int html) {
    fp_xml_stream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->names = fp_xml_copy_names(names, name_count);
    s->name_count = name_count;
    s->html = html;
    // Only these callbacks: no tree, and no DTD, so no entity is ever declared.
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.characters = fp_xml_on_characters;
    sax.ignorableWhitespace = fp_xml_on_characters;
    sax.cdataBlock = fp_xml_on_characters;
    sax.comment = fp_xml_on_comment;
    sax.processingInstruction = fp_xml_on_instruction;
    if (html) {
        // HTML's errors are the web's everyday markup: recovered from, never reported.
        sax.startElement = fp_html_on_start;
        sax.endElement = fp_html_on_end;
        s->ctxt = s->names ? htmlCreatePushParserCtxt(&sax, s, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8) : NULL;
        if (s->ctxt) {
            // Implied <html> and <body> kept: without a root the parser stops after the
            // first element of a page fragment. The text comes decoded: a <meta> charset
            // must not decode it again.
            htmlCtxtUseOptions(s->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                            HTML_PARSE_IGNORE_ENC);
        }
    } else {
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = fp_xml_on_start;
        sax.endElementNs = fp_xml_on_end;
        sax.internalSubset = fp_xml_on_doctype;
        sax.serror = fp_xml_on_error;
        s->ctxt = s->names ? xmlCreatePushParserCtxt(&sax, s, NULL, 0, NULL) : NULL;
        // XML_PARSE_NOENT (entity expansion) and XML_PARSE_HUGE (no limits) stay off.
        if (s->ctxt) xmlCtxtUseOptions(s->ctxt, XML_PARSE_NONET);
    }
    if (!s->ctxt) {
        fp_xml_free_names(s->names, name_count);
        free(s);
        return NULL;
    }
    return s;
}

fp_xml_stream *fp_xml_stream_open(const char *const *names, int32_t name_count) {
    return fp_xml_open(names, name_count, 0);
}

fp_xml_stream *fp_html_stream_open(const char *const *names, int32_t name_count) {
    return fp_xml_open(names, name_count, 1);
}

void fp_xml_stream_close(fp_xml_stream *stream) {
    if (!stream) return;
    xmlFreeParserCtxt(stream->ctxt);
    fp_xml_free_names(stream->names, stream->name_count);
    free(stream->text);
    free(stream->scratch);
    free(stream);
}

int32_t fp_xml_stream_parse(fp_xml_stream *stream, const char *bytes, int32_t length, int32_t last,
                            fp_xml_handler handler, void *context) {
    if (stream->failed || (!stream->html && !stream->ctxt->wellFormed)) return -1;
    stream->handler = handler;
    stream->context = context;
    xmlGenericErrorFunc generic = xmlGenericError;
    void *generic_context = xmlGenericErrorContext;
    xmlStructuredErrorFunc structured = xmlStructuredError;
    void *structured_context = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(stream, fp_xml_on_generic_error);
    xmlSetStructuredErrorFunc(stream, fp_xml_on_global_error);
    if (stream->html) {
        htmlParseChunk(stream->ctxt, bytes, length, last);
        // The text after the last element ends with the document.
        if (last && !stream->failed) fp_xml_flush_text(stream);
    } else {
        int status = xmlParseChunk(stream->ctxt, bytes, length, last);
        // A converter's failure halts the parser (no more SAX calls) but leaves it well-formed:
        // the rest of the part would be dropped without a word.
        if (!stream->ctxt->wellFormed || stream->ctxt->disableSAX) {
            stream->failed = 1;
            char message[64];
            snprintf(message, sizeof message, "libxml2 stopped reading (error %d)", status);
            fp_xml_keep_error_here(stream, message);
        }
    }
    xmlSetGenericErrorFunc(generic_context, generic);
    xmlSetStructuredErrorFunc(structured_context, structured);
    stream->handler = NULL;
    stream->context = NULL;
    return stream->failed ? -1 : 0;
}

const char *fp_xml_stream_text(fp_xml_stream *stream, int32_t *length) {
    *length = (int32_t)stream->text_length;
    return stream->text ? stream->text : "";
}

/// The value of one of libxml2's SAX2 attributes (local name, prefix, URI, value, end).
static const char *fp_xml_attribute_value(fp_xml_stream *stream, const xmlChar **attribute, int32_t *length) {
    const char *value = (const char *)attribute[3];
    size_t count = (size_t)(attribute[4] - attribute[3]);
    // Without entity expansion libxml2 hands an '&' in a value over as "&#38;",
    // for its tree builder to restore; there is no tree here.
    if (!memchr(value, '&', count)) {
        *length = (int32_t)count;
        return value;
    }
    if (!fp_xml_grow(&stream->scratch, &stream->scratch_capacity, count)) return NULL;
    size_t n = 0;
    for (size_t j = 0; j < count; n++) {
        if (count - j >= 5 && memcmp(value + j, "&#38;", 5) == 0) {
            stream->scratch[n] = '&';
            j += 5;
        } else {
            stream->scratch[n] = value[j++];
        }
    }
    *length = (int32_t)n;
    return stream->scratch;
}

const char *fp_xml_stream_attribute(fp_xml_stream *stream, const char *name, int32_t *length) {
    if (stream->html) {
        for (const xmlChar **pair = stream->html_attributes; pair && pair[0]; pair += 2) {
            if (strcmp((const char *)pair[0], name) != 0) continue;
            const char *value = pair[1] ? (const char *)pair[1] : "";
            *length = (int32_t)strlen(value);
            return value;
        }
        return NULL;
    }
    const char *colon = strchr(name, ':');
    const char *local = colon ? colon + 1 : name;
    char wanted[16] = "";
    if (colon) {
        if ((size_t)(colon - name) >= sizeof wanted) return NULL;
        memcpy(wanted, name, (size_t)(colon - name));
    }
    const char *const *uris = fp_xml_known_uris(colon ? wanted : NULL);
    for (int i = 0; i < stream->attribute_count; i++) {
        const xmlChar **attribute = stream->attributes + 5 * i;
        if (strcmp((const char *)attribute[0], local) != 0) continue;
        if (colon ? !fp_xml_prefix_matches(wanted, uris, attribute[1], attribute[2]) : attribute[1] != NULL) continue;
        return fp_xml_attribute_value(stream, attribute, length);
    }
    return NULL;
}

const char *fp_xml_stream_error(fp_xml_stream *stream, int32_t *line, int32_t *column) {
    *line = stream->error_line;
    *column = stream->error_column;
    return stream->error;
}
