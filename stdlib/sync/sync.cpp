// stdlib/sync/sync.cpp: sync.Mutex and sync.WaitGroup built on the
// runtime's channels, so a blocked Lock or Wait parks only its goroutine,
// and a program stuck on them gets the runtime's deadlock report.  Both
// are usable at their zero value (codegen embeds them in structs): the
// channel is created on first use.
// Invariants: a Mutex is locked iff its channel (capacity 1) holds a
// token.  A WaitGroup's count and done are read and written only under
// its spin lock, which is never held across a blocking or allocating call;
// done is non-null only while count > 0 and someone waits, and is closed
// (waking every waiter) when count returns to 0.
#include "mp/runtime.h"
#include "mp/stdlib.h"
#include "mp/stdlib_internal.hpp"

#include <cstdio>
#include <unistd.h>

namespace {

const mp_type emptyStruct = {MP_KIND_STRUCT, 1, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 0,
                             mp::std_::lit("struct {}"), nullptr, nullptr, 0, nullptr, nullptr, nullptr};

// Go's throw: not recoverable; its report names the goroutine, as Go's
// does (the position is inside package sync there too).
[[noreturn]] void fatalError(const char *msg) {
  mp_stdout_flush();
  std::fprintf(stderr, "fatal error: %s\n\ngoroutine %lld [running]:\n", msg,
               static_cast<long long>(mp_goid()));
  _exit(2);
}

mp_chan *mutexChan(mp_sync_Mutex *m) {
  mp_chan *c = __atomic_load_n(&m->sem, __ATOMIC_ACQUIRE);
  if (c)
    return c;
  mp_chan *fresh = mp_chan_make(&emptyStruct, 1);
  // acq_rel: the winner publishes its channel; a loser reads the winner's.
  if (__atomic_compare_exchange_n(&m->sem, &c, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    return fresh;
  return c;
}

// The spin lock guarding a WaitGroup's fields: held for a few
// instructions only, never across a call that can block or allocate.
void lock(mp_sync_WaitGroup *wg) {
  while (__atomic_exchange_n(&wg->lock, 1u, __ATOMIC_ACQUIRE) != 0)
    __builtin_ia32_pause();
}
void unlock(mp_sync_WaitGroup *wg) { __atomic_store_n(&wg->lock, 0u, __ATOMIC_RELEASE); }

} // namespace

extern "C" {

void mp_sync_Mutex_Lock(mp_sync_Mutex *m, const mp_srcpos *pos) {
  char token = 0;
  mp_chan_send_as(mutexChan(m), &token, pos, "semacquire");  // Go's state name
}

void mp_sync_Mutex_Unlock(mp_sync_Mutex *m) {
  mp_chan *c = __atomic_load_n(&m->sem, __ATOMIC_ACQUIRE);
  if (!c)
    fatalError("sync: unlock of unlocked mutex");
  mp_select_case take{c, MP_SELECT_RECV, nullptr, nullptr, nullptr, nullptr};
  if (mp_select(&take, 1, true, nullptr) < 0)
    fatalError("sync: unlock of unlocked mutex");
}

void mp_sync_WaitGroup_Add(mp_sync_WaitGroup *wg, int64_t delta) {
  lock(wg);
  wg->count += delta;
  if (wg->count < 0) {
    unlock(wg);
    mp::std_::panicPlain("sync: negative WaitGroup counter");
  }
  mp_chan *wake = nullptr;
  if (wg->count == 0) {
    wake = wg->done;
    wg->done = nullptr;
  }
  unlock(wg);
  if (wake)
    mp_chan_close(wake, nullptr);
}

void mp_sync_WaitGroup_Done(mp_sync_WaitGroup *wg) { mp_sync_WaitGroup_Add(wg, -1); }

void mp_sync_WaitGroup_Wait(mp_sync_WaitGroup *wg, const mp_srcpos *pos) {
  mp_chan *fresh = nullptr, *c = nullptr;
  for (;;) {
    lock(wg);
    if (wg->count == 0) {
      unlock(wg);
      return;
    }
    if (wg->done || fresh) {
      if (!wg->done)
        wg->done = fresh;
      c = wg->done;
      unlock(wg);
      break;
    }
    unlock(wg);
    fresh = mp_chan_make(&emptyStruct, 0);  // allocate outside the lock
  }
  mp_chan_recv_as(c, nullptr, pos, "semacquire");  // returns when Add closes it
}

} // extern "C"
