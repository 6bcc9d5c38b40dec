// runtime/perturb.cpp: the scheduler perturbation mode, for stress tests.
// MPSCHED_PERTURB=<seed> (any value; a number is the random seed unless
// MPSEED is set) makes the scheduler take unusual but legal decisions:
//  - a goroutine woken by a channel operation goes to the run-next slot
//    only half the time, else to the end of the run queue (sched.cpp);
//  - a worker picks a random one of the first few queued goroutines
//    rather than the next in order (runq.cpp);
//  - a goroutine yields before a quarter of its channel operations (send,
//    receive, close, select), so the other side often moves first;
//  - each worker thread waits 0-2 ms before it takes its first goroutine,
//    so sysmon, the main thread and the other workers start in any order.
// Every decision draws from the worker's xorshift generator, seeded from
// the seed, so with MPPROCS=1 a run is replayed exactly by its seed
// (timers and preemption aside); with more workers it explores more
// interleavings.  Fatal reports print the seed.  Costs nothing when unset:
// one predictable branch on a global read once at start-up.
#include "sched.h"

#include <cstdlib>
#include <ctime>

namespace mp::rt {

bool gPerturb = false;

void perturbInit() {
  const char *s = std::getenv("MPSCHED_PERTURB");
  gPerturb = s && *s;
}

void perturbYield() {
  Worker *w = currentWorker();
  if (w && !w->cur->isG0 && fastRand(w) % 4 == 0)
    mp_yield();
}

void perturbStartDelay(Worker *w) {
  struct timespec ts{0, long(fastRand(w) % 2'000'000)};
  nanosleep(&ts, nullptr);
}

} // namespace mp::rt
