// runtime/alloc.cpp: garbage-collected allocation on Boehm GC.
// Worker threads register with the collector (gc.cpp); GC_INIT runs at
// runtime start-up, or here on first use by a program without goroutines.
#include "mp/runtime.h"

#include <gc.h>

#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void outOfMemory(size_t size) {
  std::fprintf(stderr, "fatal error: runtime: out of memory (allocating %zu bytes)\n", size);
  std::_Exit(2);
}

} // namespace

extern "C" void *mp_alloc(size_t size) {
  void *p = GC_MALLOC(size);
  if (!p && size)
    outOfMemory(size);
  return p;  // GC_MALLOC returns cleared memory
}

extern "C" void *mp_alloc_atomic(size_t size) {
  void *p = GC_MALLOC_ATOMIC(size);
  if (!p && size)
    outOfMemory(size);
  __builtin_memset(p, 0, size);  // atomic objects are not cleared by Boehm
  return p;
}
