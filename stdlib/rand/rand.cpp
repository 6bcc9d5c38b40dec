// stdlib/rand/rand.cpp: package math/rand's top-level functions on Go
// 1.19's generator (an additive lagged Fibonacci source, seeded through
// cooked_table.inc) and Go's exact reductions (Int31n's rejection loop,
// Perm's inside-out shuffle), so a program prints the numbers `go run`
// prints.  Like Go 1.19, the global source starts as Seed(1).
// Invariant: globalSource is only touched with globalLock held.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cstdint>
#include <mutex>

namespace {

constexpr int RngLen = 607, RngTap = 273;
constexpr uint64_t Cooked[RngLen] = {
#include "cooked_table.inc"
};

constexpr int32_t seedrand(int32_t x) { return static_cast<int32_t>(int64_t{x} * 48271 % 2147483647); }

class Source {
public:
  constexpr explicit Source(int64_t seed) { seedWith(seed); }

  constexpr void seedWith(int64_t seed) {
    tap = 0;
    feed = RngLen - RngTap;
    seed %= 2147483647;
    if (seed < 0)
      seed += 2147483647;
    if (seed == 0)
      seed = 89482311;
    auto x = static_cast<int32_t>(seed);
    for (int i = -20; i < RngLen; ++i) {
      x = seedrand(x);
      if (i < 0)
        continue;
      uint64_t u = static_cast<uint64_t>(x) << 40;
      x = seedrand(x);
      u ^= static_cast<uint64_t>(x) << 20;
      x = seedrand(x);
      u ^= static_cast<uint64_t>(x);
      vec[i] = u ^ Cooked[i];
    }
  }

  int64_t int63() {
    if (--tap < 0)
      tap += RngLen;
    if (--feed < 0)
      feed += RngLen;
    vec[feed] += vec[tap];  // wraps modulo 2^64, as Go's int64 addition
    return static_cast<int64_t>(vec[feed] & ~(uint64_t{1} << 63));
  }

private:
  int tap = 0, feed = 0;
  uint64_t vec[RngLen]{};
};

std::mutex globalLock;
// Seeded at compile time: no static initialiser (of a program or a test)
// can run before it.
constinit Source globalSource(1);

int64_t int63() {
  std::lock_guard<std::mutex> g(globalLock);
  return globalSource.int63();
}
int32_t int31() { return static_cast<int32_t>(int63() >> 32); }

int32_t int31n(int32_t n) {
  if ((n & (n - 1)) == 0)
    return int31() & (n - 1);
  auto max = static_cast<int32_t>((uint32_t{1} << 31) - 1 - (uint32_t{1} << 31) % static_cast<uint32_t>(n));
  int32_t v = int31();
  while (v > max)
    v = int31();
  return v % n;
}

int64_t int63n(int64_t n) {
  if ((n & (n - 1)) == 0)
    return int63() & (n - 1);
  auto max = static_cast<int64_t>((uint64_t{1} << 63) - 1 - (uint64_t{1} << 63) % static_cast<uint64_t>(n));
  int64_t v = int63();
  while (v > max)
    v = int63();
  return v % n;
}

} // namespace

extern "C" void mp_rand_Seed(int64_t seed) {
  std::lock_guard<std::mutex> g(globalLock);
  globalSource.seedWith(seed);
}

extern "C" int64_t mp_rand_Int63(void) { return int63(); }
extern "C" int64_t mp_rand_Int(void) { return int63(); }

extern "C" int64_t mp_rand_Int63n(int64_t n) {
  if (n <= 0)
    mp::std_::panicPlain("invalid argument to Int63n");
  return int63n(n);
}

extern "C" int64_t mp_rand_Intn(int64_t n) {
  if (n <= 0)
    mp::std_::panicPlain("invalid argument to Intn");
  if (n <= INT32_MAX)
    return int31n(static_cast<int32_t>(n));
  return int63n(n);
}

extern "C" double mp_rand_Float64(void) {
  for (;;) {
    double f = static_cast<double>(int63()) / 0x1p63;
    if (f != 1)  // int63 rounded up to 2^63: resample, as Go does
      return f;
  }
}

extern "C" mp_slice mp_rand_Perm(int64_t n) {
  if (n < 0)
    mp_panic_runtime_error("makeslice: len out of range");
  auto *m = static_cast<int64_t *>(mp_alloc_atomic(static_cast<size_t>(n) * sizeof(int64_t)));
  for (int64_t i = 0; i < n; ++i) {
    int64_t j = mp_rand_Intn(i + 1);
    m[i] = m[j];
    m[j] = i;
  }
  return mp_slice{m, n, n};
}
