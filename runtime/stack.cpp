// runtime/stack.cpp: G descriptors and goroutine stacks, pooled separately.
//
// A G gets its stack only when it first runs (bindStack, from switchTo) and
// gives it back when it exits.  So a goroutine that runs to completion
// without blocking (a skynet leaf, a spawn+exit, a worker in a pool) reuses
// the stack its predecessor just freed: hot in cache and already faulted
// in.  Spawning N goroutines before any of them runs costs N descriptors
// (128 bytes each), not N stacks: measured before this split, each spawn in
// such a loop paid a page fault (~2-3 us) for a fresh stack slot.
//
// Memory: two MAP_NORESERVE regions, an array of G descriptors and one of
// fixed-size stack slots (MPSTACK bytes each), so only touched pages cost
// memory, a million goroutines need two mappings (vm.max_map_count is
// 65,530), the GC can map a stack pointer to its slot (stackOf), and the GC
// and traces walk every G (forEachG) without a registry.  A byte map beside
// the G region (one byte per descriptor, set while the G is live) lets the
// GC visit only live Gs (forEachLiveG): after a burst of 4M goroutines,
// walking every descriptor at each collection cost seconds.
//
// Root goroutines (a program's main, each `mpc run` and REPL input) run on
// a root stack instead: a mapping of its own of MPMAINSTACK bytes (default
// 1 GiB, Go's limit, so deep recursion in main works as in Go; only touched
// pages cost memory).  Root stacks are few (one per concurrent root, at
// most kMaxRootStacks, beyond which a root gets an MPSTACK slot), recorded
// in rootStacks for stackOf, never unmapped: a freed one gives its pages
// back (MADV_DONTNEED) and waits for the next root.
//
// Pools: per-worker LIFO caches (thread_local) of free Gs and free stacks,
// overflowing to global lists under poolMu.  Free Gs are linked through
// schedNext, free stacks through their top word.  Lock order: poolMu is a
// leaf.
#include "sched.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/mman.h>
#include <sys/resource.h>

#include <algorithm>

#ifdef MP_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace mp::rt {

size_t gStackSize;

namespace {

#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define MP_SMALL_REGIONS 1
#endif
#endif
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define MP_SMALL_REGIONS 1
#endif

#ifdef MP_SMALL_REGIONS  // the sanitizers own most of the address space
constexpr size_t kStackRegionBytes = size_t(64) << 30;
constexpr size_t kGRegionBytes = size_t(1) << 30;
#else
constexpr size_t kStackRegionBytes = size_t(4) << 40;
constexpr size_t kGRegionBytes = size_t(16) << 30;  // 128M descriptors
#endif
constexpr int kLocalCacheMax = 256;     // free Gs / stacks kept per worker
constexpr int kMaxRootStacks = 64;
#ifdef MP_SMALL_REGIONS
constexpr size_t kDefaultRootStack = size_t(64) << 20;
#else
constexpr size_t kDefaultRootStack = size_t(1) << 30;
#endif

struct Region {
  char *lo = nullptr, *hi = nullptr;
  std::atomic<char *> bump{nullptr};  // next never-used byte
};
Region stacks, gs;
uint8_t *liveMap;  // liveMap[i]: descriptor i is live (written by its owner)

std::mutex &poolMu = *new std::mutex;  // protects the global free lists, RootStack::free
G *globalFreeG = nullptr;               // linked through schedNext
char *globalFreeStack = nullptr;        // linked through the top word
thread_local G *localFreeG = nullptr;
thread_local int localFreeGCount = 0;
thread_local char *localFreeStack = nullptr;
thread_local int localFreeStackCount = 0;

// Root stacks in the order they were mapped: the used entries come first.
// lo is written once (release, under poolMu) and read without the lock by
// stackOf, also by the collector with the world stopped.
struct RootStack {
  std::atomic<char *> lo{nullptr};
  bool free = false;  // under poolMu
};
RootStack rootStacks[kMaxRootStacks];
size_t rootStackSize;  // set once by initRegions

size_t parseSize(const char *s) {
  if (!s)
    return 0;
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

// Under an address-space limit (ulimit -v), a region takes at most
// 1/divisor of it, so the GC heap keeps the rest: MPSTACK-sized slots are
// then fewer, not a failure to start.
size_t capToAddressLimit(size_t bytes, size_t divisor) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    bytes = std::min(bytes, std::max(size_t(rl.rlim_cur) / divisor, size_t(1) << 20));
  return bytes & ~size_t(4095);
}

void reserve(Region &r, size_t bytes, const char *what) {
  void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::fprintf(stderr, "fatal error: runtime: cannot reserve %s\n", what);
    std::_Exit(2);
  }
  r.lo = static_cast<char *>(p);
  r.hi = r.lo + bytes;
  r.bump.store(r.lo, std::memory_order_release);
}

void initRegions() {
  size_t size = 1 << 20;  // 1 MiB: only touched pages are resident
  if (size_t v = parseSize(std::getenv("MPSTACK")))
    size = v;
  if (size < 64 << 10)
    size = 64 << 10;
  gStackSize = (size + 4095) & ~size_t(4095);
  size_t root = kDefaultRootStack;
  if (size_t v = parseSize(std::getenv("MPMAINSTACK")))
    root = v;
  root = std::min(root, capToAddressLimit(root, 16));  // a share of ulimit -v
  rootStackSize = std::max((root + 4095) & ~size_t(4095), gStackSize);
  size_t stackBytes = capToAddressLimit(kStackRegionBytes, 8);
  size_t gBytes = capToAddressLimit(kGRegionBytes, 64);
  reserve(stacks, std::max(stackBytes, gStackSize), "goroutine stacks");
  reserve(gs, gBytes, "goroutine descriptors");
  Region live;
  reserve(live, (gBytes / sizeof(G) + 4095) & ~size_t(4095), "goroutine descriptors");
  liveMap = reinterpret_cast<uint8_t *>(live.lo);
}

std::once_flag regionsOnce;

// relaxed: carved memory is fresh zero pages; no data is published.
char *carve(Region &r, size_t bytes, const char *what) {
  std::call_once(regionsOnce, initRegions);
  char *p = r.bump.fetch_add(bytes, std::memory_order_relaxed);
  if (p + bytes > r.hi) {
    std::fprintf(stderr, "fatal error: runtime: out of %s (MPSTACK=%zu)\n", what, gStackSize);
    std::_Exit(2);
  }
  return p;
}

char *&nextFreeStack(char *stackLo) {
  return *reinterpret_cast<char **>(stackLo + gStackSize - sizeof(char *));
}

// Moves up to half a cache from the global list to this worker's.
template <class T, class Next>
void refill(T *&global, T *&local, int &count, Next next) {
  std::lock_guard<std::mutex> lk(poolMu);
  for (int i = 0; i < kLocalCacheMax / 2 && global; ++i) {
    T *f = global;
    global = next(f);
    next(f) = local;
    local = f;
    ++count;
  }
}

// Gives half of an overfull cache back, so that a worker that only spawns
// can reuse what one that only exits freed.
template <class T, class Next>
void spill(T *&global, T *&local, int &count, Next next) {
  std::lock_guard<std::mutex> lk(poolMu);
  while (count > kLocalCacheMax / 2) {
    T *f = local;
    local = next(f);
    --count;
    next(f) = global;
    global = f;
  }
}

auto gNext = [](G *g) -> G *& { return g->schedNext; };
auto stackNext = [](char *s) -> char *& { return nextFreeStack(s); };

// A free root stack, or a new one; null when kMaxRootStacks are in use or
// the mapping fails (the root then takes an MPSTACK slot).
char *takeRootStack() {
  std::call_once(regionsOnce, initRegions);
  std::lock_guard<std::mutex> lk(poolMu);
  for (RootStack &r : rootStacks) {
    char *lo = r.lo.load(std::memory_order_relaxed);
    if (lo && r.free) {
      r.free = false;
      return lo;
    }
    if (lo)
      continue;
    void *p = mmap(nullptr, rootStackSize, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
      return nullptr;
    // release: stackOf may read lo without poolMu and then use the range.
    r.lo.store(static_cast<char *>(p), std::memory_order_release);
    return static_cast<char *>(p);
  }
  return nullptr;
}

void giveRootStack(char *lo) {
  madvise(lo, rootStackSize, MADV_DONTNEED);  // a deep recursion's pages go back
  std::lock_guard<std::mutex> lk(poolMu);
  for (RootStack &r : rootStacks)
    if (r.lo.load(std::memory_order_relaxed) == lo)
      r.free = true;
}

} // namespace

char *stackRegionLo() { return stacks.lo; }
char *stackRegionHi() { return stacks.bump.load(std::memory_order_acquire); }


G *allocG() {
  if (!localFreeG)
    refill(globalFreeG, localFreeG, localFreeGCount, gNext);
  G *g = localFreeG;
  if (g) {
    localFreeG = g->schedNext;
    --localFreeGCount;
  } else {
    g = reinterpret_cast<G *>(carve(gs, sizeof(G), "goroutine descriptors"));
  }
  g->schedNext = nullptr;
  g->sp = nullptr;
  g->stackLo = g->stackHi = nullptr;
  g->isRoot = g->rootStack = false;
  return g;
}

void bindStack(G *g) {
  if (g->isRoot) {
    if (char *s = takeRootStack()) {
#ifdef MP_ASAN
      ASAN_UNPOISON_MEMORY_REGION(s, rootStackSize);
#endif
      g->stackLo = s;
      g->stackHi = s + rootStackSize;
      g->rootStack = true;
      return;
    }
  }
  if (!localFreeStack)
    refill(globalFreeStack, localFreeStack, localFreeStackCount, stackNext);
  char *s = localFreeStack;
  if (s) {
    localFreeStack = nextFreeStack(s);
    --localFreeStackCount;
#ifdef MP_ASAN
    // Frames of a goroutine that exited (switched away for good) stay
    // poisoned; the next user of the stack must not trip over them.
    ASAN_UNPOISON_MEMORY_REGION(s, gStackSize);
#endif
  } else {
    s = carve(stacks, gStackSize, "goroutine stack space");
  }
  g->stackLo = s;
  g->stackHi = s + gStackSize;
}

size_t indexOf(G *g) { return size_t(reinterpret_cast<char *>(g) - gs.lo) / sizeof(G); }

void setLive(G *g, bool live) {
  g->live = live;
  liveMap[indexOf(g)] = live;
}

void freeG(G *g) {
  setLive(g, false);
  g->status = GStatus::Idle;
  if (char *s = g->stackLo; s && g->rootStack) {
    g->stackLo = g->stackHi = nullptr;
    g->sp = nullptr;
    g->rootStack = false;
    giveRootStack(s);
  } else if (s) {
    g->stackLo = g->stackHi = nullptr;
    g->sp = nullptr;
    nextFreeStack(s) = localFreeStack;
    localFreeStack = s;
    if (++localFreeStackCount > kLocalCacheMax)
      spill(globalFreeStack, localFreeStack, localFreeStackCount, stackNext);
  }
  g->schedNext = localFreeG;
  localFreeG = g;
  if (++localFreeGCount > kLocalCacheMax)
    spill(globalFreeG, localFreeG, localFreeGCount, gNext);
}

void forEachG(void (*fn)(G *, void *), void *arg) {
  char *end = gs.bump.load(std::memory_order_acquire);
  for (char *p = gs.lo; p && p + sizeof(G) <= end; p += sizeof(G))
    fn(reinterpret_cast<G *>(p), arg);
}

void forEachLiveG(void (*fn)(G *, void *), void *arg) {
  size_t n = indexOf(reinterpret_cast<G *>(gs.bump.load(std::memory_order_acquire)));
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {  // a word of the map at a time: most are 0
    uint64_t word;
    std::memcpy(&word, liveMap + i, 8);
    if (!word)
      continue;
    for (size_t j = i; j < i + 8; ++j)
      if (liveMap[j])
        fn(reinterpret_cast<G *>(gs.lo + j * sizeof(G)), arg);
  }
  for (; i < n; ++i)
    if (liveMap[i])
      fn(reinterpret_cast<G *>(gs.lo + i * sizeof(G)), arg);
}

bool stackOf(const void *sp, char **lo, char **hi) {
  const char *p = static_cast<const char *>(sp);
  if (p >= stacks.lo && p < stackRegionHi()) {
    *lo = stacks.lo + size_t(p - stacks.lo) / gStackSize * gStackSize;
    *hi = *lo + gStackSize;
    return true;
  }
  for (RootStack &r : rootStacks) {
    char *l = r.lo.load(std::memory_order_acquire);
    if (!l)
      break;
    if (p >= l && p < l + rootStackSize) {
      *lo = l;
      *hi = l + rootStackSize;
      return true;
    }
  }
  return false;
}

// A new context's first frame: mp_ctx_switch pops r15..rbp then jumps to
// mp_ctx_entry, which calls entry(g) with a 16-byte aligned stack.  The
// slot's top word stays free (it links the slot while it is pooled).
void *initContext(G *g, void (*entry)(G *)) {
  uintptr_t top = (reinterpret_cast<uintptr_t>(g->stackHi) - 16) & ~uintptr_t(15);
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
