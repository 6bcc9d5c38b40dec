// runtime/panic.cpp: panics, recover, and fatal errors (deadlock, stack
// overflow), printed as Go prints them, then exit status 2.
// Defer frames are setjmp/longjmp buffers chained on the G (runtime.h);
// a panic longjmps to the innermost frame, whose deferred calls may
// recover, and otherwise continues to the next frame.
#include "sched.h"

#include <gc.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>
#include <unistd.h>
#include <vector>

namespace mp::rt {

uint64_t runtimeSeed();
bool runtimeSeedFromEnv();

struct Panic {
  mp_iface value;
  const mp_srcpos *pos;
  bool recovered;
  Panic *prev;  // the panic that was running when this one started
  mp_defer_frame *frame;  // the frame unwind() last jumped to
};

namespace {

std::mutex &fatalMu = *new std::mutex;  // one fatal report at a time

// The error that recover() returns for a runtime error: its value is the
// message ("runtime error: ...").
mp_string runtimeErrorText(const void *self) { return *static_cast<const mp_string *>(self); }
const mp_type kRuntimeErrorType = {MP_KIND_STRUCT, 8, MP_TYPE_POINTER_FREE, 0, 16,
                                   {reinterpret_cast<const uint8_t *>("runtime.Error"), 13},
                                   nullptr, nullptr, 0, nullptr, nullptr, runtimeErrorText};
// A plain message panic from the runtime ("send on closed channel").
const mp_type kPlainErrorType = {MP_KIND_STRUCT, 8, MP_TYPE_POINTER_FREE, 0, 16,
                                 {reinterpret_cast<const uint8_t *>("runtime.plainError"), 18},
                                 nullptr, nullptr, 0, nullptr, nullptr, runtimeErrorText};

void putStr(const mp_string &s) { std::fwrite(s.ptr, 1, size_t(s.len), stderr); }

bool isNamedBasic(const mp_type *t) {
  return (t->flags & MP_TYPE_NAMED) && t->kind <= MP_KIND_STRING;
}

void printBasic(const mp_type *t, const void *p) {
  switch (t->kind) {
  case MP_KIND_BOOL: std::fputs(*static_cast<const uint8_t *>(p) ? "true" : "false", stderr); break;
  case MP_KIND_INT: case MP_KIND_INT64: std::fprintf(stderr, "%" PRId64, *static_cast<const int64_t *>(p)); break;
  case MP_KIND_INT32: std::fprintf(stderr, "%" PRId32, *static_cast<const int32_t *>(p)); break;
  case MP_KIND_INT16: std::fprintf(stderr, "%d", *static_cast<const int16_t *>(p)); break;
  case MP_KIND_INT8: std::fprintf(stderr, "%d", *static_cast<const int8_t *>(p)); break;
  case MP_KIND_UINT: case MP_KIND_UINT64: case MP_KIND_UINTPTR:
    std::fprintf(stderr, "%" PRIu64, *static_cast<const uint64_t *>(p)); break;
  case MP_KIND_UINT32: std::fprintf(stderr, "%" PRIu32, *static_cast<const uint32_t *>(p)); break;
  case MP_KIND_UINT16: std::fprintf(stderr, "%u", *static_cast<const uint16_t *>(p)); break;
  case MP_KIND_UINT8: std::fprintf(stderr, "%u", *static_cast<const uint8_t *>(p)); break;
  case MP_KIND_FLOAT64: std::fprintf(stderr, "%+e", *static_cast<const double *>(p)); break;
  case MP_KIND_FLOAT32: std::fprintf(stderr, "%+e", double(*static_cast<const float *>(p))); break;
  case MP_KIND_STRING: putStr(*static_cast<const mp_string *>(p)); break;
  default: std::fprintf(stderr, "%p", p); break;
  }
}

// Go's printpanicval: Error(), then String(), then basic values; named
// basic types as main.T(5) / main.S("x"); anything else as (T) address.
void printPanicValue(mp_iface v) {
  const mp_type *t = v.type;
  if (!t) {
    std::fputs("nil", stderr);
    return;
  }
  if (t->error_method)
    return putStr(t->error_method(v.data));
  if (t->string_method)
    return putStr(t->string_method(v.data));
  if (isNamedBasic(t)) {
    putStr(t->name);
    std::fputs(t->kind == MP_KIND_STRING ? "(\"" : "(", stderr);
    printBasic(t, v.data);
    std::fputs(t->kind == MP_KIND_STRING ? "\")" : ")", stderr);
    return;
  }
  if (t->kind <= MP_KIND_STRING)
    return printBasic(t, v.data);
  std::fputc('(', stderr);
  putStr(t->name);
  std::fprintf(stderr, ") %p", v.data);
}

void printPos(const mp_srcpos *pos) {
  if (!pos)
    return;
  if (!pos->file && pos->func) {  // a function known by name only (JIT)
    std::fprintf(stderr, "%s(...)\n", pos->func);
    return;
  }
  std::fprintf(stderr, "%s(...)\n\t%s:%d:%d\n", pos->func ? pos->func : "?",
               pos->file ? pos->file : "?", pos->line, pos->col);
}

void collectLive(G *g, void *v) {
  if (g->live && !g->isG0 && !g->cancelled.load(std::memory_order_relaxed))
    static_cast<std::vector<G *> *>(v)->push_back(g);
}

void printPanic(Panic *p);

[[noreturn]] void die() {
  if (runtimeSeedFromEnv())
    std::fprintf(stderr, "[runtime seed %" PRIu64 "]\n", runtimeSeed());
  std::fflush(stderr);
  _exit(2);
}

[[noreturn]] void printPanicAndDie(Panic *p) {
  std::unique_lock<std::mutex> lk(fatalMu);
  printPanic(p);
  if (currentG() && sessionMode()) {
    lk.unlock();
    exitCurrentG(MP_RUN_PANICKED);  // the session goes on without this G
  }
  die();
}

void printPanic(Panic *p) {
  stdoutFlushForExit();
  std::vector<Panic *> chain;
  for (Panic *q = p; q; q = q->prev)
    chain.push_back(q);
  for (size_t i = chain.size(); i-- > 0;) {
    std::fputs(i + 1 == chain.size() ? "panic: " : "\tpanic: ", stderr);
    printPanicValue(chain[i]->value);
    if (chain[i]->recovered)
      std::fputs(" [recovered]", stderr);
    std::fputc('\n', stderr);
  }
  G *g = currentG();
  std::fprintf(stderr, "\ngoroutine %" PRId64 " [running]:\n", g ? g->id : int64_t(0));
  printPos(p->pos);
  std::fflush(stderr);
}

[[noreturn]] void unwind(G *g) {
  mp_defer_frame *f = g->defers;
  if (!f)
    printPanicAndDie(g->panic);
  g->defers = f->prev;
  g->panic->frame = f;
  __builtin_longjmp(f->jmpbuf, 1);
}

[[noreturn]] void startPanic(mp_iface v, const mp_srcpos *pos) {
  G *g = currentG();
  if (g) {  // raised inside a library call without a position: the call's
    pos = pos ? pos : g->callPos;
    g->callPos = nullptr;  // the call does not return
  }
  auto *p = static_cast<Panic *>(GC_MALLOC(sizeof(Panic)));
  *p = Panic{v, pos, false, g ? g->panic : nullptr, nullptr};
  if (!g)
    printPanicAndDie(p);
  g->panic = p;
  unwind(g);
}

mp_iface boxMessage(const mp_type *t, const char *prefix, const char *msg) {
  size_t a = std::strlen(prefix), b = std::strlen(msg);
  auto *text = static_cast<uint8_t *>(GC_MALLOC_ATOMIC(a + b + 1));
  std::memcpy(text, prefix, a);
  std::memcpy(text + a, msg, b);
  auto *s = static_cast<mp_string *>(GC_MALLOC(sizeof(mp_string)));
  *s = mp_string{text, int64_t(a + b)};
  return mp_iface{t, s};
}

// Registered function ranges, for naming the function that overflowed.
std::mutex &funcMu = *new std::mutex;
std::vector<std::pair<const mp_func_info *, size_t>> &funcTables =
    *new std::vector<std::pair<const mp_func_info *, size_t>>;

// An exact range first; else the open-ended entry (end NULL) that starts
// closest below pc.
const mp_srcpos *findFunc(const void *pc) {
  std::lock_guard<std::mutex> lk(funcMu);
  // An exact range with a source position first, then the nearest
  // open-ended entry, then an exact range naming the function only (the
  // JIT registers those for every module, mpc run's main a full table).
  const mp_func_info *best = nullptr;
  const mp_srcpos *nameOnly = nullptr;
  for (auto &[t, n] : funcTables)
    for (size_t i = 0; i < n; ++i) {
      if (pc < t[i].start)
        continue;
      if (t[i].end && pc < t[i].end) {
        if (t[i].pos && t[i].pos->file)
          return t[i].pos;
        nameOnly = t[i].pos;
      }
      if (!t[i].end && (!best || t[i].start > best->start))
        best = &t[i];
    }
  return best ? best->pos : nameOnly;
}

} // namespace

void reportFatalLocked(const char *msg, bool allGoroutines);

[[noreturn]] void panicString(const char *msg, const mp_srcpos *pos) {
  startPanic(boxMessage(&kPlainErrorType, "", msg), pos);
}

void printGoroutine(G *g, bool running) {
  std::fprintf(stderr, "goroutine %" PRId64 " [%s]:\n", g->id,
               running ? "running" : (g->waitReason ? g->waitReason : "runnable"));
  printPos(g->waitPos);
}

[[noreturn]] void fatal(const char *msg, bool allGoroutines) {
  std::lock_guard<std::mutex> lk(fatalMu);
  reportFatalLocked(msg, allGoroutines);
  die();
}

void reportFatal(const char *msg, bool allGoroutines) {
  std::lock_guard<std::mutex> lk(fatalMu);
  reportFatalLocked(msg, allGoroutines);
  std::fflush(stderr);
}

void reportFatalLocked(const char *msg, bool allGoroutines) {
  stdoutFlushForExit();
  std::fprintf(stderr, "fatal error: %s\n", msg);
  if (allGoroutines) {
    std::vector<G *> gs;
    forEachLiveG(collectLive, &gs);
    std::sort(gs.begin(), gs.end(), [](G *a, G *b) { return a->id < b->id; });
    for (G *g : gs) {
      std::fputc('\n', stderr);
      printGoroutine(g, false);
    }
  }
}

} // namespace mp::rt

using namespace mp::rt;

extern "C" [[noreturn]] void mp_stack_overflow(void *pc, const mp_srcpos *fn) {
  std::unique_lock<std::mutex> lk(fatalMu);
  stdoutFlushForExit();
  G *g = currentG();
  // Go's report; the limit is this goroutine's stack (MPSTACK, or
  // MPMAINSTACK for main), not Go's 1 GB.
  size_t limit = g && g->stackLo ? size_t(g->stackHi - g->stackLo) : gStackSize;
  std::fprintf(stderr, "runtime: goroutine stack exceeds %zu-byte limit\n", limit);
  std::fprintf(stderr, "fatal error: stack overflow\n\ngoroutine %" PRId64 " [running]:\n",
               g ? g->id : int64_t(0));
  if (const mp_srcpos *pos = fn ? fn : findFunc(pc)) {
    printPos(pos);
  } else {
    Dl_info info;
    if (dladdr(pc, &info) && info.dli_sname)
      std::fprintf(stderr, "%s(...)\n", info.dli_sname);
  }
  // Session mode: like a panic, only this goroutine ends.  We run on the
  // red zone below its stack limit; goexit switches away and frees the
  // stack.  MP code holds no runtime lock, except in a value guard
  // (channel locks): then the process must die.
  if (g && !g->isG0 && sessionMode() && !inGuard()) {
    lk.unlock();
    std::fflush(stderr);
    exitCurrentG(MP_RUN_PANICKED);
  }
  die();
}

extern "C" void mp_register_funcs(const mp_func_info *table, size_t n) {
  std::lock_guard<std::mutex> lk(funcMu);
  funcTables.emplace_back(table, n);
}

extern "C" void mp_defer_push(mp_defer_frame *f) {
  G *g = currentG();
  f->prev = g->defers;
  f->running = nullptr;
  g->defers = f;
}

extern "C" void mp_defer_pop(mp_defer_frame *f) { currentG()->defers = f->prev; }

extern "C" void mp_defer_unwound(mp_defer_frame *f) {
  (void)f;  // already unlinked by unwind()
  G *g = currentG();
  Panic *p = g->panic;
  if (p && p->recovered) {
    g->panic = p->prev;
    return;
  }
  unwind(g);
}

extern "C" mp_iface mp_recover(const void *ra) {
  G *g = currentG();
  Panic *p = g ? g->panic : nullptr;
  if (!p || p->recovered)
    return mp_iface{nullptr, nullptr};
  // Go's rule (runtime.h): called directly by a deferred function that
  // the panic's unwinding of the innermost frame is running.
  mp_defer_frame *f = g->defers;
  void *const *rec = f ? f->running : nullptr;
  if (f != p->frame || !rec || !rec[2])
    return mp_iface{nullptr, nullptr};
  auto *a = static_cast<const char *>(ra);
  if (a <= static_cast<const char *>(rec[1]) || a > static_cast<const char *>(rec[2]))
    return mp_iface{nullptr, nullptr};
  p->recovered = true;
  return p->value;
}

extern "C" void mp_set_call_pos(const mp_srcpos *pos) {
  if (G *g = currentG())
    g->callPos = pos;
}

extern "C" void mp_panic(mp_iface v, const mp_srcpos *pos) {
  startPanic(v, pos);  // Go 1.19: panic(nil) prints "panic: nil" 
}

extern "C" void mp_panic_runtime_error_at(const char *msg, const mp_srcpos *pos) {
  startPanic(boxMessage(&kRuntimeErrorType, "runtime error: ", msg), pos);
}

extern "C" void mp_panic_runtime_error(const char *msg) {
  mp_panic_runtime_error_at(msg, nullptr);
}
