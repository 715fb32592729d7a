#include "CICU.h"
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <stdlib.h>
#include <string.h>

struct HelderBreakIterator {
    UBreakIterator *iterator;
    UText *text;
};

HelderBreakIterator *helder_break_open(HelderBreakKind kind, const char *locale,
                                       const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    UText *text = utext_openUTF8(NULL, (const char *)utf8, length, &status);
    if (U_FAILURE(status)) return NULL;
    UBreakIteratorType type = kind == HELDER_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) { utext_close(text); return NULL; }
    ubrk_setUText(iterator, text, &status);
    if (U_FAILURE(status)) { ubrk_close(iterator); utext_close(text); return NULL; }
    HelderBreakIterator *result = malloc(sizeof(HelderBreakIterator));
    if (!result) { ubrk_close(iterator); utext_close(text); return NULL; }
    result->iterator = iterator;
    result->text = text;
    return result;
}

int64_t helder_break_next(HelderBreakIterator *iterator) {
    // With a UTF-8 UText, ICU's boundaries are native indexes: UTF-8 byte offsets.
    int32_t next = ubrk_next(iterator->iterator);
    if (next == UBRK_DONE) return -1;
    return next;
}

int32_t helder_break_rule_status(HelderBreakIterator *iterator) {
    return ubrk_getRuleStatus(iterator->iterator);
}

void helder_break_close(HelderBreakIterator *iterator) {
    if (!iterator) return;
    ubrk_close(iterator->iterator);
    utext_close(iterator->text);
    free(iterator);
}

int32_t helder_detect_charset(const uint8_t *bytes, int32_t length, char *name, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, (const char *)bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match) {
        const char *found = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found && (int32_t)strlen(found) < capacity) {
            strcpy(name, found);
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

static int utf8_encode(UChar32 c, uint8_t *out) {
    if (c < 0x80) { out[0] = (uint8_t)c; return 1; }
    if (c < 0x800) { out[0] = 0xC0 | (c >> 6); out[1] = 0x80 | (c & 0x3F); return 2; }
    if (c < 0x10000) {
        out[0] = 0xE0 | (c >> 12); out[1] = 0x80 | ((c >> 6) & 0x3F); out[2] = 0x80 | (c & 0x3F);
        return 3;
    }
    out[0] = 0xF0 | (c >> 18); out[1] = 0x80 | ((c >> 12) & 0x3F);
    out[2] = 0x80 | ((c >> 6) & 0x3F); out[3] = 0x80 | (c & 0x3F);
    return 4;
}

int64_t helder_convert_to_utf8(const char *charset, const uint8_t *src, int64_t srcLength,
                               uint8_t *dst, int64_t dstCapacity,
                               int64_t *sourceOffsets, int64_t offsetCapacity, int64_t *codePoints) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    const char *start = (const char *)src;
    const char *cursor = start;
    const char *limit = start + srcLength;
    int64_t written = 0, count = 0;
    while (cursor < limit) {
        const char *before = cursor;
        status = U_ZERO_ERROR;
        UChar32 c = ucnv_getNextUChar(converter, &cursor, limit, &status);
        if (status == U_INDEX_OUTOFBOUNDS_ERROR) break;
        if (U_FAILURE(status) || c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            c = 0xFFFD;
            if (cursor <= before) cursor = before + 1;
            ucnv_reset(converter);
        }
        if (written + 4 > dstCapacity || count >= offsetCapacity) { ucnv_close(converter); return -2; }
        sourceOffsets[count++] = (int64_t)(before - start);
        written += utf8_encode(c, dst + written);
    }
    ucnv_close(converter);
    *codePoints = count;
    return written;
}

// Converts UTF-8 to a freshly allocated UTF-16 buffer.
static UChar *to_utf16(const uint8_t *utf8, int32_t length, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8WithSub(NULL, 0, &needed, (const char *)utf8, length, 0xFFFD, NULL, &status);
    status = U_ZERO_ERROR;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (!buffer) return NULL;
    u_strFromUTF8WithSub(buffer, needed + 1, outLength, (const char *)utf8, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { free(buffer); return NULL; }
    return buffer;
}

static int32_t to_utf8(const UChar *text, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = 0;
    u_strToUTF8WithSub((char *)out, capacity, &written, text, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || written > capacity) return -written;
    if (U_FAILURE(status)) return INT32_MIN;
    return written;
}

static UChar *normalize(const UNormalizer2 *normalizer, const UChar *text, int32_t length, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t capacity = length * 4 + 16;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (!buffer) return NULL;
    *outLength = unorm2_normalize(normalizer, text, length, buffer, capacity, &status);
    if (U_FAILURE(status)) { free(buffer); return NULL; }
    return buffer;
}

int32_t helder_fold(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return INT32_MIN;
    int32_t textLength = 0, decomposedLength = 0, recomposedLength = 0;
    UChar *text = to_utf16(utf8, length, &textLength);
    if (!text) return INT32_MIN;
    UChar *decomposed = normalize(nfd, text, textLength, &decomposedLength);
    free(text);
    if (!decomposed) return INT32_MIN;
    // Drop combining marks (accents), then case-fold what is left.
    int32_t kept = 0;
    for (int32_t i = 0; i < decomposedLength; i++) {
        UChar c = decomposed[i];
        if (c >= 0x0300 && c <= 0x036F) continue;
        decomposed[kept++] = c;
    }
    int32_t foldedCapacity = kept * 3 + 16;
    UChar *folded = malloc(sizeof(UChar) * (size_t)foldedCapacity);
    if (!folded) { free(decomposed); return INT32_MIN; }
    int32_t foldedLength = u_strFoldCase(folded, foldedCapacity, decomposed, kept, U_FOLD_CASE_DEFAULT, &status);
    free(decomposed);
    if (U_FAILURE(status)) { free(folded); return INT32_MIN; }
    UChar *recomposed = normalize(nfc, folded, foldedLength, &recomposedLength);
    free(folded);
    if (!recomposed) return INT32_MIN;
    int32_t result = to_utf8(recomposed, recomposedLength, out, capacity);
    free(recomposed);
    return result;
}

int32_t helder_nfc(const uint8_t *utf8, int32_t length, uint8_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return INT32_MIN;
    int32_t textLength = 0, normalizedLength = 0;
    UChar *text = to_utf16(utf8, length, &textLength);
    if (!text) return INT32_MIN;
    UChar *normalized = normalize(nfc, text, textLength, &normalizedLength);
    free(text);
    if (!normalized) return INT32_MIN;
    int32_t result = to_utf8(normalized, normalizedLength, out, capacity);
    free(normalized);
    return result;
}
