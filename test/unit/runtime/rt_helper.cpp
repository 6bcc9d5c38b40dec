// test/unit/runtime/rt_helper.cpp: a tiny "generated program" for the
// runtime's fatal paths.  `rt_helper <scenario>` runs the scenario as
// goroutine 1 through mp_main, the real entry point; fatal_test.cpp checks
// its stderr and exit status.
#include "mp/runtime.h"

#include <gc.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <string>

extern "C" int64_t mp_test_recurse(int64_t depth);  // stackcheck.c
extern "C" int64_t mp_test_spin(volatile int64_t *stop);

namespace {

const mp_type kInt = {MP_KIND_INT, 8, MP_TYPE_POINTER_FREE | MP_TYPE_COMPARABLE, 0, 8,
                      {reinterpret_cast<const uint8_t *>("int"), 3}, nullptr, nullptr, 0,
                      nullptr, nullptr, nullptr};
const mp_srcpos kMainPos = {"x.mp", 7, 3, "main.main"};
const mp_srcpos kWorkerPos = {"x.mp", 12, 5, "main.worker"};

std::string scenario;
mp_chan *shared;
volatile int64_t stopSpin;

void say(const char *s) { mp_stdout_write(s, std::strlen(s)); }

void blockedWorker(void *) {
  int64_t v = 0;
  mp_chan_recv(shared, &v, &kWorkerPos);
}

void spinner(void *) { mp_test_spin(&stopSpin); }

void pollingSpinner(void *) {
  while (!stopSpin)
    mp_preempt_poll();  // what codegen emits on a loop back-edge
}

std::atomic<bool> flagSet{false};  // written and read on different workers
void setFlag(void *) { flagSet.store(true, std::memory_order_release); }
void nothing(void *) {}

bool greaterThan5(void *, const void *v) { return *static_cast<const int64_t *>(v) > 5; }

void guardedWorker(void *) {
  int64_t got = 0;
  mp_select_case cs[] = {{shared, MP_SELECT_RECV, &got, greaterThan5, nullptr, nullptr}};
  mp_select(cs, 1, false, &kWorkerPos);
}

volatile bool readDone = false;
char line[64];

void stdinReader(void *) {
  int64_t n = mp_read(0, line, sizeof line - 1);
  line[n > 0 ? n : 0] = 0;
  readDone = true;
  int64_t v = n;
  mp_chan_send(shared, &v, &kWorkerPos);
}

volatile bool writerDone = false;

void bigWriter(void *) {
  static char chunk[1024];
  std::memset(chunk, 'x', sizeof chunk - 1);
  chunk[sizeof chunk - 1] = '\n';
  for (int i = 0; i < 1024; ++i)
    mp_stdout_write(chunk, sizeof chunk);
  writerDone = true;
  int64_t v = 0;
  mp_chan_send(shared, &v, &kWorkerPos);
}

// A million goroutines alive at once, each parked on one channel; closing
// it releases them all and each reports on a buffered channel.
constexpr int kMillion = 1'000'000;
mp_chan *released;

void parkedUntilClose(void *) {
  int64_t v;
  mp_chan_recv(shared, &v, &kWorkerPos);
  mp_chan_send(released, &v, &kWorkerPos);
}

void million() {
  shared = mp_chan_make(&kInt, 0);
  released = mp_chan_make(&kInt, kMillion);
  for (int i = 0; i < kMillion; ++i)
    mp_go(parkedUntilClose, nullptr);
  for (int i = 0; i < 100; ++i)
    mp_yield();
  mp_chan_close(shared, &kMainPos);
  int64_t v;
  for (int i = 0; i < kMillion; ++i)
    mp_chan_recv(released, &v, &kMainPos);
  say("all released\n");
}

// Objects reachable only from parked goroutines' stacks survive
// collections: each goroutine keeps a GC-allocated block with a checksum on
// its stack, parks, and checks the block after main forced collections and
// allocated plenty of garbage.
void holdAcrossGc(void *) {
  auto *block = static_cast<int64_t *>(mp_alloc(64 * sizeof(int64_t)));
  for (int i = 0; i < 64; ++i)
    block[i] = i * 7 + 3;
  int64_t v;
  mp_chan_recv(shared, &v, &kWorkerPos);
  int64_t bad = 0;
  for (int i = 0; i < 64; ++i)
    bad += block[i] != i * 7 + 3;
  mp_chan_send(released, &bad, &kWorkerPos);
}

void gcParked() {
  shared = mp_chan_make(&kInt, 0);
  released = mp_chan_make(&kInt, 1000);
  for (int i = 0; i < 1000; ++i)
    mp_go(holdAcrossGc, nullptr);
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20000; ++i) {  // garbage that reuses freed blocks
      auto *junk = static_cast<int64_t *>(mp_alloc(64 * sizeof(int64_t)));
      for (int k = 0; k < 64; ++k)
        junk[k] = -1;
    }
    GC_gcollect();
  }
  mp_chan_close(shared, &kMainPos);
  int64_t bad = 0, v;
  for (int i = 0; i < 1000; ++i) {
    mp_chan_recv(released, &v, &kMainPos);
    bad += v;
  }
  say(bad == 0 ? "intact\n" : "corrupted\n");
}

// 20 goroutines each send their id 5 times on one channel; main prints the
// order it received them in (one scheduling decision sequence).
void sendIds(void *id) {
  int64_t v = reinterpret_cast<int64_t>(id);
  for (int i = 0; i < 5; ++i)
    mp_chan_send(shared, &v, &kWorkerPos);
}

void printOrder() {
  shared = mp_chan_make(&kInt, 4);
  for (int64_t i = 0; i < 20; ++i)
    mp_go(sendIds, reinterpret_cast<void *>(i));
  std::string order;
  for (int i = 0; i < 100; ++i) {
    int64_t v = 0;
    mp_chan_recv(shared, &v, &kMainPos);
    order += std::to_string(v) + " ";
  }
  order += "\n";
  say(order.c_str());
}

void program() {
  int64_t v = 1;
  if (scenario == "deadlock") {
    say("before\n");  // buffered: must be flushed before the report
    shared = mp_chan_make(&kInt, 0);
    mp_go(blockedWorker, nullptr);
    mp_chan_send(mp_chan_make(&kInt, 0), &v, &kMainPos);
  } else if (scenario == "nil-recv") {
    mp_chan_recv(nullptr, &v, &kMainPos);
  } else if (scenario == "select-empty") {
    mp_select(nullptr, 0, false, &kMainPos);
  } else if (scenario == "send-closed") {
    mp_chan *c = mp_chan_make(&kInt, 1);
    mp_chan_close(c, &kMainPos);
    mp_chan_send(c, &v, &kMainPos);
  } else if (scenario == "close-closed") {
    mp_chan *c = mp_chan_make(&kInt, 1);
    mp_chan_close(c, &kMainPos);
    mp_chan_close(c, &kMainPos);
  } else if (scenario == "close-nil") {
    mp_chan_close(nullptr, &kMainPos);
  } else if (scenario == "panic-string") {
    say("out\n");
    static mp_string msg = {reinterpret_cast<const uint8_t *>("boom"), 4};
    static const mp_type str = {MP_KIND_STRING, 8, 0, 0, 16,
                                {reinterpret_cast<const uint8_t *>("string"), 6}, nullptr,
                                nullptr, 0, nullptr, nullptr, nullptr};
    mp_panic(mp_iface{&str, &msg}, &kMainPos);
  } else if (scenario == "panic-goroutine") {
    mp_go([](void *) { mp_panic_runtime_error_at("integer divide by zero", &kWorkerPos); },
          nullptr);
    mp_sleep(10'000'000'000, &kMainPos);
  } else if (scenario == "overflow") {
    static const mp_srcpos recursePos = {"x.mp", 20, 1, "main.recurse"};
    static const mp_func_info table[] = {
        {reinterpret_cast<const void *>(&mp_test_recurse),
         reinterpret_cast<const void *>(&mp_test_spin), &recursePos}};  // next in stackcheck.c
    mp_register_funcs(table, 1);
    mp_test_recurse(1 << 30);
  } else if (scenario == "recurse-2000") {
    mp_test_recurse(2000);  // ~600 KB of frames
    say("ok\n");
  } else if (scenario == "recurse-2000-goroutine") {
    shared = mp_chan_make(&kInt, 0);
    mp_go([](void *) {
      mp_test_recurse(2000);
      int64_t one = 1;
      mp_chan_send(shared, &one, &kWorkerPos);
    }, nullptr);
    mp_chan_recv(shared, &v, &kMainPos);
    say("ok\n");
  } else if (scenario == "preempt") {
    // MPPROCS=1: a goroutine spinning in stack-checked code must not starve
    // main, which sleeps and then stops it.
    mp_go(spinner, nullptr);
    mp_sleep(30'000'000, &kMainPos);
    stopSpin = 1;
    say("main ran\n");
  } else if (scenario == "steal-behind-spinner") {
    // MPPROCS=2: the other worker went to sleep during the Sleep.  setFlag
    // is queued behind main (the second spawn takes the run-next slot),
    // and main spins in plain C++ (never preempted) until setFlag ran: the
    // sleeping worker must be woken and steal it.
    mp_sleep(20'000'000, &kMainPos);
    mp_go(setFlag, nullptr);
    mp_go(nothing, nullptr);
    while (!flagSet.load(std::memory_order_acquire)) {
    }
    say("stolen\n");
  } else if (scenario == "exit-flushes") {
    shared = mp_chan_make(&kInt, 0);
    mp_go(blockedWorker, nullptr);  // still blocked when main returns
    for (int i = 0; i < 10000; ++i)
      say("line\n");
  } else if (scenario == "select-deadlock") {
    // Both goroutines wait in select; the worker waits for a message that
    // fails its value guard, whose sender stays blocked: a deadlock.
    shared = mp_chan_make(&kInt, 0);
    mp_go(guardedWorker, nullptr);
    mp_yield();
    mp_chan_send(shared, &v, &kMainPos);  // v = 1 fails `where v > 5`
  } else if (scenario == "deadlock-after-timer") {
    mp_sleep(5'000'000, &kMainPos);  // a pending timer is not a deadlock
    mp_chan_recv(mp_chan_make(&kInt, 0), &v, &kMainPos);
  } else if (scenario == "preempt-loop") {
    // MPPROCS=1: a loop without calls polls the flag on its back-edge.
    mp_go(pollingSpinner, nullptr);
    mp_sleep(30'000'000, &kMainPos);
    stopSpin = 1;
    say("main ran\n");
  } else if (scenario == "read-stdin") {
    // MPPROCS=1: a goroutine blocked reading stdin leaves the worker free.
    shared = mp_chan_make(&kInt, 1);
    mp_go(stdinReader, nullptr);
    mp_yield();  // the reader runs and blocks in read(2)
    say(readDone ? "worker was blocked\n" : "main ran\n");
    mp_chan_recv(shared, &v, &kMainPos);
    say(line);
  } else if (scenario == "full-pipe") {
    // MPPROCS=1, stdout a pipe read only after 0.5 s: the goroutine writing
    // 1 MiB parks while its buffer is written; main keeps running.
    shared = mp_chan_make(&kInt, 1);
    mp_go(bigWriter, nullptr);
    mp_sleep(50'000'000, &kMainPos);
    std::fputs(writerDone ? "writer blocked the worker\n" : "main ran\n", stderr);
    mp_chan_recv(shared, &v, &kMainPos);
  } else if (scenario == "million") {
    million();
  } else if (scenario == "gc-parked") {
    gcParked();
  } else if (scenario == "signal") {
    // Buffered output, then a long sleep (a pending timer, not a deadlock)
    // during which the test sends SIGINT or SIGTERM.
    for (int i = 0; i < 100; ++i)
      say("buffered line\n");
    std::fputs("ready\n", stderr);
    std::fflush(stderr);
    mp_sleep(30'000'000'000, &kMainPos);
    say("not reached\n");
  } else if (scenario == "order") {
    printOrder();
  } else if (scenario == "sleep-no-deadlock") {
    mp_sleep(20'000'000, &kMainPos);
    say("woke\n");
  }
}

} // namespace

// Session mode (mpc repl): a stack overflow ends only its goroutine; the
// run reports MP_RUN_PANICKED and the next run works.
int sessionOverflow() {
  mp_session_begin();
  int first = mp_run_session([](void *) { mp_test_recurse(1 << 30); }, nullptr, nullptr);
  int second = mp_run_session([](void *) { say("next run\n"); }, nullptr, nullptr);
  mp_stdout_flush();
  std::printf("runs %d %d\n", first, second);
  return 0;
}

int main(int argc, char **argv) {
  scenario = argc > 1 ? argv[1] : "";
  if (scenario == "session-overflow")
    return sessionOverflow();
  mp_main(argc, argv, program);
}
