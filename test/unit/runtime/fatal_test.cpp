// test/unit/runtime/fatal_test.cpp: deadlock, panics, stack overflow and
// exit behaviour, checked on the rt_helper child process: its exact stderr,
// its stdout (flushed before the report) and exit status 2.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <csignal>
#include <string>
#include <sys/wait.h>

namespace {

struct Outcome {
  int status;
  std::string out, err;
};

std::string slurp(const std::string &path) {
  std::string s;
  if (FILE *f = std::fopen(path.c_str(), "r")) {
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0)
      s.append(buf.data(), n);
    std::fclose(f);
  }
  return s;
}

Outcome runHelper(const std::string &scenario, const std::string &env = "",
                  int timeoutSec = 20) {
  std::string base = testing::TempDir() + "rt_helper_" + scenario;
  std::string cmd = env + " timeout " + std::to_string(timeoutSec) + " " MP_RT_HELPER " " +
                    scenario + " >" + base +
                    ".out 2>" + base + ".err";
  int st = std::system(cmd.c_str());
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(base + ".out"), slurp(base + ".err")};
}

} // namespace

// Rule (§4): every goroutine blocked, no timer: the deadlock report lists
// each goroutine with its state and position; stdout is flushed first.
TEST(Fatal, DeadlockListsGoroutines) {
  Outcome o = runHelper("deadlock");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.out, "before\n");
  EXPECT_EQ(o.err, "fatal error: all goroutines are asleep - deadlock!\n"
                   "\n"
                   "goroutine 1 [chan send]:\n"
                   "main.main(...)\n"
                   "\tx.mp:7:3\n"
                   "\n"
                   "goroutine 2 [chan receive]:\n"
                   "main.worker(...)\n"
                   "\tx.mp:12:5\n");
}

// Rule (§2): a nil channel blocks forever.
TEST(Fatal, NilChannelBlocksForever) {
  Outcome o = runHelper("nil-recv");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("goroutine 1 [chan receive (nil chan)]:"), std::string::npos) << o.err;
}

// Rule (§3): `select {}` blocks forever.
TEST(Fatal, EmptySelectBlocksForever) {
  Outcome o = runHelper("select-empty");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("goroutine 1 [select (no cases)]:"), std::string::npos) << o.err;
}

// A sleeping goroutine is not deadlocked: its timer will wake it.
TEST(Fatal, SleepIsNotDeadlock) {
  Outcome o = runHelper("sleep-no-deadlock");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "woke\n");
}

// Rule (§2): send on a closed channel panics with Go's message.
TEST(Fatal, SendOnClosedPanics) {
  Outcome o = runHelper("send-closed");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "panic: send on closed channel\n\ngoroutine 1 [running]:\n"
                   "main.main(...)\n\tx.mp:7:3\n");
}

TEST(Fatal, CloseOfClosedPanics) {
  Outcome o = runHelper("close-closed");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err.rfind("panic: close of closed channel\n", 0), 0u) << o.err;
}

TEST(Fatal, CloseOfNilPanics) {
  Outcome o = runHelper("close-nil");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err.rfind("panic: close of nil channel\n", 0), 0u) << o.err;
}

// Rule (§4): panic prints the value and the goroutine, after stdout.
TEST(Fatal, PanicPrintsValueAndGoroutine) {
  Outcome o = runHelper("panic-string");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.out, "out\n");
  EXPECT_EQ(o.err, "panic: boom\n\ngoroutine 1 [running]:\nmain.main(...)\n\tx.mp:7:3\n");
}

// An unrecovered panic in any goroutine ends the program at once.
TEST(Fatal, PanicInGoroutineKillsProgram) {
  Outcome o = runHelper("panic-goroutine");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "panic: runtime error: integer divide by zero\n\ngoroutine 2 [running]:\n"
                   "main.worker(...)\n\tx.mp:12:5\n");
}

// Rule (§4): unbounded recursion is `fatal error: stack overflow`, exit 2,
// never a segfault (codegen's entry stack check + mp_morestack), after
// Go's `runtime: goroutine stack exceeds` line (main's limit, MPMAINSTACK,
// made small here so that the test touches 1 MiB rather than 1 GiB).
TEST(Fatal, StackOverflowIsReported) {
  Outcome o = runHelper("overflow", "MPMAINSTACK=1m");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "runtime: goroutine stack exceeds 1048576-byte limit\n"
                   "fatal error: stack overflow\n\ngoroutine 1 [running]:\n"
                   "main.recurse(...)\n\tx.mp:20:1\n");
}

// Session mode (mpc repl): the overflow is reported the same way but ends
// only its goroutine; its run returns MP_RUN_PANICKED (1), the next run
// works and the process exits normally.
TEST(Fatal, SessionStackOverflowEndsOnlyItsGoroutine) {
  Outcome o = runHelper("session-overflow", "MPMAINSTACK=1m");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "next run\nruns 1 0\n");
  EXPECT_EQ(o.err.rfind("runtime: goroutine stack exceeds 1048576-byte limit\n"
                        "fatal error: stack overflow\n\ngoroutine ", 0), 0u) << o.err;
}

// The stack sizes are tunable: 600 KB of frames fit the default stacks
// but overflow a goroutine's under MPSTACK=128k, and main's (a root
// goroutine with a stack of its own, at least MPSTACK) only under
// MPMAINSTACK=128k.
TEST(Fatal, MpstackSetsStackSize) {
  for (const char *where : {"recurse-2000", "recurse-2000-goroutine"}) {
    Outcome big = runHelper(where);
    EXPECT_EQ(big.status, 0) << where << big.err;
    EXPECT_EQ(big.out, "ok\n") << where;
  }
  Outcome onMain = runHelper("recurse-2000", "MPSTACK=128k");
  EXPECT_EQ(onMain.status, 0) << onMain.err;
  for (auto [where, env] : {std::pair{"recurse-2000-goroutine", "MPSTACK=128k"},
                            std::pair{"recurse-2000", "MPSTACK=64k MPMAINSTACK=128k"}}) {
    Outcome small = runHelper(where, env);
    EXPECT_EQ(small.status, 2) << where;
    EXPECT_EQ(small.err.rfind("runtime: goroutine stack exceeds 131072-byte limit\n"
                              "fatal error: stack overflow\n", 0), 0u) << where << small.err;
  }
}

// Rule (§4): a goroutine looping without blocking cannot starve others,
// even with one worker (preempted at a function entry check).
TEST(Fatal, SpinningGoroutineIsPreempted) {
  Outcome o = runHelper("preempt", "MPPROCS=1");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "main ran\n");
}

// With two workers, a goroutine queued behind one that never blocks runs
// on the other worker, even one that was asleep (idle.cpp: no lost wake-up;
// runq.cpp: queued work is stolen once it waited).
TEST(Fatal, IdleWorkerStealsWorkQueuedBehindABusyOne) {
  Outcome o = runHelper("steal-behind-spinner", "MPPROCS=2");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "stolen\n");
}

// When main returns the program exits 0 at once, flushing all output,
// whatever other goroutines do.
TEST(Fatal, MainReturnExitsAndFlushes) {
  Outcome o = runHelper("exit-flushes");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out.size(), 10000u * 5);
  EXPECT_EQ(o.err, "");
}

// Rule (§3, §4): goroutines waiting in select are deadlocked too; a sender
// whose message fails the only receiver's value guard stays blocked.
TEST(Fatal, GuardedSelectDeadlock) {
  Outcome o = runHelper("select-deadlock");
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err, "fatal error: all goroutines are asleep - deadlock!\n"
                   "\n"
                   "goroutine 1 [chan send]:\n"
                   "main.main(...)\n"
                   "\tx.mp:7:3\n"
                   "\n"
                   "goroutine 2 [select]:\n"
                   "main.worker(...)\n"
                   "\tx.mp:12:5\n");
}

// Rule (§4): once the last timer has fired, a blocked program deadlocks.
TEST(Fatal, DeadlockAfterTimerFired) {
  Outcome o = runHelper("deadlock-after-timer");
  EXPECT_EQ(o.status, 2);
  EXPECT_NE(o.err.find("goroutine 1 [chan receive]:"), std::string::npos) << o.err;
}

// Rule (§4): a loop with no calls is preempted at its back-edge poll.
TEST(Fatal, SpinningLoopIsPreemptedAtBackEdge) {
  Outcome o = runHelper("preempt-loop", "MPPROCS=1");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "main ran\n");
}

// A goroutine blocked in read(2) neither stalls the only worker nor counts
// as a deadlock.
TEST(Fatal, BlockingReadLeavesWorkerFree) {
  Outcome o = runHelper("read-stdin", "(sleep 0.3; echo hi) | MPPROCS=1");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "main ran\nhi\n");
}

// Rule (§4): a million goroutines can be alive at once (with the default
// stack size; ~4 KiB resident each, so this takes seconds of page faults).
TEST(Fatal, MillionGoroutines) {
  Outcome o = runHelper("million", "", 150);
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "all released\n");
}

// Memory referenced only from parked goroutines' stacks is never freed.
TEST(Fatal, GcKeepsParkedStacksAlive) {
  Outcome o = runHelper("gc-parked");
  EXPECT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out, "intact\n");
}

// Writing to a full pipe parks the writing goroutine, not its worker.
TEST(Fatal, FullPipeLeavesWorkerFree) {
  std::string base = testing::TempDir() + "rt_helper_full_pipe";
  std::string cmd = "MPPROCS=1 timeout 20 " MP_RT_HELPER " full-pipe 2>" + base +
                    ".err | (sleep 0.5; wc -c) >" + base + ".out";
  int st = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  EXPECT_EQ(slurp(base + ".err"), "main ran\n");
  EXPECT_EQ(std::stol(slurp(base + ".out")), 1024L * 1024);
}

namespace {

// Runs `rt_helper signal`, sends sig once it printed "ready" on stderr and
// returns its stdout and how it ended (the shell's 128+n for a signal).
Outcome killHelper(const char *sig) {
  std::string base = testing::TempDir() + "rt_helper_signal_" + sig;
  // A background job of a non-interactive shell starts with SIGINT
  // ignored (the runtime then leaves it ignored): env restores the default.
  // The old .err is removed first: a stale "ready" must not trigger the
  // kill before the runtime installed its handlers.
  std::string cmd = "sh -c 'rm -f " + base + ".err; env --default-signal=INT " MP_RT_HELPER
                    " signal >" + base + ".out 2>" + base +
                    ".err & p=$!; i=0; until grep -q ready " + base +
                    ".err 2>/dev/null || [ $i -ge 1000 ]; do sleep 0.01; i=$((i+1)); done; kill -" +
                    sig + " $p; wait $p'";
  int st = std::system(cmd.c_str());
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, slurp(base + ".out"), slurp(base + ".err")};
}

std::string lines(const char *line, int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += line;
  return s;
}

} // namespace

// Killing a program with SIGINT or SIGTERM flushes what it printed; it then
// dies by that signal, as a Go program does.
TEST(Fatal, SigtermFlushesStdout) {
  Outcome o = killHelper("TERM");
  EXPECT_EQ(o.status, 128 + SIGTERM) << o.err;
  EXPECT_EQ(o.out, lines("buffered line\n", 100));
}

TEST(Fatal, SigintFlushesStdout) {
  Outcome o = killHelper("INT");
  EXPECT_EQ(o.status, 128 + SIGINT) << o.err;
  EXPECT_EQ(o.out, lines("buffered line\n", 100));
}
