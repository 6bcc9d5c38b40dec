// stdlib/strings/strings.cpp: package strings (the functions LANGUAGE.md
// lists, plus Builder) with Go's exact semantics: Unicode white space for
// Fields/TrimSpace, Go's case tables (case_table.inc, generated from Go)
// for ToUpper/ToLower, invalid UTF-8 becoming U+FFFD only where Go's
// strings.Map does it.  Results share the input's bytes where Go's do.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"
#include "mp/utf8.hpp"
#include "mp/values.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

namespace {

using mp::std_::newString;
using mp::std_::view;

struct CaseRun {
  int32_t lo, hi, stride, delta;
};
#include "case_table.inc"

template <size_t N> int32_t mapRune(const CaseRun (&runs)[N], int32_t r) {
  auto it = std::upper_bound(std::begin(runs), std::end(runs), r,
                             [](int32_t v, const CaseRun &c) { return v < c.lo; });
  if (it == std::begin(runs))
    return r;
  const CaseRun &c = *std::prev(it);
  if (r > c.hi || (r - c.lo) % c.stride != 0)
    return r;
  return r + c.delta;
}

// unicode.IsSpace: the White_Space property.
bool isSpace(int32_t r) {
  switch (r) {
  case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
  case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    return true;
  default:
    return r >= 0x2000 && r <= 0x200A;
  }
}

mp_string sub(mp_string s, int64_t lo, int64_t hi) {
  return {hi > lo ? s.ptr + lo : nullptr, hi - lo};
}

int64_t indexOf(mp_string s, mp_string sep) {
  size_t i = view(s).find(view(sep));
  return i == std::string_view::npos ? -1 : static_cast<int64_t>(i);
}

int64_t count(mp_string s, mp_string sep) {
  if (sep.len == 0)
    return mp::utf8::runeCount(s.ptr, s.len) + 1;
  int64_t n = 0;
  std::string_view v = view(s), p = view(sep);
  for (size_t i = v.find(p); i != std::string_view::npos; i = v.find(p, i + p.size()))
    ++n;
  return n;
}

mp_slice stringSlice(const std::vector<mp_string> &parts) {
  auto n = static_cast<int64_t>(parts.size());
  auto *p = static_cast<mp_string *>(mp_alloc(sizeof(mp_string) * (parts.size() ? parts.size() : 1)));
  std::copy(parts.begin(), parts.end(), p);
  return {p, n, n};
}

// Go's strings.Map(f, s) for a rune-to-rune f that never drops runes.
template <typename F> mp_string mapRunes(mp_string s, F f) {
  std::string out;
  out.reserve(static_cast<size_t>(s.len));
  bool changed = false;
  for (int64_t i = 0; i < s.len;) {
    auto d = mp::utf8::decode(s.ptr + i, s.len - i);
    int32_t r = f(d.rune);
    changed |= r != d.rune || (d.rune == mp::utf8::RuneError && d.width == 1);
    mp::utf8::append(out, r);
    i += d.width;
  }
  return changed ? newString(out) : s;
}

template <typename AsciiF, typename RuneF>
mp_string changeCase(mp_string s, AsciiF ascii, RuneF rune) {
  bool isASCII = std::all_of(s.ptr, s.ptr + s.len, [](uint8_t c) { return c < 0x80; });
  if (!isASCII)
    return mapRunes(s, rune);
  std::string out(view(s));
  bool changed = false;
  for (char &c : out) {
    char m = ascii(c);
    changed |= m != c;
    c = m;
  }
  return changed ? newString(out) : s;
}

void copyCheck(mp_strings_Builder *b) {
  if (!b->addr)
    b->addr = b;
  else if (b->addr != b)
    mp::std_::panicPlain("strings: illegal use of non-zero Builder copied by value");
}

void builderAppend(mp_strings_Builder *b, const void *p, int64_t n) {
  if (b->buf.len + n > b->buf.cap) {
    int64_t cap = std::max(2 * b->buf.cap + n, int64_t{8});
    auto *nb = static_cast<uint8_t *>(mp_alloc_atomic(static_cast<size_t>(cap)));
    if (b->buf.len)
      std::memcpy(nb, b->buf.ptr, static_cast<size_t>(b->buf.len));
    b->buf.ptr = nb;
    b->buf.cap = cap;
  }
  if (n)
    std::memcpy(static_cast<uint8_t *>(b->buf.ptr) + b->buf.len, p, static_cast<size_t>(n));
  b->buf.len += n;
}

} // namespace

extern "C" bool mp_strings_Contains(mp_string s, mp_string substr) { return indexOf(s, substr) >= 0; }

extern "C" bool mp_strings_HasPrefix(mp_string s, mp_string prefix) {
  return s.len >= prefix.len && view(s).substr(0, static_cast<size_t>(prefix.len)) == view(prefix);
}

extern "C" bool mp_strings_HasSuffix(mp_string s, mp_string suffix) {
  return s.len >= suffix.len && view(s).substr(static_cast<size_t>(s.len - suffix.len)) == view(suffix);
}

extern "C" int64_t mp_strings_Index(mp_string s, mp_string substr) { return indexOf(s, substr); }

extern "C" mp_slice mp_strings_Fields(mp_string s) {
  std::vector<mp_string> fields;
  int64_t start = -1;
  for (int64_t i = 0; i < s.len;) {
    auto d = mp::utf8::decode(s.ptr + i, s.len - i);
    bool space = isSpace(d.rune);
    if (space && start >= 0) {
      fields.push_back(sub(s, start, i));
      start = -1;
    } else if (!space && start < 0) {
      start = i;
    }
    i += d.width;
  }
  if (start >= 0)
    fields.push_back(sub(s, start, s.len));
  return stringSlice(fields);
}

extern "C" mp_slice mp_strings_Split(mp_string s, mp_string sep) {
  std::vector<mp_string> parts;
  if (sep.len == 0) {  // explode into UTF-8 sequences; as Go's explode
                       // does, an invalid byte becomes "\uFFFD" except in
                       // the last part, which is the rest of s as it is
    static const uint8_t kRuneError[] = {0xEF, 0xBF, 0xBD};
    for (int64_t i = 0; i < s.len;) {
      mp::utf8::Decoded d = mp::utf8::decode(s.ptr + i, s.len - i);
      bool last = i + d.width == s.len;
      parts.push_back(d.rune == mp::utf8::RuneError && !last ? mp_string{kRuneError, 3}
                                                             : sub(s, i, i + d.width));
      i += d.width;
    }
    return stringSlice(parts);
  }
  std::string_view v = view(s), p = view(sep);
  size_t start = 0;
  for (size_t m = v.find(p); m != std::string_view::npos; m = v.find(p, start)) {
    parts.push_back(sub(s, static_cast<int64_t>(start), static_cast<int64_t>(m)));
    start = m + p.size();
  }
  parts.push_back(sub(s, static_cast<int64_t>(start), s.len));
  return stringSlice(parts);
}

extern "C" mp_string mp_strings_Join(mp_slice elems, mp_string sep) {
  const auto *e = static_cast<const mp_string *>(elems.ptr);
  if (elems.len == 0)
    return {nullptr, 0};
  if (elems.len == 1)
    return e[0];
  std::string out(view(e[0]));
  for (int64_t i = 1; i < elems.len; ++i) {
    out.append(view(sep));
    out.append(view(e[i]));
  }
  return newString(out);
}

extern "C" mp_string mp_strings_Repeat(mp_string s, int64_t n) {
  if (n < 0)
    mp::std_::panicPlain("strings: negative Repeat count");
  int64_t total;
  if (__builtin_mul_overflow(s.len, n, &total))
    mp::std_::panicPlain("strings: Repeat count causes overflow");
  if (s.len == 0 || n == 0)
    return {nullptr, 0};
  auto *p = static_cast<uint8_t *>(mp_alloc_atomic(static_cast<size_t>(total)));
  for (int64_t i = 0; i < n; ++i)
    std::memcpy(p + i * s.len, s.ptr, static_cast<size_t>(s.len));
  return {p, total};
}

extern "C" mp_string mp_strings_Replace(mp_string s, mp_string old, mp_string repl, int64_t n) {
  if (mp_string_equal(old, repl) || n == 0)
    return s;
  int64_t m = count(s, old);
  if (m == 0)
    return s;
  if (n < 0 || m < n)
    n = m;
  std::string out;
  int64_t start = 0;
  for (int64_t i = 0; i < n; ++i) {
    int64_t j = start;
    if (old.len == 0) {
      if (i > 0)
        j += mp::utf8::decode(s.ptr + start, s.len - start).width;
    } else {
      j += indexOf(sub(s, start, s.len), old);
    }
    out.append(view(sub(s, start, j)));
    out.append(view(repl));
    start = j + old.len;
  }
  out.append(view(sub(s, start, s.len)));
  return newString(out);
}

extern "C" mp_string mp_strings_ReplaceAll(mp_string s, mp_string old, mp_string repl) {
  return mp_strings_Replace(s, old, repl, -1);
}

extern "C" mp_string mp_strings_ToUpper(mp_string s) {
  return changeCase(
      s, [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; },
      [](int32_t r) { return mapRune(upperRuns, r); });
}

extern "C" mp_string mp_strings_ToLower(mp_string s) {
  return changeCase(
      s, [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; },
      [](int32_t r) { return mapRune(lowerRuns, r); });
}

extern "C" mp_string mp_strings_TrimSpace(mp_string s) {
  int64_t start = 0, stop = s.len;
  while (start < stop) {
    auto d = mp::utf8::decode(s.ptr + start, stop - start);
    if (!isSpace(d.rune))
      break;
    start += d.width;
  }
  while (stop > start) {
    auto d = mp::utf8::decodeLast(s.ptr + start, stop - start);
    if (!isSpace(d.rune))
      break;
    stop -= d.width;
  }
  return sub(s, start, stop);
}

extern "C" int64_t mp_strings_Builder_WriteString(mp_strings_Builder *b, mp_string s) {
  copyCheck(b);
  builderAppend(b, s.ptr, s.len);
  return s.len;
}

extern "C" void mp_strings_Builder_WriteByte(mp_strings_Builder *b, uint8_t c) {
  copyCheck(b);
  builderAppend(b, &c, 1);
}

extern "C" int64_t mp_strings_Builder_WriteRune(mp_strings_Builder *b, int32_t r) {
  copyCheck(b);
  uint8_t buf[4];
  int n = mp::utf8::encode(r, buf);
  builderAppend(b, buf, n);
  return n;
}

extern "C" mp_string mp_strings_Builder_String(const mp_strings_Builder *b) {
  // Shares the buffer, as Go does: later writes only append past len.
  return {b->buf.len ? static_cast<const uint8_t *>(b->buf.ptr) : nullptr, b->buf.len};
}

extern "C" int64_t mp_strings_Builder_Len(const mp_strings_Builder *b) { return b->buf.len; }

extern "C" void mp_strings_Builder_Reset(mp_strings_Builder *b) { *b = mp_strings_Builder{}; }

extern "C" void mp_strings_Builder_Grow(mp_strings_Builder *b, int64_t n) {
  copyCheck(b);
  if (n < 0)
    mp::std_::panicPlain("strings.Builder.Grow: negative count");
  if (b->buf.cap - b->buf.len < n) {
    int64_t cap = 2 * b->buf.cap + n;
    auto *nb = static_cast<uint8_t *>(mp_alloc_atomic(static_cast<size_t>(cap)));
    if (b->buf.len)
      std::memcpy(nb, b->buf.ptr, static_cast<size_t>(b->buf.len));
    b->buf.ptr = nb;
    b->buf.cap = cap;
  }
}

namespace {
const mp_type builderType = {MP_KIND_STRUCT, 8, MP_TYPE_NAMED, 0, sizeof(mp_strings_Builder),
                             mp::std_::lit("strings.Builder"), nullptr, nullptr, 0, nullptr, nullptr,
                             nullptr};
} // namespace

extern "C" const mp_type mp_strings_Builder_ptr_type = {
    MP_KIND_POINTER, 8, MP_TYPE_COMPARABLE, 0, 8, mp::std_::lit("*strings.Builder"), &builderType,
    nullptr, 0, nullptr, nullptr, nullptr};
