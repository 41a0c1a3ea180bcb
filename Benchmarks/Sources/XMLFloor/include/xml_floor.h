#ifndef XML_FLOOR_H
#define XML_FLOOR_H
#include <stdint.h>
/// Pulls every node of the XML with libxml2's xmlTextReader and does nothing
/// else: the floor under the Word reader. Returns the node count, -1 on error.
int64_t xml_floor_count_nodes(const char *bytes, int32_t length);
#endif
