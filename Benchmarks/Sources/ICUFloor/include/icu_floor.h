#ifndef ICU_FLOOR_H
#define ICU_FLOOR_H
#include <stdint.h>

/// Counts ICU word-break boundaries (UBRK_WORD, zh) over UTF-16 text: the
/// least any pipeline that segments all of that text must spend. -1 on failure.
int64_t icu_floor_count_word_boundaries(const uint16_t *text, int32_t length);

#endif
