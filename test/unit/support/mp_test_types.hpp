// test/unit/support/mp_test_types.hpp: hand-built type descriptors and
// boxed values for unit tests, standing in for what codegen will emit.
// Descriptors are leaked on purpose (they are static data in real programs).
#ifndef MP_TEST_TYPES_HPP
#define MP_TEST_TYPES_HPP

#include "mp/runtime.h"
#include "mp/value.h"

#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mptest {

inline mp_string str(std::string_view s) {
  auto *p = static_cast<uint8_t *>(mp_alloc_atomic(s.size()));
  std::memcpy(p, s.data(), s.size());
  return {p, static_cast<int64_t>(s.size())};
}
// A string for static data (descriptor names): malloc'd and leaked, since
// descriptors live in malloc'd memory the collector does not scan, so GC
// strings referenced only from there would be freed.
inline mp_string staticStr(std::string_view s) {
  auto *p = new uint8_t[s.size() + 1];
  std::memcpy(p, s.data(), s.size());
  return {p, static_cast<int64_t>(s.size())};
}
inline std::string std_str(mp_string s) {
  return std::string(reinterpret_cast<const char *>(s.ptr), static_cast<size_t>(s.len));
}

constexpr uint16_t Plain = MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE;

inline const mp_type *basic(mp_kind kind, int64_t size, std::string_view name,
                            uint16_t flags = Plain) {
  auto *t = new mp_type{};
  t->kind = static_cast<uint8_t>(kind);
  t->size = size;
  t->align = static_cast<uint8_t>(size > 8 ? 8 : size == 0 ? 1 : size);
  t->flags = flags;
  t->name = staticStr(name);
  return t;
}

inline const mp_type *T_bool = basic(MP_KIND_BOOL, 1, "bool");
inline const mp_type *T_int = basic(MP_KIND_INT, 8, "int");
inline const mp_type *T_int8 = basic(MP_KIND_INT8, 1, "int8");
inline const mp_type *T_int16 = basic(MP_KIND_INT16, 2, "int16");
inline const mp_type *T_int32 = basic(MP_KIND_INT32, 4, "int32");
inline const mp_type *T_int64 = basic(MP_KIND_INT64, 8, "int64");
inline const mp_type *T_uint = basic(MP_KIND_UINT, 8, "uint");
inline const mp_type *T_uint8 = basic(MP_KIND_UINT8, 1, "uint8");
inline const mp_type *T_uint16 = basic(MP_KIND_UINT16, 2, "uint16");
inline const mp_type *T_uint32 = basic(MP_KIND_UINT32, 4, "uint32");
inline const mp_type *T_uint64 = basic(MP_KIND_UINT64, 8, "uint64");
inline const mp_type *T_uintptr = basic(MP_KIND_UINTPTR, 8, "uintptr");
inline const mp_type *T_float32 = basic(MP_KIND_FLOAT32, 4, "float32");
inline const mp_type *T_float64 = basic(MP_KIND_FLOAT64, 8, "float64");
inline const mp_type *T_string = basic(MP_KIND_STRING, 16, "string", MP_TYPE_COMPARABLE);
inline const mp_type *T_any = basic(MP_KIND_INTERFACE, 16, "interface {}", MP_TYPE_COMPARABLE);
inline const mp_type *T_error = basic(MP_KIND_INTERFACE, 16, "error", MP_TYPE_COMPARABLE);

inline mp_type *derived(mp_kind kind, std::string_view name, const mp_type *elem,
                        int64_t size, uint16_t flags) {
  auto *t = const_cast<mp_type *>(basic(kind, size, name, flags));
  t->elem = elem;
  return t;
}
inline const mp_type *pointerTo(const mp_type *e, std::string_view name) {
  return derived(MP_KIND_POINTER, name, e, 8, MP_TYPE_COMPARABLE);
}
inline const mp_type *sliceOf(const mp_type *e, std::string_view name) {
  return derived(MP_KIND_SLICE, name, e, 24, 0);
}
inline const mp_type *chanOf(const mp_type *e, std::string_view name, int dir = MP_CHAN_BOTH) {
  auto *t = derived(MP_KIND_CHAN, name, e, 8, MP_TYPE_COMPARABLE);
  t->len = dir;
  return t;
}
inline const mp_type *funcType(std::string_view name) {
  return derived(MP_KIND_FUNC, name, nullptr, 8, 0);
}
inline const mp_type *arrayOf(const mp_type *e, int64_t n, std::string_view name) {
  auto *t = derived(MP_KIND_ARRAY, name, e, e->size * n,
                    e->flags & (MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE));
  t->align = e->align;
  t->len = n;
  return t;
}
inline const mp_type *mapOf(const mp_type *k, const mp_type *v, std::string_view name) {
  auto *t = derived(MP_KIND_MAP, name, v, 8, 0);
  t->key = k;
  return t;
}
// A defined type over `under`: same layout, new name and methods.
inline mp_type *named(const mp_type *under, std::string_view name,
                      mp_string_method stringM = nullptr, mp_string_method errorM = nullptr) {
  auto *t = new mp_type(*under);
  t->name = staticStr(name);
  t->flags |= MP_TYPE_NAMED;
  t->string_method = stringM;
  t->error_method = errorM;
  return t;
}
// A struct with C layout; fields given in order as {name, type}.
inline mp_type *structOf(std::string_view name,
                         std::initializer_list<std::pair<std::string_view, const mp_type *>> fs) {
  auto *fields = new mp_field[fs.size() ? fs.size() : 1];
  int64_t off = 0, align = 1;
  uint16_t flags = Plain;
  size_t i = 0;
  for (auto &[fname, ft] : fs) {
    off = (off + ft->align - 1) / ft->align * ft->align;
    fields[i++] = mp_field{staticStr(fname), ft, off};
    off += ft->size;
    align = ft->align > align ? ft->align : align;
    flags &= ft->flags;
  }
  off = (off + align - 1) / align * align;
  auto *t = const_cast<mp_type *>(basic(MP_KIND_STRUCT, off, name, flags));
  t->align = static_cast<uint8_t>(align);
  t->len = static_cast<int64_t>(fs.size());
  t->fields = fields;
  if (name.rfind("main.", 0) == 0)
    t->flags |= MP_TYPE_NAMED;
  return t;
}

// Boxes a copy of v as an interface value of dynamic type t.
template <typename T> mp_iface box(const mp_type *t, const T &v) {
  void *p = mp_alloc(sizeof(T));
  std::memcpy(p, &v, sizeof(T));
  return {t, p};
}
inline mp_iface I(int64_t v) { return box(T_int, v); }
inline mp_iface F(double v) { return box(T_float64, v); }
inline mp_iface B(bool v) { return box(T_bool, static_cast<uint8_t>(v)); }
inline mp_iface S(std::string_view s) { return box(T_string, str(s)); }
inline mp_iface R(int32_t r) { return box(T_int32, r); }

template <typename T> mp_slice sliceFrom(std::initializer_list<T> xs) {
  auto *p = static_cast<T *>(mp_alloc(sizeof(T) * (xs.size() ? xs.size() : 1)));
  size_t i = 0;
  for (const T &x : xs)
    p[i++] = x;
  return {p, static_cast<int64_t>(xs.size()), static_cast<int64_t>(xs.size())};
}
inline mp_slice args(std::initializer_list<mp_iface> xs) { return sliceFrom<mp_iface>(xs); }

} // namespace mptest

#endif
