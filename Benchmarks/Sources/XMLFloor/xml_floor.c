#include "xml_floor.h"
#include <libxml/xmlreader.h>

int64_t xml_floor_count_nodes(const char *bytes, int32_t length) {
    xmlTextReaderPtr reader = xmlReaderForMemory(bytes, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
    if (reader == NULL) return -1;
    int64_t nodes = 0;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) nodes++;
    xmlFreeTextReader(reader);
    return status == 0 ? nodes : -1;
}
