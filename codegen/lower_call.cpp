// codegen/lower_call.cpp: calls of functions, methods and func values
// (closure convention of value.h: fn(closure, args...)), argument passing
// (variadic packing, f(g()) spreading), closures and bound method values.
// Builtins are in lower_builtin.cpp, stdlib entry points in lower_stdlib.cpp.
#include "codegen/lower_conc.h"

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

llvm::Value *lowerBuiltin(FuncLowering &F, const CallExpr *c, const CallInfo *ci);
llvm::Value *lowerStdCall(FuncLowering &F, const CallExpr *c, const Object *fn,
                          const Selection *sel);
llvm::Function *stdMethodThunk(FuncLowering &F, const SelectorExpr *e, const Selection *sel,
                               llvm::Type *recvTy);

namespace {

const Expr *unparen(const Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

const Type *recvParamType(ModuleLowering &M, const Object *fn) {
  if (!fn->recvNamed)
    return nullptr;
  if (!fn->pointerRecv)
    return fn->recvNamed;
  return const_cast<CheckedProgram &>(M.prog).types().pointer(fn->recvNamed);
}

} // namespace

// The receiver argument of a method call or method value x.m.
llvm::Value *receiverValue(FuncLowering &F, const SelectorExpr *e, const Selection *sel) {
  const Object *fn = sel->method ? sel->method->func : sel->obj;
  if (sel->autoAddr)
    return F.address(e->x);
  llvm::Value *x = F.rawValue(e->x);
  if (sel->autoDeref && !(fn && fn->pointerRecv)) {
    F.nilCheck(x, e);
    return F.B.CreateLoad(F.llvmType(sel->recvNamed), x);
  }
  return x;
}

std::optional<Callee> FuncLowering::callee(const CallExpr *c) {
  const CallInfo *ci = M.prog.call(c);
  if (!ci || (ci->kind != CallKind::Func && ci->kind != CallKind::Method))
    return std::nullopt;
  const Expr *fun = unparen(c->fun);
  if (auto *id = dyn_cast<IdentExpr>(fun)) {
    Object *obj = M.prog.objectOf(id);
    if (obj && obj->kind == ObjectKind::Func && !obj->stdPkg) {
      llvm::Function *f = M.function(obj);
      return Callee{f->getFunctionType(), f, llvm::ConstantPointerNull::get(M.ptr), nullptr, ci->sig};
    }
  }
  if (auto *se = dyn_cast<SelectorExpr>(fun)) {
    const Selection *sel = M.prog.selection(se);
    if (sel && sel->kind == SelectionKind::Qualified && sel->obj &&
        sel->obj->kind == ObjectKind::Func)
      return std::nullopt; // stdlib function
    if (sel && sel->kind == SelectionKind::Method) {
      const Object *fn = sel->method ? sel->method->func : sel->obj;
      if (!fn || fn->stdPkg || !fn->recvNamed || fn->recvNamed->pkg() != "main")
        return std::nullopt;
      llvm::Function *f = M.function(fn);
      return Callee{f->getFunctionType(), f, llvm::ConstantPointerNull::get(M.ptr),
                    receiverValue(*this, se, sel), ci->sig};
    }
  }
  // A func value: closure pointer, code in its first word.
  llvm::Value *clos = value(fun);
  nilCheck(clos, c);
  llvm::Value *code = B.CreateLoad(M.ptr, clos);
  return Callee{M.funcType(ci->sig), code, clos, nullptr, ci->sig};
}

std::vector<llvm::Value *> FuncLowering::callArgs(const CallExpr *c) {
  const CallInfo *ci = M.prog.call(c);
  const FuncType *sig = ci->sig;
  auto &params = sig->params();
  // The argument values, converted to their parameter (or variadic
  // element) types; f(g()) spreads g's results.
  std::vector<llvm::Value *> vals;
  size_t fixed = ci->packsVariadic ? params.size() - 1 : params.size();
  auto paramType = [&](size_t i) -> const Type * {
    if (i < fixed || !ci->packsVariadic)
      return i < params.size() ? params[i] : nullptr;
    return cast<SliceType>(params.back()->underlying())->elem();
  };
  if (ci->spreadsTuple) {
    std::vector<llvm::Value *> vs = tupleValues(c->args[0]);
    auto *tt = cast<TupleType>(M.prog.typeOf(c->args[0]));
    for (size_t i = 0; i < vs.size(); ++i)
      vals.push_back(paramType(i) ? convert(vs[i], tt->elems()[i], paramType(i)) : vs[i]);
  } else {
    for (const Expr *a : c->args)
      vals.push_back(value(a));
  }
  if (!ci->packsVariadic)
    return vals;
  std::vector<llvm::Value *> out(vals.begin(), vals.begin() + std::min(fixed, vals.size()));
  const Type *elem = paramType(fixed);
  size_t n = vals.size() > fixed ? vals.size() - fixed : 0;
  if (n == 0) {
    out.push_back(llvm::Constant::getNullValue(M.sliceTy));
    return out;
  }
  llvm::Type *et = M.type(elem);
  llvm::Value *arr = heapAllocBytes(B.getInt64(M.sizeOf(elem) * n), M.pointerFree(elem));
  for (size_t i = 0; i < n; ++i)
    B.CreateStore(vals[fixed + i], B.CreateConstGEP1_64(et, arr, i));
  llvm::Value *s = llvm::UndefValue::get(M.sliceTy);
  s = B.CreateInsertValue(s, arr, 0);
  s = B.CreateInsertValue(s, B.getInt64(n), 1);
  out.push_back(B.CreateInsertValue(s, B.getInt64(n), 2));
  return out;
}

llvm::Value *FuncLowering::emitCall(const Callee &cal, llvm::ArrayRef<llvm::Value *> args) {
  std::vector<llvm::Value *> all{cal.env};
  if (cal.recv)
    all.push_back(cal.recv);
  all.insert(all.end(), args.begin(), args.end());
  // notail: tail-recursion elimination would turn unbounded recursion
  // into an endless loop; Go reports it as a stack overflow.  Self calls
  // are eliminated by tail_recursion.cpp, which keeps the overflow.
  llvm::CallInst *call = B.CreateCall(cal.fty, cal.fn, all);
  call->setTailCallKind(llvm::CallInst::TCK_NoTail);
  return call;
}

llvm::Value *lowerCall(FuncLowering &F, const CallExpr *c) {
  const CallInfo *ci = F.M.prog.call(c);
  F.setLoc(c);
  if (!ci) {
    F.M.notLowered(c, "call");
    return nullptr;
  }
  switch (ci->kind) {
  case CallKind::Conversion: {
    const Expr *arg = c->args[0];
    const ExprInfo &ai = F.M.prog.info(arg);
    llvm::Value *v = F.value(arg);
    return F.convert(v, ai.convertTo ? ai.convertTo : ai.type, F.M.prog.typeOf(c));
  }
  case CallKind::Builtin: return lowerBuiltin(F, c, ci);
  case CallKind::Func:
  case CallKind::Method: break;
  }
  if (std::optional<Callee> cal = F.callee(c)) {
    std::vector<llvm::Value *> args = F.callArgs(c);
    return F.emitCall(*cal, args);
  }
  const Expr *fun = unparen(c->fun);
  if (auto *id = dyn_cast<IdentExpr>(fun))
    return lowerStdCall(F, c, F.M.prog.objectOf(id), nullptr);
  auto *se = cast<SelectorExpr>(fun);
  const Selection *sel = F.M.prog.selection(se);
  const Object *fn = sel->kind == SelectionKind::Method && sel->method ? sel->method->func : sel->obj;
  return lowerStdCall(F, c, fn, sel);
}

// ---- closures ----

llvm::Value *lowerFuncLit(FuncLowering &F, const FuncLitExpr *e) {
  const FuncInfo *info = F.M.prog.func(e);
  llvm::Function *code = F.M.funcLit(e, F.nextLitName());
  auto &B = F.B;
  if (info->captures.empty()) {
    auto *ty = llvm::StructType::get(F.M.ctx, llvm::ArrayRef<llvm::Type *>{F.M.ptr});
    return new llvm::GlobalVariable(F.M.mod, ty, true, llvm::GlobalValue::PrivateLinkage,
                                    llvm::ConstantStruct::get(ty, {code}), code->getName() + "·f");
  }
  // {code, cell of each captured variable}: captured variables escape, so
  // their slots are GC heap cells shared with the enclosing function.
  size_t n = info->captures.size();
  llvm::Value *env = F.heapAllocBytes(B.getInt64(8 * (n + 1)), false);
  B.CreateStore(code, env);
  for (size_t i = 0; i < n; ++i)
    B.CreateStore(F.varAddress(info->captures[i]), B.CreateConstGEP1_64(F.M.ptr, env, i + 1));
  return env;
}

// The thunk of a program method m bound to a receiver: `R m-fm(env, params)`
// calls m with the receiver kept in env {thunk, recv}.
llvm::Function *methodThunk(ModuleLowering &M, const Object *fn, llvm::Type *recvTy) {
  std::string name = M.goName(fn) + "-fm";
  if (llvm::Function *thunk = M.mod.getFunction(name))
    return thunk;
  llvm::Function *target = M.function(fn);
  auto *sig = cast<FuncType>(fn->type);
  auto *thunk = llvm::Function::Create(M.funcType(sig), llvm::Function::InternalLinkage, name, M.mod);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(M.ctx, "entry", thunk));
  auto *envTy = llvm::StructType::get(M.ctx, {M.ptr, recvTy});
  llvm::Value *recv = b.CreateLoad(recvTy, b.CreateStructGEP(envTy, thunk->getArg(0), 1));
  std::vector<llvm::Value *> args{llvm::ConstantPointerNull::get(M.ptr), recv};
  for (unsigned i = 1; i < thunk->arg_size(); ++i)
    args.push_back(thunk->getArg(i));
  // A tail call, so that the method's return address is the caller's:
  // `f := t.M; defer f()` lets M recover as in Go (lower_defer.cpp).
  llvm::CallInst *r = b.CreateCall(target, args);
  r->setTailCallKind(llvm::CallInst::TCK_Tail);
  if (thunk->getReturnType()->isVoidTy())
    b.CreateRetVoid();
  else
    b.CreateRet(r);
  return thunk;
}

// x.m as a value: a closure {thunk, receiver} whose thunk calls m, a
// program method (methodThunk) or a standard-library one (stdMethodThunk,
// which also serves err.Error on the error interface).  The receiver is
// evaluated here, as Go does: &x for a pointer method of an addressable
// x, a nil check for a value method through a pointer or an interface.
llvm::Value *lowerMethodValue(FuncLowering &F, const SelectorExpr *e, const Selection *sel) {
  ModuleLowering &M = F.M;
  const Object *fn = sel->method ? sel->method->func : sel->obj;
  bool program = fn && !fn->stdPkg && fn->recvNamed && fn->recvNamed->pkg() == "main";
  llvm::Value *recv;
  if (isa<InterfaceType>(M.prog.typeOf(e->x)->underlying())) {
    recv = F.value(e->x);
    F.nilCheck(F.B.CreateExtractValue(recv, 0), e);
  } else {
    recv = receiverValue(F, e, sel);
  }
  llvm::Type *recvTy = program ? M.type(recvParamType(M, fn)) : recv->getType();
  llvm::Function *thunk = program ? methodThunk(M, fn, recvTy) : stdMethodThunk(F, e, sel, recvTy);
  auto *envTy = llvm::StructType::get(M.ctx, {M.ptr, recvTy});
  llvm::Value *env = F.heapAllocBytes(F.B.getInt64(M.dl.getTypeAllocSize(envTy)), false);
  F.B.CreateStore(thunk, env);
  F.B.CreateStore(recv, F.B.CreateStructGEP(envTy, env, 1));
  return env;
}

// ---- composite literals ----

llvm::Value *lowerCompositeLit(FuncLowering &F, const CompositeLitExpr *e, const Type *t) {
  auto &B = F.B;
  ModuleLowering &M = F.M;
  const Type *u = t->underlying();
  if (auto *pt = dyn_cast<PointerType>(u)) { // elided &T in a nested literal
    llvm::Value *p = F.heapAlloc(pt->elem());
    B.CreateStore(lowerCompositeLit(F, e, pt->elem()), p);
    return p;
  }
  auto eltValue = [&](const Expr *x) -> llvm::Value * {
    if (auto *cl = dyn_cast<CompositeLitExpr>(x); cl && !cl->type)
      return F.value(x);
    return F.value(x);
  };
  if (auto *st = dyn_cast<StructType>(u)) {
    llvm::Value *v = llvm::Constant::getNullValue(M.type(t));
    for (size_t i = 0; i < e->elts.size(); ++i) {
      const Expr *x = e->elts[i];
      int idx = int(i);
      if (auto *kv = dyn_cast<KeyValueExpr>(x)) {
        idx = st->fieldIndex(cast<IdentExpr>(kv->key)->name);
        x = kv->value;
      }
      v = B.CreateInsertValue(v, eltValue(x), idx);
    }
    return v;
  }
  if (auto *mt = dyn_cast<MapType>(u)) {
    llvm::Value *m = F.callC(CFn::MapMake, {F.typeDesc(t), B.getInt64(e->elts.size())});
    for (const Expr *x : e->elts) {
      auto *kv = cast<KeyValueExpr>(x);
      llvm::Value *k = F.value(kv->key);
      llvm::Value *val = eltValue(kv->value);
      llvm::Value *slot = F.callC(CFn::MapAssign, {F.typeDesc(t), m, F.spill(k), F.srcpos(e)});
      B.CreateStore(val, slot);
    }
    (void)mt;
    return m;
  }
  // Arrays and slices: element indexes (keys are constants).
  const Type *elem = isa<ArrayType>(u) ? cast<ArrayType>(u)->elem() : cast<SliceType>(u)->elem();
  std::vector<std::pair<int64_t, const Expr *>> items;
  int64_t next = 0, length = 0;
  for (const Expr *x : e->elts) {
    if (auto *kv = dyn_cast<KeyValueExpr>(x)) {
      const Constant *k = M.prog.constantOf(kv->key);
      next = k && k->toInt() ? k->toInt()->int64Value() : next;
      x = kv->value;
    }
    items.push_back({next, x});
    length = std::max(length, ++next);
  }
  llvm::Type *et = M.type(elem);
  if (auto *at = dyn_cast<ArrayType>(u)) {
    llvm::Value *slot = F.entryAlloca(M.type(at));
    F.zeroFill(slot, M.type(at));
    for (auto &[i, x] : items)
      B.CreateStore(eltValue(x), B.CreateConstGEP2_64(M.type(at), slot, 0, i));
    return B.CreateLoad(M.type(at), slot);
  }
  llvm::Value *arr = F.heapAllocBytes(B.getInt64(std::max<int64_t>(1, M.sizeOf(elem) * length)),
                                      M.pointerFree(elem));
  for (auto &[i, x] : items)
    B.CreateStore(eltValue(x), B.CreateConstGEP1_64(et, arr, i));
  llvm::Value *s = llvm::UndefValue::get(M.sliceTy);
  s = B.CreateInsertValue(s, arr, 0);
  s = B.CreateInsertValue(s, B.getInt64(length), 1);
  return B.CreateInsertValue(s, B.getInt64(length), 2);
}

} // namespace mp::codegen
