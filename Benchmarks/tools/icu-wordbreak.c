/* The yardstick of issue 6: ICU's Dutch word break iterator walking UTF-8 bytes and doing nothing
 * else (no output). Usage: icu-wordbreak FILE. Prints the number of boundaries and the seconds spent
 * iterating (file reading excluded) to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: icu-wordbreak FILE\n"); return 64; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc((size_t)size);
    if (fread(bytes, 1, (size_t)size, file) != (size_t)size) { perror("read"); return 1; }
    fclose(file);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    UErrorCode status = U_ZERO_ERROR;
    UText *text = utext_openUTF8(NULL, bytes, size, &status);
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "nl", NULL, 0, &status);
    ubrk_setUText(iterator, text, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "icu: %s\n", u_errorName(status)); return 1; }
    long boundaries = 0;
    while (ubrk_next(iterator) != UBRK_DONE) boundaries++;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    fprintf(stderr, "%ld boundaries in %.3f s\n", boundaries, seconds);
    ubrk_close(iterator);
    utext_close(text);
    free(bytes);
    return 0;
}
