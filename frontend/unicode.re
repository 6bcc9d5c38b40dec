// frontend/unicode.re: classifies one UTF-8 encoded code point for the lexer
// (Go's letter = Unicode L or `_`, digit = Nd) using re2c's Unicode category
// tables, generated with --utf8.  Also the lexer's UTF-8 validator: a byte
// that starts no valid sequence is reported as Invalid with length 1.
#include "unicode.h"

/*!include:re2c "unicode_categories.re" */

namespace mp {

RuneClass classifyRune(const unsigned char *p, const unsigned char *end,
                       unsigned *len, uint32_t *rune) {
  if (p >= end) {
    *len = 0;
    return RuneClass::Invalid;
  }
  // Copy into a padded buffer so the generated matcher never reads past
  // `end` (a sequence is at most 4 bytes).
  unsigned char buf[8] = {0};
  unsigned n = static_cast<unsigned>(end - p) < 4 ? unsigned(end - p) : 4;
  for (unsigned i = 0; i < n; ++i)
    buf[i] = p[i];
  const unsigned char *YYCURSOR = buf, *YYMARKER = buf;
  RuneClass cls;
  /*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:flags:utf-8 = 1;

    (L | "_")  { cls = RuneClass::Letter; goto done; }
    Nd         { cls = RuneClass::Digit; goto done; }
    [^]        { cls = RuneClass::Other; goto done; }
    *          { *len = 1; return RuneClass::Invalid; }
  */
done:
  *len = static_cast<unsigned>(YYCURSOR - buf);
  if (*len > n) { // matched into the zero padding: truncated sequence
    *len = 1;
    return RuneClass::Invalid;
  }
  if (rune) {
    uint32_t c = buf[0];
    if (*len == 2)
      c = ((buf[0] & 0x1F) << 6) | (buf[1] & 0x3F);
    else if (*len == 3)
      c = ((buf[0] & 0x0F) << 12) | ((buf[1] & 0x3F) << 6) | (buf[2] & 0x3F);
    else if (*len == 4)
      c = ((buf[0] & 0x07) << 18) | ((buf[1] & 0x3F) << 12) | ((buf[2] & 0x3F) << 6) |
          (buf[3] & 0x3F);
    *rune = c;
  }
  (void)YYMARKER;
  return cls;
}

} // namespace mp
