#ifndef XML_FLOOR_H
#define XML_FLOOR_H
#include <stddef.h>
#include <stdint.h>
/// Inflates the .docx's word/document.xml with minizip (its CRC-32 checked, as finparse's
/// reads are) and pulls every node through libxml2's xmlTextReader, and does nothing
/// else: the floor under the Word reader. Returns the node count, -1 on error.
int64_t xml_floor_count_docx_nodes(const void *docx, size_t length);
#endif
