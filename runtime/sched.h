// runtime/sched.h: the scheduler's internal types (G, Worker), shared by
// sched.cpp, chan.cpp, select.cpp, timer.cpp, panic.cpp and gc.cpp.  Not part
// of the ABI.  Invariants and lock order: see the top of sched.cpp.
#pragma once

// MP_ASAN: built with AddressSanitizer (clang or gcc spelling), which must
// be told about stack switches (sched.cpp, stack.cpp; make check-asan).
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define MP_ASAN 1
#endif

#include "mp/runtime.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <pthread.h>

namespace mp::rt {

// A spinlock for short critical sections (channel, run queue).  Spins with
// `pause`, then yields the OS thread so a descheduled holder can finish.
struct SpinLock {
  std::atomic<uint8_t> held{0};
  void lock() {
    // acquire: the critical section sees everything the last holder wrote.
    for (int spins = 0; held.exchange(1, std::memory_order_acquire); ++spins) {
      while (held.load(std::memory_order_relaxed)) {
        if (spins++ < 64)
          __builtin_ia32_pause();
        else
          yieldThread();
      }
    }
  }
  // release: publishes the critical section's writes to the next holder.
  void unlock() { held.store(0, std::memory_order_release); }
  static void yieldThread();
};

enum class GStatus : uint8_t { Idle, Runnable, Running, Waiting, Dead };

struct Worker;

// A goroutine descriptor, in the G region (stack.cpp).  Its stack is bound
// when it first runs (sp == null until then) and freed when it exits.  The
// GC pushes every live G's fields (arg, panic) and, unless a worker runs
// on it, its stack from sp up (gc.cpp).
struct alignas(64) G {
  void *sp;             // saved stack pointer while switched out; null: not started
  char *stackLo;        // lowest byte of the stack slot, or null
  char *stackHi;        // one past the slot's highest byte
  int64_t id;
  void (*fn)(void *);
  void *arg;
  G *schedNext;         // run queue link (owned by whoever holds the queue)
  GStatus status;
  bool live;            // between spawn and exit (read by traces / GC)
  bool isG0;            // a worker's scheduler context
  const char *waitReason;
  const mp_srcpos *waitPos;
  const mp_srcpos *callPos; // the library call in progress (mp_set_call_pos)
  mp_defer_frame *defers;   // innermost defer frame
  struct Panic *panic;      // the panic being unwound, or null
  void *doneFlag;           // root goroutines: their RunState, until ended
                            // (written under schedMu once isRoot is set)
  bool isRoot;              // started by mp_run / mp_run_session
  bool rootStack;           // stackLo..stackHi is a root stack (stack.cpp),
                            // not an MPSTACK slot
  std::atomic<bool> cancelled; // session mode: abandoned by its run; ends at
                            // its next runtime call (set under schedMu;
                            // relaxed: a late read only delays the exit)
  void *tsanFiber;
};

// A hook run right after a context switch, on the new context: releases
// what the old goroutine still held (its channel locks, its own stack).
struct SwitchHook {
  void (*fn)(void *) = nullptr;
  void *arg = nullptr;
};

// Per-worker state (Go's M+P).  Fields without a note are touched only by
// the owning worker thread.
struct Worker {
  int index = 0;
  G *g0 = nullptr;       // scheduler context, its stack in the stack region
  G *cur = nullptr;      // the running G (g0 while scheduling)
  G *runnext = nullptr;  // goroutine woken by this worker: runs next
  SpinLock qlock;        // protects the run queue below (stealers take it)
  G *qhead = nullptr, *qtail = nullptr;  // FIFO: woken, yielded (runq.cpp)
  G *freshTop = nullptr;                 // LIFO: spawned, not yet run
  int64_t fifoLen = 0, freshLen = 0;     // under qlock
  std::atomic<int64_t> qsize{0};  // both lists; a hint for thieves (runq.cpp)
  // When each list last became non-empty (monotonic ns; 0: empty), and
  // schedops when both were empty last, written under qlock; thieves read
  // them after qsize (runq.cpp).
  std::atomic<int64_t> fifoSince{0}, freshSince{0};
  std::atomic<uint64_t> qsinceOps{0};
  // Context switches and run-queue pushes so far, written only by the
  // owner (relaxed: thieves only compare it with qsinceOps).
  std::atomic<uint64_t> schedops{0};
  uint64_t picks = 0;             // local pops, for the fairness rule
  // Idle protocol (idle.cpp).  spinning: counted in nspinning; written by
  // this worker, or by its waker while it sleeps (both under schedMu then).
  bool spinning = false;
  bool wakeup = false;          // under schedMu: a waker took w off the idle list
  Worker *idleNext = nullptr;   // under schedMu: the idle (sleeping) list
  std::condition_variable cv;   // waits under schedMu: spinning (timed), sleeping
  SwitchHook hook;
  // GC bookkeeping, read by the collector while the world is stopped.
  volatile bool switching = false;  // between stack choice and hook
  G *volatile switchFrom = nullptr;
  G *volatile switchTo = nullptr;
  void *gcHandle = nullptr;         // GC_get_my_stackbottom's handle
  // Preemption: sysmon compares schedtick across its 10 ms ticks.
  std::atomic<uint64_t> schedtick{0};  // relaxed: only equality matters
  // Running goroutines, not idle in findRunnable.  Stores release, sysmon
  // loads acquire: it then reads stackLimitSlot, written before the first.
  std::atomic<bool> busy{false};
  uint64_t *stackLimitSlot = nullptr;  // &%fs:0x70 of this thread
  uint64_t rng = 1;
  // Goroutines created / ended on this worker, written only by its thread;
  // mp_num_goroutine sums them (a relaxed snapshot, as Go's NumGoroutine).
  std::atomic<int64_t> spawned{0}, exited{0};
  pthread_t thread{};
};

// Scheduler globals (sched.cpp).
extern bool gPerturb;  // MPSCHED_PERTURB set (perturb.cpp); read-only after start
extern int gNumWorkers;
extern Worker *gWorkers;
extern size_t gStackSize;

Worker *currentWorker();      // null on non-worker threads
G *currentG();                // null on non-worker threads
uint64_t fastRand(Worker *w); // per-worker xorshift
// Uniform in [0, n): the high 32 random bits scaled by n (multiply-shift;
// a 64-bit `%` is a divide, ~12% of mp_select's time in bench/fanin).
inline uint32_t randN(Worker *w, uint32_t n) {
  return uint32_t(((fastRand(w) >> 32) * n) >> 32);
}

// Parks the running goroutine (status Waiting, reason, pos), then runs
// hook(arg) on the next context.  Precondition: whoever will wake the G
// can only find it after hook ran (e.g. hook unlocks the channel lock).
void park(const char *reason, const mp_srcpos *pos, void (*hook)(void *),
          void *arg);
// Local run queues (runq.cpp); the owner pushes and pops, idle workers
// steal.  pushLocal: FIFO end (woken, yielded); pushFresh: LIFO (spawned).
void pushLocal(Worker *w, G *g);
void pushFresh(Worker *w, G *g);
G *popLocal(Worker *w);
// Steals from a run queue list that has been non-empty for kWokenWaitNs
// (FIFO) or kSpawnedWaitNs (fresh), or for kStuckNs while its worker ran
// one goroutine without a switch or a push (runq.cpp): queued work is left
// to its own worker for that long.  Otherwise *due is when queued work
// elsewhere may become stealable (0: no work queued).
G *stealBacklog(Worker *w, int64_t now, int64_t *due);
constexpr int64_t kWokenWaitNs = 30'000;
constexpr int64_t kSpawnedWaitNs = 100'000;
constexpr int64_t kStuckNs = 5'000;
// Counts a scheduling event of w (switch, push): w is not stuck.  Only
// thieves read it: with one worker it is not kept (spawn and skynet on one
// worker ran 5-7% slower with it).
inline void bumpSchedops(Worker *w) {
  if (gNumWorkers > 1)
    w->schedops.store(w->schedops.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

// Idle workers (idle.cpp).  After work was queued: makes sure some idle
// worker will look at it (wakes a sleeper unless one is spinning).
void wakeIdle();
// After queueing on the global queue (schedMu held): wakes a sleeper, or
// the spinners when none sleeps.
void wakeForGlobalLocked();
// findRunnable found nothing (schedMu held through lk; now: monotonic ns;
// due: when queued work elsewhere becomes stealable, 0 if none; idleSince:
// when this idle spell began, reset after a sleep): waits until `due`
// (spinning), or lingers while other workers run, else sleeps until woken.
// Returns with lk held.
void idleWaitLocked(Worker *w, std::unique_lock<std::mutex> &lk, int64_t now,
                    int64_t due, int64_t &idleSince);
// w found work: it is busy again (sysmon ticks), stops spinning, and wakes
// another idle worker if it was the last spinner and work is still queued
// (Go's resetspinning).
void leaveIdle(Worker *w);
int idleWorkers();  // workers in idleWaitLocked (seq_cst)
int64_t monoNs();
// Work some idle worker could take (sched.cpp): the global queue and the
// run queues; relaxed reads of the size hints.
bool anyQueued();

// Scheduler perturbation (perturb.cpp): MPSCHED_PERTURB=<seed> randomizes
// run-queue picks and the waker's run-next slot and yields at channel
// operations and delays worker start-up, to explore interleavings; the seed
// replays a run (MPPROCS=1).
void perturbInit();
void perturbYield();
void perturbStartDelay(Worker *w);
inline void perturbPoint() {
  if (__builtin_expect(gPerturb, 0))
    perturbYield();
}

// Makes g runnable: on this worker's run-next slot from a worker, else on
// the global queue.  g must be parked (its hook already ran).
void ready(G *g);
// Counts work the scheduler cannot see (timers being fired, system calls on
// helper threads) so that the deadlock check never fires while it runs.
void externalBegin();
void externalEnd();
bool deadlockCheckLocked();  // sched.cpp
// True while a value guard runs on this thread (select.cpp): it holds
// channel locks, so a preemption request must not switch goroutines.
bool inGuard();

// Descriptors and stacks (stack.cpp).
G *allocG();                  // a descriptor without a stack, from the pool
void bindStack(G *g);         // gives g a stack from the pool
void freeG(G *g);             // g and its stack back (g must not be running)
// The bounds [*lo, *hi) of the goroutine stack holding sp (an MPSTACK slot
// or a root stack); false when sp is on no goroutine stack.
bool stackOf(const void *sp, char **lo, char **hi);
// Below the stack limit: runtime C calls, leaf MP frames and the small
// frames codegen does not count (codegen/stack_check.cpp's invariant).
constexpr size_t kRedZone = 32 << 10;
// The stack limit of g at %fs:0x70 (inline: it is written on every switch).
inline uint64_t stackLimit(G *g) { return reinterpret_cast<uint64_t>(g->stackLo + kRedZone); }
void forEachG(void (*fn)(G *, void *), void *arg);  // every G ever carved
void forEachLiveG(void (*fn)(G *, void *), void *arg);  // only live ones
void setLive(G *g, bool live);  // g->live, and the map forEachLiveG reads
char *stackRegionLo();
char *stackRegionHi();

// Context switch (context_x86_64.S).
extern "C" void mp_ctx_switch(void **saveSp, void *newSp);
extern "C" void mp_ctx_entry();
void *initContext(G *g, void (*entry)(G *));

// Timers (timer.cpp).
bool timersPending();
void sysmonStart();
void sysmonWake();

// Fatal errors (panic.cpp): flush stdout, print, trace, exit 2.
[[noreturn]] void fatal(const char *msg, bool allGoroutines);
} // namespace mp::rt
// `fatal error: stack overflow` naming fn, or else the MP function holding
// pc (panic.cpp).
extern "C" [[noreturn]] void mp_stack_overflow(void *pc, const mp_srcpos *fn);
namespace mp::rt {
// The report of fatal() without the exit (session mode's deadlock).
void reportFatal(const char *msg, bool allGoroutines);

// A root goroutine's run (mp_run, mp_run_session), on the caller's stack.
struct RunState {
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;  // under mu
  int result = 0;     // MP_RUN_*, under mu
};
// The scheduler lock (schedMu); lock order: schedMu -> RunState::mu.
std::mutex &schedLock();
// Creates root goroutine fn(arg), counts it as an active run and queues it.
G *spawnRoot(void (*fn)(void *), void *arg, RunState *st);
// Ends g's run (schedMu held, g->doneFlag set): the caller of mp_run(_session)
// returns `result`.  g itself is not touched otherwise.
void endRootLocked(G *g, int result);

// Session mode (session.cpp, mp_session_begin): failures end goroutines and
// runs instead of the process.
bool sessionMode();
// Ends the running goroutine; a root's run returns `rootResult` (MP_RUN_*).
[[noreturn]] void exitCurrentG(int rootResult);
// Ends the running goroutine if its run abandoned it.  Called where a
// blocking runtime call returns, with no runtime lock held and no waiter
// left queued.
void exitIfCancelled();
// os.Exit in session mode: runs the embedder's hook (mp_session_on_exit)
// to completion on a thread of its own; returns at once without one.
void sessionExitHook(int code);
// A deadlock was found (schedMu held): exit 2, or in session mode report it
// and end every active run with MP_RUN_DEADLOCK.
void deadlockLocked();
void printGoroutine(G *g, bool running);
[[noreturn]] void panicString(const char *msg, const mp_srcpos *pos);

// GC (gc.cpp).
void gcInit();
void gcRegisterWorker(Worker *w);

// Blocking calls (blocking.cpp): runs fn(arg) on a helper thread while the
// calling goroutine is parked (directly when not on a goroutine).
void runBlocking(void (*fn)(void *), void *arg, const char *reason);

// A mutex for goroutines: a waiter parks (its worker runs others) and the
// lock is handed to the first waiter on unlock.  Waiters are linked through
// G::schedNext, free while a G is parked.  Only for goroutines.
struct GMutex {
  SpinLock lk;  // protects the fields below
  bool held = false;
  G *head = nullptr, *tail = nullptr;
  void lock(const char *reason);
  void unlock();
};

// Stdout (output.cpp).
void stdoutFlushForExit();
// Waits for buffers being written, writes the rest and keeps the output
// lock until the process dies (a fatal signal, signal.cpp).
void stdoutFlushForSignal();

// SIGINT/SIGTERM/SIGHUP flush stdout before the program dies (signal.cpp).
void signalsInit();

} // namespace mp::rt
