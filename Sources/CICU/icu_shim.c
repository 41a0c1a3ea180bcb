#include "finparse_icu.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>

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

static const UNormalizer2 *fp_nfkc(void) {
    // Looking the instance up costs a string comparison and a dynamic cast:
    // keep it. It is a shared singleton, never closed; a race stores the same value.
    static const UNormalizer2 *instance = NULL;
    if (instance == NULL) {
        UErrorCode err = U_ZERO_ERROR;
        const UNormalizer2 *found = unorm2_getNFKCInstance(&err);
        if (U_FAILURE(err)) return NULL;
        instance = found;
    }
    return instance;
}

/// ASCII and the CJK Unified Ideographs: NFKC leaves them as they are, none starts a
/// composition with what precedes it, none is a format character. Nearly every code point
/// of a report is one, and answering without ICU's lookups is a quarter of folding's time.
static inline int fp_is_plain(UChar32 c) { return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF); }

/// Whether the well-formed UTF-8 at s[i] is a plain code point, told from its bytes without
/// decoding it: ASCII, or an ideograph U+4E00–U+9FFF (E4 B8 80 … E9 BF BF).
static inline int fp_starts_plain(const uint8_t *s, int32_t i, int32_t length) {
    uint8_t lead = s[i];
    return lead < 0x80
        || (i + 2 < length && (lead >= 0xE5 ? lead <= 0xE9 : lead == 0xE4 && s[i + 1] >= 0xB8)
            && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80);
}

/// What folding does with a BMP code point that is a chunk of its own, and whether a
/// normalization boundary comes before it: ICU's answers, kept. A report repeats a few dozen
/// punctuation marks and full-width forms (，、。（）： and U+3000), and asking ICU three or
/// four questions for each was most of folding's time. Entries are filled as first met; two
/// threads filling one store the same value.
static const uint32_t FP_KNOWN = 1u << 31;
static const uint32_t FP_BOUNDARY = 1u << 30;
static const uint32_t FP_KIND = 3u << 28;   // 0: none of these three, normalized with ICU each time
static const uint32_t FP_KEEP = 1u << 28;   // emitted as it is
static const uint32_t FP_DROP = 2u << 28;   // a format character, dropped
static const uint32_t FP_ONE = 3u << 28;    // folds to the BMP code point in the low 16 bits
static _Atomic uint32_t fp_single_folds[0x10000];

static uint32_t fp_single(const UNormalizer2 *nfkc, UChar32 c) {
    uint32_t entry = atomic_load_explicit(&fp_single_folds[c], memory_order_relaxed);
    if (entry != 0) return entry;
    entry = FP_KNOWN | (unorm2_hasBoundaryBefore(nfkc, c) ? FP_BOUNDARY : 0);
    if (u_charType(c) == U_FORMAT_CHAR) {
        entry |= FP_DROP;
    } else if (fp_keeps_as_written(c) || unorm2_isInert(nfkc, c)) {
        entry |= FP_KEEP;
    } else {
        UChar one = (UChar)c, folded[18];
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, &one, 1, folded, 18, &err);
        if (U_SUCCESS(err) && n == 1 && !U16_IS_SURROGATE(folded[0]) && u_charType(folded[0]) != U_FORMAT_CHAR)
            entry |= FP_ONE | folded[0];
    }
    atomic_store_explicit(&fp_single_folds[c], entry, memory_order_relaxed);
    return entry;
}

/// Whether a normalization boundary comes before the code point at s[i] (or s ends there),
/// so that the one before it is a chunk of its own.
static int fp_boundary_at(const UNormalizer2 *nfkc, const uint8_t *s, int32_t i, int32_t length) {
    if (i >= length || fp_starts_plain(s, i, length)) return 1;
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, length, c);
    return c <= 0xFFFF ? (fp_single(nfkc, c) & FP_BOUNDARY) != 0 : unorm2_hasBoundaryBefore(nfkc, c);
}

/// Appends one folded code point to both outputs with its source position.
static inline __attribute__((always_inline)) int fp_emit(UChar32 c, int32_t from8, int32_t from16,
                   uint16_t *dest16, int32_t *utf8Offsets, int32_t *sourceOffsets, int32_t *sourceColumns,
                   char *dest8, int32_t capacity, int32_t *out16, int32_t *out8, const int mapped) {
    int32_t n16 = U16_LENGTH(c);
    if (*out16 + n16 > capacity || *out8 + 4 > 3 * capacity) return 0;
    if (mapped) {
        for (int32_t k = 0; k < n16; k++) {
            utf8Offsets[*out16 + k] = *out8;
            sourceOffsets[*out16 + k] = from8;
            sourceColumns[*out16 + k] = from16;
        }
        int32_t i16 = *out16;
        U16_APPEND_UNSAFE(dest16, i16, c);
    }
    *out16 += n16;
    int32_t i8 = *out8;
    U8_APPEND_UNSAFE((uint8_t *)dest8, i8, c);
    *out8 = i8;
    return 1;
}

// The body of fp_fold_utf8, made twice: with its maps (`mapped`) and, for a line's folded
// text alone, without them, which writes a sixth of the bytes.
static inline __attribute__((always_inline)) int32_t fp_fold(const char *src, int32_t srcLength,
                     uint16_t *dest16, int32_t *utf8Offsets, int32_t *sourceOffsets, int32_t *sourceColumns,
                     char *dest8, int32_t capacity, int32_t *dest16Length, int32_t *dest8Length, const int mapped) {
    const UNormalizer2 *nfkc = fp_nfkc();
    if (nfkc == NULL) return FP_ERR_ICU;
    const uint8_t *s = (const uint8_t *)src;
    int32_t out16 = 0, out8 = 0;
    int32_t i = 0, column = 0;
    UChar32 c;
    if (srcLength > 0) U8_NEXT_OR_FFFD(s, i, srcLength, c);
    int32_t start8 = 0;
    while (start8 < srcLength) {
        // A run of plain code points, each before another (or the end): chunks of one, copied
        // as written. Nearly all of a report; ICU's UTF-8 macros cost 50 instructions a
        // character here, where the bytes are known well-formed.
        while (fp_is_plain(c) && (i >= srcLength || fp_starts_plain(s, i, srcLength))) {
            if (out16 + 1 > capacity || out8 + 4 > 3 * capacity) return FP_ERR_BUFFER;
            if (mapped) {
                utf8Offsets[out16] = out8;
                sourceOffsets[out16] = start8;
                sourceColumns[out16] = column;
                dest16[out16] = (uint16_t)c;
            }
            out16++;
            if (c < 0x80) {
                dest8[out8++] = (char)c;
            } else {
                dest8[out8] = (char)s[start8];
                dest8[out8 + 1] = (char)s[start8 + 1];
                dest8[out8 + 2] = (char)s[start8 + 2];
                out8 += 3;
            }
            column += 1;
            start8 = i;
            if (i >= srcLength) break;
            uint8_t lead = s[i];
            if (lead < 0x80) {
                c = lead;
                i += 1;
            } else {
                c = ((UChar32)(lead & 0x0F) << 12) | ((UChar32)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
                i += 3;
            }
        }
        if (start8 >= srcLength) break;
        uint32_t single = fp_is_plain(c) ? FP_KEEP : c <= 0xFFFF ? fp_single(nfkc, c) : 0;
        if ((single & FP_KIND) != 0 && fp_boundary_at(nfkc, s, i, srcLength)) {
            // A chunk of one code point (a mark, or a plain one before it), folded as ICU folds
            // it alone.
            if ((single & FP_KIND) != FP_DROP) {
                UChar32 folded = (single & FP_KIND) == FP_KEEP ? c : (UChar32)(single & 0xFFFF);
                if (!fp_emit(folded, start8, column, dest16, utf8Offsets, sourceOffsets, sourceColumns, dest8, capacity, &out16, &out8, mapped))
                    return FP_ERR_BUFFER;
            }
            column += 1;
            start8 = i;
            if (i < srcLength) U8_NEXT_OR_FFFD(s, i, srcLength, c);
            continue;
        }
        // A chunk runs from one normalization boundary to the next, so that each
        // folded chunk maps back to where it started. Most are one code point.
        UChar chunk[64];
        int32_t chunkLength = 0;
        int32_t start16 = column;
        UChar32 first = c;
        int32_t cps = 0;
        for (;;) {
            U16_APPEND_UNSAFE(chunk, chunkLength, c);
            column += U16_LENGTH(c);
            cps++;
            if (i >= srcLength) { c = U_SENTINEL; break; }
            U8_NEXT_OR_FFFD(s, i, srcLength, c);
            // A chunk longer than the buffer (dozens of combining marks) is cut there.
            if (fp_is_plain(c) || unorm2_hasBoundaryBefore(nfkc, c) || chunkLength + 2 > 64) break;
        }
        int32_t next8 = c == U_SENTINEL ? srcLength : i - U8_LENGTH(c);
        if (cps == 1 && !fp_is_plain(first) && u_charType(first) == U_FORMAT_CHAR) {
            // dropped
        } else if (cps == 1 && (fp_is_plain(first) || fp_keeps_as_written(first) || unorm2_isInert(nfkc, first))) {
            if (!fp_emit(first, start8, start16, dest16, utf8Offsets, sourceOffsets, sourceColumns, dest8, capacity, &out16, &out8, mapped))
                return FP_ERR_BUFFER;
        } else {
            UChar folded[64 * 18 + 8]; // NFKC expands one code unit to at most 18
            UErrorCode err = U_ZERO_ERROR;
            int32_t n = unorm2_normalize(nfkc, chunk, chunkLength, folded, 64 * 18 + 8, &err);
            if (err == U_BUFFER_OVERFLOW_ERROR) return FP_ERR_BUFFER;
            if (U_FAILURE(err)) return FP_ERR_ICU;
            for (int32_t k = 0; k < n;) {
                UChar32 f;
                U16_NEXT(folded, k, n, f);
                if (u_charType(f) == U_FORMAT_CHAR) continue;
                if (!fp_emit(f, start8, start16, dest16, utf8Offsets, sourceOffsets, sourceColumns, dest8, capacity, &out16, &out8, mapped))
                    return FP_ERR_BUFFER;
            }
        }
        start8 = next8;
    }
    if (mapped) utf8Offsets[out16] = out8;
    *dest16Length = out16;
    *dest8Length = out8;
    return FP_OK;
}

int32_t fp_fold_utf8(const char *src, int32_t srcLength,
                     uint16_t *dest16, int32_t *utf8Offsets, int32_t *sourceOffsets, int32_t *sourceColumns,
                     char *dest8, int32_t capacity, int32_t *dest16Length, int32_t *dest8Length) {
    return dest16 != NULL
        ? fp_fold(src, srcLength, dest16, utf8Offsets, sourceOffsets, sourceColumns, dest8, capacity, dest16Length, dest8Length, 1)
        : fp_fold(src, srcLength, NULL, NULL, NULL, NULL, dest8, capacity, dest16Length, dest8Length, 0);
}

int32_t fp_fold_is_identity(const char *src, int32_t srcLength) {
    const UNormalizer2 *nfkc = fp_nfkc();
    if (nfkc == NULL) return FP_ERR_ICU;
    const uint8_t *s = (const uint8_t *)src;
    for (int32_t i = 0; i < srcLength;) {
        // Most of a report is ASCII and ideographs, passed over on their bytes.
        if (fp_starts_plain(s, i, srcLength)) {
            i += s[i] < 0x80 ? 1 : 3;
            continue;
        }
        UChar32 c;
        U8_NEXT_OR_FFFD(s, i, srcLength, c);
        if (fp_is_plain(c)) continue;
        // As fp_fold_utf8 reads it: a code point that starts a chunk of its own (a
        // boundary before it) and is emitted as it is, not dropped as a format character.
        if (c <= 0xFFFF) {
            uint32_t single = fp_single(nfkc, c);
            if (!(single & FP_BOUNDARY) || (single & FP_KIND) != FP_KEEP) return 0;
            continue;
        }
        if (!unorm2_hasBoundaryBefore(nfkc, c) || u_charType(c) == U_FORMAT_CHAR) return 0;
        if (!fp_keeps_as_written(c) && !unorm2_isInert(nfkc, c)) return 0;
    }
    return 1;
}

/// The simplified form of each ideograph of U+4E00..U+9FFF (0: none other), from ICU's
/// Hant-Hans transliterator run once over the whole block: 20,992 characters in some 20 ms,
/// paid by the first traditional report only.
static const UChar32 FP_HAN_FIRST = 0x4E00, FP_HAN_LAST = 0x9FFF;
static uint16_t fp_simplified[0x9FFF - 0x4E00 + 1];
static int fp_simplified_ready;
static pthread_once_t fp_simplified_once = PTHREAD_ONCE_INIT;

static void fp_simplified_fill(void) {
    UErrorCode err = U_ZERO_ERROR;
    UChar id[] = u"Hant-Hans";
    UTransliterator *hans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    if (U_FAILURE(err)) return;
    enum { N = 0x9FFF - 0x4E00 + 1 };
    UChar *block = malloc(sizeof(UChar) * N);
    if (block) {
        for (int32_t k = 0; k < N; k++) block[k] = (UChar)(FP_HAN_FIRST + k);
        int32_t length = N, limit = N;
        utrans_transUChars(hans, block, &length, N, 0, &limit, &err);
        // One for one, or not at all: a change of length would leave no character its place.
        if (U_SUCCESS(err) && length == N) {
            for (int32_t k = 0; k < N; k++)
                if (block[k] != FP_HAN_FIRST + k && block[k] >= FP_HAN_FIRST && block[k] <= FP_HAN_LAST) fp_simplified[k] = block[k];
            fp_simplified_ready = 1;
        }
        free(block);
    }
    utrans_close(hans);
}

int32_t fp_simplify_utf8(char *text, int32_t length) {
    pthread_once(&fp_simplified_once, fp_simplified_fill);
    if (!fp_simplified_ready) return -1;
    uint8_t *s = (uint8_t *)text;
    int32_t changed = 0;
    for (int32_t i = 0; i + 2 < length; i++) {
        // 「」『』 (U+300C..U+300F) are simplified text's “” ‘’ (U+201C, U+201D, U+2018,
        // U+2019), three bytes each as well.
        if (s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] >= 0x8C && s[i + 2] <= 0x8F) {
            static const uint8_t quotes[] = { 0x9C, 0x9D, 0x98, 0x99 };
            s[i] = 0xE2;
            s[i + 2] = quotes[s[i + 2] - 0x8C];
            changed++;
            i += 2;
            continue;
        }
        // U+4E00..U+9FFF: lead bytes E4..E9, and so is every simplified form kept.
        if (s[i] < 0xE4 || s[i] > 0xE9 || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) continue;
        UChar32 c = ((UChar32)(s[i] & 0x0F) << 12) | ((UChar32)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        if (c >= FP_HAN_FIRST && c <= FP_HAN_LAST && fp_simplified[c - FP_HAN_FIRST] != 0) {
            UChar32 m = fp_simplified[c - FP_HAN_FIRST];
            s[i] = (uint8_t)(0xE0 | (m >> 12));
            s[i + 1] = (uint8_t)(0x80 | ((m >> 6) & 0x3F));
            s[i + 2] = (uint8_t)(0x80 | (m & 0x3F));
            changed++;
        }
        i += 2;
    }
    return changed;
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
    return count;
}
