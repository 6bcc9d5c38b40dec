// codegen/lower_range.cpp: `for range` over integers, slices, arrays,
// pointers to arrays, strings (runes, ASCII decoded inline), maps (the
// runtime iterator) and channels.  As in Go 1.19 (the reference), `:=`
// iteration variables are declared once and shared by all iterations.
#include "codegen/lower_conc.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;

namespace {

struct Loop {
  llvm::BasicBlock *cond, *body, *next, *end;
};

// Stores an iteration value into its variable or assigned expression.
void setIterVar(FuncLowering &F, const RangeStmt *s, Object *var, const Expr *e,
                llvm::Value *v) {
  if (var)
    F.B.CreateStore(v, F.varAddress(var));
  else if (e && s->tok == TokenKind::Assign)
    F.assign(e, v);
}

void declareIterVars(FuncLowering &F, const RangeInfo *ri) {
  if (ri->keyVar)
    F.declareVar(ri->keyVar);
  if (ri->valueVar)
    F.declareVar(ri->valueVar);
}

// Lowers the body with break/continue targets, then the back-edge.
void lowerLoopBody(FuncLowering &F, const RangeStmt *s, Loop &l) {
  F.targets.push_back({s, l.end, l.next});
  F.lowerStmt(s->body);
  F.targets.pop_back();
  F.br(l.next);
}

Loop makeLoop(FuncLowering &F) {
  return {F.newBlock("range.cond"), F.newBlock("range.body"), F.newBlock("range.next"),
          F.newBlock("range.end")};
}

// for i := range n / over a slice/array of length len with elements at base.
void rangeIndexed(FuncLowering &F, const RangeStmt *s, const RangeInfo *ri, llvm::Value *len,
                  llvm::Value *base, llvm::Type *elemTy) {
  llvm::Value *idx = F.entryAlloca(F.M.i64, "range.i");
  F.B.CreateStore(F.B.getInt64(0), idx);
  declareIterVars(F, ri);
  Loop l = makeLoop(F);
  F.br(l.cond);
  F.startBlock(l.cond);
  llvm::Value *i = F.B.CreateLoad(F.M.i64, idx);
  F.B.CreateCondBr(F.B.CreateICmpSLT(i, len), l.body, l.end);
  F.startBlock(l.body);
  llvm::Value *key = i;
  if (ri->keyType && F.llvmType(ri->keyType) != F.M.i64)
    key = F.B.CreateTrunc(i, F.llvmType(ri->keyType));
  setIterVar(F, s, ri->keyVar, s->key, key);
  if (base && (ri->valueVar || (s->value && s->tok == TokenKind::Assign)))
    setIterVar(F, s, ri->valueVar, s->value,
               F.B.CreateLoad(elemTy, F.B.CreateGEP(elemTy, base, i)));
  lowerLoopBody(F, s, l);
  F.startBlock(l.next);
  F.B.CreateStore(F.B.CreateAdd(F.B.CreateLoad(F.M.i64, idx), F.B.getInt64(1)), idx);
  F.B.CreateBr(l.cond);
  F.startBlock(l.end);
}

void rangeString(FuncLowering &F, const RangeStmt *s, const RangeInfo *ri, llvm::Value *str) {
  llvm::Value *pos = F.entryAlloca(F.M.i64, "range.k");
  llvm::Value *runeSlot = F.entryAlloca(F.M.i32, "range.r");
  F.B.CreateStore(F.B.getInt64(0), pos);
  declareIterVars(F, ri);
  llvm::Value *len = F.B.CreateExtractValue(str, 1), *data = F.B.CreateExtractValue(str, 0);
  llvm::Value *nextSlot = F.entryAlloca(F.M.i64, "range.next");
  Loop l = makeLoop(F);
  F.br(l.cond);
  F.startBlock(l.cond);
  llvm::Value *k = F.B.CreateLoad(F.M.i64, pos);
  F.B.CreateCondBr(F.B.CreateICmpSLT(k, len), l.body, l.end);
  F.startBlock(l.body);
  llvm::Value *byte = F.B.CreateLoad(F.M.i8, F.B.CreateGEP(F.M.i8, data, k));
  llvm::BasicBlock *ascii = F.newBlock("ascii"), *multi = F.newBlock("utf8"),
                   *got = F.newBlock("rune");
  F.B.CreateCondBr(F.B.CreateICmpULT(byte, F.B.getInt8(0x80)), ascii, multi);
  F.startBlock(ascii);
  F.B.CreateStore(F.B.CreateZExt(byte, F.M.i32), runeSlot);
  F.B.CreateStore(F.B.CreateAdd(k, F.B.getInt64(1)), nextSlot);
  F.B.CreateBr(got);
  F.startBlock(multi);
  F.B.CreateStore(F.callC(CFn::StringDecodeRune, {str, k, runeSlot}), nextSlot);
  F.B.CreateBr(got);
  F.startBlock(got);
  setIterVar(F, s, ri->keyVar, s->key, k);
  setIterVar(F, s, ri->valueVar, s->value, F.B.CreateLoad(F.M.i32, runeSlot));
  lowerLoopBody(F, s, l);
  F.startBlock(l.next);
  F.B.CreateStore(F.B.CreateLoad(F.M.i64, nextSlot), pos);
  F.B.CreateBr(l.cond);
  F.startBlock(l.end);
}

void rangeMap(FuncLowering &F, const RangeStmt *s, const RangeInfo *ri, llvm::Value *m,
              const Type *mapType) {
  // mp_map_iter: 7 words (values.h); key and val pointers are words 5 and 6.
  llvm::Value *it = F.entryAlloca(llvm::ArrayType::get(F.M.i64, 7), "range.it");
  llvm::Constant *desc = F.typeDesc(mapType);
  F.callC(CFn::MapIterInit, {desc, m, it});
  declareIterVars(F, ri);
  Loop l = makeLoop(F);
  F.br(l.cond);
  F.startBlock(l.cond);
  F.B.CreateCondBr(F.callC(CFn::MapIterNext, {desc, it}), l.body, l.end);
  F.startBlock(l.body);
  auto *mt = cast<MapType>(mapType->underlying());
  llvm::Value *kp = F.B.CreateLoad(F.M.ptr, F.B.CreateConstGEP1_64(F.M.i64, it, 5));
  llvm::Value *vp = F.B.CreateLoad(F.M.ptr, F.B.CreateConstGEP1_64(F.M.i64, it, 6));
  setIterVar(F, s, ri->keyVar, s->key, F.B.CreateLoad(F.llvmType(mt->key()), kp));
  setIterVar(F, s, ri->valueVar, s->value, F.B.CreateLoad(F.llvmType(mt->elem()), vp));
  lowerLoopBody(F, s, l);
  F.startBlock(l.next);
  F.B.CreateBr(l.cond);
  F.startBlock(l.end);
}

void rangeChan(FuncLowering &F, const RangeStmt *s, const RangeInfo *ri, llvm::Value *ch) {
  llvm::Value *slot = F.entryAlloca(F.llvmType(ri->keyType), "range.v");
  declareIterVars(F, ri);
  Loop l = makeLoop(F);
  F.br(l.cond);
  F.startBlock(l.cond);
  llvm::Value *ok = F.callC(CFn::ChanRecv, {ch, slot, F.srcpos(s->x)});
  F.B.CreateCondBr(ok, l.body, l.end);
  F.startBlock(l.body);
  setIterVar(F, s, ri->keyVar, s->key, F.B.CreateLoad(F.llvmType(ri->keyType), slot));
  lowerLoopBody(F, s, l);
  F.startBlock(l.next);
  F.B.CreateBr(l.cond);
  F.startBlock(l.end);
}

} // namespace

void lowerRangeStmt(FuncLowering &F, const RangeStmt *s) {
  const RangeInfo *ri = F.M.prog.range(s);
  const Type *xt = F.M.prog.typeOf(s->x);
  switch (ri->kind) {
  case RangeKind::Int: {
    llvm::Value *n = F.value(s->x);
    if (n->getType() != F.M.i64)
      n = xt->isUnsigned() ? F.B.CreateZExt(n, F.M.i64) : F.B.CreateSExt(n, F.M.i64);
    return rangeIndexed(F, s, ri, n, nullptr, nullptr);
  }
  case RangeKind::Slice: {
    llvm::Value *sl = F.rawValue(s->x);
    auto *st = cast<SliceType>(xt->underlying());
    return rangeIndexed(F, s, ri, F.B.CreateExtractValue(sl, 1), F.B.CreateExtractValue(sl, 0),
                        F.llvmType(st->elem()));
  }
  case RangeKind::Array: {
    auto *at = cast<ArrayType>(xt->underlying());
    llvm::Value *base = nullptr;
    if (ri->valueVar || (s->value && s->tok == TokenKind::Assign))
      base = F.spill(F.rawValue(s->x)); // the range expression is a copy
    return rangeIndexed(F, s, ri, F.B.getInt64(at->length()), base, F.llvmType(at->elem()));
  }
  case RangeKind::ArrayPointer: {
    auto *at = cast<ArrayType>(cast<PointerType>(xt->underlying())->elem()->underlying());
    llvm::Value *p = F.rawValue(s->x);
    bool needsElems = ri->valueVar || (s->value && s->tok == TokenKind::Assign);
    if (needsElems)
      F.nilCheck(p, s->x);
    return rangeIndexed(F, s, ri, F.B.getInt64(at->length()), needsElems ? p : nullptr,
                        F.llvmType(at->elem()));
  }
  case RangeKind::String: return rangeString(F, s, ri, F.rawValue(s->x));
  case RangeKind::Map: return rangeMap(F, s, ri, F.rawValue(s->x), xt);
  case RangeKind::Chan: return rangeChan(F, s, ri, F.rawValue(s->x));
  }
}

} // namespace mp::codegen
