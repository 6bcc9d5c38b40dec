// test/unit/runtime/rt_test.h: helpers for driving the runtime's C ABI from
// GoogleTest: run a lambda as a root goroutine, spawn lambdas, and
// hand-built type descriptors.
#pragma once

#include "mp/runtime.h"

#include <gc.h>
#include <gtest/gtest.h>

#include <new>
#include <utility>

namespace rt_test {

inline mp_type makeType(mp_kind kind, int64_t size, const char *name, size_t nameLen) {
  return mp_type{uint8_t(kind), uint8_t(size >= 8 ? 8 : size), MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0,
                 size, {reinterpret_cast<const uint8_t *>(name), int64_t(nameLen)}, nullptr, nullptr, 0,
                 nullptr, nullptr, nullptr};
}
inline const mp_type kInt = makeType(MP_KIND_INT, 8, "int", 3);
// A 32-byte struct, to check that values are copied by elem size.
struct Big {
  int64_t a, b, c, d;
};
inline const mp_type kBig = makeType(MP_KIND_STRUCT, 32, "main.Big", 8);
inline const mp_type kUnit = makeType(MP_KIND_STRUCT, 0, "struct {}", 9);

// Closures are kept in uncollectable GC memory: they may hold the only
// reference to a channel.
template <class F> void *boxClosure(F f) {
  void *mem = GC_MALLOC_UNCOLLECTABLE(sizeof(F));
  return new (mem) F(std::move(f));
}
template <class F> void callBoxed(void *p) {
  F *f = static_cast<F *>(p);
  (*f)();
  f->~F();
  GC_FREE(p);
}

// Runs f as a root goroutine and waits for it.
template <class F> void run(F f) { mp_run(callBoxed<F>, boxClosure(std::move(f))); }
// `go f()`.
template <class F> void go(F f) { mp_go(callBoxed<F>, boxClosure(std::move(f))); }

inline void send(mp_chan *c, int64_t v) { mp_chan_send(c, &v, nullptr); }
inline int64_t recv(mp_chan *c, bool *ok = nullptr) {
  int64_t v = -1;
  bool k = mp_chan_recv(c, &v, nullptr);
  if (ok)
    *ok = k;
  return v;
}

// A WaitGroup built from a buffered channel: Done sends, Wait receives n.
struct Done {
  mp_chan *c;
  explicit Done(int64_t cap) : c(mp_chan_make(&kInt, cap)) {}
  void done() { send(c, 0); }
  void wait(int n) {
    for (int i = 0; i < n; ++i)
      recv(c);
  }
};

} // namespace rt_test
