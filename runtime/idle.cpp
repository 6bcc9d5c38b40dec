// runtime/idle.cpp: what a worker does when it has nothing to run — watch
// (spinning) or sleep — and how work queued elsewhere wakes it.  Go's
// spinning Ms, with timed waits instead of a busy loop.
//
// An idle worker is in one of two states:
//  - spinning: while some run queue holds work, it waits (a timed wait on
//    its condition variable) until that work may be stolen (runq.cpp:
//    kStuckNs or kBacklogNs after it was queued), and looks again; with
//    nothing queued it lingers, looking every kLingerStepNs, for up to
//    kLingerNs while another worker runs.
//  - sleeping: on the idle list, until a waker takes it off.
// Why: waking a sleeping worker costs the waker a futex system call, and
// the woken worker used to find one goroutine that blocked again at once
// (bench/spawn: 30% of the time in the kernel; fanin: a wake-up, a steal
// and a migration of the consumer per few messages, 2x the one-worker
// time).  A spinning worker absorbs every wake-up of its spell for the
// price of a few timed waits on its own core.
//
// Invariants:
//  - nspinning counts workers with `spinning` set; nsleeping the idle list.
//    Both change under schedMu, except that a spinner finding work drops
//    its count without it (leaveIdle).
//  - No lost wake-up.  A pusher queues, then (seq_cst fence) reads
//    nspinning and nsleeping; a spinner going to sleep decrements
//    nspinning, publishes itself on the idle list, then (fence) re-checks
//    every queue; a spinner finding work decrements nspinning, then (fence)
//    re-checks and wakes a sleeper if work is still queued.  Either the
//    pusher sees a spinner that will look again within kBacklogNs, or a
//    sleeper it wakes, or the spinner sees the work.
//  - A waker takes a sleeper off the idle list and makes it spinning
//    (under schedMu) before notifying it: further pushes see a spinner and
//    do not wake another worker for the same work.
//  - nidle counts workers inside idleWaitLocked's waits (spinning or
//    sleeping); deadlock is declared only when all are idle (sched.cpp).
// Lock order: schedMu only (taken by findRunnable, wakers, the deadlock
// check); never taken while a Worker::qlock is held.
#include "sched.h"

#include <chrono>
#include <ctime>

namespace mp::rt {
namespace {

// How long an idle worker keeps spinning with nothing queued while another
// worker runs, and how often it looks meanwhile: a burst of spawns or
// wake-ups that follows within this time costs its waker no system call,
// and work queued behind a stuck worker (kStuckNs) waits at most one step.
// Bounded: an idle program uses no CPU.
constexpr int64_t kLingerNs = 200'000;
constexpr int64_t kLingerStepNs = 25'000;

std::atomic<int> nidle{0};      // workers waiting in idleWaitLocked
std::atomic<int> nspinning{0};  // see the invariants
std::atomic<int> nsleeping{0};  // length of the idle list
Worker *idleHead = nullptr;     // under schedMu

// Takes a sleeper off the idle list and makes it spinning.  schedMu held.
bool wakeSleeperLocked() {
  Worker *v = idleHead;
  if (!v)
    return false;
  idleHead = v->idleNext;
  v->idleNext = nullptr;
  nsleeping.fetch_sub(1, std::memory_order_relaxed);
  v->spinning = true;
  nspinning.fetch_add(1, std::memory_order_seq_cst);
  v->wakeup = true;
  v->cv.notify_one();
  return true;
}

void removeSleeperLocked(Worker *w) {
  for (Worker **p = &idleHead; *p; p = &(*p)->idleNext)
    if (*p == w) {
      *p = w->idleNext;
      w->idleNext = nullptr;
      nsleeping.fetch_sub(1, std::memory_order_relaxed);
      return;
    }
}

// Sleeps until a waker takes w off the idle list; false if work appeared
// before it could sleep.
bool sleepLocked(Worker *w, std::unique_lock<std::mutex> &lk) {
  if (w->spinning) {
    w->spinning = false;
    nspinning.fetch_sub(1, std::memory_order_seq_cst);
  }
  w->idleNext = idleHead;
  idleHead = w;
  nsleeping.fetch_add(1, std::memory_order_seq_cst);
  nidle.fetch_add(1, std::memory_order_seq_cst);
  // Pairs with wakeIdle's fence: we see its queued G or it sees us.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (anyQueued()) {
    removeSleeperLocked(w);
    nidle.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  w->busy.store(false, std::memory_order_release);
  if (deadlockCheckLocked())
    deadlockLocked();
  while (!w->wakeup)
    w->cv.wait(lk);
  w->wakeup = false;  // the waker unlisted us and made us spinning
  nidle.fetch_sub(1, std::memory_order_relaxed);
  return true;
}

} // namespace

int64_t monoNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

int idleWorkers() { return nidle.load(std::memory_order_seq_cst); }

void wakeIdle() {
  if (gNumWorkers == 1)
    return;  // nobody to wake: the one worker is running this code
  // Pairs with the fences of sleepLocked and leaveIdle: either they see
  // our queued G or we see them.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (nspinning.load(std::memory_order_relaxed) > 0 ||
      nsleeping.load(std::memory_order_relaxed) == 0)
    return;
  std::lock_guard<std::mutex> lk(schedLock());
  if (nspinning.load(std::memory_order_relaxed) == 0)  // else it will look
    wakeSleeperLocked();
}

void wakeForGlobalLocked() {
  if (wakeSleeperLocked())
    return;
  for (int i = 0; i < gNumWorkers; ++i)  // spinners look now, not at their due time
    gWorkers[i].cv.notify_one();
}

void leaveIdle(Worker *w) {
  if (!w->busy.load(std::memory_order_relaxed)) {
    w->busy.store(true, std::memory_order_release);
    sysmonWake();  // busy again: sysmon must tick for preemption
  }
  if (!w->spinning)
    return;
  w->spinning = false;
  if (nspinning.fetch_sub(1, std::memory_order_seq_cst) != 1)
    return;
  // The last spinner: pushes skipped their wake-ups while we spun.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (anyQueued())
    wakeIdle();
}

void idleWaitLocked(Worker *w, std::unique_lock<std::mutex> &lk, int64_t now,
                    int64_t due, int64_t &idleSince) {
  if (due == 0) {  // nothing queued when we looked
    // Others running: nidle counts only the workers waiting here, not us.
    bool othersRun = nidle.load(std::memory_order_relaxed) < gNumWorkers - 1;
    if (!othersRun || now - idleSince >= kLingerNs) {
      if (sleepLocked(w, lk))
        idleSince = monoNs();  // woken: a new spell
      return;
    }
    due = now + kLingerStepNs;
  }
  if (!w->spinning) {
    w->spinning = true;
    nspinning.fetch_add(1, std::memory_order_seq_cst);
  }
  // Not busy: sysmon need not tick to preempt an idle worker.
  w->busy.store(false, std::memory_order_release);
  nidle.fetch_add(1, std::memory_order_seq_cst);
  // steady_clock is CLOCK_MONOTONIC, monoNs's clock.
  w->cv.wait_until(lk, std::chrono::steady_clock::time_point(std::chrono::nanoseconds(due)));
  nidle.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace mp::rt
