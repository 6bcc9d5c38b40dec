// sema/check_call.cpp: calls — ordinary and method calls with Go's
// argument rules (variadics, f(g()) spreading), conversions T(x) with
// constant folding, and the builtins of builtins.def.
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

// Go's `have (number, string)` list: untyped constants by their class.
static std::string haveList(const std::vector<Operand> &args) {
  std::string s = "(";
  for (size_t i = 0; i < args.size(); ++i) {
    if (i)
      s += ", ";
    const Type *t = args[i].type;
    if (!t) {
      s += "invalid type";
    } else if (t->isNil()) {
      s += "nil";
    } else if (t->isUntyped()) {
      s += t->isNumeric() ? "number" : t->isString() ? "string" : "bool";
    } else {
      s += t->str();
    }
  }
  return s + ")";
}

static std::string wantList(const FuncType *sig) {
  std::string s = sig->str(); // "func(a, b) r": take the parameter list
  size_t depth = 0, end = 4;
  for (; end < s.size(); ++end) {
    if (s[end] == '(')
      ++depth;
    else if (s[end] == ')' && --depth == 0)
      break;
  }
  return s.substr(4, end - 3);
}

void Checker::call(Operand &x, CallExpr *c, const Type *hint) {
  Operand f;
  exprOrType(f, c->fun);
  auto checkArgsSilently = [&] {
    for (Expr *a : c->args) {
      Operand y;
      rawExpr(y, a, nullptr);
    }
  };
  if (f.invalid()) {
    checkArgsSilently();
    invalidate(x);
    return;
  }
  if (f.mode == ExprMode::Type) {
    conversion(x, c, f.type);
    return;
  }
  if (f.mode == ExprMode::Builtin) {
    builtinCall(x, c, f.builtinOrPkg, hint);
    return;
  }
  auto *sig = f.type && f.mode != ExprMode::NoValue && f.mode != ExprMode::Package
                  ? dyn_cast<FuncType>(f.type->underlying())
                  : nullptr;
  if (!sig) {
    error(DiagId::CannotCall, c->fun, {describe(f)});
    checkArgsSilently();
    invalidate(x);
    return;
  }
  CallInfo info;
  info.sig = sig;
  if (auto *s = dyn_cast<SelectorExpr>(unparen(c->fun)))
    if (const Selection *sel = P.selection(s); sel && sel->kind == SelectionKind::Method)
      info.kind = CallKind::Method;
  arguments(c, sig, info, exprText(c->fun));
  P.Calls[c->id] = info;
  const auto &rs = sig->results()->elems();
  if (rs.empty()) {
    x.mode = ExprMode::NoValue;
    x.type = sig->results();
  } else {
    x.mode = ExprMode::Value;
    x.type = rs.size() == 1 ? rs[0] : sig->results();
  }
}

void Checker::arguments(CallExpr *c, const FuncType *sig, CallInfo &info,
                        const std::string &calleeName) {
  std::vector<Operand> args;
  if (c->args.size() == 1 && !c->hasEllipsis) {
    Operand a;
    multiExpr(a, c->args[0]);
    if (auto *tup = a.type ? dyn_cast<TupleType>(a.type) : nullptr; tup && !a.invalid()) {
      info.spreadsTuple = true;
      for (const Type *t : tup->elems()) {
        Operand e;
        e.mode = ExprMode::Value;
        e.type = t;
        e.expr = c->args[0];
        args.push_back(e);
      }
    } else {
      args.push_back(a);
    }
  } else {
    for (size_t i = 0; i < c->args.size(); ++i) {
      Operand a;
      // Elided composite literal types are not allowed in calls, but the
      // parameter type is still the right hint for untyped shifts.
      const Type *hint = i < sig->params().size() ? sig->params()[i] : nullptr;
      expr(a, c->args[i], hint);
      args.push_back(a);
    }
  }
  for (const Operand &a : args)
    if (a.invalid())
      return;
  const auto &params = sig->params();
  size_t nparams = params.size();
  std::string context = "argument to " + calleeName;
  if (c->hasEllipsis) {
    if (!sig->isVariadic()) {
      error(DiagId::DotsNonVariadic, c->args.back(), {calleeName});
      return;
    }
    if (args.size() != nparams) {
      DiagId id = args.size() < nparams ? DiagId::NotEnoughArgs : DiagId::TooManyArgs;
      error(id, args.size() < nparams ? c->rparen : c->args[nparams]->loc(),
            {calleeName, haveList(args), wantList(sig)});
      return;
    }
  } else {
    size_t fixed = sig->isVariadic() ? nparams - 1 : nparams;
    bool tooFew = args.size() < fixed;
    bool tooMany = !sig->isVariadic() && args.size() > nparams;
    if (tooFew || tooMany) {
      SourceLoc at = tooFew ? c->rparen
                            : (info.spreadsTuple ? c->args[0]->loc() : c->args[nparams]->loc());
      error(tooFew ? DiagId::NotEnoughArgs : DiagId::TooManyArgs, at,
            {calleeName, haveList(args), wantList(sig)});
      return;
    }
    info.packsVariadic = sig->isVariadic();
  }
  for (size_t i = 0; i < args.size(); ++i) {
    const Type *pt;
    if (sig->isVariadic() && i >= nparams - 1 && !c->hasEllipsis)
      pt = cast<SliceType>(params.back())->elem();
    else
      pt = params[i];
    bool fprint = calleeName == "fmt.Fprint" || calleeName == "fmt.Fprintf" ||
                  calleeName == "fmt.Fprintln";
    if (fprint && i == 0 && !info.spreadsTuple) {
      if (!stdWriterPointee(args[i].type))
        error(DiagId::CannotUseAsType, c->args[0],
              {describe(args[i]), "io.Writer", context,
               ": MP's writers are *os.File, *bufio.Writer and *strings.Builder"});
      continue;
    }
    if (info.spreadsTuple) {
      std::string reason;
      if (!assignable(args[i], pt, &reason))
        error(DiagId::CannotUseAsType, c->args[0],
              {describe(args[i]), pt->str(), context, reason});
      continue;
    }
    assign(args[i], pt, context);
  }
}

bool Checker::convertible(const Operand &x, const Type *t) {
  std::string reason;
  if (assignable(x, t, &reason))
    return true;
  const Type *v = x.type, *vu = v->underlying(), *tu = t->underlying();
  if (identical(vu, tu))
    return true;
  auto *vp = dyn_cast<PointerType>(v), *tp = dyn_cast<PointerType>(t);
  if (vp && tp && identical(vp->elem()->underlying(), tp->elem()->underlying()))
    return true;
  if (v->isNumeric() && t->isNumeric())
    return true;
  auto byteOrRuneSlice = [](const Type *u) {
    auto *s = dyn_cast<SliceType>(u);
    if (!s)
      return false;
    auto *b = dyn_cast<BasicType>(s->elem()->underlying());
    return b && (b->basicKind() == BasicKind::Uint8 || b->basicKind() == BasicKind::Int32);
  };
  if (t->isString() && (v->isInteger() || byteOrRuneSlice(vu)))
    return true;
  if (v->isString() && byteOrRuneSlice(tu))
    return true;
  return false;
}

static std::string runeToUtf8(const mpz_class &v) {
  uint32_t r = 0xFFFD;
  if (v >= 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
    r = uint32_t(v.get_ui());
  std::string s;
  if (r < 0x80) {
    s += char(r);
  } else if (r < 0x800) {
    s += char(0xC0 | (r >> 6));
    s += char(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    s += char(0xE0 | (r >> 12));
    s += char(0x80 | ((r >> 6) & 0x3F));
    s += char(0x80 | (r & 0x3F));
  } else {
    s += char(0xF0 | (r >> 18));
    s += char(0x80 | ((r >> 12) & 0x3F));
    s += char(0x80 | ((r >> 6) & 0x3F));
    s += char(0x80 | (r & 0x3F));
  }
  return s;
}

void Checker::conversion(Operand &x, CallExpr *c, const Type *t) {
  P.Calls[c->id] = {CallKind::Conversion};
  if (c->args.size() != 1 || c->hasEllipsis) {
    error(DiagId::ConversionArgs, c->args.empty() ? c->rparen : c->args[1]->loc(),
          {c->args.empty() ? "missing argument in" : "too many arguments in", t->str()});
    for (Expr *a : c->args) {
      Operand y;
      rawExpr(y, a, nullptr);
    }
    invalidate(x);
    return;
  }
  expr(x, c->args[0], t);
  if (x.invalid())
    return;
  auto fail = [&] {
    error(DiagId::CannotConvert, c->args[0], {describe(x), t->str()});
    invalidate(x);
  };
  auto *tb = dyn_cast<BasicType>(t->underlying());
  if (x.isConst() && tb && !tb->isInvalid()) {
    // Constant conversions stay constant (Go spec "Conversions").
    Constant v = x.val;
    if (tb->isString() && x.type->isInteger()) {
      v = Constant::makeString(runeToUtf8(x.val.intValue()));
    } else if ((tb->isNumeric() && !x.type->isNumeric()) ||
               (tb->isString() && !x.type->isString()) ||
               (tb->isBoolean() && !x.type->isBoolean())) {
      fail();
      return;
    } else if (tb->isInteger() && x.type->isFloat() && !x.type->isUntyped()) {
      // float64(c) -> int: truncation is an error for constants too.
      Constant r;
      if (representable(v, tb, &r) != Representability::Ok) {
        fail();
        return;
      }
      v = r;
    } else {
      Constant r;
      if (representable(v, tb, &r) != Representability::Ok) {
        fail();
        return;
      }
      v = r;
    }
    if (x.type->isUntyped())
      convertUntyped(x, tb->isString() && x.type->isInteger() ? T.defaultType(x.type) : t);
    x.val = v;
    x.type = t;
    x.expr = c;
    return;
  }
  if (x.type->isUntyped()) {
    if (x.isNil()) {
      if (!isNilable(t)) {
        fail();
        return;
      }
      convertUntyped(x, t);
    } else if (untypedFits(x, t)) {
      convertUntyped(x, t);
    } else {
      defaultUntyped(x);
    }
  }
  if (!convertible(x, t)) {
    fail();
    return;
  }
  if (!identical(x.type, t))
    P.Exprs[c->args[0]->id].convertTo = t;
  x.mode = ExprMode::Value;
  x.type = t;
  x.expr = c;
}

// Does arg mention a call or a receive (then len/cap of an array is not
// constant)?
static bool hasCallOrRecv(const Expr *e) {
  if (!e)
    return false;
  switch (e->kind()) {
  case NodeKind::CallExpr: return true;
  case NodeKind::UnaryExpr:
    return cast<UnaryExpr>(e)->op == TokenKind::Arrow || hasCallOrRecv(cast<UnaryExpr>(e)->x);
  case NodeKind::ParenExpr: return hasCallOrRecv(cast<ParenExpr>(e)->x);
  case NodeKind::SelectorExpr: return hasCallOrRecv(cast<SelectorExpr>(e)->x);
  case NodeKind::IndexExpr:
    return hasCallOrRecv(cast<IndexExpr>(e)->x) || hasCallOrRecv(cast<IndexExpr>(e)->index());
  case NodeKind::StarExpr: return hasCallOrRecv(cast<StarExpr>(e)->x);
  case NodeKind::IdentExpr: return false;
  default: return true;
  }
}

void Checker::builtinCall(Operand &x, CallExpr *c, Object *b, const Type *hint) {
  static const struct { int min, max; bool result; } kArity[] = {
#define BUILTIN(Id, Name, MinArgs, MaxArgs, HasResult) {MinArgs, MaxArgs, HasResult},
#include "sema/builtins.def"
  };
  BuiltinKind k = b->builtin;
  CallInfo info;
  info.kind = CallKind::Builtin;
  info.builtin = k;
  P.Calls[c->id] = info;
  auto [minArgs, maxArgs, hasResult] = kArity[unsigned(k)];
  int n = int(c->args.size());
  std::string name = builtinName(k);
  if (c->hasEllipsis && k != BuiltinKind::Append) {
    error(DiagId::BuiltinDots, c, {name});
    for (Expr *a : c->args) { // still check (and use) the arguments
      Operand arg;
      expr(arg, a);
    }
    invalidate(x);
    return;
  }
  if (n < minArgs || (maxArgs >= 0 && n > maxArgs)) {
    bool few = n < minArgs;
    error(few ? DiagId::BuiltinTooFewArgs : DiagId::BuiltinTooManyArgs,
          few ? c->rparen : c->args[maxArgs]->loc(), {exprText(c), few ? minArgs : maxArgs, n});
    for (Expr *a : c->args) {
      Operand y;
      rawExpr(y, a, nullptr);
    }
    invalidate(x);
    return;
  }
  const Type *intT = T.basic(BasicKind::Int);
  x.mode = hasResult ? ExprMode::Value : ExprMode::NoValue;
  x.type = hasResult ? nullptr : T.tuple({});
  switch (k) {
  case BuiltinKind::Len:
  case BuiltinKind::Cap: {
    Operand a;
    expr(a, c->args[0]);
    if (a.invalid()) {
      invalidate(x);
      return;
    }
    const Type *u = a.type->underlying();
    if (auto *p = dyn_cast<PointerType>(u); p && isa<ArrayType>(p->elem()->underlying()))
      u = p->elem()->underlying();
    bool ok = isa<ArrayType, SliceType, ChanType>(u) ||
              (k == BuiltinKind::Len && (a.type->isString() || isa<MapType>(u)));
    if (!ok) {
      error(DiagId::InvalidBuiltinArg, c->args[0], {describe(a), name});
      invalidate(x);
      return;
    }
    x.type = intT;
    if (a.isConst() && a.type->isString()) {
      x.mode = ExprMode::Constant;
      x.val = Constant::makeInt(int64_t(a.val.stringValue().size()));
      if (a.type->isUntyped())
        convertUntyped(a, T.basic(BasicKind::String));
    } else if (auto *at = dyn_cast<ArrayType>(u); at && !hasCallOrRecv(c->args[0])) {
      x.mode = ExprMode::Constant;
      x.val = Constant::makeInt(at->length());
    }
    return;
  }
  case BuiltinKind::Append: {
    Operand s;
    expr(s, c->args[0], hint);
    if (s.invalid()) {
      invalidate(x);
      return;
    }
    auto *st = dyn_cast<SliceType>(s.type->underlying());
    if (!st || s.isNil()) {
      error(DiagId::AppendNotSlice, c->args[0], {describe(s)});
      invalidate(x);
      return;
    }
    CallInfo &ci = P.Calls[c->id];
    ci.packsVariadic = !c->hasEllipsis;
    for (int i = 1; i < n; ++i) {
      Operand a;
      if (c->hasEllipsis && i == n - 1) {
        expr(a, c->args[i], s.type);
        if (a.invalid())
          continue;
        bool bytesFromString = a.type->isString() && identical(st->elem(), T.basic(BasicKind::Uint8));
        if (bytesFromString) {
          if (a.type->isUntyped())
            convertUntyped(a, T.basic(BasicKind::String));
          continue;
        }
        assign(a, T.slice(st->elem()), "argument to append");
        continue;
      }
      expr(a, c->args[i], st->elem());
      if (!a.invalid())
        assign(a, st->elem(), "argument to append");
    }
    x.type = s.type;
    return;
  }
  case BuiltinKind::Close: {
    Operand a;
    expr(a, c->args[0]);
    if (!a.invalid())
      closeCall(a, c);
    return;
  }
  case BuiltinKind::Copy: {
    Operand d, s;
    expr(d, c->args[0]);
    expr(s, c->args[1]);
    if (d.invalid() || s.invalid()) {
      invalidate(x);
      return;
    }
    auto *ds = dyn_cast<SliceType>(d.type->underlying());
    auto *ss = dyn_cast<SliceType>(s.type->underlying());
    bool ok = ds && ((ss && identical(ds->elem(), ss->elem())) ||
                     (s.type->isString() && identical(ds->elem(), T.basic(BasicKind::Uint8))));
    if (!ok) {
      error(DiagId::CopyArgs, c->args[0], {describe(d), describe(s)});
      invalidate(x);
      return;
    }
    if (s.type->isUntyped())
      convertUntyped(s, T.basic(BasicKind::String));
    x.type = intT;
    return;
  }
  case BuiltinKind::Delete: {
    Operand m, key;
    expr(m, c->args[0]);
    expr(key, c->args[1]);
    if (m.invalid() || key.invalid())
      return;
    auto *mt = dyn_cast<MapType>(m.type->underlying());
    if (!mt) {
      error(DiagId::DeleteNotMap, c->args[0], {describe(m)});
      return;
    }
    assign(key, mt->key(), "argument to delete");
    return;
  }
  case BuiltinKind::Make:
  case BuiltinKind::New: {
    const Type *t = resolveType(c->args[0]);
    if (t->isInvalid()) {
      invalidate(x);
      return;
    }
    if (k == BuiltinKind::New) {
      x.type = T.pointer(t);
      return;
    }
    const Type *u = t->underlying();
    if (!isa<SliceType, MapType, ChanType>(u)) {
      error(DiagId::CannotMake, c->args[0], {exprText(c->args[0])});
      invalidate(x);
      return;
    }
    if (isa<SliceType>(u) && n == 1) {
      error(DiagId::MakeNeedsLen, c, {exprText(c)});
      invalidate(x);
      return;
    }
    if (!isa<SliceType>(u) && n > 2) {
      error(DiagId::BuiltinTooManyArgs, c->args[2], {exprText(c), 2, n});
      invalidate(x);
      return;
    }
    int64_t sizes[2] = {-1, -1};
    for (int i = 1; i < n; ++i)
      indexValue(c->args[i], -1, &sizes[i - 1]);
    if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1]) {
      error(DiagId::MakeLenCap, c->args[1]);
      invalidate(x);
      return;
    }
    x.type = t;
    return;
  }
  case BuiltinKind::Panic: {
    Operand a;
    expr(a, c->args[0]);
    if (!a.invalid())
      assign(a, T.anyType(), "argument to panic");
    return;
  }
  case BuiltinKind::Print:
  case BuiltinKind::Println:
    for (Expr *e : c->args) {
      Operand a;
      expr(a, e);
      if (a.invalid())
        continue;
      if (a.isNil()) {
        error(DiagId::UseOfUntypedNil, e, {"argument to built-in " + name});
        continue;
      }
      defaultUntyped(a);
    }
    return;
  case BuiltinKind::Recover:
    if (Fn)
      Fn->info->callsRecover = true;
    x.type = T.anyType();
    return;
  }
}

} // namespace mp::sema
