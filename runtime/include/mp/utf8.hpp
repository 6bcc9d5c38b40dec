// runtime/include/mp/utf8.hpp: UTF-8 decoding and encoding with Go's rules
// (package unicode/utf8), shared by the string runtime and stdlib's fmt and
// strconv.  Header-only so the hot decode step inlines.  Invalid or
// truncated sequences decode as U+FFFD of width 1, exactly as Go's do.
#ifndef MP_UTF8_HPP
#define MP_UTF8_HPP

#include <cstddef>
#include <cstdint>
#include <string>

namespace mp::utf8 {

inline constexpr int32_t RuneError = 0xFFFD;
inline constexpr int32_t MaxRune = 0x10FFFF;

struct Decoded {
  int32_t rune;
  int width;
};

// Decodes the rune starting at p[0] (n > 0 bytes available).
inline Decoded decode(const uint8_t *p, int64_t n) {
  uint8_t b0 = p[0];
  if (b0 < 0x80)
    return {b0, 1};
  auto cont = [&](int64_t i, uint8_t lo, uint8_t hi) {
    return i < n && p[i] >= lo && p[i] <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1, 0x80, 0xBF))
      return {RuneError, 1};
    return {int32_t(b0 & 0x1F) << 6 | (p[1] & 0x3F), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF))
      return {RuneError, 1};
    return {int32_t(b0 & 0x0F) << 12 | int32_t(p[1] & 0x3F) << 6 | (p[2] & 0x3F), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2, 0x80, 0xBF) || !cont(3, 0x80, 0xBF))
      return {RuneError, 1};
    return {int32_t(b0 & 0x07) << 18 | int32_t(p[1] & 0x3F) << 12 |
                int32_t(p[2] & 0x3F) << 6 | (p[3] & 0x3F),
            4};
  }
  return {RuneError, 1};
}

inline bool validRune(int64_t r) {
  return r >= 0 && r <= MaxRune && !(r >= 0xD800 && r <= 0xDFFF);
}

// Writes the encoding of r (U+FFFD if invalid) to out; returns its length.
inline int encode(int64_t r, uint8_t out[4]) {
  if (!validRune(r))
    r = RuneError;
  if (r < 0x80) {
    out[0] = uint8_t(r);
    return 1;
  }
  if (r < 0x800) {
    out[0] = uint8_t(0xC0 | r >> 6);
    out[1] = uint8_t(0x80 | (r & 0x3F));
    return 2;
  }
  if (r < 0x10000) {
    out[0] = uint8_t(0xE0 | r >> 12);
    out[1] = uint8_t(0x80 | (r >> 6 & 0x3F));
    out[2] = uint8_t(0x80 | (r & 0x3F));
    return 3;
  }
  out[0] = uint8_t(0xF0 | r >> 18);
  out[1] = uint8_t(0x80 | (r >> 12 & 0x3F));
  out[2] = uint8_t(0x80 | (r >> 6 & 0x3F));
  out[3] = uint8_t(0x80 | (r & 0x3F));
  return 4;
}

inline int encodedLen(int64_t r) {
  if (!validRune(r))
    return 3;
  return r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
}

inline void append(std::string &s, int64_t r) {
  uint8_t b[4];
  s.append(reinterpret_cast<const char *>(b), encode(r, b));
}

// Decodes the last rune of p[0..n) (n > 0): Go's DecodeLastRune.
inline Decoded decodeLast(const uint8_t *p, int64_t n) {
  if (p[n - 1] < 0x80)
    return {p[n - 1], 1};
  int64_t start = n - 1, lim = n - 4 < 0 ? 0 : n - 4;
  while (start > lim && (p[start] & 0xC0) == 0x80)
    --start;
  Decoded d = decode(p + start, n - start);
  if (start + d.width != n)
    return {RuneError, 1};
  return d;
}

inline int64_t runeCount(const uint8_t *p, int64_t n) {
  int64_t count = 0;
  for (int64_t i = 0; i < n; ++count)
    i += p[i] < 0x80 ? 1 : decode(p + i, n - i).width;
  return count;
}

} // namespace mp::utf8

#endif // MP_UTF8_HPP
