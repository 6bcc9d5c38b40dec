// test/unit/runtime/rt_helper.cpp: a tiny "generated program" for the
// runtime's fatal paths.  `rt_helper <scenario>` runs the scenario as
// goroutine 1 through mp_main, the real entry point; fatal_test.cpp checks
// its stderr and exit status.
#include "mp/runtime.h"

#include <cstdio>
#include <cstring>
#include <string>

extern "C" int64_t mp_test_recurse(int64_t depth);  // splitstack.c
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
         reinterpret_cast<const void *>(&mp_test_spin), &recursePos}};  // next in splitstack.c
    mp_register_funcs(table, 1);
    mp_test_recurse(1 << 30);
  } else if (scenario == "recurse-2000") {
    mp_test_recurse(2000);  // ~600 KB of frames
    say("ok\n");
  } else if (scenario == "preempt") {
    // MPPROCS=1: a goroutine spinning in split-stack code must not starve
    // main, which sleeps and then stops it.
    mp_go(spinner, nullptr);
    mp_sleep(30'000'000, &kMainPos);
    stopSpin = 1;
    say("main ran\n");
  } else if (scenario == "exit-flushes") {
    shared = mp_chan_make(&kInt, 0);
    mp_go(blockedWorker, nullptr);  // still blocked when main returns
    for (int i = 0; i < 10000; ++i)
      say("line\n");
  } else if (scenario == "sleep-no-deadlock") {
    mp_sleep(20'000'000, &kMainPos);
    say("woke\n");
  }
}

} // namespace

int main(int argc, char **argv) {
  scenario = argc > 1 ? argv[1] : "";
  mp_main(argc, argv, program);
}
