// The project's whole view of ICU: plain C types only, so that no ICU header
// reaches a Swift module that also imports Foundation (which carries its own ICU).
#ifndef FINPARSE_ICU_H
#define FINPARSE_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Status codes returned by every function here: 0 is success.
enum {
    FP_OK = 0,
    FP_ERR_ICU = 1,          ///< ICU reported a failure (detail in *icuCode where given)
    FP_ERR_BUFFER = 2,       ///< the output buffer was too small
    FP_ERR_INVALID_INPUT = 3 ///< the bytes are not valid in the named charset
};

/// Guesses the charset of `bytes`. Writes a NUL-terminated ICU charset name
/// (e.g. "GB18030", "UTF-8") into `name` and the confidence (0-100).
int32_t fp_detect_charset(const char *bytes, int32_t length,
                          char *name, int32_t nameCapacity, int32_t *confidence);

/// Converts `bytes` in `charset` to UTF-8, stopping at the first invalid or
/// unmappable sequence (whose byte offset goes to *errorOffset).
/// dest must have room for the worst case (2 * length + 16 bytes suffices
/// for every charset ICU detects).
int32_t fp_convert_to_utf8(const char *charset, const char *bytes, int32_t length,
                           char *dest, int32_t destCapacity, int32_t *destLength,
                           int32_t *errorOffset);

/// Folds UTF-8 text for matching: NFKC (full-width digits and punctuation,
/// ideographic and no-break spaces become ASCII) except for enclosed numbers
/// such as ① and ⑴, whose meaning as list markers NFKC would lose, and the
/// full-width comma and semicolon, which separate clauses; format characters
/// (U+200B..U+200F, U+2060, U+FEFF ...) are dropped.
///
/// The folded text is written twice: in UTF-16 (`dest16`, as ICU's break
/// iterator takes it) and in UTF-8 (`dest8`). For each UTF-16 unit i of the
/// folded text, `utf8Offsets[i]` is its offset in `dest8` (and
/// `utf8Offsets[dest16Length]` the UTF-8 length), `sourceOffsets[i]` the UTF-8
/// offset in `src` where its source begins, and `sourceColumns[i]` the same
/// place counted in UTF-16 units. `dest16`, `sourceOffsets` and `sourceColumns`
/// need room for `capacity` entries, `utf8Offsets` for `capacity + 1`, `dest8`
/// for `3 * capacity` bytes; capacity = 2 * srcLength + 8 always suffices for
/// the folding done here except for rare long expansions (FP_ERR_BUFFER: retry larger).
/// With `dest16` NULL only `dest8` is written (the other three may be NULL too), and
/// `dest16Length` still counts the UTF-16 units.
int32_t fp_fold_utf8(const char *src, int32_t srcLength,
                     uint16_t *dest16, int32_t *utf8Offsets, int32_t *sourceOffsets, int32_t *sourceColumns,
                     char *dest8, int32_t capacity, int32_t *dest16Length, int32_t *dest8Length);

/// 1 when fp_fold_utf8 would give `src` back unchanged (every code point one
/// that folding keeps as it is), 0 when it would change it, FP_ERR_ICU without
/// ICU's data. Far cheaper than folding: most lines of a report need no folding.
int32_t fp_fold_is_identity(const char *src, int32_t srcLength);

/// Rewrites, in place, each ideograph of U+4E00..U+9FFF in the UTF-8 `text` that ICU's
/// Hant-Hans transliterator writes as one other ideograph of that block (總 -> 总, 萬 -> 万),
/// and the corner brackets 「」『』 as the quotation marks simplified text uses (“” ‘’):
/// traditional text read as simplified, one character for one, every byte in its place.
/// Returns how many changed, or -1 when ICU's transliterator is not available.
int32_t fp_simplify_utf8(char *text, int32_t length);

/// An opaque ICU word-break iterator (zh). Not shareable between threads:
/// clone one per thread.
typedef struct fp_word_breaker fp_word_breaker;

fp_word_breaker *fp_word_breaker_open(int32_t *status);
/// A copy of `breaker`, which must be one that has segmented nothing (see below).
fp_word_breaker *fp_word_breaker_clone(const fp_word_breaker *breaker, int32_t *status);
void fp_word_breaker_close(fp_word_breaker *breaker);

/// Segments `text` and writes the end offset (UTF-16 units) and ICU rule
/// status of each segment, in order. Returns the number of segments, or -1
/// on an ICU failure. The text need not outlive the call: the iterator keeps
/// pointing at it but reads it no more, as every call sets its own text first
/// and closing reads none. (Pointing it at an empty text after each call cost
/// a third of a percent of a report's parse.)
int32_t fp_word_breaker_segment(fp_word_breaker *breaker,
                                const uint16_t *text, int32_t length,
                                int32_t *ends, int32_t *ruleStatus, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
