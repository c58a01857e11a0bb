// The only file that includes ICU's headers. Every function is a thin pass-through that keeps
// ICU types out of the public header (see include/CICU.h).
#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

const char *CICU_errorName(int32_t status) { return u_errorName((UErrorCode)status); }

int CICU_isFailure(int32_t status) { return U_FAILURE((UErrorCode)status) ? 1 : 0; }

void CICU_version(char *buffer, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  strncpy(buffer, text, (size_t)capacity);
  if (capacity > 0) buffer[capacity - 1] = 0;
}

// MARK: Break iteration

struct CICU_BreakIterator {
  UBreakIterator *breaker;
  UText *text;
};

CICU_BreakIterator *CICU_breakOpen(int32_t kind, const char *locale, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBreakIterator *breaker = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &code);
  *status = code;
  if (U_FAILURE(code)) return NULL;
  CICU_BreakIterator *iterator = calloc(1, sizeof(CICU_BreakIterator));
  if (iterator == NULL) {
    ubrk_close(breaker);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  iterator->breaker = breaker;
  return iterator;
}

void CICU_breakSetUTF8(CICU_BreakIterator *iterator, const char *text, int64_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  iterator->text = utext_openUTF8(iterator->text, text, length, &code);
  if (U_SUCCESS(code)) ubrk_setUText(iterator->breaker, iterator->text, &code);
  *status = code;
}

// With a UTF-8 UText, ubrk offsets are native indexes: UTF-8 byte offsets.
int64_t CICU_breakFirst(CICU_BreakIterator *iterator) { return ubrk_first(iterator->breaker); }

int64_t CICU_breakNext(CICU_BreakIterator *iterator) {
  int32_t next = ubrk_next(iterator->breaker);
  return next == UBRK_DONE ? -1 : next;
}

int32_t CICU_breakRuleStatus(CICU_BreakIterator *iterator) { return ubrk_getRuleStatus(iterator->breaker); }

int32_t CICU_breakAllUTF16(CICU_BreakIterator *iterator, const uint16_t *text, int32_t length,
                           int32_t *offsets, int32_t *ruleStatuses, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  ubrk_setText(iterator->breaker, (const UChar *)text, length, &code);
  *status = code;
  if (U_FAILURE(code)) return 0;
  int32_t count = 0;
  ubrk_first(iterator->breaker);
  for (int32_t next = ubrk_next(iterator->breaker); next != UBRK_DONE && count < length; next = ubrk_next(iterator->breaker)) {
    offsets[count] = next;
    ruleStatuses[count] = ubrk_getRuleStatus(iterator->breaker);
    count += 1;
  }
  return count;
}

void CICU_breakClose(CICU_BreakIterator *iterator) {
  if (iterator == NULL) return;
  ubrk_close(iterator->breaker);
  if (iterator->text != NULL) utext_close(iterator->text);
  free(iterator);
}

// MARK: Normalization

static const UNormalizer2 *normalizerFor(int32_t form, UErrorCode *code) {
  switch (form) {
  case CICU_NFD: return unorm2_getNFDInstance(code);
  case CICU_NFKC: return unorm2_getNFKCInstance(code);
  case CICU_NFKD: return unorm2_getNFKDInstance(code);
  default: return unorm2_getNFCInstance(code);
  }
}

int32_t CICU_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest,
                       int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = normalizerFor(form, &code);
  int32_t needed = 0;
  if (U_SUCCESS(code)) needed = unorm2_normalize(normalizer, source, length, dest, capacity, &code);
  *status = code;
  return needed;
}

int CICU_isNormalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = normalizerFor(form, &code);
  UBool result = 0;
  if (U_SUCCESS(code)) result = unorm2_isNormalized(normalizer, source, length, &code);
  *status = code;
  return result ? 1 : 0;
}

// Each form's quick-check property, and the set of the characters the table marks (quick-check
// Yes and combining class 0), by form code (CICU_NFC … CICU_NFKD; any other code is NFC).
static const struct {
  UProperty property;
  const UChar *stable;
} quickCheckForms[] = {
  {UCHAR_NFC_QUICK_CHECK, u"[[:NFC_Quick_Check=Yes:]&[:Canonical_Combining_Class=0:]]"},
  {UCHAR_NFD_QUICK_CHECK, u"[[:NFD_Quick_Check=Yes:]&[:Canonical_Combining_Class=0:]]"},
  {UCHAR_NFKC_QUICK_CHECK, u"[[:NFKC_Quick_Check=Yes:]&[:Canonical_Combining_Class=0:]]"},
  {UCHAR_NFKD_QUICK_CHECK, u"[[:NFKD_Quick_Check=Yes:]&[:Canonical_Combining_Class=0:]]"},
};

static int32_t quickCheckForm(int32_t form) { return form >= CICU_NFC && form <= CICU_NFKD ? form : CICU_NFC; }

void CICU_quickCheckYesTableByCodePoint(int32_t form, uint8_t *table, int32_t count) {
  UProperty property = quickCheckForms[quickCheckForm(form)].property;
  for (int32_t c = 0; c < count; c++) {
    table[c] = u_getIntPropertyValue(c, property) == UNORM_YES && u_getCombiningClass(c) == 0 ? 1 : 0;
  }
}

// The same table from a UnicodeSet of the two properties, filled range by range: ICU builds the
// set from the ranges where the properties change, where asking each of the 65,536 code points
// cost some 200 instructions apiece (14 M, a sixth of a small run's start-up).
void CICU_quickCheckYesTable(int32_t form, uint8_t *table, int32_t count) {
  UErrorCode status = U_ZERO_ERROR;
  USet *set = uset_openPattern(quickCheckForms[quickCheckForm(form)].stable, -1, &status);
  if (U_FAILURE(status)) {
    CICU_quickCheckYesTableByCodePoint(form, table, count);
    return;
  }
  memset(table, 0, (size_t)count);
  int32_t items = uset_getItemCount(set);
  for (int32_t item = 0; item < items && U_SUCCESS(status); item++) {
    UChar32 start, end;
    // (A set made of properties holds ranges only: no strings.)
    if (uset_getItem(set, item, &start, &end, NULL, 0, &status) != 0 || U_FAILURE(status)) continue;
    for (UChar32 c = start; c <= end && c < count; c++) table[c] = 1;
  }
  uset_close(set);
  if (U_FAILURE(status)) CICU_quickCheckYesTableByCodePoint(form, table, count);
}

// MARK: Properties

int32_t CICU_script(uint32_t codePoint) {
  UErrorCode code = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript((UChar32)codePoint, &code);
  return U_FAILURE(code) ? USCRIPT_INVALID_CODE : script;
}

const char *CICU_scriptShortName(int32_t script) {
  const char *name = uscript_getShortName((UScriptCode)script);
  return name == NULL ? "Zzzz" : name;
}

int32_t CICU_eastAsianWidth(uint32_t codePoint) {
  return u_getIntPropertyValue((UChar32)codePoint, UCHAR_EAST_ASIAN_WIDTH);
}

int32_t CICU_lineBreakClass(uint32_t codePoint) {
  return u_getIntPropertyValue((UChar32)codePoint, UCHAR_LINE_BREAK);
}

const char *CICU_lineBreakShortName(int32_t lineBreak) {
  const char *name = u_getPropertyValueName(UCHAR_LINE_BREAK, lineBreak, U_SHORT_PROPERTY_NAME);
  return name == NULL ? "XX" : name;
}

int32_t CICU_generalCategory(uint32_t codePoint) { return u_charType((UChar32)codePoint); }

int CICU_isWhiteSpace(uint32_t codePoint) { return u_isUWhiteSpace((UChar32)codePoint) ? 1 : 0; }
int CICU_isAlphabetic(uint32_t codePoint) { return u_isUAlphabetic((UChar32)codePoint) ? 1 : 0; }

// MARK: Charsets

int32_t CICU_detectCharset(const char *bytes, int32_t length, char *name, int32_t capacity,
                           int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&code);
  int32_t confidence = -1;
  if (U_SUCCESS(code)) ucsdet_setText(detector, bytes, length, &code);
  const UCharsetMatch *match = NULL;
  if (U_SUCCESS(code)) match = ucsdet_detect(detector, &code);
  if (U_SUCCESS(code) && match != NULL) {
    const char *found = ucsdet_getName(match, &code);
    if (U_SUCCESS(code) && found != NULL) {
      strncpy(name, found, (size_t)capacity);
      if (capacity > 0) name[capacity - 1] = 0;
      confidence = ucsdet_getConfidence(match, &code);
    }
  } else if (U_SUCCESS(code)) {
    code = U_INVALID_FORMAT_ERROR;
  }
  if (detector != NULL) ucsdet_close(detector);
  *status = code;
  return U_FAILURE(code) ? -1 : confidence;
}

int32_t CICU_toUTF16(const char *charset, const char *bytes, int32_t length, uint16_t *dest,
                     int32_t *offsets, int32_t capacity, int64_t *errorOffset, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  *errorOffset = -1;
  UConverter *converter = ucnv_open(charset, &code);
  if (U_FAILURE(code)) {
    *status = code;
    return 0;
  }
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
  const char *source = bytes;
  const char *sourceLimit = bytes + length;
  UChar *target = dest;
  UChar *targetLimit = dest + capacity;
  ucnv_toUnicode(converter, &target, targetLimit, &source, sourceLimit, offsets, 1, &code);
  int32_t written = (int32_t)(target - dest);
  if (code == U_BUFFER_OVERFLOW_ERROR) {
    // Report the size needed: count the rest with a pre-flight on the remaining input.
    UErrorCode count = U_ZERO_ERROR;
    ucnv_reset(converter);
    int32_t needed = ucnv_toUChars(converter, NULL, 0, bytes, length, &count);
    ucnv_close(converter);
    *status = U_BUFFER_OVERFLOW_ERROR;
    return needed;
  }
  if (U_FAILURE(code)) {
    char invalid[32];
    int8_t invalidLength = sizeof(invalid);
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid, &invalidLength, &ignored);
    if (U_FAILURE(ignored)) invalidLength = 0;
    *errorOffset = (int64_t)(source - bytes) - invalidLength;
  }
  ucnv_close(converter);
  *status = code;
  return written;
}

int32_t CICU_fromUTF16(const char *charset, const uint16_t *source, int32_t length, char *dest,
                       int32_t capacity, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &code);
  int32_t written = 0;
  if (U_SUCCESS(code)) {
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &code);
    written = ucnv_fromUChars(converter, dest, capacity, source, length, &code);
    ucnv_close(converter);
  }
  *status = code;
  return written;
}

// MARK: Regular expressions

struct CICU_Regex {
  URegularExpression *regex;
};

CICU_Regex *CICU_regexOpen(const uint16_t *pattern, int32_t length, uint32_t flags,
                           int32_t *errorOffset, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UParseError parseError;
  memset(&parseError, 0, sizeof(parseError));
  URegularExpression *regex = uregex_open(pattern, length, flags, &parseError, &code);
  *status = code;
  *errorOffset = parseError.offset;
  if (U_FAILURE(code)) return NULL;
  CICU_Regex *handle = calloc(1, sizeof(CICU_Regex));
  if (handle == NULL) {
    uregex_close(regex);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  handle->regex = regex;
  return handle;
}

void CICU_regexSetText(CICU_Regex *regex, const uint16_t *text, int32_t length, int32_t timeLimit,
                       int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  uregex_setText(regex->regex, text, length, &code);
  if (U_SUCCESS(code)) uregex_setTimeLimit(regex->regex, timeLimit, &code);
  if (U_SUCCESS(code)) uregex_useTransparentBounds(regex->regex, 1, &code);
  if (U_SUCCESS(code)) uregex_useAnchoringBounds(regex->regex, 0, &code);
  *status = code;
}

void CICU_regexSetRegion(CICU_Regex *regex, int64_t start, int64_t limit, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  uregex_setRegion64(regex->regex, start, limit, &code);
  *status = code;
}

int CICU_regexLookingAt(CICU_Regex *regex, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBool found = uregex_lookingAt64(regex->regex, -1, &code);
  *status = code;
  return found ? 1 : 0;
}

int CICU_regexFind(CICU_Regex *regex, int64_t start, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  UBool found = start < 0 ? uregex_findNext(regex->regex, &code) : uregex_find64(regex->regex, start, &code);
  *status = code;
  return found ? 1 : 0;
}

int64_t CICU_regexStart(CICU_Regex *regex, int32_t group, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int64_t start = uregex_start64(regex->regex, group, &code);
  *status = code;
  return start;
}

int64_t CICU_regexEnd(CICU_Regex *regex, int32_t group, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  int64_t end = uregex_end64(regex->regex, group, &code);
  *status = code;
  return end;
}

CICU_Regex *CICU_regexClone(CICU_Regex *regex, int32_t *status) {
  UErrorCode code = U_ZERO_ERROR;
  URegularExpression *clone = uregex_clone(regex->regex, &code);
  *status = code;
  if (U_FAILURE(code)) return NULL;
  CICU_Regex *handle = calloc(1, sizeof(CICU_Regex));
  if (handle == NULL) {
    uregex_close(clone);
    *status = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  handle->regex = clone;
  return handle;
}

void CICU_regexClose(CICU_Regex *regex) {
  if (regex == NULL) return;
  uregex_close(regex->regex);
  free(regex);
}
