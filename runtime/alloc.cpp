// runtime/alloc.cpp: garbage-collected allocation on Boehm GC.
// Worker threads register with the collector (gc.cpp); GC_INIT runs at
// runtime start-up, or here on first use by a program without goroutines.
#include "sched.h"

#include <gc.h>

#include <cstdio>
#include <cstdlib>

namespace {

// Go's report (runtime/malloc.go): the failed request, then the fatal
// error; fatal() flushes what the program printed to stdout first.
[[noreturn]] void outOfMemory(size_t size) {
  std::fprintf(stderr, "runtime: out of memory: cannot allocate %zu-byte block (%zu in use)\n",
               size, size_t(GC_get_heap_size()));
  mp::rt::fatal("out of memory", false);
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
