/* test/unit/runtime/splitstack.c: code compiled the way codegen will
 * compile MP functions ("split-stack" prologues checking %fs:0x70), for the
 * runtime's stack overflow and preemption tests. */
#include <stdint.h>

int64_t mp_test_recurse(int64_t depth) {
  volatile char pad[256];  /* a 256-byte frame, all of it used */
  for (int i = 0; i < 256; ++i)
    pad[i] = (char)depth;
  if (depth == 0)
    return pad[0];
  return mp_test_recurse(depth - 1) + pad[0];
}

/* Calls a split-stack function on each iteration: its prologue is the
 * preemption point, like a loop that calls functions. */
static int64_t __attribute__((noinline)) step(int64_t x) {
  volatile int64_t frame[4];
  frame[0] = x;
  return frame[0] * 3 + 1;
}

int64_t mp_test_spin(volatile int64_t *stop) {
  int64_t x = 0;
  while (!*stop)
    x = step(x);
  return x;
}
