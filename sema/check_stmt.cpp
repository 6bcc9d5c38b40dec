// sema/check_stmt.cpp: statements — blocks and scopes, if/for/range/switch,
// break/continue/fallthrough and labels, return, go/defer, expression
// statements, and Go's terminating-statement rule behind `missing return`.
#include "sema/checker.h"

#include <algorithm>
#include <map>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;
using llvm::dyn_cast_or_null;

namespace mp::sema {

static Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

void Checker::openScope() { Cur = P.Arena.scope(ScopeKind::Block, Cur); }

void Checker::closeScope() {
  reportUnused(Cur);
  Cur = Cur->parent();
}

void Checker::reportUnused(Scope *s) {
  for (Object *o : s->objects())
    if (o->kind == ObjectKind::Var && o->role == VarRole::Local && !o->used && !o->name.empty())
      UnusedVars.push_back(o);
}

void Checker::stmtList(llvm::ArrayRef<Stmt *> list) {
  for (Stmt *s : list)
    if (s)
      stmt(s);
}

void Checker::block(BlockStmt *b) {
  openScope();
  stmtList(b->stmts);
  closeScope();
}

void Checker::stmt(Stmt *s) {
  llvm::StringRef label = PendingLabel;
  PendingLabel = {};
  switch (s->kind()) {
  case NodeKind::BadStmt:
  case NodeKind::EmptyStmt:
    return;
  case NodeKind::DeclStmt:
    if (auto *g = dyn_cast<GenDecl>(cast<DeclStmt>(s)->decl))
      checkLocalGenDecl(g);
    return;
  case NodeKind::LabeledStmt:
    labeledStmt(cast<LabeledStmt>(s));
    return;
  case NodeKind::ExprStmt:
    exprStmt(cast<ExprStmt>(s));
    return;
  case NodeKind::SendStmt:
    sendStmt(cast<SendStmt>(s));
    return;
  case NodeKind::IncDecStmt:
    incDec(cast<IncDecStmt>(s));
    return;
  case NodeKind::AssignStmt:
    assignStmt(cast<AssignStmt>(s));
    return;
  case NodeKind::GuardedRecvStmt:
    guardedRecv(cast<GuardedRecvStmt>(s));
    return;
  case NodeKind::GoStmt:
    goDefer(cast<GoStmt>(s)->call, true, s->loc());
    return;
  case NodeKind::DeferStmt:
    Fn->info->hasDefer = true;
    goDefer(cast<DeferStmt>(s)->call, false, s->loc());
    return;
  case NodeKind::ReturnStmt:
    returnStmt(cast<ReturnStmt>(s));
    return;
  case NodeKind::BranchStmt:
    branchStmt(cast<BranchStmt>(s));
    return;
  case NodeKind::BlockStmt:
    block(cast<BlockStmt>(s));
    return;
  case NodeKind::IfStmt:
    ifStmt(cast<IfStmt>(s));
    return;
  case NodeKind::SwitchStmt:
    PendingLabel = label;
    switchStmt(cast<SwitchStmt>(s));
    return;
  case NodeKind::TypeSwitchStmt: {
    error(DiagId::UnsupportedTypeSwitch, s);
    // Still check (and use) the switched operand.
    Stmt *a = cast<TypeSwitchStmt>(s)->assign;
    Expr *v = nullptr;
    if (auto *es = dyn_cast_or_null<ExprStmt>(a))
      v = es->x;
    else if (auto *as = dyn_cast_or_null<AssignStmt>(a); as && as->rhs.size() == 1)
      v = as->rhs[0];
    if (auto *ta = dyn_cast_or_null<TypeAssertExpr>(v)) {
      Operand operand;
      expr(operand, ta->x);
    }
    return;
  }
  case NodeKind::SelectStmt:
    PendingLabel = label;
    selectStmt(cast<SelectStmt>(s));
    return;
  case NodeKind::ForStmt:
    PendingLabel = label;
    forStmt(cast<ForStmt>(s));
    return;
  case NodeKind::RangeStmt:
    PendingLabel = label;
    rangeStmt(cast<RangeStmt>(s));
    return;
  default:
    return;
  }
}

void Checker::labeledStmt(LabeledStmt *s) {
  if (!s->stmt)
    return;
  PendingLabel = s->label->isBlank() ? llvm::StringRef() : s->label->name;
  stmt(s->stmt);
  PendingLabel = {};
}

// Takes the label a for/switch/select was given (if any).
llvm::StringRef Checker::takeLabel() {
  llvm::StringRef l = PendingLabel;
  PendingLabel = {};
  return l;
}

void Checker::condition(Expr *cond, const char *what) {
  Operand x;
  expr(x, cond);
  if (x.invalid())
    return;
  if (!x.type->isBoolean()) {
    error(DiagId::NonBoolCondition, cond, {what});
    return;
  }
  defaultUntyped(x);
}

void Checker::ifStmt(IfStmt *s) {
  openScope();
  if (s->init)
    stmt(s->init);
  if (s->cond)
    condition(s->cond, "if");
  block(s->then);
  if (s->elseStmt)
    stmt(s->elseStmt);
  closeScope();
}

void Checker::forStmt(ForStmt *s) {
  llvm::StringRef label = takeLabel();
  openScope();
  if (s->init)
    stmt(s->init);
  if (s->cond)
    condition(s->cond, "for");
  if (s->post)
    stmt(s->post);
  Fn->branches.push_back({s, label, true});
  block(s->body);
  Fn->branches.pop_back();
  closeScope();
}

void Checker::rangeStmt(RangeStmt *s) {
  llvm::StringRef label = takeLabel();
  openScope();
  Operand x;
  expr(x, s->x);
  RangeInfo info;
  bool ok = !x.invalid();
  const Type *intT = T.basic(BasicKind::Int);
  if (ok) {
    if (x.type->isUntyped() && x.type->isNumeric() && !x.type->isFloat())
      defaultUntyped(x);
    else if (x.type->isUntyped() && x.type->isString())
      defaultUntyped(x);
    const Type *u = x.type->underlying();
    if (auto *p = dyn_cast<PointerType>(u); p && isa<ArrayType>(p->elem()->underlying())) {
      info = {RangeKind::ArrayPointer, intT, cast<ArrayType>(p->elem()->underlying())->elem()};
    } else if (x.type->isInteger() && !x.type->isUntyped()) {
      info = {RangeKind::Int, x.type, nullptr};
    } else if (x.type->isString() && !x.type->isUntyped()) {
      info = {RangeKind::String, intT, T.runeType()};
    } else if (auto *sl = dyn_cast<SliceType>(u)) {
      info = {RangeKind::Slice, intT, sl->elem()};
    } else if (auto *at = dyn_cast<ArrayType>(u)) {
      info = {RangeKind::Array, intT, at->elem()};
    } else if (auto *mt = dyn_cast<MapType>(u)) {
      info = {RangeKind::Map, mt->key(), mt->elem()};
    } else if (auto *ct = dyn_cast<ChanType>(u)) {
      info = {RangeKind::Chan, ct->elem(), nullptr};
      if (!ct->canRecv()) {
        error(DiagId::RangeSendOnly, s->x, {describe(x)});
        ok = false;
      }
    } else {
      error(DiagId::CannotRange, s->x, {describe(x)});
      ok = false;
    }
    if (ok && s->value && !info.valueType) {
      error(DiagId::RangeOneVar, s->value, {describe(x)});
      ok = false;
    }
  }
  Expr *vars[2] = {s->key, s->value};
  const Type *types[2] = {info.keyType, info.valueType};
  Object **objs[2] = {&info.keyVar, &info.valueVar};
  if (s->tok == TokenKind::Define) {
    std::vector<Object *> fresh;
    for (int i = 0; i < 2; ++i) {
      auto *id = vars[i] ? dyn_cast<IdentExpr>(vars[i]) : nullptr;
      if (!id) {
        if (vars[i])
          error(DiagId::NonNameOnLeftOfDefine, vars[i], {exprText(vars[i])});
        continue;
      }
      if (id->isBlank())
        continue;
      const Type *t = ok && types[i] ? types[i] : T.invalid();
      *objs[i] = newVar(id, t, s);
      P.Exprs[id->id] = {t, ExprMode::Variable};
      fresh.push_back(*objs[i]);
    }
    for (Object *o : fresh)
      declare(Cur, o);
  } else if (s->tok == TokenKind::Assign) {
    for (int i = 0; i < 2; ++i) {
      if (!vars[i])
        continue;
      Operand z;
      if (!checkLhs(z, vars[i]) || !ok || !types[i] || !z.type)
        continue;
      Operand v;
      v.mode = ExprMode::Value;
      v.type = types[i];
      v.expr = nullptr;
      std::string reason;
      if (!assignable(v, z.type, &reason))
        error(DiagId::CannotUseAsType, vars[i],
              {"value (variable of type " + types[i]->str() + ")", z.type->str(), "range", reason});
    }
  }
  if (ok)
    P.Ranges[s->id] = info;
  Fn->branches.push_back({s, label, true});
  block(s->body);
  Fn->branches.pop_back();
  closeScope();
}

void Checker::switchStmt(SwitchStmt *s) {
  llvm::StringRef label = takeLabel();
  openScope();
  if (s->init)
    stmt(s->init);
  Operand tag;
  bool haveTag = s->tag != nullptr;
  if (haveTag) {
    expr(tag, s->tag);
    if (!tag.invalid()) {
      if (tag.isNil()) {
        error(DiagId::UseOfUntypedNil, s->tag, {"switch expression"});
        invalidate(tag);
      } else {
        defaultUntyped(tag);
      }
    }
  }
  const CaseClause *dflt = nullptr;
  std::map<std::string, SourceLoc> seen;
  for (size_t ci = 0; ci < s->clauses.size(); ++ci) {
    CaseClause *c = s->clauses[ci];
    if (c->isDefault) {
      if (dflt)
        error(DiagId::MultipleDefaults, c);
      dflt = c;
    }
    for (Expr *v : c->values) {
      Operand y;
      expr(y, v);
      if (y.invalid())
        continue;
      if (!haveTag) {
        if (!y.type->isBoolean())
          error(DiagId::InvalidCaseNoTag, v, {exprText(v), y.type->str()});
        else
          defaultUntyped(y);
        continue;
      }
      if (tag.invalid())
        continue;
      Operand t = tag;
      bool fits = y.type->isUntyped() ? untypedFits(y, tag.type)
                                      : (assignable(y, tag.type, nullptr) ||
                                         assignable(tag, y.type, nullptr));
      if (!fits) {
        error(DiagId::InvalidCase, v, {exprText(v), exprText(s->tag), y.type->str(), tag.type->str()});
        continue;
      }
      if (y.type->isUntyped())
        convertUntyped(y, tag.type);
      std::string why;
      if (!comparable(y.type, &why) && !y.isNil()) {
        error(DiagId::InvalidCase, v, {exprText(v), exprText(s->tag), y.type->str(), tag.type->str()});
        continue;
      }
      if (!identical(y.type, tag.type) && isa<InterfaceType>(tag.type->underlying()))
        P.Exprs[v->id].convertTo = tag.type;
      if (y.isConst()) {
        std::string key = y.val.exactStr() + "\x01" + y.type->canonical()->str();
        if (!seen.emplace(key, v->loc()).second)
          error(DiagId::DuplicateCase, v, {describe(y)});
      }
      (void)t;
    }
    // fallthrough: only as the last statement of a non-final clause.
    if (!c->body.empty())
      if (auto *br = dyn_cast<BranchStmt>(c->body.back());
          br && br->tok == TokenKind::KwFallthrough) {
        if (ci + 1 == s->clauses.size())
          error(DiagId::FallthroughFinal, br);
        else
          P.Branches[br->id] = s->clauses[ci + 1];
        OkFallthrough.insert(br);
      }
    openScope();
    Fn->branches.push_back({s, label, false});
    stmtList(c->body);
    Fn->branches.pop_back();
    closeScope();
  }
  closeScope();
}

void Checker::branchStmt(BranchStmt *s) {
  switch (s->tok) {
  case TokenKind::KwGoto:
    error(DiagId::UnsupportedGoto, s);
    if (s->label) // its label is not also reported as unused
      Fn->usedLabels.insert(s->label->name.str());
    return;
  case TokenKind::KwFallthrough:
    if (!OkFallthrough.count(s))
      error(DiagId::FallthroughMisplaced, s);
    return;
  default:
    break;
  }
  bool isBreak = s->tok == TokenKind::KwBreak;
  const Stmt *target = nullptr;
  if (s->label) {
    std::string name = s->label->name.str();
    if (!Fn->labels.count(name)) {
      error(isBreak ? DiagId::BreakLabelNotDefined : DiagId::ContinueLabelNotDefined, s->label,
            {name});
      return;
    }
    Fn->usedLabels.insert(name);
    for (auto it = Fn->branches.rbegin(); it != Fn->branches.rend(); ++it)
      if (it->label == s->label->name && (isBreak || it->isLoop)) {
        target = it->stmt;
        break;
      }
    if (!target) {
      error(isBreak ? DiagId::InvalidBreakLabel : DiagId::InvalidContinueLabel, s->label, {name});
      return;
    }
  } else {
    for (auto it = Fn->branches.rbegin(); it != Fn->branches.rend(); ++it)
      if (isBreak || it->isLoop) {
        target = it->stmt;
        break;
      }
    if (!target) {
      error(isBreak ? DiagId::BreakOutside : DiagId::ContinueOutside, s);
      return;
    }
  }
  P.Branches[s->id] = target;
  if (isBreak)
    Broken.insert(target);
}

static std::string typeList(const std::vector<const Type *> &ts) {
  std::string s = "(";
  for (size_t i = 0; i < ts.size(); ++i)
    s += (i ? ", " : "") + ts[i]->str();
  return s + ")";
}

void Checker::returnStmt(ReturnStmt *s) {
  const auto &want = Fn->sig->results()->elems();
  if (s->results.empty()) {
    if (!want.empty() && !Fn->info->namedResults)
      error(DiagId::NotEnoughReturnValues, s, {"()", typeList(want)});
    return;
  }
  std::vector<Operand> vals;
  if (s->results.size() == 1 && want.size() > 1) {
    Operand x;
    multiExpr(x, s->results[0]);
    if (x.invalid())
      return;
    if (auto *tup = dyn_cast<TupleType>(x.type)) {
      for (const Type *t : tup->elems()) {
        Operand e;
        e.mode = ExprMode::Value;
        e.type = t;
        vals.push_back(e);
      }
    } else {
      vals.push_back(x);
    }
  } else {
    for (Expr *e : s->results) {
      Operand x;
      expr(x, e);
      vals.push_back(x);
    }
  }
  for (const Operand &v : vals)
    if (v.invalid())
      return;
  if (vals.size() != want.size()) {
    std::vector<Operand> have = vals;
    std::string h = "(";
    for (size_t i = 0; i < have.size(); ++i) {
      const Type *t = have[i].type;
      h += (i ? ", " : "") + (t->isNil()       ? std::string("nil")
                              : t->isUntyped() ? std::string(t->isNumeric() ? "number"
                                                             : t->isString() ? "string" : "bool")
                                               : t->str());
    }
    h += ")";
    if (vals.size() < want.size()) // at the last value, as Go
      error(DiagId::NotEnoughReturnValues, s->results.back(), {h, typeList(want)});
    else
      error(DiagId::TooManyReturnValues, s->results[std::min(want.size(), s->results.size() - 1)],
            {h, typeList(want)});
    return;
  }
  for (size_t i = 0; i < vals.size(); ++i) {
    if (!vals[i].expr) { // spread tuple: check only
      std::string reason;
      if (!assignable(vals[i], want[i], &reason))
        error(DiagId::CannotUseAsType, s->results[0],
              {describe(vals[i]), want[i]->str(), "return statement", reason});
      continue;
    }
    assign(vals[i], want[i], "return statement");
  }
}

void Checker::exprStmt(ExprStmt *s) {
  Expr *e = unparen(s->x);
  Operand x;
  rawExpr(x, s->x, nullptr);
  if (x.invalid())
    return;
  if (auto *c = dyn_cast<CallExpr>(e)) {
    const CallInfo *ci = P.call(c);
    bool unused = ci && ci->kind == CallKind::Conversion;
    if (ci && ci->kind == CallKind::Builtin)
      switch (ci->builtin) {
      case BuiltinKind::Append: case BuiltinKind::Cap: case BuiltinKind::Len:
      case BuiltinKind::Make: case BuiltinKind::New:
        unused = true;
        break;
      default:
        break;
      }
    if (unused)
      error(DiagId::NotUsed, s->x, {describe(x)});
    return;
  }
  if (auto *u = dyn_cast<UnaryExpr>(e); u && u->op == TokenKind::Arrow)
    return;
  if (x.mode == ExprMode::Type || x.mode == ExprMode::Builtin || x.mode == ExprMode::Package) {
    Operand y;
    expr(y, s->x); // its wording
    return;
  }
  error(DiagId::NotUsed, s->x, {describe(x)});
}

void Checker::goDefer(Expr *callExpr, bool isGo, SourceLoc at) {
  Expr *e = unparen(callExpr);
  auto *c = dyn_cast<CallExpr>(e);
  if (!c) {
    error(isGo ? DiagId::GoNeedsCall : DiagId::DeferNeedsCall, callExpr);
    Operand x;
    rawExpr(x, callExpr, nullptr);
    return;
  }
  Operand x;
  rawExpr(x, callExpr, nullptr);
  const CallInfo *ci = P.call(c);
  if (!ci)
    return;
  const char *what = isGo ? "go" : "defer";
  if (ci->kind == CallKind::Conversion) {
    error(DiagId::DeferConversion, callExpr, {what, describe(x)});
  } else if (ci->kind == CallKind::Builtin) {
    switch (ci->builtin) {
    case BuiltinKind::Append: case BuiltinKind::Cap: case BuiltinKind::Len:
    case BuiltinKind::Make: case BuiltinKind::New:
      error(DiagId::DeferDiscards, callExpr, {what, describe(x)});
      break;
    default:
      break;
    }
  }
  (void)at;
}

void Checker::incDec(IncDecStmt *s) {
  Operand z;
  if (!readModifyLhs(z, s->x))
    return;
  if (!z.type->isNumeric())
    error(DiagId::NonNumericIncDec, s->x,
          {exprText(s->x), s->op == TokenKind::Inc ? "++" : "--", z.type->str()});
}

// ---- terminating statements (Go spec "Terminating statements") ----

bool Checker::isTerminatingList(llvm::ArrayRef<Stmt *> list) {
  for (auto it = list.rbegin(); it != list.rend(); ++it)
    if (*it && !isa<EmptyStmt>(*it))
      return isTerminating(*it);
  return false;
}

bool Checker::hasBreak(const Stmt *s) { return Broken.count(s) != 0; }

bool Checker::isTerminating(const Stmt *s, llvm::StringRef) {
  switch (s->kind()) {
  case NodeKind::ReturnStmt:
    return true;
  case NodeKind::BranchStmt:
    return cast<BranchStmt>(s)->tok == TokenKind::KwGoto;
  case NodeKind::ExprStmt: {
    auto *c = dyn_cast<CallExpr>(unparen(cast<ExprStmt>(s)->x));
    const CallInfo *ci = c ? P.call(c) : nullptr;
    return ci && ci->kind == CallKind::Builtin && ci->builtin == BuiltinKind::Panic;
  }
  case NodeKind::BlockStmt:
    return isTerminatingList(cast<BlockStmt>(s)->stmts);
  case NodeKind::IfStmt: {
    auto *i = cast<IfStmt>(s);
    return i->elseStmt && isTerminatingList(i->then->stmts) && isTerminating(i->elseStmt);
  }
  case NodeKind::LabeledStmt:
    return cast<LabeledStmt>(s)->stmt && isTerminating(cast<LabeledStmt>(s)->stmt);
  case NodeKind::ForStmt:
    return !cast<ForStmt>(s)->cond && !hasBreak(s);
  case NodeKind::SwitchStmt: {
    auto *sw = cast<SwitchStmt>(s);
    bool hasDefault = false;
    for (CaseClause *c : sw->clauses) {
      hasDefault |= c->isDefault;
      bool fall = !c->body.empty() && isa<BranchStmt>(c->body.back()) &&
                  cast<BranchStmt>(c->body.back())->tok == TokenKind::KwFallthrough;
      if (!fall && !isTerminatingList(c->body))
        return false;
    }
    return hasDefault && !hasBreak(s);
  }
  case NodeKind::TypeSwitchStmt:
    // Already rejected (UnsupportedTypeSwitch) with its body unchecked:
    // counting it as terminating spares the user a bogus `missing return`.
    return true;
  case NodeKind::SelectStmt:
    for (CommClause *c : cast<SelectStmt>(s)->clauses)
      if (!isTerminatingList(c->body))
        return false;
    return !hasBreak(s);
  default:
    return false;
  }
}

} // namespace mp::sema
