/* runtime/include/mp/runtime.h: the runtime's C ABI, the only interface
 * generated code calls (plus stdlib's mp/stdlib.h).  Every entry point is
 * `mp_`-prefixed and documented here.  Blocking calls take a source
 * position (a constant codegen emits) that deadlock and panic traces print.
 * Design notes for codegen: runtime/HACKING.md. */
#ifndef MP_RUNTIME_H
#define MP_RUNTIME_H

#include "mp/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A source position, emitted by codegen as a constant; NULL is allowed
 * everywhere (the trace then omits the position). */
typedef struct mp_srcpos {
  const char *file; /* "x.mp" */
  int32_t line, col;
  const char *func; /* "main.main", or NULL */
} mp_srcpos;

/* ---- Memory (Boehm GC) ---- */

/* Zeroed, garbage-collected memory that may hold pointers. */
void *mp_alloc(size_t size);
/* Zeroed, garbage-collected memory the collector does not scan: strings,
 * numeric slices. */
void *mp_alloc_atomic(size_t size);

/* ---- Output ---- */

/* Appends to the program's stdout buffer; flushed at exit, panic and
 * deadlock, before a read of stdin, so nothing printed is lost. */
void mp_stdout_write(const void *data, size_t len);
void mp_stdout_flush(void);

/* ---- Program start, goroutines, scheduling ---- */

/* The entry point of a generated program's C main(): starts MPPROCS worker
 * threads (default: online cores), runs main_fn as goroutine 1 and, when it
 * returns, flushes stdout and exits 0 whatever other goroutines do. */
MP_NORETURN int mp_main(int argc, char **argv, void (*main_fn)(void));

/* os.Exit(code): flushes stdout and ends the process at once (deferred
 * calls do not run, as in Go). */
MP_NORETURN void mp_exit(int code);

/* For tests and embedders: runs fn(arg) as a new root goroutine and returns
 * when it returns.  Deadlock detection is armed while a run is active. */
void mp_run(void (*fn)(void *), void *arg);

/* ---- Sessions: embedding the runtime in a REPL (mpc repl) ----
 *
 * After mp_session_begin() the process outlives failures:
 *  - a panic that no deferred call recovers prints its usual report and
 *    ends only the goroutine that panicked (its run returns
 *    MP_RUN_PANICKED when it was a run's root);
 *  - a deadlock (every goroutine blocked while a run is active) prints the
 *    usual report, without the goroutines already abandoned, and ends every
 *    active run with MP_RUN_DEADLOCK.
 * A run's root goroutine that is abandoned (deadlock, interrupt) takes and
 * gives no channel value any more: a later send or receive passes over its
 * waiters (and wakes it, to end); a running one ends at its next
 * preemption check.
 *  - a stack overflow is reported as always and ends only that goroutine,
 *    like a panic (unless it happens inside a value guard: then the
 *    process dies, since the guard holds channel locks);
 *  - os.Exit (mp_exit) still ends the process, with its status, after the
 *    hook set by mp_session_on_exit. */
void mp_session_begin(void);
/* Session mode: mp_exit(code) flushes stdout, then runs fn(code) on a
 * thread of its own (the embedder restores the terminal, saves history)
 * and waits for it, then ends the process with `code`.  NULL: no hook. */
void mp_session_on_exit(void (*fn)(int code));

enum { MP_RUN_OK = 0, MP_RUN_PANICKED = 1, MP_RUN_DEADLOCK = 2, MP_RUN_INTERRUPTED = 3 };

/* Like mp_run (fn(arg) as a new root goroutine; returns when it returns),
 * but also returns MP_RUN_INTERRUPTED within ~10 ms of *interrupt becoming
 * non-zero (a SIGINT handler sets it), abandoning the root goroutine.
 * Goroutines the run started keep running after it returns. */
int mp_run_session(void (*fn)(void *), void *arg, volatile int *interrupt);

/* `go f(x, y)`: the caller packs f's arguments into a heap frame `arg`
 * (mp_alloc) and passes a thunk that unpacks them.  The new goroutine runs
 * next on this worker (newest first, as Go does). */
void mp_go(void (*fn)(void *), void *arg);

/* Cooperative preemption.  The runtime raises a goroutine's flag by
 * poisoning its stack limit (the word at %fs:0x70 that codegen's entry
 * stack checks compare %rsp against) with MP_PREEMPT_POISON.  So:
 *  - MP functions with a stack check are preempted at entry (the check
 *    fails and mp_morestack yields, then the function goes on);
 *  - loop back-edges poll: `cmpq $-1, %fs:0x70; je` -> mp_preempt_asm.
 * mp_morestack and mp_preempt_asm are called from inline asm with their
 * own convention (runtime/context_x86_64.S, codegen/stack_check.cpp).
 * mp_preempt_poll() below is the loop poll for C/C++ callers. */
#define MP_PREEMPT_POISON (~(uint64_t)0)
void mp_preempt(void);
/* Entry points for codegen's inline asm only (they preserve all registers
 * but %r11 and take %r11 as argument): not callable as C functions. */
void mp_morestack(void);
void mp_preempt_asm(void);
static inline void mp_preempt_poll(void) {
  uint64_t limit;
  __asm__ volatile("movq %%fs:0x70, %0" : "=r"(limit));
  if (__builtin_expect(limit == MP_PREEMPT_POISON, 0))
    mp_preempt();
}
/* runtime.Gosched(). */
void mp_yield(void);
/* runtime.NumGoroutine(): goroutines that exist now (running, runnable or
 * blocked, abandoned REPL ones included); a snapshot that may lag a
 * goroutine being created or ended on another worker. */
int64_t mp_num_goroutine(void);
/* The running goroutine's id (1 for main). */
int64_t mp_goid(void);

/* Function table for traces: codegen may register each function's code
 * range so that `fatal error: stack overflow` names the function that
 * overflowed.  Entries need not be sorted; the table must stay alive.
 * end may be NULL: the function then ends where the next registered
 * function starts (codegen registers every MP function that way).  pos
 * may name the function only (file NULL: the JIT registers exact ranges so
 * for REPL inputs); a position with a file is preferred. */
typedef struct mp_func_info {
  const void *start, *end;
  const mp_srcpos *pos; /* the function's declaration */
} mp_func_info;
void mp_register_funcs(const mp_func_info *table, size_t n);

/* ---- Channels ---- */

typedef struct mp_chan mp_chan;

/* make(chan T, cap); cap < 0 panics like Go ("makechan: size out of
 * range").  Values are copied by elem->size bytes. */
mp_chan *mp_chan_make(const mp_type *elem, int64_t cap);
/* make(chan T, cap) at pos: the panic's trace shows pos (generated code). */
mp_chan *mp_chan_make_at(const mp_type *elem, int64_t cap, const mp_srcpos *pos);
/* ch <- *val.  Blocks; nil ch blocks forever; closed ch panics. */
void mp_chan_send(mp_chan *c, const void *val, const mp_srcpos *pos);
/* v, ok := <-ch into *out (out may be NULL to discard).  Returns ok: false
 * when c is closed and drained (then *out is the zero value). */
bool mp_chan_recv(mp_chan *c, void *out, const mp_srcpos *pos);
/* The same, parked under `reason` (a string literal) instead of "chan
 * send"/"chan receive": the goroutine's state in a deadlock report, for
 * the library's blocking calls built on channels (sync's "semacquire"). */
void mp_chan_send_as(mp_chan *c, const void *val, const mp_srcpos *pos, const char *reason);
bool mp_chan_recv_as(mp_chan *c, void *out, const mp_srcpos *pos, const char *reason);
/* close(ch): panics on nil or closed channel. */
void mp_chan_close(mp_chan *c, const mp_srcpos *pos);
int64_t mp_chan_len(mp_chan *c); /* 0 for nil */
int64_t mp_chan_cap(mp_chan *c); /* 0 for nil */

/* ---- select ---- */

/* A value guard: `case v := <-ch where pred(v)`.  Called on the selecting
 * goroutine, with channel locks held, for each candidate message in arrival
 * order; must be free of side effects and must not block. */
typedef bool (*mp_guard_fn)(void *env, const void *value);
/* Inside a value guard: the `ok` that goes with the candidate being tested
 * (`case v, ok := <-ch where ok && v > 0`): true for a message, false for
 * the zero value a closed, drained channel offers.  Meaningful only while
 * a guard runs (it is the selecting thread's, and guards never block). */
bool mp_guard_ok(void);

enum { MP_SELECT_SEND = 1, MP_SELECT_RECV = 2 };

typedef struct mp_select_case {
  mp_chan *chan;      /* NULL: case disabled (nil channel, false boolean
                         guard: codegen passes NULL) */
  int32_t dir;        /* MP_SELECT_SEND / MP_SELECT_RECV */
  void *val;          /* send: the value; recv: where to store it (or NULL) */
  mp_guard_fn guard;  /* recv only; NULL: no value guard */
  void *guard_env;
  bool *ok_out;       /* recv only; may be NULL */
} mp_select_case;

/* Runs a select: returns the index of the case that fired, or -1 when
 * has_default and no case was ready.  With no enabled case and no default
 * it blocks forever (`select {}`).  Exactly one case commits. */
int mp_select(mp_select_case *cases, int n, bool has_default,
              const mp_srcpos *pos);

/* ---- Time ---- */

/* Monotonic nanoseconds (time.Now for durations). */
int64_t mp_time_now(void);
/* time.Sleep(ns): parks the goroutine, never the worker. */
void mp_sleep(int64_t ns, const mp_srcpos *pos);
/* What time.After/Tick channels carry: the firing time, laid out as MP's
 * time.Time (stdlib.h's mp_time_Time): wall clock (ns since the Unix epoch)
 * and monotonic reading (mp_time_now()). */
typedef struct mp_tick {
  int64_t wall;
  int64_t mono;
} mp_tick;
/* time.After(ns) / time.Tick(ns): a channel of mp_tick with capacity 1, fed
 * by the runtime.  Tick with ns <= 0 returns nil like Go. */
mp_chan *mp_time_after(int64_t ns);
mp_chan *mp_time_tick(int64_t ns);

/* ---- Blocking system calls ---- */

/* read(2) on a helper thread, so the worker keeps running goroutines;
 * flushes stdout first when fd is 0.  Returns bytes read, 0 at EOF, -errno. */
int64_t mp_read(int fd, void *buf, int64_t n);

/* ---- Panics, defer and recover ----
 *
 * Defer/recover use setjmp/longjmp frames (cheap to enter, no unwind
 * tables; codegen emits llvm.eh.sjlj.setjmp, whose 5-word buffer is
 * __builtin_setjmp's).  A function with defers does:
 *
 *   mp_defer_frame fr; mp_defer_push(&fr);
 *   if (__builtin_setjmp(fr.jmpbuf)) {      // a panic unwound to us
 *     run this function's deferred calls (LIFO);   // they may recover()
 *     mp_defer_unwound(&fr);   // returns only if recovered: then return
 *     return <named results>;  // normally from this function
 *   }
 *   body; run deferred calls; mp_defer_pop(&fr); return;
 *
 * A deferred call is a GC record {next, thunk, call_end, saved values...}:
 * `thunk(record)` makes the call; for a call of a program function or func
 * value, `call_end` is the address of the code right after the thunk's
 * call instruction (a blockaddress), else NULL.  Before calling a record's
 * thunk the function stores the record in `fr.running`.  Go's rule that
 * recover() works only when called *directly* by a deferred function run
 * by the panic rests on this: see mp_recover. */
typedef struct mp_defer_frame {
  struct mp_defer_frame *prev;
  void *jmpbuf[5];
  void *const *running; /* the deferred-call record being run, or NULL */
} mp_defer_frame;
void mp_defer_push(mp_defer_frame *f);
void mp_defer_pop(mp_defer_frame *f);
/* After a frame's deferred calls ran during a panic: returns if one of them
 * recovered (the panic is over), else continues unwinding. */
void mp_defer_unwound(mp_defer_frame *f);
/* panic(v): prints `panic: <v>` (Go's formatting: Error()/String() methods,
 * basic values, `main.T(5)` for named basic types) and `goroutine N
 * [running]:` with pos, then exits 2 unless a deferred call recovers. */
MP_NORETURN void mp_panic(mp_iface v, const mp_srcpos *pos);
/* panic(runtime error): prints "panic: runtime error: <msg>" (Go's wording,
 * e.g. "index out of range [5] with length 3") and the goroutine's trace,
 * then exits with status 2 unless recovered.  The value recover() returns
 * is an error whose Error() is "runtime error: <msg>". */
MP_NORETURN void mp_panic_runtime_error(const char *msg);
MP_NORETURN void mp_panic_runtime_error_at(const char *msg,
                                           const mp_srcpos *pos);
/* A failed bounds check at pos: kind is an mp_bounds_kind (values.h), x
 * and y the operands Go's message names ("index out of range [5] with
 * length 3"). */
MP_NORETURN void mp_panic_bounds_at(int32_t kind, int64_t x, int64_t y,
                                    const mp_srcpos *pos);
/* The map operations and interface == of values.h with the statement's
 * position for the trace of their panics: nil-map write, an interface key
 * or operand whose dynamic type is not comparable ("hash of unhashable
 * type []int").  Generated code calls the lookup and delete ones for
 * interface keys only (the others cannot panic so). */
void *mp_map_assign_at(const mp_type *t, struct mp_map *m, const void *key,
                       const mp_srcpos *pos);
const void *mp_map_lookup_at(const mp_type *t, const struct mp_map *m, const void *key,
                             const mp_srcpos *pos);
const void *mp_map_lookup2_at(const mp_type *t, const struct mp_map *m, const void *key,
                              bool *ok, const mp_srcpos *pos);
void mp_map_delete_at(const mp_type *t, struct mp_map *m, const void *key,
                      const mp_srcpos *pos);
bool mp_iface_equal_at(mp_iface a, mp_iface b, const mp_srcpos *pos);
/* The position of the standard-library call the running goroutine makes:
 * generated code sets it before calling an entry point that may panic
 * (rand.Intn(0), strings.Repeat(s, -1), a negative WaitGroup counter) and
 * clears it after; a panic raised inside without a position reports it. */
void mp_set_call_pos(const mp_srcpos *pos);
/* recover(), called by a function with return address `ra` (codegen
 * passes llvm.returnaddress(0) and never inlines a function that calls
 * recover): the current panic's value, and the panic stops, when all of
 * these hold (Go's rule), else the nil interface:
 *  - a panic is running and no deferred call recovered it yet;
 *  - the innermost defer frame is the one the panic unwound to, i.e. its
 *    deferred calls run because of the panic, not at a normal return;
 *  - ra lies inside the thunk of that frame's running record, before its
 *    call_end: the caller is the deferred function itself, not a function
 *    it calls, nor `defer recover()` (whose call_end is NULL). */
mp_iface mp_recover(const void *ra);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_RUNTIME_H */
