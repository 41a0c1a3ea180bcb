#include "icu_floor.h"
#include <unicode/ubrk.h>

int64_t icu_floor_count_word_boundaries(const uint16_t *text, int32_t length) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, "zh", (const UChar *)text, length, &err);
    if (U_FAILURE(err)) return -1;
    int64_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) count++;
    ubrk_close(it);
    return count;
}
