/* test/unit/runtime/stackcheck.c: code with the entry stack check codegen
 * puts in MP functions (codegen/stack_check.cpp: compare %rsp with the
 * limit at %fs:0x70, call mp_morestack from inline asm on failure), for the
 * runtime's stack overflow and preemption tests. */
#include <stdint.h>

#define MP_ENTRY_CHECK()                                                   \
  do {                                                                     \
    unsigned char fail_;                                                   \
    __asm__ volatile("cmpq %%fs:0x70, %%rsp" : "=@ccbe"(fail_));           \
    if (__builtin_expect(fail_, 0))                                        \
      __asm__ volatile("xorl %%r10d, %%r10d\n\t" /* no mp_srcpos */      \
                       "movq %%rsp, %%r11\n\t"                             \
                       "leaq -128(%%rsp), %%rsp\n\t"                       \
                       "callq mp_morestack\n\t"                            \
                       "leaq 128(%%rsp), %%rsp" ::: "r10", "r11", "memory", "cc"); \
  } while (0)

int64_t mp_test_recurse(int64_t depth) {
  MP_ENTRY_CHECK();
  volatile char pad[256];  /* a 256-byte frame, all of it used */
  for (int i = 0; i < 256; ++i)
    pad[i] = (char)depth;
  if (depth == 0)
    return pad[0];
  return mp_test_recurse(depth - 1) + pad[0];
}

/* Calls a checked function on each iteration: its entry check is the
 * preemption point, like a loop that calls functions. */
static int64_t __attribute__((noinline)) step(int64_t x) {
  MP_ENTRY_CHECK();
  volatile int64_t frame[4];
  frame[0] = x;
  return frame[0] * 3 + 1;
}

int64_t mp_test_spin(volatile int64_t *stop) {
  MP_ENTRY_CHECK();
  int64_t x = 0;
  while (!*stop)
    x = step(x);
  return x;
}
