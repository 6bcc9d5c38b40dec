// codegen/lower_expr.cpp: expressions — constants, variables, operators
// (wrapping integer arithmetic, Go's division and shift rules), selectors,
// indexing and slicing with Go's bounds checks, conversions and interface
// boxing, composite literals and closures.  Calls are in lower_call.cpp.
#include "codegen/lower_conc.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

llvm::Value *lowerCall(FuncLowering &F, const CallExpr *c);
llvm::Value *lowerMethodValue(FuncLowering &F, const SelectorExpr *e, const Selection *sel);
llvm::Value *lowerFuncLit(FuncLowering &F, const FuncLitExpr *e);
llvm::Value *lowerCompositeLit(FuncLowering &F, const CompositeLitExpr *e, const Type *t);

llvm::Constant *stdFuncValue(FuncLowering &F, const Object *fn, const Node *at);

namespace {

const Expr *unparen(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

llvm::Constant *constantValue(ModuleLowering &M, const Constant &c, const Type *t) {
  llvm::Type *lt = M.type(t);
  switch (c.kind()) {
  case Constant::Kind::Bool: return llvm::ConstantInt::get(M.i1, c.boolValue());
  case Constant::Kind::String: return M.stringConst(c.stringValue());
  case Constant::Kind::Int:
  case Constant::Kind::Float:
    if (lt->isFloatingPointTy())
      return llvm::ConstantFP::get(lt, lt->isFloatTy() ? double(c.float32Value())
                                                       : c.float64Value());
    if (lt->isIntegerTy()) {
      auto ic = c.toInt();
      if (!ic)
        return llvm::ConstantInt::get(lt, 0);
      uint64_t bits = ic->fitsInt64() ? uint64_t(ic->int64Value())
                                      : ic->fitsUint64() ? ic->uint64Value() : 0;
      return llvm::ConstantInt::get(lt, bits, true);
    }
    return llvm::Constant::getNullValue(lt);
  case Constant::Kind::Unknown: break;
  }
  return llvm::Constant::getNullValue(lt);
}

} // namespace

llvm::Value *FuncLowering::value(const Expr *e) {
  const ExprInfo &ei = M.prog.info(e);
  llvm::Value *v = rawValue(e);
  if (ei.convertTo && ei.type && !identical(ei.convertTo, ei.type))
    v = convert(v, ei.type, ei.convertTo);
  else if (ei.convertTo && M.type(ei.convertTo) != v->getType())
    v = convert(v, ei.type, ei.convertTo);
  return v;
}

std::vector<llvm::Value *> FuncLowering::tupleValues(const Expr *e) {
  e = unparen(e);
  const ExprInfo &ei = M.prog.info(e);
  llvm::Value *v;
  if (auto it = presetValues.find(e); it != presetValues.end())
    v = it->second; // go/defer thunks: the tuple saved at the statement
  else if (auto *c = dyn_cast<CallExpr>(e))
    v = lowerCall(*this, c);
  else if (ei.commaOk)
    v = rawValue(e);
  else
    return {value(e)};
  std::vector<llvm::Value *> out;
  if (!v || v->getType()->isVoidTy())
    return out;
  bool multi = ei.commaOk || (ei.type && isa<TupleType>(ei.type));
  if (!multi)
    return {v};
  auto *st = cast<llvm::StructType>(v->getType());
  for (unsigned i = 0; i < st->getNumElements(); ++i)
    out.push_back(B.CreateExtractValue(v, i));
  return out;
}

// ---- conversions ----

llvm::Value *FuncLowering::convert(llvm::Value *v, const Type *from, const Type *to) {
  const Type *fu = from->underlying(), *tu = to->underlying();
  llvm::Type *lt = M.type(to);
  if (isa<InterfaceType>(tu)) {
    if (isa<InterfaceType>(fu))
      return v;
    if (from->isNil())
      return llvm::Constant::getNullValue(M.ifaceTy);
    llvm::Value *data = heapAlloc(from);
    B.CreateStore(v, data);
    llvm::Value *iv = B.CreateInsertValue(llvm::UndefValue::get(M.ifaceTy), typeDesc(from), 0);
    return B.CreateInsertValue(iv, data, 1);
  }
  if (tu->isString() && fu->isInteger()) {
    llvm::Value *r = fu->isUnsigned() ? B.CreateZExt(v, M.i64) : B.CreateSExt(v, M.i64);
    if (v->getType() == M.i64)
      r = v;
    return callC(CFn::StringFromRune, {r});
  }
  if (tu->isString() && isa<SliceType>(fu)) {
    const Type *el = cast<SliceType>(fu)->elem()->underlying();
    return callC(M.sizeOf(el) == 1 ? CFn::StringFromBytes : CFn::StringFromRunes, {v});
  }
  if (isa<SliceType>(tu) && fu->isString()) {
    const Type *el = cast<SliceType>(tu)->elem()->underlying();
    return callC(M.sizeOf(el) == 1 ? CFn::StringToBytes : CFn::StringToRunes, {v});
  }
  llvm::Type *ft = v->getType();
  if (ft == lt)
    return v;
  if (ft->isIntegerTy() && lt->isIntegerTy())
    return fu->isUnsigned() ? B.CreateZExtOrTrunc(v, lt) : B.CreateSExtOrTrunc(v, lt);
  if (ft->isIntegerTy() && lt->isFloatingPointTy())
    return fu->isUnsigned() ? B.CreateUIToFP(v, lt) : B.CreateSIToFP(v, lt);
  if (ft->isFloatingPointTy() && lt->isIntegerTy()) {
    auto id = tu->isUnsigned() ? llvm::Intrinsic::fptoui_sat : llvm::Intrinsic::fptosi_sat;
    return B.CreateIntrinsic(id, {lt, ft}, {v});
  }
  if (ft->isFloatingPointTy() && lt->isFloatingPointTy())
    return B.CreateFPCast(v, lt);
  return v;
}

// ---- operators ----

llvm::Value *FuncLowering::binaryOp(TokenKind op, llvm::Value *x, llvm::Value *y, const Type *t,
                                    const Type *yType, const Node *at) {
  const Type *u = t->underlying();
  if (u->isString())
    return callC(CFn::StringConcat2, {x, y});
  if (u->isFloat()) {
    switch (op) {
    case TokenKind::Add: return B.CreateFAdd(x, y);
    case TokenKind::Sub: return B.CreateFSub(x, y);
    case TokenKind::Mul: return B.CreateFMul(x, y);
    case TokenKind::Quo: return B.CreateFDiv(x, y);
    default: break;
    }
    M.notLowered(at, "float operator");
    return x;
  }
  bool uns = u->isUnsigned();
  switch (op) {
  case TokenKind::Add: return B.CreateAdd(x, y);
  case TokenKind::Sub: return B.CreateSub(x, y);
  case TokenKind::Mul: return B.CreateMul(x, y);
  case TokenKind::And: return B.CreateAnd(x, y);
  case TokenKind::Or: return B.CreateOr(x, y);
  case TokenKind::Xor: return B.CreateXor(x, y);
  case TokenKind::AndNot: return B.CreateAnd(x, B.CreateNot(y));
  case TokenKind::Quo:
  case TokenKind::Rem: {
    llvm::Constant *zeroV = llvm::ConstantInt::get(x->getType(), 0);
    if (!isa<llvm::ConstantInt>(y) || cast<llvm::ConstantInt>(y)->isZero())
      runtimePanic("integer divide by zero", at, B.CreateICmpEQ(y, zeroV));
    if (uns)
      return op == TokenKind::Quo ? B.CreateUDiv(x, y) : B.CreateURem(x, y);
    // MinInt / -1 wraps to MinInt and MinInt % -1 is 0, as in Go.
    llvm::Value *minus1 = B.CreateICmpEQ(y, llvm::ConstantInt::get(x->getType(), -1, true));
    llvm::Value *safeY = B.CreateSelect(minus1, llvm::ConstantInt::get(x->getType(), 1), y);
    if (op == TokenKind::Quo)
      return B.CreateSelect(minus1, B.CreateNeg(x), B.CreateSDiv(x, safeY));
    return B.CreateSelect(minus1, zeroV, B.CreateSRem(x, safeY));
  }
  case TokenKind::Shl:
  case TokenKind::Shr: {
    unsigned bits = x->getType()->getIntegerBitWidth();
    llvm::Value *n = y;
    if (yType && !yType->underlying()->isUnsigned() && !isa<llvm::ConstantInt>(y))
      runtimePanic("negative shift amount", at,
                   B.CreateICmpSLT(y, llvm::ConstantInt::get(y->getType(), 0)));
    n = B.CreateZExtOrTrunc(n, M.i64);
    if (y->getType()->getIntegerBitWidth() > 64)
      n = B.CreateTrunc(y, M.i64);
    llvm::Value *big = B.CreateICmpUGE(n, B.getInt64(bits));
    llvm::Value *sh = B.CreateTrunc(B.CreateSelect(big, B.getInt64(0), n), x->getType());
    if (x->getType()->getIntegerBitWidth() > 64)
      sh = B.CreateZExt(B.CreateSelect(big, B.getInt64(0), n), x->getType());
    if (op == TokenKind::Shl)
      return B.CreateSelect(big, llvm::ConstantInt::get(x->getType(), 0), B.CreateShl(x, sh));
    if (uns)
      return B.CreateSelect(big, llvm::ConstantInt::get(x->getType(), 0), B.CreateLShr(x, sh));
    return B.CreateSelect(big, B.CreateAShr(x, bits - 1), B.CreateAShr(x, sh));
  }
  default: break;
  }
  M.notLowered(at, "operator");
  return x;
}

llvm::Value *FuncLowering::equal(llvm::Value *x, llvm::Value *y, const Type *t, const Node *at) {
  const Type *u = t->underlying();
  if (u->isString())
    return callC(CFn::StringEqual, {x, y});
  if (u->isFloat())
    return B.CreateFCmpOEQ(x, y);
  switch (u->kind()) {
  case TypeKind::Basic:
  case TypeKind::Pointer:
  case TypeKind::Chan:
  case TypeKind::Map:
  case TypeKind::Func: return B.CreateICmpEQ(x, y);
  case TypeKind::Slice:
    return B.CreateICmpEQ(B.CreateExtractValue(x, 0), B.CreateExtractValue(y, 0));
  case TypeKind::Interface: return callC(CFn::IfaceEqual, {x, y, srcpos(at)});
  default: return callC(CFn::Equal, {typeDesc(t), spill(x), spill(y)});
  }
}

namespace {

llvm::Value *compare(FuncLowering &F, const BinaryExpr *e) {
  const ExprInfo &xi = F.M.prog.info(e->x), &yi = F.M.prog.info(e->y);
  const Type *t = xi.convertTo ? xi.convertTo : xi.type;
  if (t->isNil())
    t = yi.convertTo ? yi.convertTo : yi.type;
  llvm::Value *x = F.value(e->x), *y = F.value(e->y);
  auto &B = F.B;
  if (e->op == TokenKind::Eql)
    return F.equal(x, y, t, e);
  if (e->op == TokenKind::Neq)
    return B.CreateNot(F.equal(x, y, t, e));
  const Type *u = t->underlying();
  if (u->isString()) {
    llvm::Value *c = F.callC(CFn::StringCompare, {x, y});
    llvm::Value *z = B.getInt32(0);
    switch (e->op) {
    case TokenKind::Lss: return B.CreateICmpSLT(c, z);
    case TokenKind::Leq: return B.CreateICmpSLE(c, z);
    case TokenKind::Gtr: return B.CreateICmpSGT(c, z);
    default: return B.CreateICmpSGE(c, z);
    }
  }
  if (u->isFloat()) {
    switch (e->op) {
    case TokenKind::Lss: return B.CreateFCmpOLT(x, y);
    case TokenKind::Leq: return B.CreateFCmpOLE(x, y);
    case TokenKind::Gtr: return B.CreateFCmpOGT(x, y);
    default: return B.CreateFCmpOGE(x, y);
    }
  }
  bool uns = u->isUnsigned();
  switch (e->op) {
  case TokenKind::Lss: return uns ? B.CreateICmpULT(x, y) : B.CreateICmpSLT(x, y);
  case TokenKind::Leq: return uns ? B.CreateICmpULE(x, y) : B.CreateICmpSLE(x, y);
  case TokenKind::Gtr: return uns ? B.CreateICmpUGT(x, y) : B.CreateICmpSGT(x, y);
  default: return uns ? B.CreateICmpUGE(x, y) : B.CreateICmpSGE(x, y);
  }
}

llvm::Value *logical(FuncLowering &F, const BinaryExpr *e) {
  bool isAnd = e->op == TokenKind::LAnd;
  llvm::Value *x = F.value(e->x);
  llvm::BasicBlock *from = F.B.GetInsertBlock();
  llvm::BasicBlock *rhs = F.newBlock(isAnd ? "and.rhs" : "or.rhs"), *end = F.newBlock("logic.end");
  if (isAnd)
    F.B.CreateCondBr(x, rhs, end);
  else
    F.B.CreateCondBr(x, end, rhs);
  F.startBlock(rhs);
  llvm::Value *y = F.value(e->y);
  llvm::BasicBlock *rhsEnd = F.B.GetInsertBlock();
  F.B.CreateBr(end);
  F.startBlock(end);
  llvm::PHINode *phi = F.B.CreatePHI(F.M.i1, 2);
  phi->addIncoming(F.B.getInt1(!isAnd), from);
  phi->addIncoming(y, rhsEnd);
  return phi;
}

llvm::Value *binary(FuncLowering &F, const BinaryExpr *e) {
  switch (e->op) {
  case TokenKind::LAnd:
  case TokenKind::LOr: return logical(F, e);
  case TokenKind::Eql:
  case TokenKind::Neq:
  case TokenKind::Lss:
  case TokenKind::Leq:
  case TokenKind::Gtr:
  case TokenKind::Geq: return compare(F, e);
  default: break;
  }
  const Type *t = F.M.prog.typeOf(e);
  const ExprInfo &yi = F.M.prog.info(e->y);
  llvm::Value *x = F.value(e->x), *y = F.value(e->y);
  return F.binaryOp(e->op, x, y, t, yi.convertTo ? yi.convertTo : yi.type, e);
}

llvm::Value *unary(FuncLowering &F, const UnaryExpr *e) {
  switch (e->op) {
  case TokenKind::Arrow: return lowerRecvExpr(F, e);
  case TokenKind::And: {
    const Expr *x = unparen(e->x);
    if (auto *cl = dyn_cast<CompositeLitExpr>(x)) {
      const Type *t = F.M.prog.typeOf(cl);
      llvm::Value *p = F.heapAlloc(t);
      F.B.CreateStore(lowerCompositeLit(F, cl, t), p);
      return p;
    }
    return F.address(x);
  }
  default: break;
  }
  llvm::Value *x = F.value(e->x);
  switch (e->op) {
  case TokenKind::Add: return x;
  case TokenKind::Sub: return x->getType()->isFloatingPointTy() ? F.B.CreateFNeg(x) : F.B.CreateNeg(x);
  case TokenKind::Not:
  case TokenKind::Xor: return F.B.CreateNot(x);
  default: break;
  }
  F.M.notLowered(e, "unary operator");
  return x;
}

// ---- selectors, indexing, slicing ----

llvm::Value *selector(FuncLowering &F, const SelectorExpr *e) {
  const Selection *sel = F.M.prog.selection(e);
  if (!sel) {
    F.M.notLowered(e, "selector");
    return llvm::UndefValue::get(F.llvmType(F.M.prog.typeOf(e)));
  }
  switch (sel->kind) {
  case SelectionKind::Qualified:
    if (sel->obj && sel->obj->isVar())
      return F.B.CreateLoad(F.llvmType(sel->obj->type), F.M.global(sel->obj));
    return stdFuncValue(F, sel->obj, e);
  case SelectionKind::Method: return lowerMethodValue(F, e, sel);
  case SelectionKind::Field: break;
  }
  if (!sel->autoDeref && F.M.prog.info(e->x).mode != ExprMode::Variable)
    return F.B.CreateExtractValue(F.rawValue(e->x), sel->fieldIndex);
  return F.B.CreateLoad(F.llvmType(F.M.prog.typeOf(e)), F.address(e));
}

// The element address of s[i] for a slice value s, bounds-checked.
llvm::Value *sliceElem(FuncLowering &F, llvm::Value *s, llvm::Value *i, const Type *elem,
                       const Node *at) {
  F.indexCheck(i, F.B.CreateExtractValue(s, 1), at);
  llvm::Type *et = F.llvmType(elem);
  return F.B.CreateGEP(et, F.B.CreateExtractValue(s, 0), i);
}

llvm::Value *indexValue(FuncLowering &F, const Expr *idx) {
  llvm::Value *i = F.value(idx);
  const Type *t = F.M.prog.typeOf(idx);
  const ExprInfo &ii = F.M.prog.info(idx);
  if (ii.convertTo)
    t = ii.convertTo;
  if (i->getType() != F.M.i64)
    i = t->underlying()->isUnsigned() ? F.B.CreateZExt(i, F.M.i64) : F.B.CreateSExt(i, F.M.i64);
  return i;
}

llvm::Value *index(FuncLowering &F, const IndexExpr *e) {
  const Type *xt = F.M.prog.typeOf(e->x)->underlying();
  if (auto *mt = dyn_cast<MapType>(xt)) {
    llvm::Value *m = F.rawValue(e->x);
    llvm::Value *k = F.spill(F.value(e->index()));
    llvm::Type *vt = F.llvmType(mt->elem());
    // An interface key may panic (unhashable dynamic type): at e.
    bool ifaceKey = isa<InterfaceType>(mt->key()->underlying());
    llvm::Value *desc = F.typeDesc(F.M.prog.typeOf(e->x));
    if (F.M.prog.info(e).commaOk) {
      llvm::Value *okSlot = F.entryAlloca(F.M.i1, "ok");
      llvm::Value *p = ifaceKey ? F.callC(CFn::MapLookup2At, {desc, m, k, okSlot, F.srcpos(e)})
                                : F.callC(CFn::MapLookup2, {desc, m, k, okSlot});
      llvm::Value *r = llvm::UndefValue::get(llvm::StructType::get(F.M.ctx, {vt, F.M.i1}));
      r = F.B.CreateInsertValue(r, F.B.CreateLoad(vt, p), 0);
      return F.B.CreateInsertValue(r, F.B.CreateLoad(F.M.i1, okSlot), 1);
    }
    llvm::Value *p = ifaceKey ? F.callC(CFn::MapLookupAt, {desc, m, k, F.srcpos(e)})
                              : F.callC(CFn::MapLookup, {desc, m, k});
    return F.B.CreateLoad(vt, p);
  }
  if (xt->isString()) {
    llvm::Value *s = F.rawValue(e->x);
    llvm::Value *i = indexValue(F, e->index());
    F.indexCheck(i, F.B.CreateExtractValue(s, 1), e);
    return F.B.CreateLoad(F.M.i8, F.B.CreateGEP(F.M.i8, F.B.CreateExtractValue(s, 0), i));
  }
  if (auto *at = dyn_cast<ArrayType>(xt); at && F.M.prog.info(e->x).mode != ExprMode::Variable) {
    llvm::Value *arr = F.spill(F.rawValue(e->x));
    llvm::Value *i = indexValue(F, e->index());
    F.indexCheck(i, F.B.getInt64(at->length()), e);
    llvm::Type *et = F.llvmType(at->elem());
    return F.B.CreateLoad(et, F.B.CreateGEP(F.llvmType(at), arr, {F.B.getInt64(0), i}));
  }
  return F.B.CreateLoad(F.llvmType(F.M.prog.typeOf(e)), F.address(e));
}

llvm::Value *sliceExpr(FuncLowering &F, const SliceExpr *e) {
  const Type *xt = F.M.prog.typeOf(e->x)->underlying();
  auto &B = F.B;
  llvm::Value *lo = e->low ? indexValue(F, e->low) : B.getInt64(0);
  if (xt->isString()) {
    llvm::Value *s = F.rawValue(e->x);
    llvm::Value *hi = e->high ? indexValue(F, e->high) : B.CreateExtractValue(s, 1);
    return F.callC(CFn::StringSlice, {s, lo, hi});
  }
  llvm::Value *base, *len, *cap;
  const Type *elem;
  if (auto *st = dyn_cast<SliceType>(xt)) {
    llvm::Value *s = F.rawValue(e->x);
    base = B.CreateExtractValue(s, 0);
    len = B.CreateExtractValue(s, 1);
    cap = B.CreateExtractValue(s, 2);
    elem = st->elem();
  } else {
    const ArrayType *at;
    if (auto *pt = dyn_cast<PointerType>(xt)) {
      at = cast<ArrayType>(pt->elem()->underlying());
      base = F.rawValue(e->x);
      F.nilCheck(base, e);
    } else {
      at = cast<ArrayType>(xt);
      base = F.address(e->x);
    }
    len = cap = B.getInt64(at->length());
    elem = at->elem();
  }
  llvm::Value *hi = e->high ? indexValue(F, e->high) : len;
  llvm::Value *max = e->max ? indexValue(F, e->max) : cap;
  bool isSlice = isa<SliceType>(xt);
  if (e->slice3) {
    F.boundsPanic(isSlice ? 5 : 4, max, cap, B.CreateICmpUGT(max, cap), e);
    F.boundsPanic(6, hi, max, B.CreateICmpUGT(hi, max), e);
    F.boundsPanic(7, lo, hi, B.CreateICmpUGT(lo, hi), e);
  } else {
    F.boundsPanic(isSlice ? 2 : 1, hi, cap, B.CreateICmpUGT(hi, cap), e);
    F.boundsPanic(3, lo, hi, B.CreateICmpUGT(lo, hi), e);
  }
  llvm::Value *p = B.CreateGEP(F.llvmType(elem), base, lo);
  llvm::Value *r = llvm::UndefValue::get(F.M.sliceTy);
  r = B.CreateInsertValue(r, p, 0);
  r = B.CreateInsertValue(r, B.CreateSub(hi, lo), 1);
  return B.CreateInsertValue(r, B.CreateSub(max, lo), 2);
}

} // namespace

llvm::Value *FuncLowering::rawValue(const Expr *e) {
  if (auto it = presetValues.find(e); it != presetValues.end())
    return it->second;
  const ExprInfo &ei = M.prog.info(e);
  if (ei.mode == ExprMode::Constant && ei.value)
    return constantValue(M, *ei.value, ei.type);
  switch (e->kind()) {
  case NodeKind::ParenExpr: return rawValue(cast<ParenExpr>(e)->x);
  case NodeKind::IdentExpr: {
    Object *obj = M.prog.objectOf(cast<IdentExpr>(e));
    if (!obj)
      break;
    switch (obj->kind) {
    case ObjectKind::Var: return B.CreateLoad(M.type(obj->type), varAddress(obj));
    case ObjectKind::Func: return M.staticClosure(obj);
    case ObjectKind::Nil: return llvm::Constant::getNullValue(M.type(ei.type));
    case ObjectKind::Const: return constantValue(M, obj->value, ei.type);
    default: break;
    }
    break;
  }
  case NodeKind::CompositeLitExpr:
    return lowerCompositeLit(*this, cast<CompositeLitExpr>(e), ei.type);
  case NodeKind::FuncLitExpr: return lowerFuncLit(*this, cast<FuncLitExpr>(e));
  case NodeKind::SelectorExpr: return selector(*this, cast<SelectorExpr>(e));
  case NodeKind::IndexExpr: return index(*this, cast<IndexExpr>(e));
  case NodeKind::SliceExpr: return sliceExpr(*this, cast<SliceExpr>(e));
  case NodeKind::StarExpr:
    return B.CreateLoad(M.type(ei.type), address(e));
  case NodeKind::UnaryExpr: return unary(*this, cast<UnaryExpr>(e));
  case NodeKind::BinaryExpr: return binary(*this, cast<BinaryExpr>(e));
  case NodeKind::CallExpr: {
    llvm::Value *v = lowerCall(*this, cast<CallExpr>(e));
    return v ? v : llvm::UndefValue::get(M.type(ei.type));
  }
  default: break;
  }
  M.notLowered(e, nodeKindName(e->kind()));
  return llvm::UndefValue::get(ei.type ? M.type(ei.type) : M.i64);
}

llvm::Value *FuncLowering::address(const Expr *e) {
  if (auto it = presetAddrs.find(e); it != presetAddrs.end())
    return it->second;
  switch (e->kind()) {
  case NodeKind::ParenExpr: return address(cast<ParenExpr>(e)->x);
  case NodeKind::IdentExpr: {
    Object *obj = M.prog.objectOf(cast<IdentExpr>(e));
    if (obj && obj->isVar())
      return varAddress(obj);
    break;
  }
  case NodeKind::StarExpr: {
    llvm::Value *p = value(cast<StarExpr>(e)->x);
    nilCheck(p, e);
    return p;
  }
  case NodeKind::SelectorExpr: {
    auto *se = cast<SelectorExpr>(e);
    const Selection *sel = M.prog.selection(se);
    if (!sel || sel->kind != SelectionKind::Field)
      break;
    llvm::Value *base;
    const Type *st;
    if (sel->autoDeref) {
      base = value(se->x);
      nilCheck(base, e);
      st = cast<PointerType>(M.prog.typeOf(se->x)->underlying())->elem();
    } else {
      base = address(se->x);
      st = M.prog.typeOf(se->x);
    }
    return B.CreateStructGEP(M.type(st), base, sel->fieldIndex);
  }
  case NodeKind::IndexExpr: {
    auto *ie = cast<IndexExpr>(e);
    const Type *xt = M.prog.typeOf(ie->x)->underlying();
    if (auto *st = dyn_cast<SliceType>(xt)) {
      llvm::Value *s = rawValue(ie->x);
      return sliceElem(*this, s, indexValue(*this, ie->index()), st->elem(), e);
    }
    const ArrayType *at;
    llvm::Value *base;
    if (auto *pt = dyn_cast<PointerType>(xt)) {
      at = cast<ArrayType>(pt->elem()->underlying());
      base = rawValue(ie->x);
      nilCheck(base, e);
    } else if ((at = dyn_cast<ArrayType>(xt))) {
      base = address(ie->x);
    } else {
      break;
    }
    llvm::Value *i = indexValue(*this, ie->index());
    indexCheck(i, B.getInt64(at->length()), e);
    return B.CreateGEP(M.type(at), base, {B.getInt64(0), i});
  }
  default: break;
  }
  // Not addressable (a call result, a literal): a temporary copy.
  return spill(rawValue(e));
}

void FuncLowering::assign(const Expr *lhs, llvm::Value *v) {
  lhs = unparen(lhs);
  if (auto *id = dyn_cast<IdentExpr>(lhs); id && id->isBlank())
    return;
  if (M.prog.info(lhs).mode == ExprMode::MapIndex) {
    auto *ie = cast<IndexExpr>(lhs);
    llvm::Value *m = rawValue(ie->x);
    llvm::Value *k = spill(value(ie->index()));
    llvm::Value *slot = callC(CFn::MapAssign, {typeDesc(M.prog.typeOf(ie->x)), m, k, srcpos(lhs)});
    B.CreateStore(v, slot);
    return;
  }
  B.CreateStore(v, address(lhs));
}

} // namespace mp::codegen
