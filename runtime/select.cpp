// runtime/select.cpp: select with boolean and value guards (LANGUAGE.md §3).
// Boolean guards are evaluated by codegen (a false one passes chan = NULL);
// value guards run here, on the selecting goroutine.
//
// Invariants:
//  - Channels are locked in address order, each once (lockAll); the lock
//    order is asserted in debug builds.
//  - Cases are polled in a random order; with every lock held, at most one
//    case completes per poll, so exactly one case commits.
//  - When parked, the select has one Waiter per enabled case and one
//    SelectWait.  A waker commits an unguarded case only by winning
//    SelWaiting->SelDone; everyone else skips the waiter.
//  - A guarded receive is never completed by a waker.  A sender (or close)
//    that finds it instead wins SelWaiting->SelNudged and readies the
//    selector, which dequeues all its waiters and polls again, running its
//    guards itself.  The sender meanwhile stays queued (unbuffered) or its
//    value stays buffered, so a message failing a guard is neither lost nor
//    reordered, and its sender stays blocked.
//  - No lost wake-up: guards run and waiters are queued under the same
//    locks, so any message that arrives after the poll finds the waiters
//    and nudges or completes them.
//  - Candidates for a guard are, in arrival order: buffered values, then
//    blocked senders' values; from a closed, drained channel the guard sees
//    the zero value (and ok = false).
//  - A guard runs with the select's channel locks held: it must not block
//    (the compiler forbids channel operations in guards).  len(ch) and
//    cap(ch) take no lock (chan.h), so a guard may call them on any
//    channel, its own select's included.
#include "chan.h"

#include <algorithm>
#include <alloca.h>
#include <cassert>
#include <cstring>

namespace mp::rt {
namespace {

struct LockSet {
  mp_chan **chans;
  int n;
};

void lockAll(const LockSet &ls) {
  for (int i = 0; i < ls.n; ++i) {
    assert(i == 0 || ls.chans[i - 1] < ls.chans[i]);  // address order
    ls.chans[i]->lock.lock();
  }
}

void unlockAll(const LockSet &ls) {
  for (int i = ls.n - 1; i >= 0; --i)
    ls.chans[i]->lock.unlock();
}

void unlockAllHook(void *ls) { unlockAll(*static_cast<LockSet *>(ls)); }

[[noreturn]] void panicClosedSend(const LockSet &ls, const mp_srcpos *pos) {
  unlockAll(ls);
  panicString("send on closed channel", pos);
}

// Removes buffered value k, keeping the others in order.  c locked.
void removeBuffered(mp_chan *c, int64_t k) {
  for (int64_t j = k; j + 1 < c->count; ++j)
    std::memcpy(chanSlot(c, j), chanSlot(c, j + 1), size_t(c->elemSize));
  addCount(c, -1);
}

// The `ok` a running guard sees (mp_guard_ok), and whether a guard is
// running (mp_preempt must not switch away while we hold channel locks).
// Thread-local suffices: a guard runs to completion on the selecting
// thread, without blocking.
thread_local bool tlsGuardOk = true;
thread_local bool tlsInGuard = false;

// Runs cs's guard on candidate v.
bool runGuard(mp_select_case &cs, const void *v, bool ok) {
  tlsGuardOk = ok;
  tlsInGuard = true;
  bool accepted = cs.guard(cs.guard_env, v);
  tlsInGuard = false;
  tlsGuardOk = true;
  return accepted;
}

// Polls a guarded receive: the first candidate the guard accepts.
bool pollGuarded(mp_chan *c, mp_select_case &cs, bool *ok, Wakeups &wake) {
  for (int64_t k = 0; k < c->count; ++k) {
    char *v = chanSlot(c, k);
    if (!runGuard(cs, v, true))
      continue;
    copyElem(c, cs.val, v);
    if (k == 0) {
      c->head = (c->head + 1) % c->cap;
      addCount(c, -1);
    } else {
      removeBuffered(c, k);
    }
    refillFromSender(c, wake);
    *ok = true;
    return true;
  }
  for (Waiter *s = c->sendq.head; s; s = s->next) {
    if (abandoned(s) || (s->sel && s->sel->state.load(std::memory_order_acquire) != SelWaiting))
      continue;  // an abandoned one is dropped by the next takeWaiter
    if (!runGuard(cs, s->elem, true) || !claimWaiter(s))
      continue;
    c->sendq.remove(s);
    copyElem(c, cs.val, s->elem);
    s->ok = true;
    wake.add(s->g);
    *ok = true;
    return true;
  }
  if (!c->closed || c->count > 0)
    return false;
  void *zero = alloca(size_t(c->elemSize) + 1);
  std::memset(zero, 0, size_t(c->elemSize) + 1);
  if (!runGuard(cs, zero, false))
    return false;
  zeroElem(c, cs.val);
  *ok = false;
  return true;
}

// Polls one receive case; true if it completed.
bool pollRecv(mp_chan *c, mp_select_case &cs, bool *ok, Wakeups &wake) {
  if (cs.guard)
    return pollGuarded(c, cs, ok, wake);
  if (c->count > 0) {
    copyElem(c, cs.val, chanSlot(c, 0));
    c->head = (c->head + 1) % c->cap;
    addCount(c, -1);
    refillFromSender(c, wake);
    *ok = true;
    return true;
  }
  if (Waiter *s = takeWaiter(c->sendq)) {
    copyElem(c, cs.val, s->elem);
    s->ok = true;
    wake.add(s->g);
    *ok = true;
    return true;
  }
  if (!c->closed)
    return false;
  zeroElem(c, cs.val);
  *ok = false;
  return true;
}

// Polls one send case; true if it completed.  Panics if c is closed.
bool pollSend(mp_chan *c, mp_select_case &cs, const LockSet &ls, Wakeups &wake,
              const mp_srcpos *pos) {
  if (c->closed)
    panicClosedSend(ls, pos);
  if (Waiter *r = takeWaiter(c->recvq)) {
    copyElem(c, r->elem, cs.val);
    r->ok = true;
    wake.add(r->g);
    return true;
  }
  if (c->count < c->cap) {
    copyElem(c, chanSlot(c, c->count), cs.val);
    addCount(c, 1);
    return true;
  }
  return false;
}

// Polls the enabled cases in `order`; returns the case that fired or -1.
int pollAll(mp_select_case *cases, const int *order, int n, const LockSet &ls,
            Wakeups &wake, const mp_srcpos *pos) {
  for (int k = 0; k < n; ++k) {
    int i = order[k];
    mp_select_case &cs = cases[i];
    if (cs.dir == MP_SELECT_SEND) {
      if (pollSend(cs.chan, cs, ls, wake, pos))
        return i;
      continue;
    }
    bool ok = false;
    if (pollRecv(cs.chan, cs, &ok, wake)) {
      if (cs.ok_out)
        *cs.ok_out = ok;
      return i;
    }
  }
  return -1;
}

void enqueueAll(mp_select_case *cases, const int *order, int n, Waiter *ws,
                SelectWait *sw, G *g) {
  for (int k = 0; k < n; ++k) {
    int i = order[k];
    mp_select_case &cs = cases[i];
    Waiter &w = ws[i];
    w = Waiter{};
    w.g = g;
    w.sel = sw;
    w.caseIndex = i;
    w.elem = cs.val;
    if (cs.dir == MP_SELECT_SEND) {
      cs.chan->sendq.push(&w);
      // A guarded receiver may accept this value: let it look.
      for (Waiter *r = cs.chan->recvq.head; r; r = r->next)
        if (r->guard && r->sel != sw)
          nudgeWaiter(r);
    } else {
      w.guard = cs.guard;
      w.guardEnv = cs.guard_env;
      cs.chan->recvq.push(&w);
    }
  }
}

void dequeueAll(mp_select_case *cases, const int *order, int n, Waiter *ws) {
  for (int k = 0; k < n; ++k) {
    int i = order[k];
    mp_chan *c = cases[i].chan;
    (cases[i].dir == MP_SELECT_SEND ? c->sendq : c->recvq).remove(&ws[i]);
  }
}

} // namespace
} // namespace mp::rt

using namespace mp::rt;

bool mp::rt::inGuard() { return tlsInGuard; }

extern "C" bool mp_guard_ok(void) { return tlsGuardOk; }

extern "C" int mp_select(mp_select_case *cases, int n, bool has_default,
                         const mp_srcpos *pos) {
  perturbPoint();
  int *order = static_cast<int *>(alloca(sizeof(int) * size_t(n + 1)));
  int active = 0;
  for (int i = 0; i < n; ++i)
    if (cases[i].chan)
      order[active++] = i;
  if (active == 0) {
    if (has_default)
      return -1;
    for (;;)
      park("select (no cases)", pos, nullptr, nullptr);
  }
  Worker *w = currentWorker();
  for (int k = active - 1; k > 0; --k)  // Fisher-Yates: uniform poll order
    std::swap(order[k], order[randN(w, uint32_t(k + 1))]);
  mp_chan **chans = static_cast<mp_chan **>(alloca(sizeof(mp_chan *) * size_t(active)));
  for (int k = 0; k < active; ++k)
    chans[k] = cases[order[k]].chan;
  std::sort(chans, chans + active);
  LockSet ls{chans, int(std::unique(chans, chans + active) - chans)};

  Waiter *ws = static_cast<Waiter *>(alloca(sizeof(Waiter) * size_t(n)));
  for (;;) {
    Wakeups wake;
    lockAll(ls);
    int fired = pollAll(cases, order, active, ls, wake, pos);
    if (fired >= 0 || has_default) {
      unlockAll(ls);
      wake.run();
      return fired;
    }
    SelectWait sw;
    G *g = currentG();
    enqueueAll(cases, order, active, ws, &sw, g);
    park("select", pos, unlockAllHook, &ls);
    lockAll(ls);
    dequeueAll(cases, order, active, ws);
    unlockAll(ls);
    exitIfCancelled();
    if (sw.state.load(std::memory_order_acquire) != SelDone)
      continue;  // nudged: a guarded case has a new candidate
    int i = sw.fired;
    Waiter &won = ws[i];
    if (cases[i].dir == MP_SELECT_SEND) {
      if (!won.ok)
        panicString("send on closed channel", pos);
    } else if (cases[i].ok_out) {
      *cases[i].ok_out = won.ok;
    }
    return i;
  }
}
