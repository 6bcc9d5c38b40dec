// codegen/call_thunk.h: calls evaluated now and made later (stage 3).
// `go f(x)` and `defer f(x)` evaluate the function value, the receiver and
// the arguments at the statement, in Go's order, into a GC heap frame;
// a thunk `void thunk(ptr frame)` unpacks them and makes the call on the
// new goroutine (lower_chan.cpp) or when the function returns
// (lower_defer.cpp).  Builtin and stdlib calls are replayed in the thunk
// with their argument expressions bound to the saved values.
#ifndef MP_CODEGEN_CALL_THUNK_H
#define MP_CODEGEN_CALL_THUNK_H

#include "codegen/lower_conc.h"

namespace mp::codegen {

struct DelayedCall {
  llvm::Value *frame = nullptr;   // GC heap: headerWords pointers, then the values
  llvm::Function *thunk = nullptr; // void (ptr frame)
  // With markCallEnd, for a call of a program function or func value: the
  // address right after the thunk's call instruction (runtime.h's record
  // `call_end`, which mp_recover checks); else a null pointer.
  llvm::Constant *callEnd = nullptr;
};

// Evaluates c's callee, receiver and arguments into a fresh frame whose
// first `headerWords` pointer-sized words are left zero for the caller
// (the defer list link and the thunk).  `kind` names the thunk
// ("gowrap", "deferwrap").  With markCallEnd the callee is never inlined
// into the thunk and its return address is bracketed by {thunk, callEnd}.
DelayedCall delayCall(FuncLowering &F, const CallExpr *c, unsigned headerWords,
                      llvm::StringRef kind, bool markCallEnd = false);

} // namespace mp::codegen

#endif
