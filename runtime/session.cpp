// runtime/session.cpp: session mode, for embedding the runtime in a REPL
// (runtime.h, mp_session_begin): a panic or stack overflow ends its
// goroutine, a deadlock ends the active runs, Ctrl-C abandons a run; the
// process goes on.  os.Exit ends it after the embedder's exit hook.
//
// Invariants:
//  - A root's RunState is reached only through G::doneFlag, which is
//    cleared under schedMu by whoever ends the run first (its goexit, the
//    deadlock report, or the interrupt); so a RunState on a returned
//    caller's stack is never touched.
//  - An abandoned G (cancelled) is exited only at points where it holds no
//    runtime lock and no waiter of it is queued: where a blocking call
//    returns, and at preemption checks.
//  - An abandoned G's channel waiters never complete a handoff: wakers
//    check G::cancelled under the channel lock and drop them instead
//    (chan.cpp, dropAbandoned), which wakes the G to exit.  So no lock
//    beyond the channel's is taken to abandon a G (a channel lock may be
//    held while taking schedMu, never the other way round).
// Lock order: channel locks -> schedMu -> RunState::mu (as in sched.cpp).
#include "sched.h"

#include <chrono>
#include <thread>
#include <vector>

namespace mp::rt {
namespace {

std::atomic<bool> gSession{false};  // set once, before any run

void collectRoots(G *g, void *v) {
  if (g->live && g->isRoot && g->doneFlag)
    static_cast<std::vector<G *> *>(v)->push_back(g);
}

} // namespace

bool sessionMode() { return gSession.load(std::memory_order_relaxed); }

void exitIfCancelled() {
  G *g = currentG();
  if (g && !g->isG0 && g->cancelled.load(std::memory_order_relaxed))
    exitCurrentG(MP_RUN_INTERRUPTED);  // its run has already returned
}

void deadlockLocked() {
  if (!sessionMode())
    fatal("all goroutines are asleep - deadlock!", true);
  reportFatal("all goroutines are asleep - deadlock!", true);
  // Every worker is idle: no G runs, so none can reach goexit meanwhile.
  std::vector<G *> roots;
  forEachLiveG(collectRoots, &roots);
  for (G *g : roots) {
    g->cancelled.store(true, std::memory_order_relaxed);
    endRootLocked(g, MP_RUN_DEADLOCK);
  }
}

} // namespace mp::rt

using namespace mp::rt;

namespace {
std::atomic<void (*)(int)> gExitHook{nullptr};
} // namespace

void mp::rt::sessionExitHook(int code) {
  void (*fn)(int) = gExitHook.load(std::memory_order_acquire);
  if (!fn || !sessionMode())
    return;
  // On a thread of its own: the caller may be a goroutine, whose stack is
  // small and whose worker must not run the embedder's code.
  std::thread(fn, code).join();
}

extern "C" void mp_session_begin(void) { gSession.store(true, std::memory_order_relaxed); }

extern "C" void mp_session_on_exit(void (*fn)(int code)) {
  gExitHook.store(fn, std::memory_order_release);
}

extern "C" int mp_run_session(void (*fn)(void *), void *arg, volatile int *interrupt) {
  RunState st;
  G *g = spawnRoot(fn, arg, &st);
  std::unique_lock<std::mutex> lk(st.mu);
  while (!st.cv.wait_for(lk, std::chrono::milliseconds(10), [&] { return st.done; })) {
    if (!interrupt || !*interrupt)
      continue;
    lk.unlock();
    {
      std::lock_guard<std::mutex> slk(schedLock());
      if (g->doneFlag == &st) {  // still ours: g has not reached goexit
        g->cancelled.store(true, std::memory_order_relaxed);
        endRootLocked(g, MP_RUN_INTERRUPTED);
      }
    }
    lk.lock();
  }
  return st.result;
}
