// test/unit/stdlib/fmt_values.hpp: the MP values the fmt cases print,
// built by hand the way codegen will build them: descriptors (with String
// and Error method thunks) and boxed operands.  Mirrors the Go types in
// go/fmt_prelude.go.
#ifndef MP_TEST_FMT_VALUES_HPP
#define MP_TEST_FMT_VALUES_HPP

#include "mp/stdlib.h"
#include "mp/values.h"
#include "mp_test_types.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace fmtcase {

using namespace mptest;

struct Point {
  int64_t x, y;
};
struct Pair {
  int64_t a;
  mp_string b;
};

inline mp_string celsiusString(const void *self) {
  double c = *static_cast<const double *>(self);
  return mp_fmt_Sprintf(str("%.1f°C"), args({F(c)}));
}
inline mp_string myErrError(const void *self) {
  const Point *p = *static_cast<Point *const *>(self);  // MyErr{Code} laid out as one int
  return mp_fmt_Sprintf(str("code %d"), args({I(p->x)}));
}
inline mp_string bothString(const void *) { return str("string"); }
inline mp_string bothError(const void *) { return str("error"); }

inline const mp_type *T_Point = structOf("main.Point", {{"X", T_int}, {"Y", T_int}});
inline const mp_type *T_PointPtr = pointerTo(T_Point, "*main.Point");
inline const mp_type *T_pair = structOf("main.pair", {{"a", T_int}, {"b", T_string}});
inline const mp_type *T_Celsius = named(T_float64, "main.Celsius", celsiusString);
inline const mp_type *T_MyErr = structOf("main.MyErr", {{"Code", T_int}});
inline const mp_type *T_MyErrPtr = [] {
  auto *t = const_cast<mp_type *>(pointerTo(T_MyErr, "*main.MyErr"));
  t->error_method = myErrError;
  return t;
}();
inline const mp_type *T_Both = named(T_int, "main.Both", bothString, bothError);
inline const mp_type *T_Name = named(T_string, "main.Name");
inline const mp_type *T_Inner = structOf(
    "main.Inner", {{"P", T_PointPtr}, {"E", T_error}, {"C", T_Celsius}, {"c", T_Celsius}});
inline const mp_type *T_sliceInt = sliceOf(T_int, "[]int");
inline const mp_type *T_sliceString = sliceOf(T_string, "[]string");
inline const mp_type *T_sliceByte = sliceOf(T_uint8, "[]uint8");
inline const mp_type *T_sliceAny = sliceOf(T_any, "[]interface {}");
inline const mp_type *T_sliceFloat = sliceOf(T_float64, "[]float64");
inline const mp_type *T_slicePoint = sliceOf(T_Point, "[]main.Point");
inline const mp_type *T_sliceCelsius = sliceOf(T_Celsius, "[]main.Celsius");
inline const mp_type *T_arr3 = arrayOf(T_int, 3, "[3]int");
inline const mp_type *T_arrByte = arrayOf(T_uint8, 3, "[3]uint8");
inline const mp_type *T_mapSI = mapOf(T_string, T_int, "map[string]int");
inline const mp_type *T_mapIS = mapOf(T_int, T_string, "map[int]string");
inline const mp_type *T_mapFB = mapOf(T_float64, T_bool, "map[float64]bool");
inline const mp_type *T_mapPointInt = mapOf(T_Point, T_int, "map[main.Point]int");
inline const mp_type *T_mapSliceInt = mapOf(T_string, T_sliceInt, "map[string][]int");
inline const mp_type *T_ptrInt = pointerTo(T_int, "*int");
inline const mp_type *T_ptrSlice = pointerTo(T_sliceInt, "*[]int");
inline const mp_type *T_ptrMap = pointerTo(T_mapSI, "*map[string]int");
inline const mp_type *T_chanInt = chanOf(T_int, "chan int");
inline const mp_type *T_recvChan = chanOf(T_int, "<-chan int", MP_CHAN_RECV);
inline const mp_type *T_func = funcType("func(int) string");
inline const mp_type *T_bool2 = T_bool;

inline mp_iface I8(int8_t v) { return box(T_int8, v); }
inline mp_iface I16(int16_t v) { return box(T_int16, v); }
inline mp_iface I32(int32_t v) { return box(T_int32, v); }
inline mp_iface I64(int64_t v) { return box(T_int64, v); }
inline mp_iface U(uint64_t v) { return box(T_uint, v); }
inline mp_iface U8(uint8_t v) { return box(T_uint8, v); }
inline mp_iface U16(uint16_t v) { return box(T_uint16, v); }
inline mp_iface U32(uint32_t v) { return box(T_uint32, v); }
inline mp_iface U64(uint64_t v) { return box(T_uint64, v); }
inline mp_iface F32(float v) { return box(T_float32, v); }
inline mp_iface NIL() { return mp_iface{nullptr, nullptr}; }
inline double Inf(int sign) { return sign * std::numeric_limits<double>::infinity(); }
inline double NaN() { return std::nan(""); }
inline double NegZero() { return -0.0; }

inline mp_iface Pt(int64_t x, int64_t y) { return box(T_Point, Point{x, y}); }
inline Point *newPoint(int64_t x, int64_t y) {
  auto *p = static_cast<Point *>(mp_alloc(sizeof(Point)));
  *p = Point{x, y};
  return p;
}
inline mp_iface PtrPt(int64_t x, int64_t y) { return box(T_PointPtr, newPoint(x, y)); }
inline mp_iface NilPtrPt() { return box(T_PointPtr, static_cast<Point *>(nullptr)); }
inline mp_iface Pr(int64_t a, const char *b) { return box(T_pair, Pair{a, str(b)}); }
inline mp_iface Cel(double c) { return box(T_Celsius, c); }
inline mp_iface MyErr(int64_t code) { return box(T_MyErrPtr, newPoint(code, 0)); }
inline mp_iface NilMyErr() { return box(T_MyErrPtr, static_cast<Point *>(nullptr)); }
inline mp_iface Both(int64_t v) { return box(T_Both, v); }
inline mp_iface Nm(const char *s) { return box(T_Name, str(s)); }
inline mp_iface ErrNew(const char *s) { return mp_errors_New(str(s)); }

struct InnerV {
  Point *p;
  mp_iface e;
  double c, lc;
};
inline mp_iface Inner(Point *p, mp_iface e, double c, double lc) {
  return box(T_Inner, InnerV{p, e, c, lc});
}

template <typename T> mp_iface sliceBox(const mp_type *t, std::initializer_list<T> xs) {
  return box(t, sliceFrom<T>(xs));
}
inline mp_iface IS(std::initializer_list<int64_t> xs) { return sliceBox(T_sliceInt, xs); }
inline mp_iface NilIS() { return box(T_sliceInt, mp_slice{nullptr, 0, 0}); }
inline mp_iface SS(std::initializer_list<const char *> xs) {
  // Filled in place: GC strings must never sit only in malloc'd memory.
  auto *p = static_cast<mp_string *>(mp_alloc(sizeof(mp_string) * (xs.size() + 1)));
  size_t i = 0;
  for (auto *x : xs)
    p[i++] = str(x);
  return box(T_sliceString, mp_slice{p, static_cast<int64_t>(xs.size()), static_cast<int64_t>(xs.size())});
}
inline mp_iface BS(std::string_view s) {
  auto *p = static_cast<uint8_t *>(mp_alloc(s.size() + 1));
  std::memcpy(p, s.data(), s.size());
  return box(T_sliceByte, mp_slice{p, static_cast<int64_t>(s.size()), static_cast<int64_t>(s.size())});
}
inline mp_iface AS(std::initializer_list<mp_iface> xs) { return sliceBox(T_sliceAny, xs); }
inline mp_iface FS(std::initializer_list<double> xs) { return sliceBox(T_sliceFloat, xs); }
inline mp_iface PS(std::initializer_list<Point> xs) { return sliceBox(T_slicePoint, xs); }
inline mp_iface CS(std::initializer_list<double> xs) { return sliceBox(T_sliceCelsius, xs); }
inline mp_iface Arr3(int64_t a, int64_t b, int64_t c) {
  struct A {
    int64_t v[3];
  };
  return box(T_arr3, A{{a, b, c}});
}
inline mp_iface ArrB(uint8_t a, uint8_t b, uint8_t c) {
  struct A {
    uint8_t v[3];
  };
  return box(T_arrByte, A{{a, b, c}});
}

template <typename K, typename V>
mp_iface mapBox(const mp_type *t, std::initializer_list<std::pair<K, V>> kvs) {
  mp_map *m = mp_map_make(t, 0);
  for (auto &[k, v] : kvs)
    *static_cast<V *>(mp_map_assign(t, m, &k)) = v;
  return box(t, m);
}
inline mp_iface MSI(std::initializer_list<std::pair<const char *, int64_t>> kvs) {
  mp_map *m = mp_map_make(T_mapSI, 0);
  for (auto &[k, v] : kvs) {
    mp_string ks = str(k);
    *static_cast<int64_t *>(mp_map_assign(T_mapSI, m, &ks)) = v;
  }
  return box(T_mapSI, m);
}
inline mp_iface MIS(std::initializer_list<std::pair<int64_t, const char *>> kvs) {
  mp_map *m = mp_map_make(T_mapIS, 0);
  for (auto &[k, v] : kvs)
    *static_cast<mp_string *>(mp_map_assign(T_mapIS, m, &k)) = str(v);
  return box(T_mapIS, m);
}
inline mp_iface MFB(std::initializer_list<std::pair<double, uint8_t>> kvs) {
  return mapBox<double, uint8_t>(T_mapFB, kvs);
}
inline mp_iface MPI(std::initializer_list<std::pair<Point, int64_t>> kvs) {
  return mapBox<Point, int64_t>(T_mapPointInt, kvs);
}
inline mp_iface NilMSI() { return box(T_mapSI, static_cast<mp_map *>(nullptr)); }
inline mp_iface NilPtrInt() { return box(T_ptrInt, static_cast<int64_t *>(nullptr)); }
inline mp_iface NilChan() { return box(T_chanInt, static_cast<void *>(nullptr)); }
inline mp_iface NilFunc() { return box(T_func, static_cast<void *>(nullptr)); }
inline mp_iface PtrIS(std::initializer_list<int64_t> xs) {
  auto *cell = static_cast<mp_slice *>(mp_alloc(sizeof(mp_slice)));
  *cell = sliceFrom<int64_t>(xs);
  return box(T_ptrSlice, cell);
}
inline mp_iface PtrMSI(std::initializer_list<std::pair<const char *, int64_t>> kvs) {
  auto *cell = static_cast<mp_map **>(mp_alloc(sizeof(mp_map *)));
  *cell = *static_cast<mp_map **>(MSI(kvs).data);
  return box(T_ptrMap, cell);
}

} // namespace fmtcase

#endif
