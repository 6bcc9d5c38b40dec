// frontend/unicode.h: UTF-8 decoding and Go's letter/digit classes for the
// lexer (implemented in unicode.re with re2c's Unicode tables).
#pragma once

#include <cstdint>
#include <string>

namespace mp {

enum class RuneClass : uint8_t { Letter, Digit, Other, Invalid };

/// Classifies the code point starting at p (p < end); sets *len to its byte
/// length (1 for Invalid) and *rune to its value (if rune is non-null).
RuneClass classifyRune(const unsigned char *p, const unsigned char *end,
                       unsigned *len, uint32_t *rune = nullptr);

/// Appends the UTF-8 encoding of code point c to out.
void appendUtf8(std::string &out, uint32_t c);

/// Go's %#U: `U+0040 '@'` (the character only when printable).
std::string formatCodePoint(uint32_t c);
/// Go's %q of a character: 'a', '\n', '\x00'.
std::string quoteChar(uint32_t c);

} // namespace mp
