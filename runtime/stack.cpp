// runtime/stack.cpp: goroutine stacks and G descriptors, pooled together.
// All stacks (and every worker's scheduler stack) are fixed-size slots of
// one MAP_NORESERVE region, so only touched pages cost memory, a million
// stacks need one mapping (vm.max_map_count is 65,530), and the GC can map
// any stack pointer to its slot.  The G lives at the top of its slot.
#include "sched.h"

#include <gc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/mman.h>

namespace mp::rt {

size_t gStackSize;

namespace {

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MP_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define MP_TSAN 1
#endif

#ifdef MP_TSAN
constexpr size_t kRegionBytes = size_t(64) << 30;  // TSan owns most of the address space
#else
constexpr size_t kRegionBytes = size_t(4) << 40;
#endif
constexpr size_t kRedZone = 32 << 10;   // below the split-stack limit: C calls
constexpr int kLocalCacheMax = 256;     // free Gs kept per worker

char *regionLo, *regionHi;
std::atomic<char *> bump;                // next never-used slot
std::mutex &poolMu = *new std::mutex;                      // protects globalFree
G *globalFree = nullptr;                 // linked through schedNext
thread_local G *localFree = nullptr;     // this worker's cache
thread_local int localFreeCount = 0;

size_t parseSize(const char *s) {
  char *end;
  unsigned long long v = std::strtoull(s, &end, 10);
  switch (*end) {
  case 'k': case 'K': v <<= 10; break;
  case 'm': case 'M': v <<= 20; break;
  case 'g': case 'G': v <<= 30; break;
  default: break;
  }
  return v;
}

void initRegion() {
  size_t size = 1 << 20;  // 1 MiB: only touched pages are resident
  if (const char *s = std::getenv("MPSTACK"))
    if (size_t v = parseSize(s))
      size = v;
  if (size < 64 << 10)
    size = 64 << 10;
  gStackSize = (size + 4095) & ~size_t(4095);
  void *p = mmap(nullptr, kRegionBytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::fprintf(stderr, "fatal error: runtime: cannot reserve goroutine stacks\n");
    std::_Exit(2);
  }
  regionLo = static_cast<char *>(p);
  regionHi = regionLo + kRegionBytes;
  bump.store(regionLo, std::memory_order_relaxed);
}

G *carveSlot() {
  static std::once_flag once;
  std::call_once(once, initRegion);
  // relaxed: the slot's memory is fresh zero pages; no data is published.
  char *base = bump.fetch_add(gStackSize, std::memory_order_relaxed);
  if (base + gStackSize > regionHi) {
    std::fprintf(stderr, "fatal error: runtime: out of goroutine stack space (MPSTACK=%zu)\n",
                 gStackSize);
    std::_Exit(2);
  }
  char *top = base + gStackSize;
  G *g = reinterpret_cast<G *>((reinterpret_cast<uintptr_t>(top) - sizeof(G)) & ~uintptr_t(63));
  g->stackLo = base;
  g->stackHi = reinterpret_cast<char *>(g);
  return g;
}

} // namespace

char *stackRegionLo() { return regionLo; }
char *stackRegionHi() { return bump.load(std::memory_order_acquire); }

// The split-stack limit of g: leaves kRedZone for runtime C calls.
uint64_t stackLimit(G *g) { return reinterpret_cast<uint64_t>(g->stackLo + kRedZone); }

G *allocG() {
  G *g = localFree;
  if (g) {
    localFree = g->schedNext;
    --localFreeCount;
  } else {
    {
      std::lock_guard<std::mutex> lk(poolMu);
      // Refill the local cache with up to half of its capacity.
      for (int i = 0; i < kLocalCacheMax / 2 && globalFree; ++i) {
        G *f = globalFree;
        globalFree = f->schedNext;
        f->schedNext = localFree;
        localFree = f;
        ++localFreeCount;
      }
    }
    g = localFree;
    if (g) {
      localFree = g->schedNext;
      --localFreeCount;
    } else {
      g = carveSlot();
    }
  }
  g->schedNext = nullptr;
  return g;
}

void freeG(G *g) {
  g->live = false;
  g->status = GStatus::Idle;
  g->schedNext = localFree;
  localFree = g;
  if (++localFreeCount <= kLocalCacheMax)
    return;
  // Give half back so that a worker that only spawns can reuse stacks
  // freed by one that only exits.
  std::lock_guard<std::mutex> lk(poolMu);
  while (localFreeCount > kLocalCacheMax / 2) {
    G *f = localFree;
    localFree = f->schedNext;
    --localFreeCount;
    f->schedNext = globalFree;
    globalFree = f;
  }
}

void forEachGSlot(void (*fn)(G *, void *), void *arg) {
  char *end = stackRegionHi();
  for (char *base = regionLo; base && base + gStackSize <= end; base += gStackSize) {
    char *top = base + gStackSize;
    G *g = reinterpret_cast<G *>((reinterpret_cast<uintptr_t>(top) - sizeof(G)) & ~uintptr_t(63));
    fn(g, arg);
  }
}

G *slotOf(const void *sp) {
  char *p = (char *)sp;
  if (p < regionLo || p >= stackRegionHi())
    return nullptr;
  size_t i = size_t(p - regionLo) / gStackSize;
  char *top = regionLo + (i + 1) * gStackSize;
  return reinterpret_cast<G *>((reinterpret_cast<uintptr_t>(top) - sizeof(G)) & ~uintptr_t(63));
}

// A new context's first frame: mp_ctx_switch pops r15..rbp then jumps to
// mp_ctx_entry, which calls entry(g) with a 16-byte aligned stack.
void *initContext(G *g, void (*entry)(G *)) {
  uintptr_t top = reinterpret_cast<uintptr_t>(g->stackHi) & ~uintptr_t(15);
  void **sp = reinterpret_cast<void **>(top) - 7;  // rsp == top at the call
  sp[0] = nullptr;                                   // r15
  sp[1] = nullptr;                                   // r14
  sp[2] = reinterpret_cast<void *>(g);               // r13
  sp[3] = reinterpret_cast<void *>(entry);           // r12
  sp[4] = nullptr;                                   // rbx
  sp[5] = nullptr;                                   // rbp
  sp[6] = reinterpret_cast<void *>(&mp_ctx_entry);   // resume address
  return sp;
}

} // namespace mp::rt
