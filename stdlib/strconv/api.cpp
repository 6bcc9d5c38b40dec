// stdlib/strconv/api.cpp: package strconv's C ABI — Itoa, FormatInt,
// Atoi, ParseInt, Quote — with Go's *strconv.NumError errors
// (`strconv.Atoi: parsing "x": invalid syntax`).
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"
#include "mp/strconv.hpp"

#include <string>

namespace {

using mp::std_::lit;
using mp::std_::newString;
using mp::std_::view;

struct NumError {
  mp_string func, num;
  mp_iface err;
};

mp_string numErrorError(const void *self) {
  const NumError *e = *static_cast<NumError *const *>(self);
  std::string s = "strconv.";
  s.append(view(e->func));
  s += ": parsing ";
  mp::strconv::appendQuoted(s, view(e->num), '"', false);
  s += ": ";
  s.append(view(mp_error_Error(e->err)));
  return newString(s);
}

const mp_field numErrorFields[] = {
    {lit("Func"), &mp::std_::stringType, 0},
    {lit("Num"), &mp::std_::stringType, 16},
    {lit("Err"), &mp::std_::errorType, 32}};
const mp_type numErrorType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, 48, lit("strconv.NumError"),
                              nullptr, nullptr, 3, numErrorFields, nullptr, nullptr};
const mp_type numErrorPtrType = {MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8,
                                 lit("*strconv.NumError"), &numErrorType, nullptr, 0,
                                 nullptr, nullptr, numErrorError};

// strconv.ErrSyntax and ErrRange: one value each, so == works as in Go.
mp_iface errSyntax() {
  static mp_iface e = mp_errors_New(lit("invalid syntax"));
  return e;
}
mp_iface errRange() {
  static mp_iface e = mp_errors_New(lit("value out of range"));
  return e;
}

mp_iface numError(const char *fn, mp_string s, mp_iface err) {
  auto *e = static_cast<NumError *>(mp_alloc(sizeof(NumError)));
  e->func = lit(fn);
  e->num = newString(view(s));  // Go clones the input too
  e->err = err;
  return mp::std_::boxPointer(&numErrorPtrType, e);
}

int digitValue(uint8_t c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c = static_cast<uint8_t>(c | 0x20);
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  return 99;
}

// Go's underscoreOK: with base 0, '_' may only separate digits (a base
// prefix counts as a digit).  s excludes the sign.
bool underscoreOK(std::string_view s) {
  char saw = '^';
  size_t i = 0;
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0') {
    char c = static_cast<char>(s[1] | 0x20);
    if (c == 'b' || c == 'o' || c == 'x') {
      i = 2;
      saw = '0';
      hex = c == 'x';
    }
  }
  for (; i < s.size(); ++i) {
    char c = s[i], lc = static_cast<char>(c | 0x20);
    if ((c >= '0' && c <= '9') || (hex && lc >= 'a' && lc <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0')
        return false;
      saw = '_';
      continue;
    }
    if (saw == '_')
      return false;
    saw = '!';
  }
  return saw != '_';
}

enum class ParseResult { Ok, Syntax, Range };

// Go's ParseUint core on the unsigned part s: base 0 takes a 0b/0o/0x/0
// prefix and allows underscores; values above maxVal are a range error
// reported at once, as Go does (even if a bad digit follows).
ParseResult parseMagnitude(std::string_view s, int base, uint64_t maxVal, uint64_t &out) {
  if (s.empty())
    return ParseResult::Syntax;
  std::string_view whole = s;
  bool base0 = base == 0;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      char c = s.size() >= 3 ? static_cast<char>(s[1] | 0x20) : 0;
      base = c == 'b' ? 2 : c == 'o' ? 8 : c == 'x' ? 16 : 8;
      s.remove_prefix(c == 'b' || c == 'o' || c == 'x' ? 2 : 1);
    }
  }
  uint64_t n = 0;
  bool underscores = false;
  for (char ch : s) {
    if (ch == '_' && base0) {
      underscores = true;
      continue;
    }
    int d = digitValue(static_cast<uint8_t>(ch));
    if (d >= base)
      return ParseResult::Syntax;
    if (n > (maxVal - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base))
      return ParseResult::Range;
    n = n * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (underscores && !underscoreOK(whole))
    return ParseResult::Syntax;
  out = n;
  return ParseResult::Ok;
}

int64_t parseInt(const char *fn, mp_string str, int64_t base, int64_t bitSize, mp_iface *err) {
  *err = mp_iface{};
  std::string_view s = view(str);
  if (s.empty()) {
    *err = numError(fn, str, errSyntax());
    return 0;
  }
  if (base != 0 && (base < 2 || base > 36)) {
    *err = numError(fn, str, mp_errors_New(newString("invalid base " + std::to_string(base))));
    return 0;
  }
  if (bitSize == 0)
    bitSize = 64;
  if (bitSize < 0 || bitSize > 64) {
    *err = numError(fn, str, mp_errors_New(newString("invalid bit size " + std::to_string(bitSize))));
    return 0;
  }
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t cutoff = uint64_t{1} << (bitSize - 1);
  uint64_t mag = 0;
  ParseResult r = parseMagnitude(s, static_cast<int>(base), neg ? cutoff : cutoff - 1, mag);
  if (r == ParseResult::Syntax) {
    *err = numError(fn, str, errSyntax());
    return 0;
  }
  if (r == ParseResult::Range) {
    *err = numError(fn, str, errRange());
    return neg ? -static_cast<int64_t>(cutoff - 1) - 1 : static_cast<int64_t>(cutoff - 1);
  }
  return neg ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
}

} // namespace

extern "C" mp_string mp_strconv_Itoa(int64_t i) { return mp_strconv_FormatInt(i, 10); }

extern "C" mp_string mp_strconv_FormatInt(int64_t i, int64_t base) {
  if (base < 2 || base > 36)
    mp::std_::panicPlain("strconv: illegal AppendInt/FormatInt base");
  std::string s;
  mp::strconv::appendInt(s, i, static_cast<int>(base));
  return newString(s);
}

extern "C" int64_t mp_strconv_Atoi(mp_string s, mp_iface *err) {
  return parseInt("Atoi", s, 10, 64, err);
}

extern "C" int64_t mp_strconv_ParseInt(mp_string s, int64_t base, int64_t bitSize, mp_iface *err) {
  return parseInt("ParseInt", s, base, bitSize, err);
}

extern "C" mp_string mp_strconv_Quote(mp_string s) {
  std::string q;
  mp::strconv::appendQuoted(q, view(s), '"', false);
  return newString(q);
}
