// A streaming XML reader over libxml2's push (SAX) parser, with plain C types only
// (libxml2's headers pull in ICU's, which must not meet Foundation's in Swift).
// Bytes go in chunk by chunk, as they are inflated; each node goes to the caller's
// handler as soon as it is parsed. No tree is built and no whole part is held.
#ifndef FINPARSE_XML_H
#define FINPARSE_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_xml_stream fp_xml_stream;

/// The node kinds a handler is given, as libxml2's xmlReaderTypes. A text node
/// is whole (CDATA and character references joined in), white space only included,
/// as xmlTextReader gives it.
enum {
    FP_XML_ELEMENT = 1,
    FP_XML_TEXT = 3,
    FP_XML_END_ELEMENT = 15
};

/// Takes one node: its kind, and for an element its index among the names the
/// stream was opened with. An XML stream hands over no other element (their text
/// still comes, split where they stand); an HTML stream hands them over with -1.
/// A self-closing element has a start and an end.
typedef void (*fp_xml_handler)(void *context, int32_t kind, int32_t name);

/// Call once, on the main thread, before any stream is opened.
void fp_xml_initialize(void);

/// Opens a stream. No network, no entity expansion, no DTD loading; libxml2's
/// size and depth limits stay on. `names` are the qualified element names (e.g.
/// "w:p") the caller acts on, copied: an element is reported by its index among
/// them (at most four of them may share a local name, as "w:p" and "a:p" do). A name
/// without a prefix matches the element under any prefix; one with Office's prefix
/// (w, r, wx, aml, mc) also under any prefix bound to that prefix's namespace, or under
/// none where the namespace is the default one.
fp_xml_stream *fp_xml_stream_open(const char *const *names, int32_t name_count);
/// Opens a stream over HTML in UTF-8, through libxml2's HTML parser: markup errors are
/// recovered from as browsers do, never reported; element and attribute names come
/// lower-cased; entities (&nbsp;) are read as their characters. Names as for XML.
fp_xml_stream *fp_html_stream_open(const char *const *names, int32_t name_count);
void fp_xml_stream_close(fp_xml_stream *stream);

/// Parses the next `length` bytes of the document (`last` = 1 with the final
/// ones, which may be none), calling `handler` for each node completed. 0 on
/// success, -1 on an error (see fp_xml_stream_error), after which nothing more
/// is parsed.
int32_t fp_xml_stream_parse(fp_xml_stream *stream, const char *bytes, int32_t length, int32_t last,
                            fp_xml_handler handler, void *context);

/// While a handler takes a text node: its UTF-8 text, `*length` bytes, not NUL-terminated.
const char *fp_xml_stream_text(fp_xml_stream *stream, int32_t *length);
/// While a handler takes an element start: an attribute by qualified name
/// (w:val; HTML: lower-case, rowspan), `*length` bytes of UTF-8, or NULL when the
/// element has none. Office's prefixes (w, r, wx, aml, mc) also match any prefix bound
/// to their namespace, as element names do.
const char *fp_xml_stream_attribute(fp_xml_stream *stream, const char *name, int32_t *length);

/// The first error the parser reported, NUL-terminated, and its line and column
/// (0 where libxml2 gave none); "" if none.
const char *fp_xml_stream_error(fp_xml_stream *stream, int32_t *line, int32_t *column);

#ifdef __cplusplus
}
#endif
#endif
