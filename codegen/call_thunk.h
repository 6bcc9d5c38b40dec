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
};

// Evaluates c's callee, receiver and arguments into a fresh frame whose
// first `headerWords` pointer-sized words are left zero for the caller
// (the defer list link and the thunk).  `kind` names the thunk
// ("gowrap", "deferwrap").
DelayedCall delayCall(FuncLowering &F, const CallExpr *c, unsigned headerWords,
                      llvm::StringRef kind);

} // namespace mp::codegen

#endif
