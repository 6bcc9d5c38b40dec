// codegen/call_thunk.cpp: frames and thunks for `go` and `defer` (see
// call_thunk.h).  A frame is one GC allocation: `headerWords` pointers for
// the caller, then the saved values as an LLVM literal struct.  The thunk
// of an ordinary call (program function, method, func value) calls it
// directly; builtin and stdlib calls are lowered again inside the thunk
// with FuncLowering::presetValues/presetAddrs standing in for their
// operands, so each construct keeps a single lowering.
#include "codegen/call_thunk.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;

llvm::Value *lowerCall(FuncLowering &F, const CallExpr *c);

namespace {

const Expr *unparen(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

// The values saved at the statement and the code that replays the call.
struct Saved {
  std::vector<llvm::Value *> values;
  // Emits the call in the thunk T from the reloaded values; returns the
  // call of a program function or func value (null for replayed calls).
  std::function<llvm::CallInst *(FuncLowering &T, llvm::ArrayRef<llvm::Value *> vals)> replay;
};

// A program function, method or func value: callee and arguments as values.
Saved saveOrdinaryCall(FuncLowering &F, const CallExpr *c, Callee cal) {
  Saved s;
  std::vector<llvm::Value *> args = F.callArgs(c);
  bool direct = llvm::isa<llvm::Function>(cal.fn);
  if (!direct) {
    s.values.push_back(cal.fn);
    s.values.push_back(cal.env);
  }
  if (cal.recv)
    s.values.push_back(cal.recv);
  s.values.insert(s.values.end(), args.begin(), args.end());
  s.replay = [cal, direct](FuncLowering &T, llvm::ArrayRef<llvm::Value *> vals) {
    Callee k = cal;
    size_t i = 0;
    if (!direct) {
      k.fn = vals[i++];
      k.env = vals[i++];
    }
    if (cal.recv)
      k.recv = vals[i++];
    return cast<llvm::CallInst>(T.emitCall(k, vals.drop_front(i)));
  };
  return s;
}

// A builtin or stdlib call: its operands are saved and bound again in the
// thunk, whose lowering of the call then reads them instead of evaluating.
Saved saveReplayedCall(FuncLowering &F, const CallExpr *c) {
  Saved s;
  const CheckedProgram &P = F.M.prog;
  std::vector<std::pair<const Expr *, bool>> keys; // (expr, is an address)
  if (auto *se = dyn_cast<SelectorExpr>(unparen(c->fun))) {
    const Selection *sel = P.selection(se);
    if (sel && sel->kind == SelectionKind::Method) {
      bool addressable = P.info(se->x).mode == ExprMode::Variable;
      s.values.push_back(addressable ? F.address(se->x) : F.rawValue(se->x));
      keys.push_back({se->x, addressable});
    }
  }
  for (const Expr *a : c->args) {
    if (P.info(a).mode == ExprMode::Constant)
      continue; // constants are re-created, not saved
    s.values.push_back(F.rawValue(a));
    keys.push_back({a, false});
  }
  s.replay = [c, keys](FuncLowering &T, llvm::ArrayRef<llvm::Value *> vals) {
    for (size_t i = 0; i < keys.size(); ++i) {
      auto [e, isAddr] = keys[i];
      const Expr *inner = unparen(e);
      if (isAddr) {
        llvm::Value *v = T.B.CreateLoad(T.llvmType(T.M.prog.typeOf(e)), vals[i]);
        for (const Expr *k : {e, inner}) {
          T.presetAddrs[k] = vals[i];
          T.presetValues[k] = v;
        }
      } else {
        T.presetValues[e] = T.presetValues[inner] = vals[i];
      }
    }
    lowerCall(T, c);
    return nullptr;
  };
  return s;
}

} // namespace

DelayedCall delayCall(FuncLowering &F, const CallExpr *c, unsigned headerWords,
                      llvm::StringRef kind, bool markCallEnd) {
  ModuleLowering &M = F.M;
  const CallInfo *ci = M.prog.call(c);
  Saved saved;
  if (std::optional<Callee> cal = F.callee(c))
    saved = saveOrdinaryCall(F, c, *cal);
  else if (ci && ci->kind != CallKind::Conversion)
    saved = saveReplayedCall(F, c);
  else
    M.notLowered(c, (kind + " of this call").str());

  std::vector<llvm::Type *> fields(headerWords, M.ptr);
  for (llvm::Value *v : saved.values)
    fields.push_back(v->getType());
  auto *frameTy = llvm::StructType::get(M.ctx, fields);
  uint64_t size = M.dl.getTypeAllocSize(frameTy);
  llvm::Value *frame = F.heapAllocBytes(F.B.getInt64(size ? size : 1), false);
  for (size_t i = 0; i < saved.values.size(); ++i)
    F.B.CreateStore(saved.values[i], F.B.CreateStructGEP(frameTy, frame, headerWords + i));

  auto *fty = llvm::FunctionType::get(M.voidTy, {M.ptr}, false);
  llvm::Constant *callEnd = llvm::ConstantPointerNull::get(M.ptr);
  llvm::Function *thunk = llvm::Function::Create(fty, llvm::Function::InternalLinkage,
                                                 F.goName + "." + kind, M.mod);
  {
    FuncLowering T(M, thunk, nullptr, F.goName);
    std::vector<llvm::Value *> vals;
    for (size_t i = 0; i < saved.values.size(); ++i)
      vals.push_back(T.B.CreateLoad(fields[headerWords + i],
                                    T.B.CreateStructGEP(frameTy, thunk->getArg(0), headerWords + i)));
    llvm::CallInst *call = saved.replay ? saved.replay(T, vals) : nullptr;
    if (call && markCallEnd) {
      // The callee's return address must be in this thunk, before callEnd:
      // no inlining, no tail call (emitCall's notail); the block after the
      // call has its address taken, so it is neither merged nor moved.
      call->setIsNoInline();
      llvm::BasicBlock *end = T.newBlock("call.end");
      T.B.CreateBr(end);
      T.startBlock(end);
      callEnd = llvm::BlockAddress::get(thunk, end);
    }
    if (!T.terminated())
      T.B.CreateRetVoid();
  }
  return {frame, thunk, callEnd};
}

} // namespace mp::codegen
