// codegen/stack_check.h: stack overflow checks and preemption polls, added
// to the optimized module (stack_check.cpp; runtime/HACKING.md "Stacks,
// overflow, preemption").
#ifndef MP_CODEGEN_STACK_CHECK_H
#define MP_CODEGEN_STACK_CHECK_H

#include "llvm/IR/Module.h"

namespace mp::codegen {

// The function attribute lowering puts on MP functions: its value, if any,
// names the global `mp_srcpos` of the function, which `fatal error: stack
// overflow` reports (an attribute, not metadata: passes that rebuild a
// function, such as dead argument elimination, keep it).
// insertStackChecks removes it.
inline constexpr const char *kStackCheckAttr = "mp-stack-check";

// Frames up to this many bytes of allocas are left to the red zone below
// the stack limit (runtime/sched.h kRedZone, 32 KiB): a function whose
// allocas fit compares %rsp itself with the limit, and a function that
// calls nothing (no MP code, no runtime call that returns) is not checked.
inline constexpr uint64_t kSmallFrame = 1024;

// For each function defined in m: an entry check (unless it is a leaf with
// a small frame) and a preemption poll on every loop latch.  Run
// after the optimization pipeline, so that inlined callees leave no checks
// behind and loops are the ones that survived.
void insertStackChecks(llvm::Module &m);

} // namespace mp::codegen

#endif
