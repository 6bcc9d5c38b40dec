/* runtime/include/mp/runtime.h: the runtime's C ABI, the only interface
 * generated code calls (plus stdlib's mp/stdlib.h).  Every entry point is
 * `mp_`-prefixed and documented here. */
#ifndef MP_RUNTIME_H
#define MP_RUNTIME_H

#include "mp/value.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Memory (Boehm GC) ---- */

/* Zeroed, garbage-collected memory that may hold pointers. */
void *mp_alloc(size_t size);
/* Zeroed, garbage-collected memory the collector does not scan: strings,
 * numeric slices. */
void *mp_alloc_atomic(size_t size);

/* ---- Output ---- */

/* Appends to the program's stdout buffer; flushed at exit, panic and
 * deadlock, so nothing printed is lost. */
void mp_stdout_write(const void *data, size_t len);
void mp_stdout_flush(void);

/* ---- Panics ---- */

/* panic(runtime error): prints "panic: runtime error: <msg>" (Go's wording,
 * e.g. "index out of range [5] with length 3") and the goroutine's trace,
 * then exits with status 2 unless recovered. */
MP_NORETURN void mp_panic_runtime_error(const char *msg);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* MP_RUNTIME_H */
