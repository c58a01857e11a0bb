// A narrow C interface to the system ICU. No ICU type appears here: handles are opaque, text is
// UTF-8 bytes or UTF-16 code units, status codes are plain int32_t (ICU's UErrorCode values).
// ICU's headers are included only by shim.c, so Swift never sees them next to Foundation's copy.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for a status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *CICU_errorName(int32_t status);
/// Non-zero when `status` is a failure (warnings are not failures).
int CICU_isFailure(int32_t status);
/// The ICU version in use, e.g. "72.1".
void CICU_version(char *buffer, int32_t capacity);

// MARK: Break iteration over UTF-8

typedef struct CICU_BreakIterator CICU_BreakIterator;

enum { CICU_BREAK_CHARACTER = 0, CICU_BREAK_WORD = 1, CICU_BREAK_LINE = 2, CICU_BREAK_SENTENCE = 3 };

/// Opens a break iterator of `kind` for `locale` (e.g. "zh", "en@ss=standard").
CICU_BreakIterator *CICU_breakOpen(int32_t kind, const char *locale, int32_t *status);
/// Points the iterator at `length` bytes of UTF-8. The bytes must outlive the iteration.
void CICU_breakSetUTF8(CICU_BreakIterator *iterator, const char *text, int64_t length, int32_t *status);
/// First boundary (always 0), as a UTF-8 byte offset.
int64_t CICU_breakFirst(CICU_BreakIterator *iterator);
/// Next boundary as a UTF-8 byte offset, or -1 when done.
int64_t CICU_breakNext(CICU_BreakIterator *iterator);
/// The rule status of the boundary most recently returned (UWordBreak / ULineBreakTag values).
int32_t CICU_breakRuleStatus(CICU_BreakIterator *iterator);
void CICU_breakClose(CICU_BreakIterator *iterator);

/// Points the iterator at `length` UTF-16 units and writes every boundary after the start (UTF-16
/// offsets, the last one `length`) and its rule status into `offsets` and `ruleStatuses`, which
/// must have room for `length` entries (a text has at most one boundary per unit). Returns the
/// number written. One call per text: ICU's rules and dictionary run faster on UTF-16 than on a
/// UTF-8 UText, and no call crosses into Swift per boundary.
int32_t CICU_breakAllUTF16(CICU_BreakIterator *iterator, const uint16_t *text, int32_t length,
                           int32_t *offsets, int32_t *ruleStatuses, int32_t *status);

// MARK: Normalization (UTF-16)

enum { CICU_NFC = 0, CICU_NFD = 1, CICU_NFKC = 2, CICU_NFKD = 3 };

/// Normalizes `source` into `dest`; returns the needed length (may exceed capacity).
int32_t CICU_normalize(int32_t form, const uint16_t *source, int32_t length, uint16_t *dest,
                       int32_t capacity, int32_t *status);
/// 1 when `source` is already in `form`.
int CICU_isNormalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status);
/// Sets `table[c]` to 1 for each code point `c` below `count` that has the quick-check value Yes
/// for `form` and canonical combining class 0 (ICU's own fast path in `isNormalized`: such a
/// character is unchanged by `form` and nothing before it changes), to 0 otherwise.
void CICU_quickCheckYesTable(int32_t form, uint8_t *table, int32_t count);
/// The same table asked of ICU code point by code point (the fallback, and the tests' reference).
void CICU_quickCheckYesTableByCodePoint(int32_t form, uint8_t *table, int32_t count);

// MARK: Character properties

/// ICU's UScriptCode for a code point.
int32_t CICU_script(uint32_t codePoint);
/// The short name of a UScriptCode, e.g. "Hani".
const char *CICU_scriptShortName(int32_t script);
/// UEastAsianWidth for a code point (0 neutral, 1 ambiguous, 2 halfwidth, 3 fullwidth, 4 narrow, 5 wide).
int32_t CICU_eastAsianWidth(uint32_t codePoint);
/// ULineBreak class of a code point.
int32_t CICU_lineBreakClass(uint32_t codePoint);
/// The short name of a ULineBreak class, e.g. "ID", "CL".
const char *CICU_lineBreakShortName(int32_t lineBreak);
/// UCharCategory (general category) of a code point.
int32_t CICU_generalCategory(uint32_t codePoint);
/// Non-zero for white space (Unicode White_Space property).
int CICU_isWhiteSpace(uint32_t codePoint);
/// Non-zero for letters and other alphabetic characters (Unicode Alphabetic property).
int CICU_isAlphabetic(uint32_t codePoint);

// MARK: Charset detection and conversion

/// Detects the charset of `bytes`; writes its name into `name` and returns the confidence (0–100),
/// or -1 with `status` set.
int32_t CICU_detectCharset(const char *bytes, int32_t length, char *name, int32_t capacity,
                           int32_t *status);

/// Converts `length` bytes in `charset` to UTF-16. Stops at the first invalid or unmappable byte
/// sequence: then `*errorOffset` is its byte offset and `status` is the failure. Returns the
/// number of UTF-16 units written (or needed, when larger than `capacity`). When `offsets` is not
/// NULL (capacity entries), it receives the source byte offset of each UTF-16 unit.
int32_t CICU_toUTF16(const char *charset, const char *bytes, int32_t length, uint16_t *dest,
                     int32_t *offsets, int32_t capacity, int64_t *errorOffset, int32_t *status);

/// Converts UTF-16 to `charset`; returns the bytes written (or needed, beyond `capacity`).
/// Unmappable characters are a failure (`U_INVALID_CHAR_FOUND`).
int32_t CICU_fromUTF16(const char *charset, const uint16_t *source, int32_t length, char *dest,
                       int32_t capacity, int32_t *status);

// MARK: Regular expressions (used by SRX rules)

typedef struct CICU_Regex CICU_Regex;

/// Compiles an ICU regular expression from UTF-16. On a syntax error `*errorOffset` is the
/// offset of the error in the pattern.
CICU_Regex *CICU_regexOpen(const uint16_t *pattern, int32_t length, uint32_t flags,
                           int32_t *errorOffset, int32_t *status);
/// Sets the subject text (UTF-16; must outlive matching) and a time limit in ICU steps (0: none).
void CICU_regexSetText(CICU_Regex *regex, const uint16_t *text, int32_t length, int32_t timeLimit,
                       int32_t *status);
/// Sets the region the matcher looks at, with transparent and non-anchoring bounds so that
/// look-behind sees the text before the region.
void CICU_regexSetRegion(CICU_Regex *regex, int64_t start, int64_t limit, int32_t *status);
/// Attempts a match that must start exactly at the region start (lookingAt). 1 on match.
int CICU_regexLookingAt(CICU_Regex *regex, int32_t *status);
/// Finds the next match from `start` (or continues when start < 0). 1 on match.
int CICU_regexFind(CICU_Regex *regex, int64_t start, int32_t *status);
/// Start and end (UTF-16 offsets) of capture group `group` (0: the whole match) of the last
/// match; -1 when the group did not take part.
int64_t CICU_regexStart(CICU_Regex *regex, int32_t group, int32_t *status);
int64_t CICU_regexEnd(CICU_Regex *regex, int32_t group, int32_t *status);
/// A clone that shares the compiled pattern (cheap), for use on another thread.
CICU_Regex *CICU_regexClone(CICU_Regex *regex, int32_t *status);
void CICU_regexClose(CICU_Regex *regex);

#ifdef __cplusplus
}
#endif

#endif
