// stdlib/include/mp/strconv.hpp: strconv's formatting core as C++, shared
// by package strconv's C ABI and by fmt (which formats through it exactly
// as Go's fmt formats through Go's strconv).  Not part of the C ABI.
#ifndef MP_STRCONV_HPP
#define MP_STRCONV_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace mp::strconv {

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols, U+0020.
bool isPrint(int32_t r);
// Go's Quote / QuoteToASCII with the given quote character ('"' or '\'').
void appendQuoted(std::string &out, std::string_view s, char quote, bool asciiOnly);
// Go's QuoteRune / QuoteRuneToASCII (invalid runes quote as U+FFFD).
void appendQuotedRune(std::string &out, int32_t r, bool asciiOnly);
bool canBackquote(std::string_view s);

// strconv.AppendFloat(out, v, fmt, prec, bitSize) for fmt in "eEfFgG"
// (prec -1: the shortest repr that round-trips at bitSize).
void appendFloat(std::string &out, double v, char fmt, int prec, int bitSize);
// strconv.AppendInt / AppendUint in base 2..36 (lower-case digits).
void appendInt(std::string &out, int64_t v, int base);
void appendUint(std::string &out, uint64_t v, int base);

} // namespace mp::strconv

#endif
