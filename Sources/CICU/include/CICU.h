#ifndef HELDER_CICU_H
#define HELDER_CICU_H
// A small, version-free C API over ICU. ICU renames its entry points per release (ubrk_open_72); this
// header exposes stable names so Swift never includes an ICU header (which would clash with Foundation).
#include <stdint.h>

typedef struct HelderBreakIterator HelderBreakIterator;

typedef enum {
    HELDER_BREAK_WORD = 0,
    HELDER_BREAK_SENTENCE = 1,
} HelderBreakKind;

/// Opens an ICU break iterator over UTF-8 text (not copied: keep it alive). NULL on failure.
HelderBreakIterator *helder_break_open(HelderBreakKind kind, const char *locale,
                                       const uint8_t *utf8, int64_t length);
/// The next boundary as a UTF-8 byte offset, or -1 when there are no more.
int64_t helder_break_next(HelderBreakIterator *iterator);
/// ICU's rule status of the last boundary (word iterators: 0 none, 100 number, 200 letter, ...).
int32_t helder_break_rule_status(HelderBreakIterator *iterator);
void helder_break_close(HelderBreakIterator *iterator);

/// Detects the charset of `bytes`. Writes its ICU name (NUL-terminated) into `name` and returns the
/// confidence (0-100), or -1 when nothing could be detected.
int32_t helder_detect_charset(const uint8_t *bytes, int32_t length, char *name, int32_t capacity);

/// Converts `src` from `charset` to UTF-8 in `dst`. For every code point written, `sourceOffsets`
/// receives the byte offset in `src` where it starts. Malformed input becomes U+FFFD.
/// Returns the number of UTF-8 bytes written; -1 for an unknown charset; -2 when a buffer is too small.
/// `codePoints` receives the number of code points written.
int64_t helder_convert_to_utf8(const char *charset, const uint8_t *src, int64_t srcLength,
                               uint8_t *dst, int64_t dstCapacity,
                               int64_t *sourceOffsets, int64_t offsetCapacity, int64_t *codePoints);

/// Folds UTF-8 text for matching: canonical decomposition, combining marks removed, case folded,
/// recomposed (NFC). Returns the bytes written, or the negated size needed when `capacity` is too small,
/// or INT32_MIN on failure.
int32_t helder_fold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

/// NFC-normalizes UTF-8 text. Same return convention as helder_fold.
int32_t helder_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity);

#endif
