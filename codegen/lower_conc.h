// codegen/lower_conc.h: the concurrency constructs, lowered in their own
// files (lower_chan.cpp, lower_select.cpp, lower_defer.cpp) through this
// interface.  Each hook gets the function being lowered (FuncLowering, see
// lowering.h) and may use:
//   F.B                      the IRBuilder, positioned where code goes
//   F.value(e) / rawValue(e) an expression's value (converted / as is)
//   F.address(e), assign()   addressable expressions and stores
//   F.varAddress(obj), declareVar(obj, init)  variables (heap if escaping)
//   F.srcpos(node)           the `const mp_srcpos *` for a node
//   F.typeDesc(t), llvmType(t), M.sizeOf(t)   mp_type descriptors, layouts
//   F.callee(call), callArgs(call), emitCall(callee, args)   calls
//   F.callC(CFn::..., args)  runtime.h / stdlib.h entry points (C ABI)
//   F.newBlock/startBlock/br/terminated, entryAlloca, spill, heapAlloc
//   F.lowerStmts(body)       a clause body; F.targets for break
//   F.resultSlots, returnBB, defers   function results and defer state
// Sema's tables: F.M.prog.selectCase(clause), guardedRecv(stmt), func(node).
#ifndef MP_CODEGEN_LOWER_CONC_H
#define MP_CODEGEN_LOWER_CONC_H

#include "codegen/lowering.h"

namespace mp::codegen {

// ---- lower_chan.cpp ----
// `go f(x, y)`: f and the arguments evaluated here, packed in a heap frame,
// spawned with mp_go.
void lowerGoStmt(FuncLowering &F, const GoStmt *s);
// `ch <- v`
void lowerSendStmt(FuncLowering &F, const SendStmt *s);
// `<-ch` (e->op == Arrow).  When sema marks e commaOk, returns the literal
// struct {elem, i1 ok}; else the element value.
llvm::Value *lowerRecvExpr(FuncLowering &F, const UnaryExpr *e);

// ---- lower_select.cpp ----
void lowerSelectStmt(FuncLowering &F, const SelectStmt *s);
// `v := <-ch where g`: a one-case select.
void lowerGuardedRecvStmt(FuncLowering &F, const GuardedRecvStmt *s);

// ---- lower_defer.cpp ----
// Called in the prologue of a function whose FuncInfo::hasDefer is set,
// after parameters and result slots exist.
void beginDefers(FuncLowering &F);
void lowerDeferStmt(FuncLowering &F, const DeferStmt *s);
// Called at the top of the return block of a function with defers (results
// are in F.resultSlots; the block then loads them and returns).
void runDefersAtReturn(FuncLowering &F);
// panic(v): never returns (the caller emits nothing after it).
void lowerPanicCall(FuncLowering &F, const CallExpr *c);
// recover(): an `any` value ({type, data}).
llvm::Value *lowerRecoverCall(FuncLowering &F, const CallExpr *c);

} // namespace mp::codegen

#endif
