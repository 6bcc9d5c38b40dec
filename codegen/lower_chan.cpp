// codegen/lower_chan.cpp: `go` statements, sends and receives (stage 3,
// LANGUAGE.md §2, §4).  `go f(x)` packs f and its arguments, evaluated
// here, into a heap frame (call_thunk.h) and hands the thunk to mp_go.
// A send passes the address of a stack copy of the value; a receive
// passes a stack slot the runtime fills (with the zero value once the
// channel is closed and drained).  make/close/len/cap are builtins
// (lower_builtin.cpp); `for range ch` is in lower_range.cpp.
#include "codegen/call_thunk.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;

namespace {

const Expr *unparen(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

const Type *chanElem(FuncLowering &F, const Expr *ch) {
  return cast<ChanType>(F.M.prog.typeOf(ch)->underlying())->elem();
}

} // namespace

void lowerGoStmt(FuncLowering &F, const GoStmt *s) {
  auto *c = dyn_cast<CallExpr>(unparen(s->call));
  if (!c) {
    F.M.notLowered(s, "go statement without a call");
    return;
  }
  DelayedCall dc = delayCall(F, c, 0, "gowrap");
  F.callC(CFn::Go, {dc.thunk, dc.frame});
}

void lowerSendStmt(FuncLowering &F, const SendStmt *s) {
  llvm::Value *ch = F.rawValue(s->chan);
  llvm::Value *v = F.value(s->value);
  F.callC(CFn::ChanSend, {ch, F.spill(v), F.srcpos(s)});
}

llvm::Value *lowerRecvExpr(FuncLowering &F, const UnaryExpr *e) {
  llvm::Value *ch = F.rawValue(e->x);
  llvm::Type *elemTy = F.llvmType(chanElem(F, e->x));
  llvm::Value *slot = F.entryAlloca(elemTy, "recv");
  llvm::Value *ok = F.callC(CFn::ChanRecv, {ch, slot, F.srcpos(e)});
  llvm::Value *v = F.B.CreateLoad(elemTy, slot);
  if (!F.M.prog.info(e).commaOk)
    return v;
  auto *pairTy = llvm::StructType::get(F.M.ctx, {elemTy, F.M.i1});
  llvm::Value *pair = F.B.CreateInsertValue(llvm::UndefValue::get(pairTy), v, 0);
  return F.B.CreateInsertValue(pair, ok, 1);
}

} // namespace mp::codegen
