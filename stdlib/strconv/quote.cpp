// stdlib/strconv/quote.cpp: Go's string and rune quoting (Quote,
// QuoteToASCII, QuoteRune, CanBackquote), byte for byte.  Printability
// comes from isprint_table.inc, generated from Go's own Unicode tables.
#include "mp/strconv.hpp"
#include "mp/utf8.hpp"

#include <algorithm>
#include <iterator>

namespace mp::strconv {
namespace {

struct RuneRange {
  int32_t lo, hi;
};
const RuneRange printRanges[] = {
#include "isprint_table.inc"
};

const char hexDigits[] = "0123456789abcdef";

void appendHex(std::string &out, uint32_t v, int digits) {
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out += hexDigits[(v >> shift) & 0xF];
}

void appendEscapedRune(std::string &out, int32_t r, char quote, bool asciiOnly) {
  if (r == quote || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (asciiOnly ? (r < 0x80 && isPrint(r)) : isPrint(r)) {
    utf8::append(out, r);
    return;
  }
  switch (r) {
  case '\a': out += "\\a"; return;
  case '\b': out += "\\b"; return;
  case '\f': out += "\\f"; return;
  case '\n': out += "\\n"; return;
  case '\r': out += "\\r"; return;
  case '\t': out += "\\t"; return;
  case '\v': out += "\\v"; return;
  }
  if (r < ' ' || r == 0x7f) {
    out += "\\x";
    appendHex(out, static_cast<uint32_t>(r), 2);
    return;
  }
  if (!utf8::validRune(r))
    r = utf8::RuneError;
  if (r < 0x10000) {
    out += "\\u";
    appendHex(out, static_cast<uint32_t>(r), 4);
  } else {
    out += "\\U";
    appendHex(out, static_cast<uint32_t>(r), 8);
  }
}

} // namespace

bool isPrint(int32_t r) {
  if (r <= 0xFF) {
    if (r >= 0x20 && r <= 0x7E)
      return true;
    return r >= 0xA1 && r <= 0xFF && r != 0xAD;
  }
  auto it = std::upper_bound(std::begin(printRanges), std::end(printRanges), r,
                             [](int32_t v, const RuneRange &rr) { return v < rr.lo; });
  return it != std::begin(printRanges) && r <= std::prev(it)->hi;
}

void appendQuoted(std::string &out, std::string_view s, char quote, bool asciiOnly) {
  out += quote;
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int64_t n = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < n;) {
    auto d = utf8::decode(p + i, n - i);
    if (d.width == 1 && d.rune == utf8::RuneError) {
      out += "\\x";
      appendHex(out, p[i], 2);
    } else {
      appendEscapedRune(out, d.rune, quote, asciiOnly);
    }
    i += d.width;
  }
  out += quote;
}

void appendQuotedRune(std::string &out, int32_t r, bool asciiOnly) {
  if (!utf8::validRune(r))
    r = utf8::RuneError;
  out += '\'';
  appendEscapedRune(out, r, '\'', asciiOnly);
  out += '\'';
}

bool canBackquote(std::string_view s) {
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int64_t n = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < n;) {
    auto d = utf8::decode(p + i, n - i);
    i += d.width;
    if (d.width > 1) {
      if (d.rune == 0xFEFF)
        return false;
      continue;
    }
    if (d.rune == utf8::RuneError)
      return false;
    if ((d.rune < ' ' && d.rune != '\t') || d.rune == '`' || d.rune == 0x7F)
      return false;
  }
  return true;
}

} // namespace mp::strconv
