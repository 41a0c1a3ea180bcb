#include "finparse_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int32_t fp_detect_charset(const char *bytes, int32_t length,
                          char *name, int32_t nameCapacity, int32_t *confidence) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err)) return FP_ERR_ICU;
    int32_t status = FP_OK;
    ucsdet_setText(det, bytes, length, &err);
    const UCharsetMatch *match = U_SUCCESS(err) ? ucsdet_detect(det, &err) : NULL;
    if (U_FAILURE(err) || match == NULL) {
        status = FP_ERR_ICU;
    } else {
        const char *found = ucsdet_getName(match, &err);
        *confidence = ucsdet_getConfidence(match, &err);
        if (U_FAILURE(err) || found == NULL) status = FP_ERR_ICU;
        else if ((int32_t)strlen(found) + 1 > nameCapacity) status = FP_ERR_BUFFER;
        else strcpy(name, found);
    }
    ucsdet_close(det);
    return status;
}

int32_t fp_convert_to_utf8(const char *charset, const char *bytes, int32_t length,
                           char *dest, int32_t destCapacity, int32_t *destLength,
                           int32_t *errorOffset) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *from = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return FP_ERR_ICU;
    ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    UConverter *to = ucnv_open("UTF-8", &err);
    if (U_FAILURE(err)) { ucnv_close(from); return FP_ERR_ICU; }

    // One pass through a pivot buffer, so that a stop on invalid input can be
    // reported with its source offset. The caller sizes dest for the worst case.
    const char *source = bytes;
    char *target = dest;
    UChar pivot[1024];
    UChar *pivotSource = pivot, *pivotTarget = pivot;
    int32_t status = FP_OK;
    ucnv_convertEx(to, from, &target, dest + destCapacity, &source, bytes + length,
                   pivot, &pivotSource, &pivotTarget, pivot + 1024, 1, 1, &err);
    int32_t total = (int32_t)(target - dest);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
        status = FP_ERR_BUFFER;
    } else if (U_FAILURE(err)) {
        status = FP_ERR_INVALID_INPUT;
        *errorOffset = (int32_t)(source - bytes);
    }
    *destLength = total;
    ucnv_close(from);
    ucnv_close(to);
    return status;
}

static int fp_keeps_as_written(UChar32 c) {
    // Enclosed alphanumerics (①, ⑴, ⒈) and enclosed CJK (㈠) are list markers;
    // the full-width comma and semicolon separate clauses and must not become
    // a thousands separator between two figures.
    return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3200 && c <= 0x32FF) || c == 0xFF0C || c == 0xFF1B;
}

int32_t fp_fold(const uint16_t *src, int32_t length,
                uint16_t *dest, int32_t *offsets, int32_t destCapacity, int32_t *destLength) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err); // shared: never closed
    if (U_FAILURE(err)) return FP_ERR_ICU;
    int32_t out = 0;
    int32_t i = 0;
    while (i < length) {
        // A chunk runs from one normalization boundary to the next, so that
        // each folded chunk maps back to where it started.
        int32_t start = i;
        UChar32 c;
        U16_NEXT(src, i, length, c);
        while (i < length) {
            UChar32 next;
            int32_t j = i;
            U16_NEXT(src, j, length, next);
            if (unorm2_hasBoundaryBefore(nfkc, next)) break;
            i = j;
        }
        int32_t chunkLength = i - start;
        UChar32 first;
        int32_t k = start;
        U16_NEXT(src, k, length, first);
        if (u_charType(first) == U_FORMAT_CHAR && chunkLength == U16_LENGTH(first)) continue;
        if (first < 0x80 && chunkLength == 1) {
            if (out >= destCapacity) return FP_ERR_BUFFER;
            dest[out] = (uint16_t)first;
            offsets[out++] = start;
            continue;
        }
        if (fp_keeps_as_written(first)) {
            for (int32_t m = start; m < i; m++) {
                if (out >= destCapacity) return FP_ERR_BUFFER;
                dest[out] = src[m];
                offsets[out++] = start;
            }
            continue;
        }
        err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, (const UChar *)src + start, chunkLength,
                                     (UChar *)dest + out, destCapacity - out, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) return FP_ERR_BUFFER;
        if (U_FAILURE(err)) return FP_ERR_ICU;
        for (int32_t m = 0; m < n; m++) offsets[out + m] = start;
        out += n;
    }
    *destLength = out;
    return FP_OK;
}

struct fp_word_breaker { UBreakIterator *it; };

fp_word_breaker *fp_word_breaker_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err)) { *status = FP_ERR_ICU; return NULL; }
    fp_word_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *status = FP_ERR_ICU; return NULL; }
    b->it = it;
    *status = FP_OK;
    return b;
}

fp_word_breaker *fp_word_breaker_clone(const fp_word_breaker *breaker, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_clone(breaker->it, &err);
    if (U_FAILURE(err)) { *status = FP_ERR_ICU; return NULL; }
    fp_word_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); *status = FP_ERR_ICU; return NULL; }
    b->it = it;
    *status = FP_OK;
    return b;
}

void fp_word_breaker_close(fp_word_breaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->it);
    free(breaker);
}

int32_t fp_word_breaker_segment(fp_word_breaker *breaker,
                                const uint16_t *text, int32_t length,
                                int32_t *ends, int32_t *ruleStatus, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->it, (const UChar *)text, length, &err);
    if (U_FAILURE(err)) return -1;
    int32_t count = 0;
    ubrk_first(breaker->it);
    for (int32_t end = ubrk_next(breaker->it); end != UBRK_DONE; end = ubrk_next(breaker->it)) {
        if (count >= capacity) return -1;
        ends[count] = end;
        ruleStatus[count] = ubrk_getRuleStatus(breaker->it);
        count++;
    }
    // Detach the iterator from the caller's buffer, which may go away.
    ubrk_setText(breaker->it, NULL, 0, &err);
    return count;
}
