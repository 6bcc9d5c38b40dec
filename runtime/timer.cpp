// runtime/timer.cpp: timers (Sleep, After, Tick, select timeouts) and
// sysmon, the one thread that fires them and raises preemption flags.
// Workers never read the clock on the fast path: sysmon sleeps until the
// next timer or the next 10 ms preemption tick, and not at all when every
// worker is idle and no timer is pending.
//
// Invariants: timerMu protects the heap.  sysmon counts itself external
// (externalBegin) before it takes timers off the heap and ends after their
// goroutines are queued, so the deadlock check (which reads the heap first,
// then the external count) never sees a timer in flight as "no timer".
// timerMu is never held while taking a channel lock or schedMu.  sysmon
// parks without a timeout only when no worker is busy; every worker that
// becomes busy (start-up, waking from idle) calls sysmonWake afterwards.
#include "chan.h"

#include <cstddef>
#include <gc.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <vector>

namespace mp::rt {
namespace {

constexpr int64_t kPreemptNs = 10'000'000;

struct Timer {
  int64_t when;
  int64_t period;  // > 0: Tick
  G *g;            // Sleep: the goroutine to wake
  mp_chan *c;      // After/Tick: the channel to feed
};

struct Later {
  bool operator()(const Timer *a, const Timer *b) const { return a->when > b->when; }
};

std::mutex &timerMu = *new std::mutex;
std::condition_variable &timerCv = *new std::condition_variable;
std::vector<Timer *> &heap = *new std::vector<Timer *>; // min-heap on when; protected by timerMu
std::atomic<bool> sysmonParked{false};

const mp_type kInt64Type = {MP_KIND_INT64, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
                            {reinterpret_cast<const uint8_t *>("int64"), 5},
                            nullptr, nullptr, 0, nullptr, nullptr, nullptr};
const mp_field kTickFields[] = {
    {{reinterpret_cast<const uint8_t *>("wall"), 4}, &kInt64Type, offsetof(mp_tick, wall)},
    {{reinterpret_cast<const uint8_t *>("mono"), 4}, &kInt64Type, offsetof(mp_tick, mono)},
};
// The element of After/Tick channels (generated code receives it as
// time.Time, whose layout it shares).
const mp_type kTickType = {MP_KIND_STRUCT, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0,
                           sizeof(mp_tick), {reinterpret_cast<const uint8_t *>("time.Time"), 9},
                           nullptr, nullptr, 2, kTickFields, nullptr, nullptr};

int64_t nowNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

void addTimer(Timer *t) {
  std::lock_guard<std::mutex> lk(timerMu);
  heap.push_back(t);
  std::push_heap(heap.begin(), heap.end(), Later());
  if (heap.front() == t)
    timerCv.notify_one();
}

void addTimerHook(void *t) { addTimer(static_cast<Timer *>(t)); }

void fire(Timer *t, int64_t now) {
  if (t->g) {
    ready(t->g);  // the sleeper's Timer lives on its stack: touch it no more
    return;
  }
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  mp_tick tick{int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec, now};
  chanTrySend(t->c, &tick);  // a full buffer drops the tick, as Go does
  if (t->period == 0)
    GC_FREE(t);
}

// Sets a worker's stack-limit word to the poison so that its running
// goroutine yields at the next prologue or loop back-edge check.
void preemptStuckWorkers(int64_t now) {
  // Never destroyed: sysmon runs on while exit() runs destructors.
  static auto &lastTick = *new std::vector<uint64_t>;
  static auto &since = *new std::vector<int64_t>;
  if (lastTick.size() != size_t(gNumWorkers)) {
    lastTick.assign(size_t(gNumWorkers), 0);
    since.assign(size_t(gNumWorkers), now);
  }
  for (int i = 0; i < gNumWorkers; ++i) {
    Worker &w = gWorkers[i];
    uint64_t tick = w.schedtick.load(std::memory_order_relaxed);
    if (tick != lastTick[i] || !w.busy.load(std::memory_order_acquire)) {
      lastTick[i] = tick;
      since[i] = now;
      continue;
    }
    if (now - since[i] >= kPreemptNs && w.stackLimitSlot) {
      // Races with the worker's own switch, which rewrites the word: then
      // the request is lost or lands on the next goroutine; both harmless.
      __atomic_store_n(w.stackLimitSlot, MP_PREEMPT_POISON, __ATOMIC_RELAXED);
      since[i] = now;
    }
  }
}

bool anyWorkerBusy() {
  for (int i = 0; i < gNumWorkers; ++i)
    if (gWorkers[i].busy.load(std::memory_order_relaxed))
      return true;
  return false;
}

void *sysmonMain(void *) {
  struct GC_stack_base sb;
  GC_get_stack_base(&sb);
  GC_register_my_thread(&sb);  // it frees After timers (GC_FREE)
  std::unique_lock<std::mutex> lk(timerMu);
  for (;;) {
    int64_t now = nowNs();
    if (!heap.empty() && heap.front()->when <= now) {
      externalBegin();
      std::vector<Timer *> due;
      while (!heap.empty() && heap.front()->when <= now) {
        std::pop_heap(heap.begin(), heap.end(), Later());
        Timer *t = heap.back();
        heap.pop_back();
        due.push_back(t);
        if (t->period > 0) {  // Tick: next tick, never in the past
          t->when = std::max(t->when + t->period, now + 1);
          heap.push_back(t);
          std::push_heap(heap.begin(), heap.end(), Later());
        }
      }
      lk.unlock();
      for (Timer *t : due)
        fire(t, now);
      externalEnd();
      lk.lock();
      continue;
    }
    preemptStuckWorkers(now);
    bool busy = anyWorkerBusy();
    if (heap.empty() && !busy) {
      sysmonParked.store(true, std::memory_order_seq_cst);
      std::atomic_thread_fence(std::memory_order_seq_cst);  // pairs with sysmonWake
      if (!anyWorkerBusy())
        timerCv.wait(lk);
      sysmonParked.store(false, std::memory_order_relaxed);
      continue;
    }
    int64_t until = heap.empty() ? now + kPreemptNs : heap.front()->when;
    if (busy)
      until = std::min(until, now + kPreemptNs);
    timerCv.wait_for(lk, std::chrono::nanoseconds(until - now));
  }
  return nullptr;
}

} // namespace

bool timersPending() {
  std::lock_guard<std::mutex> lk(timerMu);
  return !heap.empty();
}

void sysmonStart() {
  pthread_t t;
  pthread_create(&t, nullptr, sysmonMain, nullptr);
  pthread_detach(t);
}

void sysmonWake() {
  // Dekker with sysmon's park: the caller stored `busy`, sysmon stored
  // sysmonParked; the fences make one of them see the other's store.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (sysmonParked.load(std::memory_order_seq_cst)) {
    std::lock_guard<std::mutex> lk(timerMu);
    timerCv.notify_one();
  }
}

} // namespace mp::rt

using namespace mp::rt;

extern "C" int64_t mp_time_now(void) { return nowNs(); }

extern "C" void mp_sleep(int64_t ns, const mp_srcpos *pos) {
  if (ns <= 0) {
    mp_yield();
    return;
  }
  Timer t{nowNs() + ns, 0, currentG(), nullptr};
  park("sleep", pos, addTimerHook, &t);  // queued only once we are parked
  exitIfCancelled();
}

static mp_chan *newTimerChan(int64_t ns, int64_t period) {
  mp_chan *c = mp_chan_make(&kTickType, 1);
  auto *t = static_cast<Timer *>(GC_MALLOC_UNCOLLECTABLE(sizeof(Timer)));
  *t = Timer{nowNs() + (ns > 0 ? ns : 0), period, nullptr, c};
  addTimer(t);
  return c;
}

extern "C" mp_chan *mp_time_after(int64_t ns) { return newTimerChan(ns, 0); }

extern "C" mp_chan *mp_time_tick(int64_t ns) {
  if (ns <= 0)
    return nullptr;
  return newTimerChan(ns, ns);
}
