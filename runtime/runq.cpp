// runtime/runq.cpp: each worker's local run queue, in two lists:
//  - `fifo`: goroutines that were woken, yielded or preempted, in order;
//  - `fresh`: goroutines that were spawned and displaced from runnext before
//    they ran, newest on top (a LIFO).
//
// Why a LIFO for spawned goroutines: running the newest goroutine first
// makes a tree of spawns run depth-first, so a subtree finishes (and frees
// its stacks) before its siblings start.  Skynet (a 10-ary tree of 1.1M
// goroutines) then keeps a few dozen stacks alive, hot in cache, instead of
// starting all 111,111 interior goroutines first (breadth-first, what a
// FIFO does, and Go): measured 8.1 s -> see bench/runtime, most of it page
// faults for fresh stacks and the GC scanning 10^5 parked stacks.
//
// Invariants:
//  - w->qlock protects both lists and their lengths (fifoLen, freshLen);
//    qsize is their total, fifoSince / freshSince when each became
//    non-empty (0 while empty), all written under qlock and read without it
//    as hints.  Only the owner pushes and pops; thieves (idle workers) take
//    from the old end of a list under qlock, and only once it has waited
//    (stealBacklog).  A thief pushes what it took onto its own, empty lists.
//  - The owner takes fresh goroutines first, except every kFairEvery-th
//    pick, which takes the FIFO first: a chain of spawns cannot starve
//    woken goroutines.
//  - Under MPSCHED_PERTURB the owner takes a random one of the first few
//    goroutines of either list (perturb.cpp), still without losing any.
#include "sched.h"

#include <algorithm>

namespace mp::rt {
namespace {

constexpr uint64_t kFairEvery = 61;  // as Go's global-queue check
constexpr int kPerturbWindow = 8;    // how deep a perturbed pick looks

// After a change (qlock held).  release: a thief that reads the new size
// (acquire) also sees the since stamps (not kept with one worker: no
// thief reads them).
void syncSize(Worker *w) {
  if (gNumWorkers > 1) {
    if (w->fifoLen == 0)
      w->fifoSince.store(0, std::memory_order_relaxed);
    if (w->freshLen == 0)
      w->freshSince.store(0, std::memory_order_relaxed);
  }
  w->qsize.store(w->fifoLen + w->freshLen, std::memory_order_release);
}

// Before a push onto the FIFO or the fresh list (qlock held): counts the
// push as a scheduling event, and an empty list starts its wait now (read
// by stealBacklog).  A clock read only when the list was empty, not on
// every push.
void markNonEmpty(Worker *w, bool fresh) {
  if (gNumWorkers == 1)
    return;
  bumpSchedops(w);
  if (w->fifoLen + w->freshLen == 0)
    w->qsinceOps.store(w->schedops.load(std::memory_order_relaxed), std::memory_order_relaxed);
  if ((fresh ? w->freshLen : w->fifoLen) == 0)
    (fresh ? w->freshSince : w->fifoSince).store(monoNs(), std::memory_order_relaxed);
}

G *popFifoLocked(Worker *w) {
  G *g = w->qhead;
  if (g) {
    w->qhead = g->schedNext;
    if (!w->qhead)
      w->qtail = nullptr;
    --w->fifoLen;
  }
  return g;
}

G *popFreshLocked(Worker *w) {
  G *g = w->freshTop;
  if (g) {
    w->freshTop = g->schedNext;
    --w->freshLen;
  }
  return g;
}

// Removes and returns a random one of the first kPerturbWindow entries of
// list `head` (tail kept right when it is a FIFO).
G *popRandomLocked(Worker *w, G *&head, G **tail) {
  int n = 0;
  for (G *g = head; g && n < kPerturbWindow; g = g->schedNext)
    ++n;
  if (n == 0)
    return nullptr;
  int k = int(fastRand(w) % uint64_t(n));
  G *prev = nullptr, *g = head;
  for (int i = 0; i < k; ++i) {
    prev = g;
    g = g->schedNext;
  }
  (prev ? prev->schedNext : head) = g->schedNext;
  if (tail && *tail == g)
    *tail = prev;
  return g;
}

G *popPerturbedLocked(Worker *w) {
  bool fifoFirst = fastRand(w) & 1;
  for (int i = 0; i < 2; ++i, fifoFirst = !fifoFirst) {
    if (fifoFirst) {
      if (G *g = popRandomLocked(w, w->qhead, &w->qtail)) {
        --w->fifoLen;
        return g;
      }
    } else if (G *g = popRandomLocked(w, w->freshTop, nullptr)) {
      --w->freshLen;
      return g;
    }
  }
  return nullptr;
}

// Detaches the back half (at least one entry) of a list of n entries
// linked from `head` and returns it in order; `tail` (a FIFO's) is kept.
G *splitBackHalf(G *&head, int64_t n, G **tail) {
  int64_t keep = n / 2;
  if (keep == 0) {
    G *all = head;
    head = nullptr;
    if (tail)
      *tail = nullptr;
    return all;
  }
  G *last = head;
  for (int64_t i = 1; i < keep && last->schedNext; ++i)
    last = last->schedNext;
  G *older = last->schedNext;
  last->schedNext = nullptr;
  if (tail)
    *tail = last;
  return older;
}

} // namespace

void pushLocal(Worker *w, G *g) {
  g->schedNext = nullptr;
  w->qlock.lock();
  markNonEmpty(w, false);
  if (w->qtail)
    w->qtail->schedNext = g;
  else
    w->qhead = g;
  w->qtail = g;
  ++w->fifoLen;
  syncSize(w);
  w->qlock.unlock();
}

void pushFresh(Worker *w, G *g) {
  w->qlock.lock();
  markNonEmpty(w, true);
  g->schedNext = w->freshTop;
  w->freshTop = g;
  ++w->freshLen;
  syncSize(w);
  w->qlock.unlock();
}

G *popLocal(Worker *w) {
  if (w->qsize.load(std::memory_order_relaxed) == 0)
    return nullptr;
  w->qlock.lock();
  G *g;
  if (__builtin_expect(gPerturb, 0)) {
    g = popPerturbedLocked(w);
  } else if (++w->picks % kFairEvery == 0) {
    g = popFifoLocked(w);
    if (!g)
      g = popFreshLocked(w);
  } else {
    g = popFreshLocked(w);
    if (!g)
      g = popFifoLocked(w);
  }
  syncSize(w);
  w->qlock.unlock();
  return g;
}

namespace {

// Takes half of victim's FIFO (its back, newer end: the front runs next
// on the victim anyway) or the older half of its fresh list (in a
// depth-first spawn order the oldest fresh goroutines are the biggest
// subtrees); returns one and queues the rest on w, whose lists are empty
// (it steals only when it found no work of its own).
G *stealFrom(Worker *w, Worker *victim, bool fromFifo, int64_t now) {
  victim->qlock.lock();
  int64_t n = fromFifo ? victim->fifoLen : victim->freshLen;
  if (n == 0) {
    victim->qlock.unlock();
    return nullptr;
  }
  int64_t taken = n - n / 2;
  G *got = fromFifo ? splitBackHalf(victim->qhead, n, &victim->qtail)
                    : splitBackHalf(victim->freshTop, n, nullptr);
  (fromFifo ? victim->fifoLen : victim->freshLen) -= got ? taken : 0;
  // What stays queued starts a new wait: one steal per wait from a worker
  // that keeps switching.  Without this, fanin's idle worker took the
  // consumer's starved producers one after another once the first wait
  // was over: 11,568 steals in a 0.25 s run, 1,716 with it.
  (fromFifo ? victim->fifoSince : victim->freshSince).store(now, std::memory_order_relaxed);
  syncSize(victim);
  victim->qlock.unlock();
  if (!got)
    return nullptr;
  G *rest = got->schedNext;
  got->schedNext = nullptr;
  if (!rest)
    return got;
  G *tail = rest;
  while (tail->schedNext)
    tail = tail->schedNext;
  w->qlock.lock();
  markNonEmpty(w, !fromFifo);
  if (fromFifo) {
    (w->qtail ? w->qtail->schedNext : w->qhead) = rest;
    w->qtail = tail;
    w->fifoLen += taken - 1;
  } else {
    tail->schedNext = w->freshTop;
    w->freshTop = rest;
    w->freshLen += taken - 1;
  }
  syncSize(w);
  w->qlock.unlock();
  return got;
}

} // namespace

// Why only a backlog is stolen: a goroutine readied by a channel operation
// usually runs within microseconds on its waker's worker, once the waker
// and its run-next partner block.  Stealing it at once (as Go does) made
// the idle worker of bench/fanin take one producer, run it until its next
// send blocked, and pull the consumer over: a futex wake-up, a steal and
// cache-line migrations per message, 2x the one-worker time, and bimodal.
// Like Linux's migration cost (sched_migration_cost_ns), queued work stays
// with its (cache-hot) worker for a while; after that half of a list is
// stolen as before.  Woken goroutines (the FIFO) wait kWokenWaitNs (30 us);
// spawned ones that have not run (the fresh list) kSpawnedWaitNs (100 us):
// a goroutine that spawns a batch and then waits for it runs the batch
// itself within microseconds (bench/spawn: stealing after 30 us made the
// batch's tiny goroutines contend with their consumer on the result
// channel, 0.21 s against 0.16 s).  A worker that has not switched or
// queued anything since its lists became non-empty runs one long goroutine
// (CPU-bound; a spawn loop would have pushed more): what waits behind it
// is stolen after kStuckNs (5 us), so CPU-bound goroutines still spread
// over all workers at once.  Measured on 2 workers: a wait of 0 left
// fanin's idle worker stealing (its CPU time 2.5x the one-worker run's);
// 100 us for woken goroutines made a pool of two workers fed 75 us jobs
// over a channel 1.4x slower and bench/sieve's pipeline 1.3x slower than
// stealing at once did; 30 us is as fast as that.
G *stealBacklog(Worker *w, int64_t now, int64_t *due) {
  *due = 0;
  int n = gNumWorkers;
  if (n == 1)
    return nullptr;  // and no random draw: MPPROCS=1 runs replay by seed
  // Under MPSCHED_PERTURB any queued work is stolen at once: more
  // cross-worker interleavings to explore.
  bool perturb = __builtin_expect(gPerturb, 0);
  int start = int(randN(w, uint32_t(n)));
  for (int i = 0; i < n; ++i) {
    Worker *v = &gWorkers[(start + i) % n];
    if (v == w || v->qsize.load(std::memory_order_acquire) == 0)
      continue;
    // Stuck: v has run one goroutine since its lists became non-empty.
    bool stuck = v->schedops.load(std::memory_order_relaxed) ==
                 v->qsinceOps.load(std::memory_order_relaxed);
    for (bool fifo : {true, false}) {
      int64_t since = (fifo ? v->fifoSince : v->freshSince).load(std::memory_order_relaxed);
      if (since == 0)
        continue;  // empty
      int64_t wait = perturb ? 0 : stuck ? kStuckNs : fifo ? kWokenWaitNs : kSpawnedWaitNs;
      if (since + wait > now) {
        *due = *due ? std::min(*due, since + wait) : since + wait;
        continue;
      }
      if (G *g = stealFrom(w, v, fifo, now))
        return g;
    }
  }
  return nullptr;
}

} // namespace mp::rt
