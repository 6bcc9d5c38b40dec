// sema/check_assign.cpp: assignability (Go spec "Assignability"), the
// untyped-constant conversions it implies, and the statements that assign:
// `=`, `:=` (with Go's redeclaration rule), `op=`, and var declarations'
// multi-value forms (`a, b := f()`, `v, ok := m[k]`).
#include "sema/checker.h"

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

static Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

// Basic types are named in Go's sense (`float64` is a defined type).
static bool isNamed(const Type *t) {
  return isa<NamedType>(t) || (isa<BasicType>(t) && !t->isUntyped());
}

bool Checker::implementsError(const Type *t) {
  if (identical(t, T.errorType()))
    return true;
  auto isErrorSig = [&](const Method *m) {
    return m && m->sig->params().empty() && m->sig->results()->size() == 1 &&
           identical(m->sig->results()->elems()[0], T.basic(BasicKind::String));
  };
  if (auto *n = dyn_cast<NamedType>(t))
    if (const Method *m = n->findMethod("Error"); m && !m->pointerRecv)
      return isErrorSig(m);
  if (auto *p = dyn_cast<PointerType>(t))
    if (auto *n = dyn_cast<NamedType>(p->elem()))
      return isErrorSig(n->findMethod("Error"));
  return false;
}

bool Checker::assignable(const Operand &x, const Type *t, std::string *reason) {
  const Type *v = x.type;
  if (!v || v->isInvalid() || t->isInvalid())
    return true; // already reported
  if (identical(v, t))
    return true;
  const Type *vu = v->underlying(), *tu = t->underlying();
  if (identical(vu, tu) && (!isNamed(v) || !isNamed(t)) && !v->isUntyped())
    return true;
  if (auto *it = dyn_cast<InterfaceType>(tu)) {
    if (it->isEmpty() || implementsError(v))
      return true;
    if (reason) {
      auto *p = dyn_cast<PointerType>(v);
      auto *n = dyn_cast<NamedType>(p ? p->elem() : v);
      const Method *m = n ? n->findMethod("Error") : nullptr;
      *reason = ":\n\t" + v->str() + " does not implement " + t->str() +
                (m && m->pointerRecv && !p ? " (method Error has pointer receiver)"
                                           : " (missing Error method)");
    }
    return false;
  }
  if (x.isNil())
    return isNilable(t);
  auto *vc = dyn_cast<ChanType>(vu);
  auto *tc = dyn_cast<ChanType>(tu);
  if (vc && tc && vc->dir() == ChanDir::Both && identical(vc->elem(), tc->elem()) &&
      (!isNamed(v) || !isNamed(t)))
    return true;
  return false;
}

bool Checker::assign(Operand &x, const Type *t, const std::string &context) {
  if (x.invalid() || !t || t->isInvalid())
    return false;
  if (x.type->isUntyped()) {
    const Type *tu = t->underlying();
    if (x.isNil()) {
      if (!isNilable(t)) {
        error(DiagId::CannotUseAsValue, x.expr ? x.expr->loc() : SourceLoc(),
              {"nil", t->str(), context, ""});
        return false;
      }
      convertUntyped(x, t);
      return true;
    }
    if (isa<InterfaceType>(tu)) {
      defaultUntyped(x); // then the interface conversion below
    } else if (auto *b = dyn_cast<BasicType>(tu)) {
      Representability r = x.isConst() ? representable(x.val, b, nullptr)
                           : untypedFits(x, t) ? Representability::Ok
                                               : Representability::Mismatch;
      if (r != Representability::Ok) {
        const char *why = r == Representability::Overflows ? " (overflows)"
                          : r == Representability::Truncated ? " (truncated)" : "";
        error(DiagId::CannotUseAsValue, x.expr, {describe(x), t->str(), context, why});
        return false;
      }
      convertUntyped(x, t);
      return true;
    } else {
      error(DiagId::CannotUseAsValue, x.expr, {describe(x), t->str(), context, ""});
      return false;
    }
  }
  std::string reason;
  if (!assignable(x, t, &reason)) {
    error(DiagId::CannotUseAsType, x.expr, {describe(x), t->str(), context, reason});
    return false;
  }
  if (x.expr && !identical(x.type, t))
    P.Exprs[x.expr->id].convertTo = t;
  return true;
}

void Checker::convertUntyped(Operand &x, const Type *target) {
  if (!x.type || !x.type->isUntyped() || target->isInvalid())
    return;
  if (isa<InterfaceType>(target->underlying()) && !x.isNil())
    target = T.defaultType(x.type);
  if (x.isConst())
    if (auto *b = dyn_cast<BasicType>(target->underlying())) {
      Constant r;
      if (representable(x.val, b, &r) == Representability::Ok)
        x.val = r;
    }
  x.type = target;
  if (x.expr)
    setFinalType(x.expr, target);
}

void Checker::defaultUntyped(Operand &x) {
  if (x.type && x.type->isUntyped() && !x.isNil())
    convertUntyped(x, T.defaultType(x.type));
}

// Gives an untyped expression tree its final type, so codegen never sees an
// untyped operand of a typed operation.
void Checker::setFinalType(Expr *e, const Type *t) {
  ExprInfo &info = P.Exprs[e->id];
  if (!info.type || !info.type->isUntyped())
    return;
  info.type = t;
  if (info.value)
    if (auto *b = dyn_cast<BasicType>(t->underlying())) {
      Constant r;
      if (representable(*info.value, b, &r) == Representability::Ok)
        info.value = keep(r);
    }
  if (auto *p = dyn_cast<ParenExpr>(e)) {
    setFinalType(p->x, t);
  } else if (auto *u = dyn_cast<UnaryExpr>(e)) {
    if (u->op != TokenKind::Arrow)
      setFinalType(u->x, t);
  } else if (auto *b = dyn_cast<BinaryExpr>(e)) {
    switch (b->op) {
    case TokenKind::Eql: case TokenKind::Neq: case TokenKind::Lss:
    case TokenKind::Leq: case TokenKind::Gtr: case TokenKind::Geq:
      break; // operands were typed by the comparison
    case TokenKind::Shl: case TokenKind::Shr:
      setFinalType(b->x, t);
      break;
    default:
      setFinalType(b->x, t);
      setFinalType(b->y, t);
    }
  }
}

Object *Checker::newVar(IdentExpr *name, const Type *t, Node *decl) {
  Object *o = P.Arena.make(ObjectKind::Var, name->name.str(), t);
  o->pos = name->loc();
  o->decl = decl;
  o->owner = Fn ? Fn->info->node : nullptr;
  recordIdent(name, o);
  return o;
}

static std::string plural(size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool Checker::unpack(std::vector<Operand> &out, llvm::ArrayRef<Expr *> rhs, size_t n,
                     SourceLoc at, const char *what, bool allowCommaOk, bool *commaOk) {
  out.clear();
  if (commaOk)
    *commaOk = false;
  if (rhs.size() == n && n != 1) {
    for (Expr *e : rhs) {
      Operand x;
      expr(x, e);
      out.push_back(x);
    }
    return true;
  }
  if (rhs.size() == 1) {
    Operand x;
    multiExpr(x, rhs[0]);
    if (x.invalid())
      return false;
    auto *tup = x.type ? dyn_cast<TupleType>(x.type) : nullptr;
    if (tup && tup->size() == n) {
      for (const Type *t : tup->elems()) {
        Operand e;
        e.mode = ExprMode::Value;
        e.type = t;
        out.push_back(e);
      }
      return true;
    }
    if (!tup && n == 1) {
      out.push_back(x);
      return true;
    }
    if (!tup && n == 2 && x.commaOkable && allowCommaOk) {
      P.Exprs[rhs[0]->id].commaOk = true;
      out.push_back(x);
      Operand ok;
      ok.mode = ExprMode::Value;
      ok.type = T.basic(BasicKind::UntypedBool);
      out.push_back(ok);
      if (commaOk)
        *commaOk = true;
      return true;
    }
    if (tup) {
      auto *call = dyn_cast<CallExpr>(unparen(rhs[0]));
      error(DiagId::AssignMismatch, at,
            {plural(n, what) + " but " + (call ? exprText(call->fun) : exprText(rhs[0])) +
             " returns " + plural(tup->size(), "value")});
      return false;
    }
  } else {
    for (Expr *e : rhs) {
      Operand x;
      rawExpr(x, e, nullptr);
    }
  }
  error(DiagId::AssignMismatch, at, {plural(n, what) + " but " + plural(rhs.size(), "value")});
  return false;
}

bool Checker::checkLhs(Operand &z, Expr *lhs) {
  Expr *e = unparen(lhs);
  z = Operand();
  z.expr = lhs;
  if (auto *id = dyn_cast<IdentExpr>(e)) {
    if (id->isBlank()) {
      z.mode = ExprMode::Variable; // type null: anything goes
      return true;
    }
    // Assigning is not using: look the variable up without marking it.
    Object *o = Cur ? Cur->lookup(id->name) : nullptr;
    if (o && o->kind == ObjectKind::Var) {
      recordIdent(id, o);
      bool used = o->used;
      useVar(o, id); // captures still apply
      o->used = used;
      z.mode = ExprMode::Variable;
      z.type = o->type;
      P.Exprs[id->id] = {o->type, ExprMode::Variable};
      if (lhs != e)
        P.Exprs[lhs->id] = {o->type, ExprMode::Variable};
      if (InGuard)
        error(DiagId::GuardFuncLit, lhs);
      return o->type && !o->type->isInvalid();
    }
  }
  expr(z, lhs);
  if (z.invalid())
    return false;
  if (z.mode != ExprMode::Variable && z.mode != ExprMode::MapIndex) {
    // m[k].f = v: Go's message names the map (a common mistake).
    Expr *base = unparen(lhs);
    while (auto *sel = dyn_cast<SelectorExpr>(base))
      base = unparen(sel->x);
    if (base != unparen(lhs) && P.Exprs[base->id].mode == ExprMode::MapIndex)
      error(DiagId::CannotAssign, lhs, {"struct field " + exprText(lhs) + " in map"});
    else
      error(DiagId::CannotAssign, lhs, {describe(z)});
    invalidate(z);
    return false;
  }
  return true;
}

// `x op= y` and `x++` read x too: it counts as used, and `_` is no value.
bool Checker::readModifyLhs(Operand &z, Expr *lhs) {
  auto *id = dyn_cast<IdentExpr>(unparen(lhs));
  if (id && id->isBlank()) {
    error(DiagId::BlankAsValue, id);
    return false;
  }
  if (!checkLhs(z, lhs) || !z.type)
    return false;
  if (id)
    if (Object *o = P.Idents[id->id])
      o->used = true;
  return true;
}

void Checker::assignStmt(AssignStmt *s) {
  switch (s->op) {
  case TokenKind::Define:
    defineVars(s, s->lhs, s->rhs, s->opLoc);
    return;
  case TokenKind::Assign:
    assignVars(s->lhs, s->rhs, s->opLoc);
    return;
  default:
    assignOp(s);
  }
}

void Checker::defineVars(Node *decl, llvm::ArrayRef<Expr *> lhs, llvm::ArrayRef<Expr *> rhs,
                         SourceLoc opLoc) {
  size_t n = lhs.size();
  std::vector<Object *> targets(n, nullptr);
  std::vector<bool> isNew(n, false);
  bool anyNew = false;
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < n; ++i) {
    auto *id = dyn_cast<IdentExpr>(lhs[i]);
    if (!id) {
      error(DiagId::NonNameOnLeftOfDefine, lhs[i], {exprText(lhs[i])});
      continue;
    }
    if (id->isBlank())
      continue;
    if (!seen.insert(id->name.str()).second) {
      error(DiagId::RepeatedDefine, id, {id->name});
      continue;
    }
    Object *prev = Cur->lookupLocal(id->name);
    if (prev && prev->kind == ObjectKind::Var) {
      targets[i] = prev;
      recordIdent(id, prev);
    } else {
      isNew[i] = anyNew = true;
    }
  }
  std::vector<Operand> values;
  bool ok = unpack(values, rhs, n, rhs.empty() ? opLoc : rhs.front()->loc(), "variable", true,
                   nullptr);
  if (!anyNew)
    error(DiagId::NoNewVariables, opLoc);
  std::vector<Object *> fresh;
  for (size_t i = 0; i < n; ++i) {
    auto *id = dyn_cast<IdentExpr>(lhs[i]);
    Operand *x = ok && i < values.size() ? &values[i] : nullptr;
    if (targets[i]) {
      if (x && !x->invalid())
        assign(*x, targets[i]->type, "assignment");
      continue;
    }
    if (!isNew[i]) { // `_`
      if (x && !x->invalid()) {
        if (x->isNil())
          error(DiagId::UseOfUntypedNil, x->expr, {"assignment"});
        else
          defaultUntyped(*x);
      }
      continue;
    }
    const Type *t = T.invalid();
    if (x && !x->invalid()) {
      if (x->isNil()) {
        error(DiagId::UseOfUntypedNil, x->expr, {"assignment"});
      } else {
        defaultUntyped(*x);
        t = x->type;
      }
    }
    Object *o = newVar(id, t, decl);
    P.Exprs[id->id] = {t, ExprMode::Variable};
    fresh.push_back(o);
  }
  // The new variables' scope begins after the statement.
  for (Object *o : fresh)
    declare(Cur, o);
}

void Checker::assignVars(llvm::ArrayRef<Expr *> lhs, llvm::ArrayRef<Expr *> rhs, SourceLoc opLoc) {
  size_t n = lhs.size();
  std::vector<Operand> targets(n);
  std::vector<bool> okLhs(n);
  for (size_t i = 0; i < n; ++i)
    okLhs[i] = checkLhs(targets[i], lhs[i]);
  std::vector<Operand> values;
  if (!unpack(values, rhs, n, rhs.empty() ? opLoc : rhs.front()->loc(), "variable", true,
              nullptr))
    return;
  for (size_t i = 0; i < n; ++i) {
    Operand &x = values[i];
    if (x.invalid() || !okLhs[i])
      continue;
    if (!targets[i].type) { // `_ = x`
      if (x.isNil())
        error(DiagId::UseOfUntypedNil, x.expr, {"assignment to _ identifier"});
      else
        defaultUntyped(x);
      continue;
    }
    assign(x, targets[i].type, "assignment");
  }
}

void Checker::assignOp(AssignStmt *s) {
  if (s->lhs.size() != 1 || s->rhs.size() != 1) {
    error(DiagId::AssignMismatch, s->opLoc,
          {plural(s->lhs.size(), "variable") + " but " + plural(s->rhs.size(), "value")});
    return;
  }
  Operand z;
  if (!readModifyLhs(z, s->lhs[0])) {
    Operand y;
    expr(y, s->rhs[0]);
    return;
  }
  // Evaluate `x op y` as a binary expression on a synthetic operand pair.
  static const std::pair<TokenKind, TokenKind> kOps[] = {
      {TokenKind::AddAssign, TokenKind::Add}, {TokenKind::SubAssign, TokenKind::Sub},
      {TokenKind::MulAssign, TokenKind::Mul}, {TokenKind::QuoAssign, TokenKind::Quo},
      {TokenKind::RemAssign, TokenKind::Rem}, {TokenKind::AndAssign, TokenKind::And},
      {TokenKind::OrAssign, TokenKind::Or},   {TokenKind::XorAssign, TokenKind::Xor},
      {TokenKind::ShlAssign, TokenKind::Shl}, {TokenKind::ShrAssign, TokenKind::Shr},
      {TokenKind::AndNotAssign, TokenKind::AndNot}};
  TokenKind op = TokenKind::Add;
  for (auto [a, b] : kOps)
    if (a == s->op)
      op = b;
  Operand y;
  expr(y, s->rhs[0]);
  if (y.invalid())
    return;
  std::string text = exprText(s->lhs[0]) + " " + tokenSpelling(s->op).str() + " " +
                     exprText(s->rhs[0]);
  if (op == TokenKind::Shl || op == TokenKind::Shr) {
    if (!z.type->isInteger()) {
      error(DiagId::ShiftOperandNotInt, s->lhs[0], {describe(z)});
      return;
    }
    if (y.isConst() && y.val.isNumeric() && y.val.ratValue() < 0) {
      error(DiagId::ShiftCountNegative, s->rhs[0], {describe(y)});
      return;
    }
    if (y.isConst() && y.type->isUntyped() && reportRepresentation(y, T.basic(BasicKind::Uint)))
      return;
    if (y.type->isUntyped() && y.isConst())
      convertUntyped(y, T.basic(BasicKind::Uint));
    else if (!y.type->isInteger())
      error(DiagId::ShiftCountNotInt, s->rhs[0], {describe(y)});
    return;
  }
  if (y.type->isUntyped()) {
    if (!untypedFits(y, z.type)) {
      if (y.isConst() && isa<BasicType>(z.type->underlying()) && y.type->isNumeric() &&
          z.type->isNumeric()) {
        assign(y, z.type, "assignment"); // overflow / truncation wording
        return;
      }
      error(DiagId::MismatchedTypes, s->lhs[0], {text, z.type->str(), y.type->str()});
      return;
    }
    convertUntyped(y, z.type);
  }
  if (!identical(z.type, y.type)) {
    error(DiagId::MismatchedTypes, s->lhs[0], {text, z.type->str(), y.type->str()});
    return;
  }
  bool ok;
  switch (op) {
  case TokenKind::Add: ok = z.type->isNumeric() || z.type->isString(); break;
  case TokenKind::Sub: case TokenKind::Mul: case TokenKind::Quo: ok = z.type->isNumeric(); break;
  default: ok = z.type->isInteger(); break;
  }
  if (!ok) {
    error(DiagId::OperatorNotDefined, s->lhs[0], {tokenSpelling(op), describe(z)});
    return;
  }
  if ((op == TokenKind::Quo || op == TokenKind::Rem) && y.isConst() && y.val.isNumeric() &&
      y.val.ratValue() == 0 && z.type->isInteger())
    error(DiagId::DivisionByZero, s->rhs[0]);
}

} // namespace mp::sema
