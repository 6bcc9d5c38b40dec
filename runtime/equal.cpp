// runtime/equal.cpp: == and hashing of any comparable value, derived from
// its type descriptor's kind, for map keys and interface comparison.
// Go's rules: floats compare numerically (+0 == -0, NaN != NaN, so NaN
// hashes randomly), structs compare field by field skipping blank (`_`)
// fields, interfaces compare dynamic type then value and panic on
// uncomparable dynamic types.  Byte hashing is XXH3 (libxxhash).
#include "mp/runtime.h"
#include "mp/values.h"
#include "values_internal.hpp"

#define XXH_INLINE_ALL  // header-only: no link dependency, and the hash inlines
#include <xxhash.h>

#include <chrono>
#include <cstring>
#include <string>

namespace {

bool isBlank(const mp_field &f) { return f.name.len == 1 && f.name.ptr[0] == '_'; }

[[noreturn]] void panicType(const char *what, const mp_type *t, const mp_srcpos *pos = nullptr) {
  std::string msg = what;
  msg.append(reinterpret_cast<const char *>(t->name.ptr), static_cast<size_t>(t->name.len));
  mp_panic_runtime_error_at(msg.c_str(), pos);
}

template <typename F> uint64_t hashFloat(F f, uint64_t seed) {
  if (f == 0)
    f = 0;  // +0 and -0 are equal keys
  if (f != f)
    return mp::rt::randomU64() ^ seed;  // NaN: every insert is a new key
  return XXH3_64bits_withSeed(&f, sizeof f, seed);
}

} // namespace

namespace mp::rt {

void checkComparable(const char *what, mp_iface x, const mp_srcpos *pos) {
  if (x.type && !(x.type->flags & MP_TYPE_COMPARABLE))
    panicType(what, x.type, pos);
}

uint64_t randomU64() {
  // wyrand: cheap, per-thread, seeded from the address of a thread-local and
  // the clock so that map orders differ from run to run as Go's do.
  thread_local uint64_t state = [] {
    uint64_t s = reinterpret_cast<uintptr_t>(&state) ^
                 static_cast<uint64_t>(
                     std::chrono::steady_clock::now().time_since_epoch().count());
    return s * 0x9E3779B97F4A7C15ull;
  }();
  state += 0xa0761d6478bd642full;
  __uint128_t m = static_cast<__uint128_t>(state) * (state ^ 0xe7037ed1a0b428dbull);
  return static_cast<uint64_t>(m >> 64) ^ static_cast<uint64_t>(m);
}

bool isMemoryComparable(const mp_type *t) {
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_BOOL:
  case MP_KIND_INT:
  case MP_KIND_INT8:
  case MP_KIND_INT16:
  case MP_KIND_INT32:
  case MP_KIND_INT64:
  case MP_KIND_UINT:
  case MP_KIND_UINT8:
  case MP_KIND_UINT16:
  case MP_KIND_UINT32:
  case MP_KIND_UINT64:
  case MP_KIND_UINTPTR:
  case MP_KIND_POINTER:
  case MP_KIND_CHAN:
    return true;
  case MP_KIND_ARRAY:
    return isMemoryComparable(t->elem);
  case MP_KIND_STRUCT: {
    int64_t end = 0;  // fields must tile the struct: padding bytes are undefined
    for (int64_t i = 0; i < t->len; ++i) {
      const mp_field &f = t->fields[i];
      if (isBlank(f) || f.offset != end || !isMemoryComparable(f.type))
        return false;
      end = f.offset + f.type->size;
    }
    return end == t->size;
  }
  case MP_KIND_FLOAT32:
  case MP_KIND_FLOAT64:
  case MP_KIND_STRING:
  case MP_KIND_SLICE:
  case MP_KIND_MAP:
  case MP_KIND_FUNC:
  case MP_KIND_INTERFACE:
    return false;
  }
  return false;
}

bool needsKeyUpdate(const mp_type *t) {
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_FLOAT32:
  case MP_KIND_FLOAT64:
  case MP_KIND_STRING:
  case MP_KIND_INTERFACE:
    return true;
  case MP_KIND_ARRAY:
    return needsKeyUpdate(t->elem);
  case MP_KIND_STRUCT:
    for (int64_t i = 0; i < t->len; ++i)
      if (needsKeyUpdate(t->fields[i].type))
        return true;
    return false;
  default:  // every other kind: equal keys have equal bytes
    return false;
  }
}

} // namespace mp::rt

extern "C" bool mp_equal(const mp_type *t, const void *a, const void *b) {
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_BOOL:
  case MP_KIND_INT:
  case MP_KIND_INT8:
  case MP_KIND_INT16:
  case MP_KIND_INT32:
  case MP_KIND_INT64:
  case MP_KIND_UINT:
  case MP_KIND_UINT8:
  case MP_KIND_UINT16:
  case MP_KIND_UINT32:
  case MP_KIND_UINT64:
  case MP_KIND_UINTPTR:
  case MP_KIND_POINTER:
  case MP_KIND_CHAN:
    return std::memcmp(a, b, static_cast<size_t>(t->size)) == 0;
  case MP_KIND_FLOAT32:
    return *static_cast<const float *>(a) == *static_cast<const float *>(b);
  case MP_KIND_FLOAT64:
    return *static_cast<const double *>(a) == *static_cast<const double *>(b);
  case MP_KIND_STRING:
    return mp_string_equal(*static_cast<const mp_string *>(a), *static_cast<const mp_string *>(b));
  case MP_KIND_ARRAY: {
    const auto *pa = static_cast<const uint8_t *>(a), *pb = static_cast<const uint8_t *>(b);
    for (int64_t i = 0; i < t->len; ++i)
      if (!mp_equal(t->elem, pa + i * t->elem->size, pb + i * t->elem->size))
        return false;
    return true;
  }
  case MP_KIND_STRUCT: {
    const auto *pa = static_cast<const uint8_t *>(a), *pb = static_cast<const uint8_t *>(b);
    for (int64_t i = 0; i < t->len; ++i) {
      const mp_field &f = t->fields[i];
      if (!isBlank(f) && !mp_equal(f.type, pa + f.offset, pb + f.offset))
        return false;
    }
    return true;
  }
  case MP_KIND_INTERFACE:
    return mp_iface_equal(*static_cast<const mp_iface *>(a), *static_cast<const mp_iface *>(b));
  case MP_KIND_SLICE:
  case MP_KIND_MAP:
  case MP_KIND_FUNC:
    panicType("comparing uncomparable type ", t);
  }
  return false;
}

extern "C" bool mp_iface_equal_at(mp_iface a, mp_iface b, const mp_srcpos *pos) {
  if (a.type != b.type)
    return false;
  if (!a.type)
    return true;
  if (!(a.type->flags & MP_TYPE_COMPARABLE))
    panicType("comparing uncomparable type ", a.type, pos);
  return mp_equal(a.type, a.data, b.data);
}

extern "C" bool mp_iface_equal(mp_iface a, mp_iface b) { return mp_iface_equal_at(a, b, nullptr); }

extern "C" uint64_t mp_hash(const mp_type *t, const void *v, uint64_t seed) {
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_BOOL:
  case MP_KIND_INT:
  case MP_KIND_INT8:
  case MP_KIND_INT16:
  case MP_KIND_INT32:
  case MP_KIND_INT64:
  case MP_KIND_UINT:
  case MP_KIND_UINT8:
  case MP_KIND_UINT16:
  case MP_KIND_UINT32:
  case MP_KIND_UINT64:
  case MP_KIND_UINTPTR:
  case MP_KIND_POINTER:
  case MP_KIND_CHAN:
    return XXH3_64bits_withSeed(v, static_cast<size_t>(t->size), seed);
  case MP_KIND_FLOAT32:
    return hashFloat(*static_cast<const float *>(v), seed);
  case MP_KIND_FLOAT64:
    return hashFloat(*static_cast<const double *>(v), seed);
  case MP_KIND_STRING: {
    const auto &s = *static_cast<const mp_string *>(v);
    return XXH3_64bits_withSeed(s.ptr, static_cast<size_t>(s.len), seed);
  }
  case MP_KIND_ARRAY: {
    if (mp::rt::isMemoryComparable(t))
      return XXH3_64bits_withSeed(v, static_cast<size_t>(t->size), seed);
    const auto *p = static_cast<const uint8_t *>(v);
    for (int64_t i = 0; i < t->len; ++i)
      seed = mp_hash(t->elem, p + i * t->elem->size, seed);
    return seed;
  }
  case MP_KIND_STRUCT: {
    const auto *p = static_cast<const uint8_t *>(v);
    for (int64_t i = 0; i < t->len; ++i) {
      const mp_field &f = t->fields[i];
      if (!isBlank(f))
        seed = mp_hash(f.type, p + f.offset, seed);
    }
    return seed;
  }
  case MP_KIND_INTERFACE: {
    const auto &x = *static_cast<const mp_iface *>(v);
    if (!x.type)
      return seed ^ 0x6e696c;  // every nil interface is the same key
    if (!(x.type->flags & MP_TYPE_COMPARABLE))
      panicType("hash of unhashable type ", x.type);
    return mp_hash(x.type, x.data, seed ^ reinterpret_cast<uintptr_t>(x.type));
  }
  case MP_KIND_SLICE:
  case MP_KIND_MAP:
  case MP_KIND_FUNC:
    panicType("hash of unhashable type ", t);
  }
  return seed;
}
