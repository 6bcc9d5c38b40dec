// runtime/chan.h: channel internals shared by chan.cpp, select.cpp and
// timer.cpp.  The invariants these structures keep are at the top of
// chan.cpp (channels) and select.cpp (select and value guards).
#pragma once

#include "sched.h"

#include <atomic>

namespace mp::rt {

enum SelectState : int { SelWaiting = 0, SelDone = 1, SelNudged = 2 };

// One select's shared state: wakers race on `state`; the winner of
// SelWaiting->SelDone writes `fired` before it readies the selector.
struct SelectWait {
  std::atomic<int> state{SelWaiting};
  int fired = -1;
};

// A blocked send or receive (Go's sudog).  Lives on the blocked G's stack;
// linked into one channel queue, protected by that channel's lock.
struct Waiter {
  G *g = nullptr;
  Waiter *next = nullptr, *prev = nullptr;
  void *elem = nullptr;     // send: the value; recv: destination or null
  SelectWait *sel = nullptr;  // null for a plain send/receive
  int caseIndex = -1;
  bool ok = false;          // recv: a value arrived; send: not closed
  bool queued = false;
  mp_guard_fn guard = nullptr;  // guarded receive: the selector decides
  void *guardEnv = nullptr;
};

struct WaitQueue {
  Waiter *head = nullptr, *tail = nullptr;
  void push(Waiter *w) {
    w->next = nullptr;
    w->prev = tail;
    if (tail)
      tail->next = w;
    else
      head = w;
    tail = w;
    w->queued = true;
  }
  void remove(Waiter *w) {
    if (!w->queued)
      return;
    if (w->prev)
      w->prev->next = w->next;
    else
      head = w->next;
    if (w->next)
      w->next->prev = w->prev;
    else
      tail = w->prev;
    w->next = w->prev = nullptr;
    w->queued = false;
  }
};

} // namespace mp::rt

struct mp_chan {
  mp::rt::SpinLock lock;
  bool closed = false;      // fields below: protected by lock
  int64_t cap = 0;
  // Buffered values.  Written only under lock (addCount); atomic so that
  // len(ch) reads it without the lock, as Go does: a value guard may call
  // len on a channel whose lock its select holds.
  std::atomic<int64_t> count{0};
  int64_t head = 0;         // index of the oldest buffered value
  int64_t elemSize = 0;
  const mp_type *elem = nullptr;
  char *buf = nullptr;
  mp::rt::WaitQueue recvq, sendq;
};

namespace mp::rt {

// Readies collected while channel locks are held, run after unlocking.
struct Wakeups {
  G *gs[4];
  int n = 0;
  void add(G *g) {
    if (n < 4)
      gs[n++] = g;
    else
      ready(g);  // rare: more than four counterparts in one operation
  }
  void run() {
    for (int i = 0; i < n; ++i)
      ready(gs[i]);
    n = 0;
  }
};

// count += d, by its lock holder: a plain load and store, no atomic RMW.
inline void addCount(mp_chan *c, int64_t d) {
  c->count.store(c->count.load(std::memory_order_relaxed) + d, std::memory_order_relaxed);
}

inline char *chanSlot(mp_chan *c, int64_t i) {
  return c->buf + ((c->head + i) % c->cap) * c->elemSize;
}
inline void copyElem(mp_chan *c, void *dst, const void *src) {
  if (!dst)
    return;
  // A word-sized element (int, pointer, chan: most messages) is one move;
  // a memcpy of a run-time size was a library call on the message path.
  if (c->elemSize == 8)
    __builtin_memcpy(dst, src, 8);
  else if (c->elemSize)
    __builtin_memcpy(dst, src, size_t(c->elemSize));
}
inline void zeroElem(mp_chan *c, void *dst) {
  if (dst && c->elemSize)
    __builtin_memset(dst, 0, size_t(c->elemSize));
}

// Session mode: w's goroutine was abandoned by its run (Ctrl-C, deadlock)
// and must neither take nor give a value.  Relaxed: the abandonment is
// published under schedMu, which every later run passes through.
inline bool abandoned(const Waiter *w) {
  return w->g->cancelled.load(std::memory_order_relaxed);
}
// Takes an abandoned waiter out of the game: a plain one is unlinked, a
// select's is nudged (its selector unlinks its waiters itself); then its G
// is readied, ends at exitIfCancelled and frees its stack.  c locked.
void dropAbandoned(WaitQueue &q, Waiter *w);
// Claims w for a handoff: always for a plain waiter, by winning its
// select's SelWaiting->SelDone race otherwise.  c locked.
bool claimWaiter(Waiter *w);
// Asks a parked selector with a value guard to re-evaluate its cases.
void nudgeWaiter(Waiter *w);
// First waiter of q that can complete a handoff now (removed from q);
// nudges the guarded receivers it passes.  c locked.
Waiter *takeWaiter(WaitQueue &q);
// Moves the first blocked sender's value into the buffer after a receive
// made room.  c locked.
void refillFromSender(mp_chan *c, Wakeups &wake);
// Non-blocking send used by timers; false if the buffer is full.
bool chanTrySend(mp_chan *c, const void *val);

} // namespace mp::rt
