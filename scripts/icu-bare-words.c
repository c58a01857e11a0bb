// Bare ICU word breaking over a file, as UTF-8 (mode 0) or UTF-16 (mode 1): the reference for
// the instruction counts in docs/speed.md (segflow-bench times the same UTF-8 loop).
//
//   cc -O2 scripts/icu-bare-words.c -o /tmp/icu-bare-words -licuuc -licudata
//   valgrind --tool=callgrind /tmp/icu-bare-words slice.txt 0
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: icu-bare-words FILE 0|1\n"); return 2; }
  FILE *file = fopen(argv[1], "rb");
  if (file == NULL) { perror(argv[1]); return 1; }
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char *bytes = malloc((size_t)length);
  if (bytes == NULL || fread(bytes, 1, (size_t)length, file) != (size_t)length) { fprintf(stderr, "cannot read\n"); return 1; }
  fclose(file);
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
  if (atoi(argv[2]) == 0) {
    UText *text = utext_openUTF8(NULL, bytes, length, &status);
    ubrk_setUText(words, text, &status);
  } else {
    int32_t units = 0;
    UChar *utf16 = malloc(((size_t)length + 1) * sizeof(UChar));
    u_strFromUTF8(utf16, (int32_t)length + 1, &units, bytes, (int32_t)length, &status);
    ubrk_setText(words, utf16, units, &status);
  }
  if (U_FAILURE(status)) { fprintf(stderr, "ICU: %s\n", u_errorName(status)); return 1; }
  long boundaries = 0;
  while (ubrk_next(words) != UBRK_DONE) boundaries += 1;
  printf("%ld boundaries\n", boundaries);
  return 0;
}
