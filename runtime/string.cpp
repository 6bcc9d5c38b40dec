// runtime/string.cpp: MP strings at run time — concatenation, comparison,
// conversions to and from []byte/[]rune/runes, the `for range` decode step,
// and bounds checks with Go's exact panic messages.
// Strings are immutable (ptr, len) pairs; new bytes come from
// mp_alloc_atomic since they never hold pointers.
#include "mp/runtime.h"
#include "mp/utf8.hpp"
#include "mp/values.h"

#include <cstdio>
#include <cstring>

namespace {

const char *const boundsFormat[] = {
    "index out of range [%lld] with length %lld",
    "slice bounds out of range [:%lld] with length %lld",
    "slice bounds out of range [:%lld] with capacity %lld",
    "slice bounds out of range [%lld:%lld]",
    "slice bounds out of range [::%lld] with length %lld",
    "slice bounds out of range [::%lld] with capacity %lld",
    "slice bounds out of range [:%lld:%lld]",
    "slice bounds out of range [%lld:%lld:]",
};
// When x is negative Go reports only x.
const char *const boundsNegFormat[] = {
    "index out of range [%lld]",
    "slice bounds out of range [:%lld]",
    "slice bounds out of range [:%lld]",
    "slice bounds out of range [%lld:]",
    "slice bounds out of range [::%lld]",
    "slice bounds out of range [::%lld]",
    "slice bounds out of range [:%lld:]",
    "slice bounds out of range [%lld:]",
};

uint8_t *allocBytes(int64_t n) {
  return static_cast<uint8_t *>(mp_alloc_atomic(static_cast<size_t>(n)));
}

} // namespace

extern "C" void mp_panic_bounds_at(int32_t kind, int64_t x, int64_t y, const mp_srcpos *pos) {
  char msg[128];
  const char *fmt = x < 0 ? boundsNegFormat[kind] : boundsFormat[kind];
  std::snprintf(msg, sizeof msg, fmt, static_cast<long long>(x), static_cast<long long>(y));
  mp_panic_runtime_error_at(msg, pos);
}

extern "C" void mp_panic_bounds(mp_bounds_kind kind, int64_t x, int64_t y) {
  mp_panic_bounds_at(kind, x, y, nullptr);
}

extern "C" mp_string mp_string_concat2(mp_string a, mp_string b) {
  if (a.len == 0)
    return b;
  if (b.len == 0)
    return a;
  mp_string parts[2] = {a, b};
  return mp_string_concat(parts, 2);
}

extern "C" mp_string mp_string_concat(const mp_string *parts, int64_t n) {
  int64_t total = 0, nonEmpty = 0, last = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (parts[i].len > 0) {
      ++nonEmpty;
      last = i;
    }
    total += parts[i].len;
  }
  if (nonEmpty <= 1)
    return nonEmpty ? parts[last] : mp_string{nullptr, 0};
  uint8_t *buf = allocBytes(total);
  uint8_t *p = buf;
  for (int64_t i = 0; i < n; ++i) {
    if (parts[i].len > 0)
      std::memcpy(p, parts[i].ptr, static_cast<size_t>(parts[i].len));
    p += parts[i].len;
  }
  return {buf, total};
}

extern "C" bool mp_string_equal(mp_string a, mp_string b) {
  return a.len == b.len && (a.ptr == b.ptr || a.len == 0 ||
                            std::memcmp(a.ptr, b.ptr, static_cast<size_t>(a.len)) == 0);
}

extern "C" int mp_string_compare(mp_string a, mp_string b) {
  int64_t n = a.len < b.len ? a.len : b.len;
  if (n > 0) {
    int c = std::memcmp(a.ptr, b.ptr, static_cast<size_t>(n));
    if (c != 0)
      return c < 0 ? -1 : 1;
  }
  return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

extern "C" mp_string mp_string_slice(mp_string s, int64_t lo, int64_t hi) {
  if (hi < 0 || hi > s.len)
    mp_panic_bounds(MP_BOUNDS_SLICE_ALEN, hi, s.len);
  if (lo < 0 || lo > hi)
    mp_panic_bounds(MP_BOUNDS_SLICE_B, lo, hi);
  return {lo == hi ? nullptr : s.ptr + lo, hi - lo};
}

extern "C" uint8_t mp_string_index(mp_string s, int64_t i) {
  if (i < 0 || i >= s.len)
    mp_panic_bounds(MP_BOUNDS_INDEX, i, s.len);
  return s.ptr[i];
}

extern "C" mp_string mp_string_from_rune(int64_t r) {
  uint8_t tmp[4];
  int n = mp::utf8::encode(r, tmp);
  uint8_t *buf = allocBytes(n);
  std::memcpy(buf, tmp, n);
  return {buf, n};
}

extern "C" mp_slice mp_string_to_bytes(mp_string s) {
  if (s.len == 0)
    return {allocBytes(0), 0, 0};  // []byte("") is empty, not nil
  uint8_t *buf = allocBytes(s.len);
  std::memcpy(buf, s.ptr, static_cast<size_t>(s.len));
  return {buf, s.len, s.len};
}

extern "C" mp_string mp_string_from_bytes(mp_slice b) {
  if (b.len == 0)
    return {nullptr, 0};
  uint8_t *buf = allocBytes(b.len);
  std::memcpy(buf, b.ptr, static_cast<size_t>(b.len));
  return {buf, b.len};
}

extern "C" mp_slice mp_string_to_runes(mp_string s) {
  int64_t n = mp::utf8::runeCount(s.ptr, s.len);
  auto *out = static_cast<int32_t *>(mp_alloc_atomic(static_cast<size_t>(n) * 4));
  int64_t j = 0;
  for (int64_t i = 0; i < s.len;) {
    auto d = mp::utf8::decode(s.ptr + i, s.len - i);
    out[j++] = d.rune;
    i += d.width;
  }
  return {out, n, n};
}

extern "C" mp_string mp_string_from_runes(mp_slice rs) {
  const auto *r = static_cast<const int32_t *>(rs.ptr);
  int64_t total = 0;
  for (int64_t i = 0; i < rs.len; ++i)
    total += mp::utf8::encodedLen(r[i]);
  if (total == 0)
    return {nullptr, 0};
  uint8_t *buf = allocBytes(total);
  uint8_t *p = buf;
  for (int64_t i = 0; i < rs.len; ++i)
    p += mp::utf8::encode(r[i], p);
  return {buf, total};
}

extern "C" int64_t mp_string_decode_rune(mp_string s, int64_t k, int32_t *r) {
  auto d = mp::utf8::decode(s.ptr + k, s.len - k);
  *r = d.rune;
  return k + d.width;
}

extern "C" int64_t mp_string_rune_count(mp_string s) {
  return mp::utf8::runeCount(s.ptr, s.len);
}
