// codegen/lower_defer.cpp: defer, panic and recover (owned by the
// concurrency lowering; see lower_conc.h and runtime.h's defer frames).
// Not lowered yet: each construct reports NotLowered.
#include "codegen/lower_conc.h"

namespace mp::codegen {

struct FuncLowering::DeferState {};

void beginDefers(FuncLowering &F) {}

void lowerDeferStmt(FuncLowering &F, const DeferStmt *s) { F.M.notLowered(s, "defer statement"); }

void runDefersAtReturn(FuncLowering &F) {}

void lowerPanicCall(FuncLowering &F, const CallExpr *c) { F.M.notLowered(c, "panic"); }

llvm::Value *lowerRecoverCall(FuncLowering &F, const CallExpr *c) {
  F.M.notLowered(c, "recover");
  return llvm::Constant::getNullValue(F.M.ifaceTy);
}

} // namespace mp::codegen
