// runtime/gc.cpp: Boehm GC in threaded mode with goroutine stacks.
// Workers register with the collector.  Every live G's descriptor (arg,
// panic) and every parked goroutine's stack are pushed as roots; a running
// goroutine's stack is scanned as its worker's thread stack.  Rather than telling the collector about every switch,
// we record each stopped worker's %rsp (wrapping the collector's suspend
// signal handler) and, with the world stopped, set each worker's stack
// bottom to the top of the stack slot that %rsp is in.  No GC cost per
// switch, and no window where the collector sees a half-switched stack.
#include "sched.h"

#include <gc.h>
#include <gc/gc_mark.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <ucontext.h>

namespace mp::rt {
namespace {

struct WorkerGcState {
  // %rsp when the suspend signal arrived.  Written by the worker's signal
  // handler, read by the collector after the suspend handshake (libgc's
  // semaphore); release/acquire makes that order visible to TSan too.
  std::atomic<void *> stoppedSp;
  void *threadStackHi;  // the pthread's own stack (before it enters g0)
};
WorkerGcState *gcState;  // one per worker, indexed like gWorkers
struct sigaction prevSuspend;
GC_push_other_roots_proc prevPushOtherRoots;


void onSuspend(int sig, siginfo_t *info, void *ucv) {
  if (Worker *w = currentWorker()) {
    auto *uc = static_cast<ucontext_t *>(ucv);
    gcState[w->index].stoppedSp.store(reinterpret_cast<void *>(uc->uc_mcontext.gregs[REG_RSP]),
                                      std::memory_order_release);
  }
  if (prevSuspend.sa_flags & SA_SIGINFO)
    prevSuspend.sa_sigaction(sig, info, ucv);
  else if (prevSuspend.sa_handler != SIG_DFL && prevSuspend.sa_handler != SIG_IGN)
    prevSuspend.sa_handler(sig);
}

struct CurrentSet {
  char **slots;  // stack slots some worker is executing on
  int n;
};

void pushLiveG(G *g, void *arg) {
  if (!g->live || g->isG0)
    return;
  GC_push_all_eager(g, g + 1);  // arg, panic: the G region is not a root
  if (!g->sp)
    return;  // not started: no stack yet
  auto *cur = static_cast<CurrentSet *>(arg);
  for (int i = 0; i < cur->n; ++i)
    if (cur->slots[i] == g->stackLo)
      return;  // its worker's thread scan covers it
  GC_push_all_eager(g->sp, g->stackHi);
}

// Called by the collector with the world stopped and the GC lock held.
void pushGoroutineStacks() {
  Worker *self = currentWorker();
  char *current[256];
  int ncur = 0;
  for (int i = 0; i < gNumWorkers && gcState; ++i) {
    Worker &w = gWorkers[i];
    if (!w.gcHandle)
      continue;
    void *sp = &w == self ? __builtin_frame_address(0)
                         : gcState[i].stoppedSp.load(std::memory_order_acquire);
    char *slot = nullptr, *slotHi = nullptr;
    bool onG = stackOf(sp, &slot, &slotHi);
    struct GC_stack_base sb;
    sb.mem_base = onG ? slotHi : gcState[i].threadStackHi;
    GC_set_stackbottom(w.gcHandle, &sb);
    if (onG && ncur < 256)
      current[ncur++] = slot;
  }
  CurrentSet set{current, ncur};
  forEachLiveG(pushLiveG, &set);
  if (prevPushOtherRoots)
    prevPushOtherRoots();
}

} // namespace

void gcInit() {
  GC_INIT();
  // Boehm's "GC Warning: Failed to expand heap" lines are not Go's: a
  // failed allocation is reported once, as Go does (alloc.cpp).
  GC_set_warn_proc(GC_ignore_warn_proc);
  GC_allow_register_threads();
  prevPushOtherRoots = GC_get_push_other_roots();
  GC_set_push_other_roots(pushGoroutineStacks);
  struct sigaction sa {};
  int sig = GC_get_suspend_signal();
  sigaction(sig, nullptr, &prevSuspend);
  sa = prevSuspend;
  sa.sa_sigaction = onSuspend;
  sa.sa_flags = prevSuspend.sa_flags | SA_SIGINFO;
  sigaction(sig, &sa, nullptr);
}

void gcRegisterWorker(Worker *w) {
  static std::once_flag once;
  std::call_once(once, [] { gcState = new WorkerGcState[size_t(gNumWorkers)](); });
  struct GC_stack_base sb;
  GC_get_stack_base(&sb);
  GC_register_my_thread(&sb);
  gcState[w->index].threadStackHi = sb.mem_base;
  w->gcHandle = GC_get_my_stackbottom(&sb);
}

} // namespace mp::rt
