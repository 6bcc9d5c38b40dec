// codegen/lower_builtin.cpp: len cap make new append copy delete close
// print println (panic/recover are lower_defer.cpp's).  append grows
// slices with Go 1.19's growslice policy, size classes included, so cap()
// prints what Go prints; the policy lives in one emitted helper,
// `mp.growslice`.
#include "codegen/lower_conc.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace {

// Go's malloc size classes (runtime/sizeclasses.go), up to 32 KiB.
const uint16_t SizeClasses[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,
    176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,
    480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,
    1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,
    6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768};

// slice mp.growslice(slice old, i64 newLen, i64 elemSize, i1 pointerFree):
// a copy of old with capacity for newLen elements.
llvm::Function *growslice(ModuleLowering &M) {
  if (llvm::Function *f = M.mod.getFunction("mp.growslice"))
    return f;
  auto *fty = llvm::FunctionType::get(M.sliceTy, {M.sliceTy, M.i64, M.i64, M.i1}, false);
  auto *f = llvm::Function::Create(fty, llvm::Function::InternalLinkage, "mp.growslice", M.mod);
  FuncLowering F(M, f, nullptr, "runtime.growslice");
  auto &B = F.B;
  llvm::Value *old = f->getArg(0), *newLen = f->getArg(1), *size = f->getArg(2);
  llvm::Value *oldCap = B.CreateExtractValue(old, 2);
  llvm::Value *capSlot = F.entryAlloca(M.i64);
  llvm::Value *dbl = B.CreateAdd(oldCap, oldCap);
  llvm::BasicBlock *big = F.newBlock("big"), *small = F.newBlock("small"),
                   *loop = F.newBlock("loop"), *done = F.newBlock("round"),
                   *notDouble = F.newBlock("notdouble");
  B.CreateStore(newLen, capSlot);
  B.CreateCondBr(B.CreateICmpSGT(newLen, dbl), done, notDouble);
  F.startBlock(notDouble);
  B.CreateCondBr(B.CreateICmpSLT(oldCap, B.getInt64(256)), small, big);
  F.startBlock(small);
  B.CreateStore(dbl, capSlot);
  B.CreateBr(done);
  F.startBlock(big);
  B.CreateStore(oldCap, capSlot);
  B.CreateBr(loop);
  F.startBlock(loop); // newcap += (newcap + 3*256) / 4 until >= newLen
  llvm::Value *c = B.CreateLoad(M.i64, capSlot);
  llvm::Value *grown = B.CreateAdd(c, B.CreateSDiv(B.CreateAdd(c, B.getInt64(768)), B.getInt64(4)));
  B.CreateStore(grown, capSlot);
  B.CreateCondBr(B.CreateICmpSGE(grown, newLen), done, loop);
  F.startBlock(done);
  // Round the byte size up to a size class (or to 8 KiB pages above 32 KiB).
  llvm::Value *bytes = B.CreateMul(B.CreateLoad(M.i64, capSlot), size);
  auto *tableTy = llvm::ArrayType::get(M.i64, std::size(SizeClasses));
  std::vector<llvm::Constant *> cls;
  for (uint16_t s : SizeClasses)
    cls.push_back(llvm::ConstantInt::get(M.i64, s));
  auto *table = new llvm::GlobalVariable(M.mod, tableTy, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(tableTy, cls), "sizeclasses");
  llvm::Value *rounded = F.entryAlloca(M.i64);
  llvm::Value *idx = F.entryAlloca(M.i64);
  B.CreateStore(B.getInt64(0), idx);
  llvm::BasicBlock *pages = F.newBlock("pages"), *scan = F.newBlock("scan"),
                   *alloc = F.newBlock("alloc");
  B.CreateCondBr(B.CreateICmpSGT(bytes, B.getInt64(32768)), pages, scan);
  F.startBlock(pages);
  B.CreateStore(B.CreateAnd(B.CreateAdd(bytes, B.getInt64(8191)), B.getInt64(~int64_t(8191))),
                rounded);
  B.CreateBr(alloc);
  F.startBlock(scan);
  llvm::Value *i = B.CreateLoad(M.i64, idx);
  llvm::Value *cl = B.CreateLoad(M.i64, B.CreateGEP(tableTy, table, {B.getInt64(0), i}));
  B.CreateStore(cl, rounded);
  B.CreateStore(B.CreateAdd(i, B.getInt64(1)), idx);
  B.CreateCondBr(B.CreateICmpSGE(cl, bytes), alloc, scan);
  F.startBlock(alloc);
  llvm::Value *total = B.CreateLoad(M.i64, rounded);
  llvm::Value *isZero = B.CreateICmpEQ(size, B.getInt64(0));
  llvm::Value *safeSize = B.CreateSelect(isZero, B.getInt64(1), size);
  llvm::Value *newCap = B.CreateSelect(isZero, B.CreateLoad(M.i64, capSlot),
                                       B.CreateUDiv(total, safeSize));
  llvm::Function *allocF = M.cfunc(CFn::Alloc);
  llvm::Value *allocFn = B.CreateSelect(f->getArg(3), M.cfunc(CFn::AllocAtomic), allocF);
  llvm::Value *mem = B.CreateCall(allocF->getFunctionType(), allocFn, {total});
  llvm::Value *oldLen = B.CreateExtractValue(old, 1);
  B.CreateMemCpy(mem, llvm::MaybeAlign(1), B.CreateExtractValue(old, 0), llvm::MaybeAlign(1),
                 B.CreateMul(oldLen, size));
  llvm::Value *r = B.CreateInsertValue(old, mem, 0);
  B.CreateRet(B.CreateInsertValue(r, newCap, 2));
  return f;
}

llvm::Value *makeSlice(llvm::IRBuilder<> &B, ModuleLowering &M, llvm::Value *p, llvm::Value *len,
                       llvm::Value *cap) {
  llvm::Value *s = llvm::UndefValue::get(M.sliceTy);
  s = B.CreateInsertValue(s, p, 0);
  s = B.CreateInsertValue(s, len, 1);
  return B.CreateInsertValue(s, cap, 2);
}

llvm::Value *toI64(FuncLowering &F, const Expr *e) {
  llvm::Value *v = F.value(e);
  const Type *t = F.M.prog.info(e).convertTo ? F.M.prog.info(e).convertTo : F.M.prog.typeOf(e);
  if (v->getType() == F.M.i64)
    return v;
  if (v->getType()->isFloatingPointTy())
    return F.B.CreateFPToSI(v, F.M.i64);
  return t->underlying()->isUnsigned() ? F.B.CreateZExt(v, F.M.i64) : F.B.CreateSExt(v, F.M.i64);
}

llvm::Value *lowerAppend(FuncLowering &F, const CallExpr *c) {
  auto &B = F.B;
  ModuleLowering &M = F.M;
  const Type *st = F.M.prog.typeOf(c);
  const Type *elem = cast<SliceType>(st->underlying())->elem();
  llvm::Type *et = M.type(elem);
  uint64_t size = M.sizeOf(elem);
  llvm::Value *s = F.value(c->args[0]);
  llvm::Value *srcPtr = nullptr, *n;
  std::vector<llvm::Value *> vals;
  if (c->hasEllipsis) {
    llvm::Value *src = F.rawValue(c->args[1]);
    srcPtr = B.CreateExtractValue(src, 0);
    n = B.CreateExtractValue(src, 1);
  } else {
    for (size_t i = 1; i < c->args.size(); ++i)
      vals.push_back(F.value(c->args[i]));
    n = B.getInt64(vals.size());
  }
  if (vals.empty() && !srcPtr)
    return s;
  llvm::Value *len = B.CreateExtractValue(s, 1);
  llvm::Value *newLen = B.CreateAdd(len, n);
  llvm::BasicBlock *grow = F.newBlock("append.grow"), *store = F.newBlock("append.store");
  llvm::BasicBlock *from = B.GetInsertBlock();
  B.CreateCondBr(B.CreateICmpSGT(newLen, B.CreateExtractValue(s, 2)), grow, store);
  F.startBlock(grow);
  llvm::Value *grown = B.CreateCall(growslice(M), {s, newLen, B.getInt64(size),
                                                   B.getInt1(M.pointerFree(elem))});
  llvm::BasicBlock *growEnd = B.GetInsertBlock();
  B.CreateBr(store);
  F.startBlock(store);
  llvm::PHINode *phi = B.CreatePHI(M.sliceTy, 2);
  phi->addIncoming(s, from);
  phi->addIncoming(grown, growEnd);
  llvm::Value *base = B.CreateExtractValue(phi, 0);
  if (srcPtr) {
    B.CreateMemMove(B.CreateGEP(et, base, len), llvm::MaybeAlign(1), srcPtr, llvm::MaybeAlign(1),
                    B.CreateMul(n, B.getInt64(size)));
  } else {
    for (size_t i = 0; i < vals.size(); ++i)
      B.CreateStore(vals[i], B.CreateGEP(et, base, B.CreateAdd(len, B.getInt64(i))));
  }
  return B.CreateInsertValue(phi, newLen, 1);
}

llvm::Value *lowerCopy(FuncLowering &F, const CallExpr *c) {
  auto &B = F.B;
  const Type *dt = F.M.prog.typeOf(c->args[0]);
  const Type *elem = cast<SliceType>(dt->underlying())->elem();
  llvm::Value *dst = F.value(c->args[0]), *src = F.rawValue(c->args[1]);
  llvm::Value *dl = B.CreateExtractValue(dst, 1), *sl = B.CreateExtractValue(src, 1);
  llvm::Value *n = B.CreateSelect(B.CreateICmpSLT(dl, sl), dl, sl);
  B.CreateMemMove(B.CreateExtractValue(dst, 0), llvm::MaybeAlign(1), B.CreateExtractValue(src, 0),
                  llvm::MaybeAlign(1), B.CreateMul(n, B.getInt64(F.M.sizeOf(elem))));
  return n;
}

llvm::Value *lowerMake(FuncLowering &F, const CallExpr *c) {
  auto &B = F.B;
  const Type *t = F.M.prog.typeOf(c);
  const Type *u = t->underlying();
  if (isa<MapType>(u))
    return F.callC(CFn::MapMake, {F.typeDesc(t), c->args.size() > 1 ? toI64(F, c->args[1])
                                                                     : B.getInt64(0)});
  if (auto *ct = dyn_cast<ChanType>(u))
    return F.callC(CFn::ChanMake, {F.typeDesc(ct->elem()),
                                   c->args.size() > 1 ? toI64(F, c->args[1]) : B.getInt64(0),
                                   F.srcpos(c)});
  const Type *elem = cast<SliceType>(u)->elem();
  llvm::Value *len = toI64(F, c->args[1]);
  llvm::Value *cap = c->args.size() > 2 ? toI64(F, c->args[2]) : len;
  F.runtimePanic("makeslice: len out of range", c, B.CreateICmpSLT(len, B.getInt64(0)));
  if (c->args.size() > 2)
    F.runtimePanic("makeslice: cap out of range", c, B.CreateICmpSGT(len, cap));
  uint64_t size = F.M.sizeOf(elem);
  llvm::Value *bytes = B.CreateMul(cap, B.getInt64(size ? size : 1));
  llvm::Value *p = F.heapAllocBytes(bytes, F.M.pointerFree(elem));
  return makeSlice(B, F.M, p, len, cap);
}

llvm::Value *lowerLenCap(FuncLowering &F, const CallExpr *c, bool isCap) {
  auto &B = F.B;
  const Type *t = F.M.prog.typeOf(c->args[0])->underlying();
  if (auto *pt = dyn_cast<PointerType>(t))
    t = pt->elem()->underlying();
  if (auto *at = dyn_cast<ArrayType>(t))
    return B.getInt64(at->length());
  llvm::Value *v = F.rawValue(c->args[0]);
  if (t->isString())
    return B.CreateExtractValue(v, 1);
  if (isa<SliceType>(t))
    return B.CreateExtractValue(v, isCap ? 2 : 1);
  if (isa<MapType>(t))
    return F.callC(CFn::MapLen, {v});
  return F.callC(isCap ? CFn::ChanCap : CFn::ChanLen, {v});
}

void printValue(FuncLowering &F, llvm::Value *v, const Type *t) {
  auto &B = F.B;
  const Type *u = t->underlying();
  if (u->isBoolean())
    F.callC(CFn::PrintBool, {v});
  else if (u->isInteger())
    F.callC(u->isUnsigned() ? CFn::PrintUint : CFn::PrintInt,
            {u->isUnsigned() ? B.CreateZExtOrTrunc(v, F.M.i64) : B.CreateSExtOrTrunc(v, F.M.i64)});
  else if (u->isFloat())
    F.callC(CFn::PrintFloat, {B.CreateFPExt(v, F.M.f64)});
  else if (u->isString())
    F.callC(CFn::PrintString, {v});
  else if (isa<SliceType>(u))
    F.callC(CFn::PrintSlice, {v});
  else if (isa<InterfaceType>(u))
    F.callC(CFn::PrintIface, {v});
  else
    F.callC(CFn::PrintPointer, {v});
}

} // namespace

llvm::Value *lowerBuiltin(FuncLowering &F, const CallExpr *c, const CallInfo *ci) {
  switch (ci->builtin) {
  case BuiltinKind::Len: return lowerLenCap(F, c, false);
  case BuiltinKind::Cap: return lowerLenCap(F, c, true);
  case BuiltinKind::Append: return lowerAppend(F, c);
  case BuiltinKind::Copy: return lowerCopy(F, c);
  case BuiltinKind::Make: return lowerMake(F, c);
  case BuiltinKind::New: return F.heapAlloc(cast<PointerType>(F.M.prog.typeOf(c))->elem());
  case BuiltinKind::Delete: {
    const Type *mt = F.M.prog.typeOf(c->args[0]);
    llvm::Value *m = F.value(c->args[0]);
    llvm::Value *k = F.spill(F.value(c->args[1]));
    if (isa<InterfaceType>(cast<MapType>(mt->underlying())->key()->underlying()))
      F.callC(CFn::MapDeleteAt, {F.typeDesc(mt), m, k, F.srcpos(c)});  // may panic: unhashable
    else
      F.callC(CFn::MapDelete, {F.typeDesc(mt), m, k});
    return nullptr;
  }
  case BuiltinKind::Close:
    F.callC(CFn::ChanClose, {F.value(c->args[0]), F.srcpos(c)});
    return nullptr;
  case BuiltinKind::Panic: lowerPanicCall(F, c); return nullptr;
  case BuiltinKind::Recover: return lowerRecoverCall(F, c);
  case BuiltinKind::Print:
  case BuiltinKind::Println: {
    bool ln = ci->builtin == BuiltinKind::Println;
    std::vector<std::pair<llvm::Value *, const Type *>> vals;
    for (const Expr *a : c->args) {
      const ExprInfo &ai = F.M.prog.info(a);
      vals.push_back({F.value(a), ai.convertTo ? ai.convertTo : ai.type});
    }
    for (size_t i = 0; i < vals.size(); ++i) {
      if (ln && i)
        F.callC(CFn::PrintSpace, {});
      printValue(F, vals[i].first, vals[i].second);
    }
    if (ln)
      F.callC(CFn::PrintNewline, {});
    return nullptr;
  }
  }
  return nullptr;
}

} // namespace mp::codegen
