// runtime/signal.cpp: SIGINT, SIGTERM and SIGHUP end the program as in Go
// (it dies by the same signal, so a shell sees 128+n), but only after
// everything it printed reached stdout.
//
// The handler does only async-signal-safe things: it records the signal and
// posts a semaphore.  A dedicated thread wakes up, flushes stdout under the
// ordinary output lock (stdoutFlushForSignal), restores the default action
// and re-raises the signal.  Any thread may take the signal; none of them
// is interrupted for longer than the handler.
// Invariants: `pending` goes 0 -> signal once; a second signal while the
// flush runs (e.g. stdout is a pipe nobody reads) kills at once.  Signals
// ignored when the program started (nohup, background jobs) stay ignored.
#include "sched.h"

#include <atomic>
#include <csignal>
#include <semaphore.h>

namespace mp::rt {
namespace {

const int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
sem_t sigSem;
std::atomic<int> pending{0};  // lock-free, so usable in the handler

void dieBy(int sig) {
  signal(sig, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, sig);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  raise(sig);
}

void onSignal(int sig) {
  int expected = 0;
  if (!pending.compare_exchange_strong(expected, sig)) {
    dieBy(sig);  // already flushing: do not wait a second time
    return;
  }
  sem_post(&sigSem);
}

void *signalMain(void *) {
  while (sem_wait(&sigSem) != 0) {
  }
  int sig = pending.load();
  stdoutFlushForSignal();
  dieBy(sig);
  _exit(128 + sig);  // not reached: the default action ends the process
}

} // namespace

void signalsInit() {
  sem_init(&sigSem, 0, 0);
  pthread_t t;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 << 10);
  pthread_create(&t, &attr, signalMain, nullptr);
  pthread_attr_destroy(&attr);
  pthread_detach(t);
  for (int sig : kSignals) {
    struct sigaction old {};
    sigaction(sig, nullptr, &old);
    if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
      continue;  // ignored, or the embedder's own handler: leave it
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(sig, &sa, nullptr);
  }
}

} // namespace mp::rt
