// runtime/chan.cpp: channels — make, send, receive, close, len, cap.
// select and value guards build on these helpers in select.cpp.
//
// Invariants (c->lock protects every field of mp_chan; `count` is also
// read without it, by len(ch) alone, which may run in a value guard while
// the select holds the lock):
//  - count <= cap; buffered values are FIFO from head.
//  - A plain or unguarded receiver waits only if count == 0 and no sender
//    waits; so an unguarded receiver in recvq means the buffer is empty.
//  - A sender waits only if no unguarded receiver waits and, for a buffered
//    channel, count == cap.  (A guarded receiver may wait beside waiting
//    senders and a non-empty buffer: every message failed its guard.)
//  - Waiters are served FIFO; one that belongs to a select is taken only
//    by winning its SelectWait (claimWaiter), so exactly one case fires.
//  - A guarded receiver is never completed by a waker, only nudged: its
//    own goroutine runs the guard (select.cpp).
//  - A waiter whose goroutine was abandoned (session mode, G::cancelled)
//    never completes a handoff: wakers drop it (dropAbandoned) and serve
//    the next one, so a value sent later reaches a live receiver.
//  - Wake-ups of completed waiters happen after c is unlocked (Wakeups);
//    a parked G releases c only after it switched out (park's hook).
#include "chan.h"

#include <gc.h>

namespace mp::rt {

bool claimWaiter(Waiter *w) {
  if (!w->sel)
    return true;
  int expected = SelWaiting;
  // acq_rel: the winner's later writes (fired, the value) reach the
  // selector through ready(); losing tells us the selector moved on.
  if (!w->sel->state.compare_exchange_strong(expected, SelDone, std::memory_order_acq_rel))
    return false;
  w->sel->fired = w->caseIndex;
  return true;
}

void nudgeWaiter(Waiter *w) {
  int expected = SelWaiting;
  if (w->sel->state.compare_exchange_strong(expected, SelNudged, std::memory_order_acq_rel))
    ready(w->g);
}

void dropAbandoned(WaitQueue &q, Waiter *w) {
  if (w->sel) {
    nudgeWaiter(w);  // a no-op once its state left SelWaiting
    return;
  }
  q.remove(w);
  w->ok = false;
  ready(w->g);
}

Waiter *takeWaiter(WaitQueue &q) {
  for (Waiter *w = q.head; w;) {
    Waiter *next = w->next;
    if (abandoned(w)) {
      dropAbandoned(q, w);
    } else if (w->guard) {
      nudgeWaiter(w);
    } else if (claimWaiter(w)) {
      q.remove(w);
      return w;
    }
    w = next;
  }
  return nullptr;
}

void refillFromSender(mp_chan *c, Wakeups &wake) {
  if (c->count >= c->cap)
    return;
  Waiter *s = takeWaiter(c->sendq);
  if (!s)
    return;
  copyElem(c, chanSlot(c, c->count), s->elem);
  addCount(c, 1);
  s->ok = true;
  wake.add(s->g);
}

bool chanTrySend(mp_chan *c, const void *val) {
  Wakeups wake;
  c->lock.lock();
  bool sent = true;
  if (Waiter *r = takeWaiter(c->recvq)) {
    copyElem(c, r->elem, val);
    r->ok = true;
    wake.add(r->g);
  } else if (c->count < c->cap) {
    copyElem(c, chanSlot(c, c->count), val);
    addCount(c, 1);
  } else {
    sent = false;
  }
  c->lock.unlock();
  wake.run();
  return sent;
}

namespace {

void unlockChan(void *c) { static_cast<mp_chan *>(c)->lock.unlock(); }

[[noreturn]] void blockForever(const char *reason, const mp_srcpos *pos) {
  for (;;)
    park(reason, pos, nullptr, nullptr);
}

} // namespace
} // namespace mp::rt

using namespace mp::rt;

extern "C" mp_chan *mp_chan_make(const mp_type *elem, int64_t cap) {
  return mp_chan_make_at(elem, cap, nullptr);
}

extern "C" mp_chan *mp_chan_make_at(const mp_type *elem, int64_t cap, const mp_srcpos *pos) {
  if (cap < 0)
    panicString("makechan: size out of range", pos);
  void *mem = GC_MALLOC(sizeof(mp_chan));
  if (!mem)
    panicString("makechan: out of memory", pos);
  mp_chan *c = new (mem) mp_chan;
  c->elem = elem;
  c->elemSize = elem ? elem->size : 0;
  c->cap = cap;
  if (cap > 0 && c->elemSize > 0) {
    size_t bytes = size_t(cap) * size_t(c->elemSize);
    bool noPtrs = elem->flags & MP_TYPE_POINTER_FREE;
    c->buf = static_cast<char *>(noPtrs ? mp_alloc_atomic(bytes) : mp_alloc(bytes));
  } else if (cap > 0) {
    static char empty;
    c->buf = &empty;  // zero-size elements: slots alias, only count matters
  }
  return c;
}

extern "C" void mp_chan_send(mp_chan *c, const void *val, const mp_srcpos *pos) {
  mp_chan_send_as(c, val, pos, "chan send");
}

extern "C" void mp_chan_send_as(mp_chan *c, const void *val, const mp_srcpos *pos,
                                const char *reason) {
  perturbPoint();
  if (!c)
    blockForever("chan send (nil chan)", pos);
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    panicString("send on closed channel", pos);
  }
  if (Waiter *r = takeWaiter(c->recvq)) {  // direct handoff
    copyElem(c, r->elem, val);
    r->ok = true;
    c->lock.unlock();
    ready(r->g);
    return;
  }
  if (c->count < c->cap) {
    copyElem(c, chanSlot(c, c->count), val);
    addCount(c, 1);
    c->lock.unlock();
    return;
  }
  Waiter me;
  me.g = currentG();
  me.elem = const_cast<void *>(val);
  c->sendq.push(&me);
  park(reason, pos, unlockChan, c);
  exitIfCancelled();
  if (!me.ok)
    panicString("send on closed channel", pos);
}

extern "C" bool mp_chan_recv(mp_chan *c, void *out, const mp_srcpos *pos) {
  return mp_chan_recv_as(c, out, pos, "chan receive");
}

extern "C" bool mp_chan_recv_as(mp_chan *c, void *out, const mp_srcpos *pos, const char *reason) {
  perturbPoint();
  if (!c)
    blockForever("chan receive (nil chan)", pos);
  Wakeups wake;
  c->lock.lock();
  if (c->count > 0) {
    char *slot = chanSlot(c, 0);
    copyElem(c, out, slot);
    c->head = (c->head + 1) % c->cap;
    addCount(c, -1);
    refillFromSender(c, wake);
    c->lock.unlock();
    wake.run();
    return true;
  }
  if (Waiter *s = takeWaiter(c->sendq)) {  // unbuffered: take from the sender
    copyElem(c, out, s->elem);
    s->ok = true;
    c->lock.unlock();
    ready(s->g);
    return true;
  }
  if (c->closed) {
    c->lock.unlock();
    zeroElem(c, out);
    return false;
  }
  Waiter me;
  me.g = currentG();
  me.elem = out;
  c->recvq.push(&me);
  park(reason, pos, unlockChan, c);
  exitIfCancelled();
  return me.ok;
}

extern "C" void mp_chan_close(mp_chan *c, const mp_srcpos *pos) {
  perturbPoint();
  if (!c)
    panicString("close of nil channel", pos);
  c->lock.lock();
  if (c->closed) {
    c->lock.unlock();
    panicString("close of closed channel", pos);
  }
  c->closed = true;
  // Every waiter is woken (receivers get the zero value, senders panic),
  // except guarded receivers, which re-run their guard on the zero value.
  G *wakeList[64];
  int n = 0;
  auto wakeOrQueue = [&](G *g) {
    if (n < 64)
      wakeList[n++] = g;
    else
      ready(g);
  };
  for (Waiter *w = c->recvq.head; w;) {
    Waiter *next = w->next;
    if (w->guard) {
      nudgeWaiter(w);
    } else if (claimWaiter(w)) {
      c->recvq.remove(w);
      zeroElem(c, w->elem);
      w->ok = false;
      wakeOrQueue(w->g);
    }
    w = next;
  }
  for (Waiter *w = c->sendq.head; w;) {
    Waiter *next = w->next;
    if (claimWaiter(w)) {
      c->sendq.remove(w);
      w->ok = false;
      wakeOrQueue(w->g);
    }
    w = next;
  }
  c->lock.unlock();
  for (int i = 0; i < n; ++i)
    ready(wakeList[i]);
}

extern "C" int64_t mp_chan_len(mp_chan *c) {
  if (!c)
    return 0;
  return c->count.load(std::memory_order_relaxed);  // lock-free (chan.h)
}

extern "C" int64_t mp_chan_cap(mp_chan *c) { return c ? c->cap : 0; }
