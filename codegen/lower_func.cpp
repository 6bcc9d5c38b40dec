// codegen/lower_func.cpp: one function body — prologue (parameters,
// captures, result slots), the return block, variable slots (stack, or GC
// heap for variables that escape), block helpers, runtime checks with Go's
// panic messages, loop preemption polls and debug locations.
#include "codegen/lower_conc.h"
#include "codegen/stack_check.h"

#include "llvm/Transforms/Utils/ModuleUtils.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

std::string FuncLowering::nextLitName() {
  bool inLit = info && info->node && llvm::isa<FuncLitExpr>(info->node);
  return goName + (inLit ? "." : ".func") + std::to_string(++LitCount);
}

FuncLowering::FuncLowering(ModuleLowering &m, llvm::Function *fn, const FuncInfo *info,
                           std::string goName)
    : M(m), B(m.ctx), fn(fn), info(info), goName(std::move(goName)) {
  llvm::BasicBlock *entry = llvm::BasicBlock::Create(M.ctx, "entry", fn);
  B.SetInsertPoint(entry);
  AllocaPoint = B.CreateAlloca(M.i8, nullptr, "allocapoint");
  // The position `fatal error: stack overflow` names (stack_check.cpp).
  if (info && info->node && fn->hasFnAttribute(kStackCheckAttr)) {
    llvm::Constant *pos = M.srcpos(info->node->loc(), this->goName);
    if (auto *gv = llvm::dyn_cast<llvm::GlobalValue>(pos->stripPointerCasts())) {
      fn->addFnAttr(kStackCheckAttr, gv->getName());
      llvm::appendToCompilerUsed(M.mod, {gv});  // the name alone does not keep it
    }
  }
  if (M.di) {
    const Node *n = info ? info->node : nullptr;
    SourceLoc loc = n ? n->loc() : SourceLoc();
    if (loc.isValid() || M.diCU || M.sm.numFiles()) {
      if (!loc.isValid())
        loc = M.sm.locFor(0, 0);
      llvm::DIFile *file = M.diFile(loc);
      unsigned line = M.sm.presumed(loc).line;
      auto *sty = M.di->createSubroutineType(M.di->getOrCreateTypeArray({}));
      auto *sp = M.di->createFunction(file, this->goName, fn->getName(), file, line, sty, line,
                                      llvm::DINode::FlagZero,
                                      llvm::DISubprogram::SPFlagDefinition);
      fn->setSubprogram(sp);
      B.SetCurrentDebugLocation(llvm::DILocation::get(M.ctx, line, 0, sp));
    }
  }
}

FuncLowering::~FuncLowering() {
  if (AllocaPoint) {
    AllocaPoint->eraseFromParent();
    AllocaPoint = nullptr;
  }
}

void FuncLowering::setLoc(const Node *n) {
  if (!M.di || !n || !fn->getSubprogram())
    return;
  PresumedLoc p = M.sm.presumed(n->loc());
  if (p.isValid())
    B.SetCurrentDebugLocation(llvm::DILocation::get(M.ctx, p.line, p.column, fn->getSubprogram()));
}

void FuncLowering::lowerBody(const BlockStmt *body, const Object *recvObj) {
  unsigned arg = 1;
  if (info->obj && info->obj->recvNamed) {
    if (recvObj)
      declareVar(recvObj, fn->getArg(arg));
    ++arg;
  }
  // A function literal's environment: {code, cell of capture 0, ...}.
  llvm::Value *env = fn->getArg(0);
  for (size_t i = 0; i < info->captures.size(); ++i) {
    llvm::Value *slot = B.CreateConstGEP1_64(M.ptr, env, i + 1);
    Vars[info->captures[i]] = B.CreateLoad(M.ptr, slot, info->captures[i]->name + ".cell");
  }
  for (const Object *p : info->params)
    declareVar(p, fn->getArg(arg++));
  for (const Object *r : info->results)
    resultSlots.push_back(declareVar(r));
  returnBB = llvm::BasicBlock::Create(M.ctx, "return");
  if (info->hasDefer)
    beginDefers(*this);
  lowerStmts(body->stmts);
  br(returnBB);
  startBlock(returnBB);
  if (M.di)
    setLoc(nullptr);
  if (body->rbrace.isValid() && M.di && fn->getSubprogram()) {
    PresumedLoc p = M.sm.presumed(body->rbrace);
    B.SetCurrentDebugLocation(llvm::DILocation::get(M.ctx, p.line, p.column, fn->getSubprogram()));
  }
  if (defers)
    runDefersAtReturn(*this);
  llvm::Type *rt = fn->getReturnType();
  if (rt->isVoidTy()) {
    B.CreateRetVoid();
    return;
  }
  if (resultSlots.size() == 1) {
    B.CreateRet(B.CreateLoad(rt, resultSlots[0]));
    return;
  }
  llvm::Value *agg = llvm::UndefValue::get(rt);
  for (size_t i = 0; i < resultSlots.size(); ++i)
    agg = B.CreateInsertValue(
        agg, B.CreateLoad(cast<llvm::StructType>(rt)->getElementType(i), resultSlots[i]), i);
  B.CreateRet(agg);
}

void FuncLowering::branchToReturn() { br(returnBB); }

// ---- variables ----

llvm::Value *FuncLowering::declareVar(const Object *v, llvm::Value *init) {
  llvm::Type *t = M.type(v->type);
  llvm::Value *addr;
  // Big variables go to the GC heap too: goroutine stacks are small.
  bool heap = v->escapes || M.sizeOf(v->type) > kMaxStackVar;
  if (heap) {
    addr = heapAlloc(v->type);
    addr->setName(v->name + ".heap");
  } else
    addr = entryAlloca(t, v->name);
  if (init)
    B.CreateStore(init, addr);
  else if (!heap)
    zeroFill(addr, t);
  Vars[v] = addr;
  return addr;
}

void FuncLowering::zeroFill(llvm::Value *addr, llvm::Type *t) {
  // Aggregates by memset: a store of a large zeroinitializer makes LLVM
  // expand one store per element.
  if (t->isAggregateType() && M.dl.getTypeAllocSize(t) > 64)
    B.CreateMemSet(addr, B.getInt8(0), M.dl.getTypeAllocSize(t), M.dl.getABITypeAlign(t));
  else
    B.CreateStore(llvm::Constant::getNullValue(t), addr);
}

llvm::Value *FuncLowering::varAddress(const Object *v) {
  if (v->isGlobal()) {
    // A value guard binds a package variable that is the receive's target
    // to the candidate (bindVar, lower_select.cpp).
    auto b = BoundGlobals.find(v);
    return b != BoundGlobals.end() ? b->second : M.global(v);
  }
  auto it = Vars.find(v);
  if (it != Vars.end())
    return it->second;
  // A variable of an enclosing function seen through a closure that sema
  // did not list (should not happen): fail loudly rather than miscompile.
  M.notLowered(v->decl, "variable " + v->name);
  return entryAlloca(M.type(v->type));
}

// ---- blocks ----

llvm::BasicBlock *FuncLowering::newBlock(const llvm::Twine &name) {
  return llvm::BasicBlock::Create(M.ctx, name);
}

void FuncLowering::startBlock(llvm::BasicBlock *bb) {
  if (!bb->getParent())
    bb->insertInto(fn);
  B.SetInsertPoint(bb);
}

bool FuncLowering::terminated() const {
  llvm::BasicBlock *bb = B.GetInsertBlock();
  return bb && bb->getTerminator();
}

void FuncLowering::br(llvm::BasicBlock *bb) {
  if (!terminated())
    B.CreateBr(bb);
}

llvm::AllocaInst *FuncLowering::entryAlloca(llvm::Type *t, const llvm::Twine &name) {
  llvm::IRBuilder<> b(AllocaPoint);
  return b.CreateAlloca(t, nullptr, name);
}

llvm::Value *FuncLowering::spill(llvm::Value *v) {
  llvm::Value *slot = entryAlloca(v->getType());
  B.CreateStore(v, slot);
  return slot;
}

llvm::Value *FuncLowering::heapAllocBytes(llvm::Value *bytes, bool pointerFree) {
  return callC(pointerFree ? CFn::AllocAtomic : CFn::Alloc, {bytes});
}

llvm::Value *FuncLowering::heapAlloc(const Type *t) {
  uint64_t size = M.sizeOf(t);
  return heapAllocBytes(B.getInt64(size ? size : 1), M.pointerFree(t));
}

llvm::Constant *FuncLowering::srcpos(const Node *n) {
  return n ? M.srcpos(n->loc(), goName) : llvm::ConstantPointerNull::get(M.ptr);
}

// ---- runtime checks ----

// Emits `if (cond) <panic>` with the panic in a cold block.
void FuncLowering::runtimePanic(const char *msg, const Node *at, llvm::Value *cond) {
  llvm::BasicBlock *fail = newBlock("panic"), *ok = newBlock("ok");
  B.CreateCondBr(cond, fail, ok);
  startBlock(fail);
  callC(CFn::PanicRuntimeErrorAt, {M.cstr(msg), srcpos(at)});
  B.CreateUnreachable();
  startBlock(ok);
}

void FuncLowering::nilCheck(llvm::Value *p, const Node *at) {
  runtimePanic("invalid memory address or nil pointer dereference", at, B.CreateIsNull(p));
}

void FuncLowering::boundsPanic(int kind, llvm::Value *x, llvm::Value *y, llvm::Value *cond,
                               const Node *at) {
  llvm::BasicBlock *fail = newBlock("bounds"), *ok = newBlock("ok");
  B.CreateCondBr(cond, fail, ok);
  startBlock(fail);
  callC(CFn::PanicBounds, {B.getInt32(kind), x, y, srcpos(at)});
  B.CreateUnreachable();
  startBlock(ok);
}

void FuncLowering::indexCheck(llvm::Value *i, llvm::Value *len, const Node *at) {
  // Unsigned: a negative index is out of range too.
  boundsPanic(0, i, len, B.CreateICmpUGE(i, len), at);
}

void FuncLowering::preemptPoll() {
  // An opaque call for the optimizer (memory is in place at each poll, so
  // an interrupted or preempted loop has stored what it computed), made a
  // two-instruction poll after optimization.
  llvm::FunctionCallee marker = M.mod.getOrInsertFunction(kPollMarker, M.voidTy);
  if (auto *mf = llvm::dyn_cast<llvm::Function>(marker.getCallee()))
    mf->addFnAttr(llvm::Attribute::NoUnwind);
  B.CreateCall(marker);
}

} // namespace mp::codegen
