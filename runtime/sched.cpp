// runtime/sched.cpp: the M:N scheduler.  MPPROCS workers (Go's M+P) run
// goroutines (G) switched in user space; goroutines park on channels and
// timers, never the worker.  Start-up, spawn, park/ready, preemption, the
// worker loop and deadlock detection live here; idle workers (spinning,
// sleeping, waking them) in idle.cpp, run queues and stealing in runq.cpp.
//
// Invariants:
//  - A G is in at most one place: running on one worker, in one worker's
//    runnext slot or run queue, in the global queue, or parked (then only
//    a wait queue, a timer or a helper job refers to it).
//  - A parked G becomes findable by wakers only after it switched out: park
//    hands its unlock to the next context (SwitchHook), so a G is never
//    resumed on another worker while still on its own stack.
//  - runnext is touched only by its owner worker (no atomics on the
//    message fast path); run queues are protected by their qlock.
//  - Whoever queues work on a run queue or the global queue makes sure an
//    idle worker will look at it: wakeIdle / wakeForGlobalLocked wake a
//    sleeper unless one is spinning (idle.cpp states the protocol) — no
//    lost wake-up.  Queued work is stolen only after it waited a while
//    (runq.cpp, stealBacklog).
//  - Deadlock is declared under schedMu only when every worker is idle, all
//    run queues are empty, no timer is pending, nothing runs outside the
//    scheduler (externalBegin/End) and a root goroutine is still alive.
//  - A root goroutine's run ends exactly once, under schedMu (endRootLocked
//    clears G::doneFlag): by its goexit, or in session mode by a deadlock
//    report or an interrupt (session.cpp).
//  - Runtime globals with destructors (mutexes, condition variables,
//    containers) are `*new` and never destroyed: workers, sysmon and helper
//    threads keep running while exit() runs static destructors.
// Lock order: channel locks -> schedMu -> Worker::qlock (ready() under a
// channel lock may take schedMu, in wakeIdle); channel locks -> qlock;
// timerMu is never held while taking schedMu or a channel lock.
#include "sched.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MP_TSAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define MP_TSAN 1
#endif
#ifdef MP_TSAN
extern "C" {
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
}
#endif

#ifdef MP_ASAN
// AddressSanitizer must know which stack is current (make check-asan).
#include <sanitizer/common_interface_defs.h>
#define MP_ASAN_FINISH_SWITCH(save) __sanitizer_finish_switch_fiber(save, nullptr, nullptr)
#else
#define MP_ASAN_FINISH_SWITCH(save) ((void)0)
#endif

#if defined(__clang__)
#define MP_NOIPA __attribute__((noinline))
#else
#define MP_NOIPA __attribute__((noinline, noipa))
#endif

namespace mp::rt {

int gNumWorkers;
Worker *gWorkers;

void SpinLock::yieldThread() { sched_yield(); }

namespace {

std::mutex &schedMu = *new std::mutex;                // protects the fields below it
G *globalHead = nullptr, *globalTail = nullptr;
std::atomic<int64_t> globalSize{0}; // relaxed hint; exact under schedMu
int runActive = 0;                  // root goroutines alive (mp_run/main)
std::atomic<int> nexternal{0};      // see externalBegin
std::atomic<int64_t> nextId{1};
std::atomic<int64_t> externalSpawned{0};  // roots spawned off the workers
uint64_t gSeed;
bool gSeedFromEnv = false;

thread_local Worker *tlsWorker = nullptr;
thread_local int64_t tlsIdNext = 0, tlsIdEnd = 0;

// Adds one to a counter only its owner thread writes: no atomic RMW.
void bump(std::atomic<int64_t> &c) {
  c.store(c.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

int64_t newGoid() {
  if (tlsWorker == nullptr)
    return nextId.fetch_add(1, std::memory_order_relaxed);
  if (tlsIdNext == tlsIdEnd) {  // batches of 16, as Go's goidcache
    tlsIdNext = nextId.fetch_add(16, std::memory_order_relaxed);
    tlsIdEnd = tlsIdNext + 16;
  }
  return tlsIdNext++;
}

void setStackLimitReg(uint64_t limit) {
  __asm__ volatile("movq %0, %%fs:0x70" ::"r"(limit) : "memory");
}

// --- run queues: runq.cpp; the global queue: ---

void globalPushLocked(G *g) {
  g->schedNext = nullptr;
  if (globalTail)
    globalTail->schedNext = g;
  else
    globalHead = g;
  globalTail = g;
  globalSize.fetch_add(1, std::memory_order_relaxed);
}

G *globalPopLocked() {
  G *g = globalHead;
  if (!g)
    return nullptr;
  globalHead = g->schedNext;
  if (!globalHead)
    globalTail = nullptr;
  globalSize.fetch_sub(1, std::memory_order_relaxed);
  return g;
}

} // namespace

namespace {

void globalPush(G *g) {
  std::lock_guard<std::mutex> lk(schedMu);
  globalPushLocked(g);
  wakeForGlobalLocked();
}

} // namespace

// runnext slots are not counted: only their owner runs them, and an owner
// with a non-empty runnext is not idle (counting them made idle workers
// spin while a busy one kept refilling its runnext).  Exact under schedMu
// for the global queue (its size changes only under schedMu).
bool anyQueued() {
  if (globalSize.load(std::memory_order_relaxed) > 0)
    return true;
  for (int i = 0; i < gNumWorkers; ++i)
    if (gWorkers[i].qsize.load(std::memory_order_relaxed) > 0)
      return true;
  return false;
}

namespace {

// --- switching ---

void afterSwitch();
void gEntry(G *g);

void switchTo(Worker *w, G *from, G *to) {
  if (__builtin_expect(to->sp == nullptr, 0)) {  // first run: bind a stack
    bindStack(to);
    to->sp = initContext(to, gEntry);
  }
  w->switchFrom = from;
  w->switchTo = to;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  w->switching = true;
  w->cur = to;
  bumpSchedops(w);
  to->status = GStatus::Running;
  setStackLimitReg(to->isG0 ? 0 : stackLimit(to));
#ifdef MP_TSAN
  __tsan_switch_to_fiber(to->tsanFiber, 0);
#endif
#ifdef MP_ASAN
  void *fakeStack = nullptr;  // a dead G's stack is gone: no save slot
  __sanitizer_start_switch_fiber(from->status == GStatus::Dead ? nullptr : &fakeStack,
                                 to->stackLo, size_t(to->stackHi - to->stackLo));
#endif
  mp_ctx_switch(&from->sp, to->sp);
  MP_ASAN_FINISH_SWITCH(fakeStack);
  afterSwitch();
}

G *pickLocal(Worker *w, bool *inherit) {
  if (G *g = w->runnext) {
    w->runnext = nullptr;
    *inherit = true;  // a woken partner shares the time slice (Go's rule)
    return g;
  }
  *inherit = false;
  return popLocal(w);
}

// The next goroutine for w.  Its own queues, except that the global queue
// goes first every kGlobalEvery-th switch and when a time slice ended
// (Go's schedule() rule): goroutines readied off the workers (by timers,
// new roots) must run even while local goroutines keep each other busy
// forever, which they would never do if the global queue were only
// consulted once w's own queues are empty.
constexpr uint64_t kGlobalEvery = 61;

G *pickNext(Worker *w, bool *inherit, bool sliceEnded) {
  if ((sliceEnded || w->schedtick.load(std::memory_order_relaxed) % kGlobalEvery == 0) &&
      globalSize.load(std::memory_order_relaxed) > 0) {
    std::lock_guard<std::mutex> lk(schedMu);
    if (G *g = globalPopLocked()) {
      *inherit = false;
      return g;
    }
  }
  return pickLocal(w, inherit);
}

void freeDeadG(void *g) { freeG(static_cast<G *>(g)); }
void pushLocalHook(void *g) {
  pushLocal(currentWorker(), static_cast<G *>(g));
  wakeIdle();
}

[[noreturn]] void goexit(int rootResult) {
  Worker *w = currentWorker();
  G *g = w->cur;
  if (g->isRoot) {  // its run may have ended already (session mode)
    std::lock_guard<std::mutex> lk(schedMu);
    if (g->doneFlag)
      endRootLocked(g, rootResult);
  }
  g->status = GStatus::Dead;
  setLive(g, false);
  bump(w->exited);
  bool inherit;
  G *next = pickNext(w, &inherit, false);
  if (!next)
    next = w->g0;
  w->hook = {freeDeadG, g};  // the stack is freed once we are off it
  switchTo(w, g, next);
  __builtin_unreachable();
}

void gEntry(G *g) {
  MP_ASAN_FINISH_SWITCH(nullptr);
  afterSwitch();
  g->fn(g->arg);
  goexit(MP_RUN_OK);
}

// --- the worker loop ---

G *findRunnableOnce(Worker *w, int64_t &idleSince) {
  bool inherit;
  if (G *g = pickNext(w, &inherit, false))
    return g;
  if (globalSize.load(std::memory_order_relaxed) > 0) {
    std::lock_guard<std::mutex> lk(schedMu);
    if (G *g = globalPopLocked())
      return g;
  }
  int64_t now = monoNs(), due;
  if (G *g = stealBacklog(w, now, &due)) {
    return g;
  }
  std::unique_lock<std::mutex> lk(schedMu);
  if (G *g = globalPopLocked())
    return g;
  idleWaitLocked(w, lk, now, due, idleSince);  // spin (a timed wait) or sleep
  return nullptr;
}

// The idle spell starts at the first look that finds nothing; it is only
// measured against kLingerNs (idle.cpp), so a coarse start suffices.
G *findRunnable(Worker *w) {
  int64_t idleSince = monoNs();
  for (;;) {
    if (G *g = findRunnableOnce(w, idleSince)) {
      leaveIdle(w);
      return g;
    }
  }
}

void g0Entry(G *g0) {
  MP_ASAN_FINISH_SWITCH(nullptr);
  afterSwitch();
  Worker *w = currentWorker();
  for (;;) {
    G *g = findRunnable(w);
    w->schedtick.store(w->schedtick.load(std::memory_order_relaxed) + 1,
                       std::memory_order_relaxed);
    switchTo(w, w->g0, g);
  }
}

void *workerMain(void *p) {
  Worker *w = static_cast<Worker *>(p);
  tlsWorker = w;
  gcRegisterWorker(w);
  // An idle worker's timed waits (idle.cpp) are a few microseconds long;
  // the default 50 us timer slack would stretch each one several times.
  prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0);
  uint64_t tcb;
  __asm__("movq %%fs:0, %0" : "=r"(tcb));
  w->stackLimitSlot = reinterpret_cast<uint64_t *>(tcb + 0x70);
  G *g0 = allocG();
  bindStack(g0);
  g0->isG0 = true;
  g0->live = false;
  g0->sp = initContext(g0, g0Entry);
  G boot{};  // the thread's own stack; never resumed
#ifdef MP_TSAN
  boot.tsanFiber = __tsan_get_current_fiber();
  g0->tsanFiber = __tsan_create_fiber(0);
#endif
  w->g0 = g0;
  if (__builtin_expect(gPerturb, 0))
    perturbStartDelay(w);  // sysmon may now start, and park, first
  w->busy.store(true, std::memory_order_release);
  // sysmon may have parked while this worker was not yet busy: without this
  // wake-up a goroutine spinning here was never preempted (MPPROCS=1 hang,
  // test/conc/spin_preempt.mp).
  sysmonWake();
  switchTo(w, &boot, g0);
  return nullptr;
}

int envInt(const char *name, int dflt) {
  const char *s = std::getenv(name);
  if (!s || !*s)
    return dflt;
  int v = std::atoi(s);
  return v > 0 ? v : dflt;
}

void startRuntime() {
  gcInit();
  signalsInit();
  gNumWorkers = envInt("MPPROCS", int(sysconf(_SC_NPROCESSORS_ONLN)));
  perturbInit();
  const char *seed = std::getenv("MPSEED");
  if (!seed && gPerturb)
    seed = std::getenv("MPSCHED_PERTURB");  // its value is the seed
  if (const char *s = seed) {
    gSeed = std::strtoull(s, nullptr, 10);
    gSeedFromEnv = true;
  } else {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    gSeed = uint64_t(ts.tv_nsec) ^ (uint64_t(getpid()) << 32);
  }
  gWorkers = new Worker[gNumWorkers]();
  for (int i = 0; i < gNumWorkers; ++i) {
    gWorkers[i].index = i;
    // splitmix64: neighbouring seeds give unrelated streams (MPSEED=2 and
    // MPSEED=3 used to differ only in the bit that `| 1` sets).
    uint64_t z = gSeed + uint64_t(i + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    gWorkers[i].rng = (z ^ (z >> 31)) | 1;
  }
  for (int i = 0; i < gNumWorkers; ++i) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 << 10);  // runs only until g0
    pthread_create(&gWorkers[i].thread, &attr, workerMain, &gWorkers[i]);
    pthread_attr_destroy(&attr);
  }
  sysmonStart();
}

void ensureStarted() {
  static std::once_flag once;
  std::call_once(once, startRuntime);
}

} // namespace

// Read through a call that the compiler cannot fold: a goroutine may resume
// on another thread, so a thread-local address must never be cached across
// a context switch.
MP_NOIPA Worker *currentWorker() { return tlsWorker; }
MP_NOIPA G *currentG() {
  Worker *w = tlsWorker;
  return w ? w->cur : nullptr;
}

uint64_t fastRand(Worker *w) {
  uint64_t x = w->rng;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return w->rng = x;
}

uint64_t runtimeSeed() { return gSeed; }
bool runtimeSeedFromEnv() { return gSeedFromEnv; }

namespace {
MP_NOIPA void afterSwitch() {
  Worker *w = tlsWorker;
  w->switching = false;
  SwitchHook h = w->hook;
  w->hook = {};
  if (h.fn)
    h.fn(h.arg);
}
} // namespace

void park(const char *reason, const mp_srcpos *pos, void (*hook)(void *), void *arg) {
  Worker *w = currentWorker();
  G *g = w->cur;
  g->status = GStatus::Waiting;
  g->waitReason = reason;
  g->waitPos = pos;
  w->hook = {hook, arg};
  bool inherit;
  G *next = pickNext(w, &inherit, false);
  if (!next)
    next = w->g0;
  else if (!inherit)
    w->schedtick.store(w->schedtick.load(std::memory_order_relaxed) + 1,
                       std::memory_order_relaxed);
  switchTo(w, g, next);
}

void ready(G *g) {
  g->status = GStatus::Runnable;
  Worker *w = currentWorker();
  if (!w) {
    globalPush(g);
    return;
  }
  if (__builtin_expect(gPerturb, 0) && (fastRand(w) & 1)) {
    pushLocal(w, g);  // perturbed: not always the waker's next
    wakeIdle();
    return;
  }
  G *old = w->runnext;
  w->runnext = g;
  if (old) {
    pushLocal(w, old);
    wakeIdle();
  }
}

void externalBegin() { nexternal.fetch_add(1, std::memory_order_seq_cst); }

void externalEnd() {
  if (nexternal.fetch_sub(1, std::memory_order_seq_cst) != 1)
    return;
  std::lock_guard<std::mutex> lk(schedMu);
  if (deadlockCheckLocked())
    deadlockLocked();
}

bool deadlockCheckLocked() {
  // Every worker idle implies every runnext slot is empty (a worker only
  // sleeps after emptying its own).
  if (runActive == 0 || idleWorkers() != gNumWorkers)
    return false;
  if (anyQueued())
    return false;
  // Timers before nexternal: sysmon counts itself external before it
  // takes a timer off the heap.
  if (timersPending())
    return false;
  return nexternal.load(std::memory_order_seq_cst) == 0;
}

void yieldTo(Worker *w, G *g, bool fromPreempt) {
  if (fromPreempt && w->runnext) {  // let queued goroutines go first
    pushLocal(w, w->runnext);
    w->runnext = nullptr;
  }
  bool inherit;
  G *next = pickNext(w, &inherit, fromPreempt);
  if (!next && globalSize.load(std::memory_order_relaxed) > 0) {
    std::lock_guard<std::mutex> lk(schedMu);
    next = globalPopLocked();
  }
  if (!next)
    return;
  w->schedtick.store(w->schedtick.load(std::memory_order_relaxed) + 1,
                     std::memory_order_relaxed);
  g->status = GStatus::Runnable;
  w->hook = {pushLocalHook, g};
  switchTo(w, g, next);
}

std::mutex &schedLock() { return schedMu; }

void endRootLocked(G *g, int result) {
  auto *st = static_cast<RunState *>(g->doneFlag);
  g->doneFlag = nullptr;
  --runActive;
  std::lock_guard<std::mutex> lk(st->mu);
  st->done = true;
  st->result = result;
  st->cv.notify_all();
}

void exitCurrentG(int rootResult) { goexit(rootResult); }

} // namespace mp::rt

using namespace mp::rt;

namespace {
// A runnable G for fn(arg).  Its stack is bound when it first runs
// (switchTo), so spawning costs a pooled descriptor and a few stores.
G *newG(void (*fn)(void *), void *arg, void *doneFlag) {
  if (Worker *w = currentWorker())
    bump(w->spawned);
  else
    externalSpawned.fetch_add(1, std::memory_order_relaxed);
  G *g = allocG();
  g->id = newGoid();
  g->fn = fn;
  g->arg = arg;
  g->defers = nullptr;
  g->panic = nullptr;
  g->doneFlag = doneFlag;
  g->isRoot = doneFlag != nullptr;
  g->cancelled.store(false, std::memory_order_relaxed);
  g->waitReason = nullptr;
  g->waitPos = nullptr;
  g->callPos = nullptr;
#ifdef MP_TSAN
  if (!g->tsanFiber)
    g->tsanFiber = __tsan_create_fiber(0);
#endif
  setLive(g, true);
  g->status = GStatus::Runnable;
  return g;
}
} // namespace

G *mp::rt::spawnRoot(void (*fn)(void *), void *arg, RunState *st) {
  ensureStarted();
  // Spawned from a non-worker thread: lands on the global queue.
  G *g = newG(fn, arg, st);
  // One critical section: an idle worker's deadlock check must never see
  // the root counted but not yet queued.
  std::lock_guard<std::mutex> lk(schedMu);
  ++runActive;
  globalPushLocked(g);
  wakeForGlobalLocked();
  return g;
}

extern "C" void mp_go(void (*fn)(void *), void *arg) {
  ensureStarted();
  G *g = newG(fn, arg, nullptr);
  Worker *w = currentWorker();
  if (!w) {
    globalPush(g);
    return;
  }
  G *old = w->runnext;
  w->runnext = g;
  if (old) {
    pushFresh(w, old);  // newest first: see runq.cpp
    wakeIdle();
  }
}

extern "C" void mp_run(void (*fn)(void *), void *arg) {
  ensureStarted();
  RunState st;
  spawnRoot(fn, arg, &st);
  std::unique_lock<std::mutex> lk(st.mu);
  st.cv.wait(lk, [&] { return st.done; });
}

namespace {
void callMain(void *fn) { reinterpret_cast<void (*)(void)>(fn)(); }
} // namespace

extern "C" int mp_main(int argc, char **argv, void (*main_fn)(void)) {
  (void)argc;
  (void)argv;
  mp_run(callMain, reinterpret_cast<void *>(main_fn));
  stdoutFlushForExit();
  _exit(0);
}

extern "C" void mp_exit(int code) {
  stdoutFlushForExit();
  sessionExitHook(code);
  _exit(code);
}

extern "C" void mp_preempt(void) {
  Worker *w = currentWorker();
  if (!w || w->cur->isG0)
    return;
  G *g = w->cur;
  setStackLimitReg(stackLimit(g));
  if (inGuard())
    return;  // under channel locks: the select yields when it parks or returns
  exitIfCancelled();  // an interrupted REPL input stuck in a loop
  yieldTo(w, g, true);
}

static uint64_t readStackLimitReg() {
  uint64_t limit;
  __asm__ volatile("movq %%fs:0x70, %0" : "=r"(limit));
  return limit;
}

// The slow path of codegen's entry stack check and loop polls, called by
// mp_morestack / mp_preempt_asm (context_x86_64.S) with every register
// saved.  pc: the return address (in the MP function); sp: the stack
// pointer the check compared with the limit (all ones for a loop poll);
// fn: the function's position, or null.
extern "C" void mp_morestack_slow(void *pc, uint64_t sp, const mp_srcpos *fn) {
  if (readStackLimitReg() == MP_PREEMPT_POISON)
    mp_preempt();  // restores the limit (unless on g0 or off the workers)
  uint64_t limit = readStackLimitReg();
  if (limit != MP_PREEMPT_POISON && sp <= limit)
    mp_stack_overflow(pc, fn);
}

extern "C" void mp_yield(void) {
  Worker *w = currentWorker();
  if (!w || w->cur->isG0)
    return;
  yieldTo(w, w->cur, false);
}

extern "C" int64_t mp_num_goroutine(void) {
  int64_t n = externalSpawned.load(std::memory_order_relaxed);
  for (int i = 0; i < gNumWorkers; ++i)
    n += gWorkers[i].spawned.load(std::memory_order_relaxed) -
         gWorkers[i].exited.load(std::memory_order_relaxed);
  return n;
}

extern "C" int64_t mp_goid(void) {
  G *g = currentG();
  return g ? g->id : 0;
}
