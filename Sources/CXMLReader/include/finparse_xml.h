// A streaming XML reader over libxml2's xmlTextReader, with plain C types only
// (libxml2's headers pull in ICU's, which must not meet Foundation's in Swift).
#ifndef FINPARSE_XML_H
#define FINPARSE_XML_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct fp_xml_reader fp_xml_reader;

/// The node kinds fp_xml_reader_next reports (CDATA and significant white
/// space count as text), as libxml2's xmlReaderTypes.
enum {
    FP_XML_ELEMENT = 1,
    FP_XML_TEXT = 3,
    FP_XML_END_ELEMENT = 15
};

/// Call once, on the main thread, before any reader is opened.
void fp_xml_initialize(void);

/// Opens a reader over `length` bytes at `bytes`, which must outlive it.
/// No network, no entity expansion, no DTD loading; libxml2's size and
/// depth limits stay on. `names` are the qualified element names (e.g. "w:p")
/// the caller acts on, copied: an element is reported by its index among them
/// (at most four of them may share a local name, as "w:p" and "a:p" do).
fp_xml_reader *fp_xml_reader_open(const char *bytes, int32_t length,
                                  const char *const *names, int32_t name_count);
void fp_xml_reader_close(fp_xml_reader *reader);

/// Advances to the next element start, element end or text node: its kind
/// (FP_XML_ELEMENT, FP_XML_END_ELEMENT or FP_XML_TEXT) on success, 0 at the
/// end, -1 on an error (see fp_xml_reader_error). For an element, `*name`
/// is its index among the names given at open, or -1, and `*is_empty` tells
/// a self-closing one (<w:tab/>), which has no end.
int32_t fp_xml_reader_next(fp_xml_reader *reader, int32_t *name, int32_t *is_empty);
/// The text of a text node; owned by the reader, valid until the next read.
const char *fp_xml_reader_value(fp_xml_reader *reader);
/// An attribute by qualified name, or NULL; release with fp_xml_free.
char *fp_xml_reader_attribute(fp_xml_reader *reader, const char *name);
void fp_xml_free(char *string);

/// The first error the parser reported, NUL-terminated, and its line; "" if none.
const char *fp_xml_reader_error(fp_xml_reader *reader, int32_t *line);

#ifdef __cplusplus
}
#endif
#endif
