// codegen/tail_recursion.h: tail-recursion elimination for MP functions
// that keeps Go's "fatal error: stack overflow" for unbounded recursion
// (tail_recursion.cpp; registered by optimize(), emit.cpp).
#ifndef MP_CODEGEN_TAIL_RECURSION_H
#define MP_CODEGEN_TAIL_RECURSION_H

#include "llvm/IR/PassManager.h"

namespace mp::codegen {

// The declaration `void (i64 depth, ptr pos)` whose calls sit on the back edges of
// the loops this pass makes, until insertStackChecks (stack_check.cpp)
// turns each into `%rsp - depth` compared with the stack limit (pos: the
// recursive function's mp_srcpos, for the overflow report, or null).
inline constexpr const char *kTailDepthMarker = "mp.tailrec.check";

// Bytes of stack one eliminated call counts for, beyond its allocas: its
// return address and saved frame pointer, which every MP frame that calls
// has, so the loop never overflows before the calls would have (a tail
// recursion that fit the stack still does).
inline constexpr uint64_t kTailFrameBytes = 16;

// Runs LLVM's TailCallElimPass on the function's own `notail` self calls
// (lowering marks every call `notail`), restores `notail` on those it
// leaves, and gives the loop it made a virtual stack depth that grows on
// every back edge by the frame the eliminated call would have pushed.
struct SelfTailRecursionPass : llvm::PassInfoMixin<SelfTailRecursionPass> {
  llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &fam);
};

} // namespace mp::codegen

#endif
