// codegen/lower_select.cpp: `select` and guarded receives (stage 3,
// LANGUAGE.md §3).  The cases become an mp_select_case array on the stack,
// filled in source order (channel, send value, then the guard); the index
// mp_select returns picks the clause body.
//  - A boolean guard is evaluated once here; false passes a NULL channel,
//    which disables the case as a nil channel would.
//  - A value guard becomes a predicate `i1 pred(ptr env, ptr value)` that
//    the runtime calls on this goroutine, under channel locks, for each
//    candidate message.  `env` is an array of the addresses of the local
//    variables the guard reads (stack slots or heap cells of this
//    function, live for the whole select); the received variable is bound
//    to the candidate itself and `ok` to mp_guard_ok().
//  - `v := <-ch where g` is a one-case select without default.
#include "codegen/lower_conc.h"

#include <algorithm>

namespace mp::codegen {

using namespace sema;
using llvm::cast;
using llvm::dyn_cast;

namespace {

// Where a receive case leaves its value and ok.
struct RecvSlots {
  llvm::Value *val = nullptr, *ok = nullptr;
};

// mp_select_case (runtime.h): {chan, dir, val, guard, guard_env, ok_out}.
llvm::StructType *caseType(ModuleLowering &M) {
  return llvm::StructType::get(M.ctx, {M.ptr, M.i32, M.ptr, M.ptr, M.ptr, M.ptr});
}

const Object *identObject(const CheckedProgram &P, const Expr *e) {
  while (auto *p = llvm::dyn_cast_or_null<ParenExpr>(e))
    e = p->x;
  auto *id = llvm::dyn_cast_or_null<IdentExpr>(e);
  return id ? P.objectOf(id) : nullptr;
}

// The local variables an expression reads, in first-use order.
void collectLocals(const CheckedProgram &P, const Expr *e, std::vector<const Object *> &out) {
  if (!e)
    return;
  auto walk = [&](const Expr *x) { collectLocals(P, x, out); };
  switch (e->kind()) {
  case NodeKind::IdentExpr: {
    const Object *o = P.objectOf(cast<IdentExpr>(e));
    if (o && o->isVar() && !o->isGlobal() && std::find(out.begin(), out.end(), o) == out.end())
      out.push_back(o);
    return;
  }
  case NodeKind::ParenExpr: return walk(cast<ParenExpr>(e)->x);
  case NodeKind::SelectorExpr: return walk(cast<SelectorExpr>(e)->x);
  case NodeKind::StarExpr: return walk(cast<StarExpr>(e)->x);
  case NodeKind::UnaryExpr: return walk(cast<UnaryExpr>(e)->x);
  case NodeKind::TypeAssertExpr: return walk(cast<TypeAssertExpr>(e)->x);
  case NodeKind::BinaryExpr:
    walk(cast<BinaryExpr>(e)->x);
    return walk(cast<BinaryExpr>(e)->y);
  case NodeKind::KeyValueExpr:
    walk(cast<KeyValueExpr>(e)->key);
    return walk(cast<KeyValueExpr>(e)->value);
  case NodeKind::IndexExpr: {
    auto *ix = cast<IndexExpr>(e);
    walk(ix->x);
    for (const Expr *i : ix->indices)
      walk(i);
    return;
  }
  case NodeKind::SliceExpr: {
    auto *sl = cast<SliceExpr>(e);
    for (const Expr *x : {sl->x, sl->low, sl->high, sl->max})
      walk(x);
    return;
  }
  case NodeKind::CallExpr: {
    auto *c = cast<CallExpr>(e);
    walk(c->fun);
    for (const Expr *a : c->args)
      walk(a);
    return;
  }
  case NodeKind::CompositeLitExpr:
    for (const Expr *x : cast<CompositeLitExpr>(e)->elts)
      walk(x);
    return;
  default: return; // literals, types; function literals are not allowed in guards
  }
}

// Builds the predicate of a value guard and its environment; returns
// {predicate, env}.
std::pair<llvm::Value *, llvm::Value *> valueGuard(FuncLowering &F, const SelectCaseInfo &info,
                                                   const Expr *guard) {
  ModuleLowering &M = F.M;
  const CheckedProgram &P = M.prog;
  const Object *recvObj = info.valueVar ? info.valueVar : identObject(P, info.valueLhs);
  const Object *okObj = info.okVar ? info.okVar : identObject(P, info.okLhs);
  std::vector<const Object *> locals;
  collectLocals(P, guard, locals);
  llvm::erase_if(locals, [&](const Object *o) { return o == recvObj || o == okObj; });

  llvm::Value *env = llvm::ConstantPointerNull::get(M.ptr);
  if (!locals.empty()) {
    env = F.entryAlloca(llvm::ArrayType::get(M.ptr, locals.size()), "guard.env");
    for (size_t i = 0; i < locals.size(); ++i)
      F.B.CreateStore(F.varAddress(locals[i]), F.B.CreateConstGEP1_64(M.ptr, env, i));
  }

  auto *fty = llvm::FunctionType::get(M.i1, {M.ptr, M.ptr}, false);
  llvm::Function *pred =
      llvm::Function::Create(fty, llvm::Function::InternalLinkage, F.goName + ".guard", M.mod);
  pred->addRetAttr(llvm::Attribute::ZExt); // C reads a bool from all of %al
  FuncLowering G(M, pred, nullptr, F.goName);
  for (size_t i = 0; i < locals.size(); ++i)
    G.bindVar(locals[i], G.B.CreateLoad(M.ptr, G.B.CreateConstGEP1_64(M.ptr, pred->getArg(0), i)));
  if (recvObj) { // a package variable too: the guard sees the candidate
    llvm::Value *cand = pred->getArg(1);
    if (!identical(recvObj->type, info.elem)) { // `x = <-ch` with x of another (assignable) type
      llvm::Value *v = G.convert(G.B.CreateLoad(G.llvmType(info.elem), cand), info.elem,
                                 recvObj->type);
      cand = G.spill(v);
    }
    G.bindVar(recvObj, cand);
  }
  if (okObj) {
    G.bindVar(okObj, G.spill(G.callC(CFn::GuardOk, {}))); // ok is always a boolean
  }
  G.B.CreateRet(G.value(guard));
  return {pred, env};
}

// Fills case k of the array from clause info; returns its receive slots.
RecvSlots fillCase(FuncLowering &F, const SelectCaseInfo &info, const Expr *guard,
                   llvm::Value *cases, unsigned k) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  RecvSlots slots;
  llvm::Value *ch = F.rawValue(info.chanExpr);
  llvm::Value *val;
  bool send = info.kind == CommKind::Send;
  if (send) {
    val = F.spill(F.value(info.sendValue));
  } else {
    val = slots.val = F.entryAlloca(F.llvmType(info.elem), "select.recv");
    slots.ok = F.entryAlloca(M.i8, "select.ok");
  }
  llvm::Value *pred = llvm::ConstantPointerNull::get(M.ptr), *env = pred;
  if (guard && info.guard == GuardKind::Boolean)
    ch = B.CreateSelect(F.value(guard), ch, llvm::ConstantPointerNull::get(M.ptr), "guarded");
  else if (guard && info.guard == GuardKind::Value)
    std::tie(pred, env) = valueGuard(F, info, guard);

  llvm::StructType *ct = caseType(M);
  llvm::Value *fields[] = {ch, B.getInt32(send ? 1 : 2), val, pred, env,
                           slots.ok ? slots.ok : llvm::ConstantPointerNull::get(M.ptr)};
  for (unsigned i = 0; i < 6; ++i)
    B.CreateStore(fields[i], B.CreateConstGEP2_32(ct, cases, k, i));
  return slots;
}

// At the start of a receive clause's body: its variables get the value.
void bindReceived(FuncLowering &F, const SelectCaseInfo &info, const RecvSlots &slots) {
  if (info.kind != CommKind::Recv)
    return;
  const CheckedProgram &P = F.M.prog;
  llvm::Value *v = F.B.CreateLoad(F.llvmType(info.elem), slots.val);
  llvm::Value *ok = F.B.CreateTrunc(F.B.CreateLoad(F.M.i8, slots.ok), F.M.i1);
  if (info.valueVar)
    F.declareVar(info.valueVar, v);
  if (info.okVar)
    F.declareVar(info.okVar, ok);
  if (info.valueLhs)
    F.assign(info.valueLhs, F.convert(v, info.elem, P.typeOf(info.valueLhs)));
  if (info.okLhs)
    F.assign(info.okLhs, ok); // a boolean variable
}

// A clause body (null for a guarded receive statement, which has none).
struct Clause {
  const SelectCaseInfo *info;
  const Expr *guard;
  llvm::ArrayRef<Stmt *> body;
};

void lowerCases(FuncLowering &F, const Stmt *s, llvm::ArrayRef<Clause> clauses, bool isStmt) {
  ModuleLowering &M = F.M;
  auto &B = F.B;
  unsigned n = 0;
  for (const Clause &c : clauses)
    n += c.info->kind != CommKind::Default;
  llvm::Value *cases = F.entryAlloca(llvm::ArrayType::get(caseType(M), std::max(n, 1u)), "select");
  llvm::Value *hasDefault = B.getFalse();
  std::vector<RecvSlots> slots(clauses.size());
  std::vector<int> index(clauses.size(), -1);
  unsigned k = 0;
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Clause &c = clauses[i];
    if (c.info->kind == CommKind::Default) {
      hasDefault = c.guard ? F.value(c.guard) : B.getTrue();
      continue;
    }
    index[i] = int(k);
    slots[i] = fillCase(F, *c.info, c.guard, cases, k++);
  }
  llvm::Value *fired = F.callC(CFn::Select, {cases, B.getInt32(n), hasDefault, F.srcpos(s)});
  llvm::BasicBlock *end = F.newBlock("select.end"), *none = F.newBlock("select.none");
  llvm::SwitchInst *sw = B.CreateSwitch(fired, none, clauses.size());
  for (size_t i = 0; i < clauses.size(); ++i) {
    llvm::BasicBlock *bb = F.newBlock("select.case");
    sw->addCase(B.getInt32(uint32_t(index[i])), bb);
    F.startBlock(bb);
    bindReceived(F, *clauses[i].info, slots[i]);
    if (isStmt) {
      F.targets.push_back({s, end, nullptr});
      F.lowerStmts(clauses[i].body);
      F.targets.pop_back();
    }
    F.br(end);
  }
  F.startBlock(none); // no default and every case disabled: mp_select never returns
  B.CreateUnreachable();
  F.startBlock(end); // without clauses (`select {}`) nothing reaches it
}

} // namespace

void lowerSelectStmt(FuncLowering &F, const SelectStmt *s) {
  std::vector<Clause> clauses;
  for (const CommClause *c : s->clauses)
    clauses.push_back({F.M.prog.selectCase(c), c->guard, c->body});
  lowerCases(F, s, clauses, true);
}

void lowerGuardedRecvStmt(FuncLowering &F, const GuardedRecvStmt *s) {
  Clause c{F.M.prog.guardedRecv(s), s->guard, {}};
  lowerCases(F, s, c, false);
}

} // namespace mp::codegen
