// codegen/lower_chan.cpp: `go` statements, sends and receives (owned by
// the concurrency lowering; see lower_conc.h for the interface).  Not
// lowered yet: each construct reports NotLowered so no program miscompiles.
#include "codegen/lower_conc.h"

namespace mp::codegen {

void lowerGoStmt(FuncLowering &F, const GoStmt *s) { F.M.notLowered(s, "go statement"); }

void lowerSendStmt(FuncLowering &F, const SendStmt *s) { F.M.notLowered(s, "send statement"); }

llvm::Value *lowerRecvExpr(FuncLowering &F, const UnaryExpr *e) {
  F.M.notLowered(e, "receive operation");
  const sema::ExprInfo &ei = F.M.prog.info(e);
  llvm::Type *t = F.llvmType(ei.type);
  if (ei.commaOk)
    t = llvm::StructType::get(F.M.ctx, {t, F.M.i1});
  return llvm::UndefValue::get(t);
}

} // namespace mp::codegen
