// codegen/lower_defer.cpp: defer, panic and recover with Go's semantics
// (stage 3), on the runtime's setjmp/longjmp frames (runtime.h).
//
// A function with defers keeps one DeferState on its stack:
//   {mp_defer_frame frame, ptr head, i8 panicking, [n x ptr] results}
// `head` is a LIFO list of deferred calls, each a call_thunk.h frame whose
// three header words are {next, thunk, call_end} (runtime.h's record; the
// runner stores the record in frame.running before calling its thunk, and
// mp_recover(returnaddress) checks the caller is that thunk's call).  The prologue pushes `frame` and
// arms it with llvm.eh.sjlj.setjmp; a panic longjmps back to the landing
// pad, which sets `panicking`, re-pushes and re-arms the frame (so a panic
// in a deferred call comes back here and the remaining ones still run) and
// joins the return block.  The return block runs the deferred calls, each
// unlinked before it is called, pops the frame and, when panicking, calls
// mp_defer_unwound, which returns only if a deferred call recovered: the
// function then returns its result slots normally.
//
// What must stay true: everything the landing pad and the return block read
// lives in memory.  `head` and `panicking` are volatile; the result slots'
// addresses are stored in the state before mp_defer_push sees it, so they
// escape and no optimisation keeps a result in a register across a call
// that may panic.  Deferred calls read captured variables through heap
// cells (sema marks them escaping).
#include "codegen/call_thunk.h"

#include "llvm/IR/Intrinsics.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;

struct FuncLowering::DeferState {
  llvm::StructType *ty = nullptr;
  llvm::Value *state = nullptr; // the alloca
};

namespace {

enum : unsigned { FrameField, HeadField, PanickingField, ResultsField };

llvm::StructType *frameType(ModuleLowering &M) {
  // mp_defer_frame: {prev, void *jmpbuf[5], running}
  return llvm::StructType::get(M.ctx, {M.ptr, llvm::ArrayType::get(M.ptr, 5), M.ptr});
}

llvm::Value *field(FuncLowering &F, unsigned i) {
  return F.B.CreateStructGEP(F.defers->ty, F.defers->state, i);
}

// __builtin_setjmp on the frame's buffer: frame address in word 0, stack
// pointer in word 2; llvm.eh.sjlj.setjmp stores the resume address in
// word 1 and returns 0, or 1 when the runtime longjmps here.
llvm::Value *armFrame(FuncLowering &F) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  llvm::Value *buf = B.CreateStructGEP(frameType(M), field(F, FrameField), 1);
  llvm::Function *frameAddr =
      llvm::Intrinsic::getDeclaration(&M.mod, llvm::Intrinsic::frameaddress, {M.ptr});
  B.CreateStore(B.CreateCall(frameAddr, {B.getInt32(0)}), buf);
  B.CreateStore(B.CreateStackSave(), B.CreateConstGEP1_64(M.ptr, buf, 2));
  llvm::Function *setjmp = llvm::Intrinsic::getDeclaration(&M.mod, llvm::Intrinsic::eh_sjlj_setjmp);
  llvm::CallInst *r = B.CreateCall(setjmp, {buf});
  r->addFnAttr(llvm::Attribute::ReturnsTwice);
  return B.CreateICmpNE(r, B.getInt32(0));
}

void storeVolatile(FuncLowering &F, llvm::Value *v, unsigned f) {
  F.B.CreateStore(v, field(F, f), /*isVolatile=*/true);
}

llvm::Value *loadVolatile(FuncLowering &F, llvm::Type *t, unsigned f) {
  return F.B.CreateLoad(t, field(F, f), /*isVolatile=*/true);
}

} // namespace

void beginDefers(FuncLowering &F) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  auto st = std::make_unique<FuncLowering::DeferState>();
  size_t n = F.resultSlots.size();
  st->ty = llvm::StructType::get(M.ctx, {frameType(M), M.ptr, M.i8, llvm::ArrayType::get(M.ptr, n)});
  st->state = F.entryAlloca(st->ty, "defer.state");
  F.defers = std::move(st);
  storeVolatile(F, llvm::ConstantPointerNull::get(M.ptr), HeadField);
  storeVolatile(F, B.getInt8(0), PanickingField);
  for (size_t i = 0; i < n; ++i)
    B.CreateStore(F.resultSlots[i], B.CreateConstGEP2_32(llvm::ArrayType::get(M.ptr, n),
                                                         field(F, ResultsField), 0, i));
  F.callC(CFn::DeferPush, {field(F, FrameField)});
  llvm::BasicBlock *land = F.newBlock("defer.panic"), *body = F.newBlock("body");
  B.CreateCondBr(armFrame(F), land, body);

  F.startBlock(land);
  storeVolatile(F, B.getInt8(1), PanickingField);
  F.callC(CFn::DeferPush, {field(F, FrameField)});
  B.CreateCondBr(armFrame(F), land, F.returnBB);

  F.startBlock(body);
}

void lowerDeferStmt(FuncLowering &F, const DeferStmt *s) {
  const Expr *x = s->call;
  while (auto *p = dyn_cast<ParenExpr>(x))
    x = p->x;
  auto *c = dyn_cast<CallExpr>(x);
  if (!c || !F.defers) {
    F.M.notLowered(s, "defer statement");
    return;
  }
  ModuleLowering &M = F.M;
  DelayedCall dc = delayCall(F, c, 3, "deferwrap", /*markCallEnd=*/true);
  F.B.CreateStore(loadVolatile(F, M.ptr, HeadField), dc.frame);
  F.B.CreateStore(dc.thunk, F.B.CreateConstGEP1_64(M.ptr, dc.frame, 1));
  F.B.CreateStore(dc.callEnd, F.B.CreateConstGEP1_64(M.ptr, dc.frame, 2));
  storeVolatile(F, dc.frame, HeadField);
}

void runDefersAtReturn(FuncLowering &F) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  llvm::BasicBlock *next = F.newBlock("defer.next"), *call = F.newBlock("defer.call"),
                   *done = F.newBlock("defer.done"), *unwound = F.newBlock("defer.unwound"),
                   *ret = F.newBlock("defer.ret");
  B.CreateBr(next);
  F.startBlock(next);
  llvm::Value *rec = loadVolatile(F, M.ptr, HeadField);
  B.CreateCondBr(B.CreateIsNull(rec), done, call);

  F.startBlock(call); // unlink first: a panic in the call must not rerun it
  storeVolatile(F, B.CreateLoad(M.ptr, rec), HeadField);
  llvm::Value *thunk = B.CreateLoad(M.ptr, B.CreateConstGEP1_64(M.ptr, rec, 1));
  B.CreateStore(rec, B.CreateStructGEP(frameType(M), field(F, FrameField), 2));
  B.CreateCall(llvm::FunctionType::get(M.voidTy, {M.ptr}, false), thunk, {rec});
  B.CreateBr(next);

  F.startBlock(done);
  F.callC(CFn::DeferPop, {field(F, FrameField)});
  llvm::Value *panicking = loadVolatile(F, M.i8, PanickingField);
  B.CreateCondBr(B.CreateICmpNE(panicking, B.getInt8(0)), unwound, ret);

  F.startBlock(unwound); // returns only if a deferred call recovered
  F.callC(CFn::DeferUnwound, {field(F, FrameField)});
  B.CreateBr(ret);
  F.startBlock(ret);
}

void lowerPanicCall(FuncLowering &F, const CallExpr *c) {
  ModuleLowering &M = F.M;
  const Expr *arg = c->args[0];
  llvm::Value *v = F.value(arg);
  if (v->getType() != M.ifaceTy) // sema records the conversion to any; be safe
    v = F.convert(v, M.prog.typeOf(arg),
                  const_cast<CheckedProgram &>(M.prog).types().anyType());
  F.callC(CFn::Panic, {v, F.srcpos(c)});
  F.B.CreateUnreachable();
  F.startBlock(F.newBlock("after.panic"));
}

// recover() passes this function's return address, so the runtime can
// tell whether a deferred-call thunk called it directly (runtime.h); the
// function is never inlined, which would make the address its caller's.
llvm::Value *lowerRecoverCall(FuncLowering &F, const CallExpr *c) {
  (void)c;
  F.fn->addFnAttr(llvm::Attribute::NoInline);
  F.fn->removeFnAttr(llvm::Attribute::AlwaysInline);
  llvm::Function *ra = llvm::Intrinsic::getDeclaration(&F.M.mod, llvm::Intrinsic::returnaddress);
  return F.callC(CFn::Recover, {F.B.CreateCall(ra, {F.B.getInt32(0)})});
}

} // namespace mp::codegen
