// runtime/blocking.cpp: blocking system calls on helper threads.  The
// calling goroutine parks; a helper thread runs the call and readies it, so
// the worker keeps running other goroutines.  Helpers are created on demand
// and kept (idle ones wait on a condition variable, using no CPU).
// Invariant: a job is counted external (externalBegin) from before its G
// parks until after the G is queued again, so a goroutine reading stdin is
// never mistaken for a deadlock.
#include "sched.h"

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unistd.h>

namespace mp::rt {
namespace {

struct Job {
  void (*fn)(void *);
  void *arg;
  G *g;
};

std::mutex &jobMu = *new std::mutex;  // protects jobs, idleHelpers
std::condition_variable &jobCv = *new std::condition_variable;
std::deque<Job *> &jobs = *new std::deque<Job *>;
int idleHelpers = 0;

void *helperMain(void *) {
  std::unique_lock<std::mutex> lk(jobMu);
  for (;;) {
    while (jobs.empty()) {
      ++idleHelpers;
      jobCv.wait(lk);
      --idleHelpers;
    }
    Job *j = jobs.front();
    jobs.pop_front();
    lk.unlock();
    j->fn(j->arg);
    G *g = j->g;  // j lives on g's stack: done with it once g is queued
    ready(g);
    externalEnd();
    lk.lock();
  }
  return nullptr;
}

void submit(void *jv) {
  std::lock_guard<std::mutex> lk(jobMu);
  jobs.push_back(static_cast<Job *>(jv));
  if (idleHelpers > 0) {
    jobCv.notify_one();
    return;
  }
  pthread_t t;
  pthread_create(&t, nullptr, helperMain, nullptr);
  pthread_detach(t);
}

struct ReadCall {
  int fd;
  void *buf;
  int64_t n;
  int64_t result;
};

void doRead(void *p) {
  auto *r = static_cast<ReadCall *>(p);
  ssize_t k;
  do
    k = ::read(r->fd, r->buf, size_t(r->n));
  while (k < 0 && errno == EINTR);
  r->result = k < 0 ? -errno : k;
}

} // namespace

// Runs fn(arg) on a helper thread while the calling goroutine is parked.
void runBlocking(void (*fn)(void *), void *arg, const char *reason) {
  if (!currentWorker()) {  // not on a goroutine: just call it
    fn(arg);
    return;
  }
  Job j{fn, arg, currentG()};
  externalBegin();
  park(reason, nullptr, submit, &j);
}

namespace {
void unlockSpin(void *l) { static_cast<SpinLock *>(l)->unlock(); }
} // namespace

void GMutex::lock(const char *reason) {
  lk.lock();
  if (!held) {
    held = true;
    lk.unlock();
    return;
  }
  G *g = currentG();
  g->schedNext = nullptr;
  (tail ? tail->schedNext : head) = g;
  tail = g;
  park(reason, nullptr, unlockSpin, &lk);  // woken owning the lock
}

void GMutex::unlock() {
  lk.lock();
  G *g = head;
  if (g) {
    head = g->schedNext;
    if (!head)
      tail = nullptr;
  } else {
    held = false;
  }
  lk.unlock();
  if (g)
    ready(g);  // hand-off: held stays true for g
}

} // namespace mp::rt

extern "C" int64_t mp_read(int fd, void *buf, int64_t n) {
  if (fd == 0)
    mp_stdout_flush();
  mp::rt::ReadCall r{fd, buf, n, 0};
  mp::rt::runBlocking(mp::rt::doRead, &r, "syscall");
  return r.result;
}
