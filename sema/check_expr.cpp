// sema/check_expr.cpp: expressions — names, literals, operators with
// untyped-constant folding, selectors (fields, methods with automatic & and
// *), indexing, slicing, composite and function literals.  Follows go/types'
// structure (operand modes, matching untyped operands) and its messages.
#include "sema/checker.h"

#include <set>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

// go/types' bound on constant shift counts (enough for the smallest float64).
constexpr int kMaxConstShift = 1023 - 1 + 52;

// Deeper than the parser ever builds (it stops at 1000 levels).
constexpr unsigned kMaxExprDepth = 4000;

static Expr *unparen(Expr *e) {
  while (auto *p = dyn_cast<ParenExpr>(e))
    e = p->x;
  return e;
}

static ConstOp constOp(TokenKind k) {
  switch (k) {
  case TokenKind::Add: return ConstOp::Add;
  case TokenKind::Sub: return ConstOp::Sub;
  case TokenKind::Mul: return ConstOp::Mul;
  case TokenKind::Quo: return ConstOp::Quo;
  case TokenKind::Rem: return ConstOp::Rem;
  case TokenKind::And: return ConstOp::And;
  case TokenKind::Or: return ConstOp::Or;
  case TokenKind::Xor: return ConstOp::Xor;
  case TokenKind::AndNot: return ConstOp::AndNot;
  case TokenKind::Shl: return ConstOp::Shl;
  case TokenKind::Shr: return ConstOp::Shr;
  case TokenKind::Eql: return ConstOp::Eql;
  case TokenKind::Neq: return ConstOp::Neq;
  case TokenKind::Lss: return ConstOp::Lss;
  case TokenKind::Leq: return ConstOp::Leq;
  case TokenKind::Gtr: return ConstOp::Gtr;
  case TokenKind::Geq: return ConstOp::Geq;
  case TokenKind::LAnd: return ConstOp::LAnd;
  case TokenKind::LOr: return ConstOp::LOr;
  default: return ConstOp::Add;
  }
}

static bool isComparison(TokenKind k) {
  return k == TokenKind::Eql || k == TokenKind::Neq || k == TokenKind::Lss ||
         k == TokenKind::Leq || k == TokenKind::Gtr || k == TokenKind::Geq;
}

void Checker::expr(Operand &x, Expr *e, const Type *hint) {
  rawExpr(x, e, hint);
  switch (x.mode) {
  case ExprMode::NoValue:
    error(DiagId::NoValueUsed, e, {describe(x)});
    break;
  case ExprMode::Type:
    error(DiagId::NotAnExpr, e, {describe(x)});
    break;
  case ExprMode::Builtin:
    error(DiagId::BuiltinNotCalled, e, {exprText(e)});
    break;
  case ExprMode::Package:
    error(DiagId::PackageNotExpr, e, {exprText(e)});
    break;
  default:
    if (x.type && isa<TupleType>(x.type)) {
      error(DiagId::MultiValueInSingle, e, {describe(x)});
      break;
    }
    return;
  }
  invalidate(x);
  record(x);
}

void Checker::multiExpr(Operand &x, Expr *e) {
  rawExpr(x, e, nullptr);
  if (x.mode == ExprMode::Value && x.type && isa<TupleType>(x.type))
    return;
  if (x.mode == ExprMode::NoValue || x.mode == ExprMode::Type || x.mode == ExprMode::Builtin ||
      x.mode == ExprMode::Package) {
    // Re-run through expr() for its message; cheap and keeps one wording.
    Operand y;
    expr(y, e);
    x = y;
  }
}

void Checker::exprOrType(Operand &x, Expr *e) { rawExpr(x, e, nullptr); }

void Checker::rawExpr(Operand &x, Expr *e, const Type *hint) {
  x = Operand();
  x.expr = e;
  if (++Depth > kMaxExprDepth) { // the parser bounds nesting; this is a backstop
    --Depth;
    record(x);
    return;
  }
  switch (e->kind()) {
  case NodeKind::BadExpr:
  case NodeKind::KeyValueExpr:
  case NodeKind::EllipsisExpr:
    break;
  case NodeKind::IdentExpr:
    ident(x, cast<IdentExpr>(e), false);
    break;
  case NodeKind::BasicLitExpr:
    basicLit(x, cast<BasicLitExpr>(e));
    break;
  case NodeKind::CompositeLitExpr:
    compositeLit(x, cast<CompositeLitExpr>(e), hint);
    break;
  case NodeKind::FuncLitExpr:
    funcLit(x, cast<FuncLitExpr>(e));
    break;
  case NodeKind::ParenExpr:
    rawExpr(x, cast<ParenExpr>(e)->x, hint);
    x.expr = e;
    break;
  case NodeKind::SelectorExpr:
    selector(x, cast<SelectorExpr>(e));
    break;
  case NodeKind::IndexExpr:
    index(x, cast<IndexExpr>(e));
    break;
  case NodeKind::SliceExpr:
    sliceExpr(x, cast<SliceExpr>(e));
    break;
  case NodeKind::TypeAssertExpr: {
    error(DiagId::UnsupportedTypeAssert, e);
    Operand operand; // still check (and use) the operand
    expr(operand, cast<TypeAssertExpr>(e)->x);
    break;
  }
  case NodeKind::CallExpr:
    call(x, cast<CallExpr>(e), hint);
    break;
  case NodeKind::StarExpr: {
    auto *star = cast<StarExpr>(e);
    Operand p;
    exprOrType(p, star->x);
    if (p.mode == ExprMode::Type) {
      x.mode = ExprMode::Type;
      x.type = T.pointer(p.type);
    } else if (p.invalid()) {
    } else if (auto *pt = dyn_cast<PointerType>(p.type->underlying()); pt && !p.isNil() &&
               p.mode != ExprMode::NoValue) {
      x.mode = ExprMode::Variable;
      x.type = pt->elem();
    } else {
      error(DiagId::CannotIndirect, star->x, {describe(p)});
    }
    break;
  }
  case NodeKind::UnaryExpr:
    unary(x, cast<UnaryExpr>(e), hint);
    break;
  case NodeKind::BinaryExpr:
    binary(x, cast<BinaryExpr>(e), hint);
    break;
  default: // type syntax
    x.type = resolveType(e);
    x.mode = x.type->isInvalid() ? ExprMode::Invalid : ExprMode::Type;
    break;
  }
  --Depth;
  x.expr = e;
  if (x.type && x.type->isInvalid())
    x.mode = ExprMode::Invalid;
  record(x);
}

void Checker::ident(Operand &x, IdentExpr *id, bool wantType) {
  if (id->isBlank()) {
    error(DiagId::BlankAsValue, id);
    return;
  }
  Object *obj = Cur ? Cur->lookup(id->name) : PkgScope->lookup(id->name);
  if (!obj)
    obj = implicitPackage(id->name);
  if (!obj) {
    if (Silenced.empty() || !Silenced.count(id->name.str()))
      error(DiagId::Undefined, id, {id->name});
    return;
  }
  resolvePkgObject(obj);
  recordIdent(id, obj);
  if (CurDeclObj && PkgDecls.count(obj) &&
      (obj->kind == ObjectKind::Var || obj->kind == ObjectKind::Func))
    Deps[CurDeclObj].push_back(obj);
  if (InGuard && CurGuardVars.count(obj))
    GuardMentionsRecv = true;
  x.type = obj->type;
  switch (obj->kind) {
  case ObjectKind::Var:
    x.mode = ExprMode::Variable;
    useVar(obj, id);
    break;
  case ObjectKind::Const:
    x.mode = ExprMode::Constant;
    x.val = obj->value;
    if (obj == U.iota()) {
      if (IotaValue < 0) {
        error(DiagId::IotaOutsideConst, id);
        x.mode = ExprMode::Invalid;
        return;
      }
      x.val = Constant::makeInt(IotaValue);
    }
    if (!x.val.isKnown())
      x.mode = ExprMode::Invalid;
    break;
  case ObjectKind::TypeName:
    x.mode = ExprMode::Type;
    break;
  case ObjectKind::Func:
    x.mode = ExprMode::Value;
    break;
  case ObjectKind::Package:
    x.mode = ExprMode::Package; // only a selector's `fmt.` counts as a use
    x.builtinOrPkg = obj;
    break;
  case ObjectKind::Builtin:
    x.mode = ExprMode::Builtin;
    x.builtinOrPkg = obj;
    x.type = nullptr;
    break;
  case ObjectKind::Nil:
    x.mode = ExprMode::Value;
    break;
  case ObjectKind::Label:
    break;
  }
  if (!x.type && x.mode != ExprMode::Builtin && x.mode != ExprMode::Package)
    x.mode = ExprMode::Invalid;
  (void)wantType;
}

void Checker::useVar(Object *obj, IdentExpr *at) {
  obj->used = true;
  if (!obj->owner || !Fn || Fn->info->node == obj->owner)
    return;
  // A variable of an enclosing function: every closure in between captures it.
  obj->escapes = true;
  for (FuncCtx *f = Fn; f && f->info->node != obj->owner; f = f->outer) {
    auto &caps = f->info->captures;
    if (std::find(caps.begin(), caps.end(), obj) == caps.end())
      caps.push_back(obj);
  }
  (void)at;
}

void Checker::basicLit(Operand &x, BasicLitExpr *lit) {
  x.mode = ExprMode::Constant;
  switch (lit->litKind) {
  case LitKind::Int:
    x.val = Constant::fromIntLiteral(lit->spelling);
    x.type = T.basic(BasicKind::UntypedInt);
    break;
  case LitKind::Float:
    x.val = Constant::fromFloatLiteral(lit->spelling);
    x.type = T.basic(BasicKind::UntypedFloat);
    break;
  case LitKind::Rune:
    x.val = Constant::makeInt(int64_t(lit->runeValue));
    x.type = T.basic(BasicKind::UntypedRune);
    break;
  case LitKind::String:
    x.val = Constant::makeString(lit->stringValue.str());
    x.type = T.basic(BasicKind::UntypedString);
    break;
  case LitKind::Imag:
    break;
  }
  if (!x.val.isKnown())
    x.mode = ExprMode::Invalid;
}

// Checks that a typed constant result still fits its type.
static bool fitsType(Checker &c, Operand &x) {
  if (!x.isConst() || x.type->isUntyped() || !isa<BasicType>(x.type->underlying()))
    return true;
  Constant r;
  if (representable(x.val, cast<BasicType>(x.type->underlying()), &r) == Representability::Ok) {
    x.val = r;
    return true;
  }
  c.error(DiagId::ValueOverflows, x.expr, {c.describe(x), x.type->str()});
  c.invalidate(x);
  return false;
}

void Checker::unary(Operand &x, UnaryExpr *u, const Type *hint) {
  if (u->op == TokenKind::Arrow) {
    receive(x, u);
    return;
  }
  if (u->op == TokenKind::And) {
    Expr *inner = unparen(u->x);
    const Type *elemHint = nullptr;
    if (hint)
      if (auto *p = dyn_cast<PointerType>(hint->underlying()))
        elemHint = p->elem();
    rawExpr(x, u->x, elemHint);
    if (x.invalid())
      return;
    if (!isa<CompositeLitExpr>(inner) && x.mode != ExprMode::Variable) {
      error(DiagId::CannotTakeAddress, u->x, {describe(x)});
      invalidate(x);
      return;
    }
    markAddressTaken(u->x);
    x.mode = ExprMode::Value;
    x.type = T.pointer(x.type);
    return;
  }
  expr(x, u->x);
  if (x.invalid())
    return;
  bool ok = false;
  ConstOp op = ConstOp::Pos;
  switch (u->op) {
  case TokenKind::Add: ok = x.type->isNumeric(); op = ConstOp::Pos; break;
  case TokenKind::Sub: ok = x.type->isNumeric(); op = ConstOp::Neg; break;
  case TokenKind::Xor: ok = x.type->isInteger(); op = ConstOp::BitNot; break;
  case TokenKind::Not: ok = x.type->isBoolean(); op = ConstOp::Not; break;
  default: break;
  }
  if (!ok) {
    error(DiagId::OperatorNotDefined, u->x, {tokenSpelling(u->op), describe(x)});
    invalidate(x);
    return;
  }
  if (x.isConst()) {
    unsigned bits = 0;
    if (!x.type->isUntyped() && x.type->isUnsigned())
      bits = cast<BasicType>(x.type->underlying())->size() * 8;
    x.val = unaryOp(op, x.val, bits);
    x.expr = u;
    fitsType(*this, x);
    return;
  }
  x.mode = ExprMode::Value;
}

// The kind order for untyped numeric operands: int < rune < float.
static int untypedRank(const Type *t) {
  switch (cast<BasicType>(t)->basicKind()) {
  case BasicKind::UntypedInt: return 1;
  case BasicKind::UntypedRune: return 2;
  case BasicKind::UntypedFloat: return 3;
  default: return 0;
  }
}

// Whether untyped x can become a value of type t (no message).
bool Checker::untypedFits(const Operand &x, const Type *t) {
  if (t->isInvalid())
    return false;
  const Type *u = t->underlying();
  if (x.isNil())
    return isa<PointerType, SliceType, MapType, ChanType, FuncType, InterfaceType>(u) ||
           (t->isUntyped() && t->isNil());
  if (isa<InterfaceType>(u))
    return true;
  auto *b = dyn_cast<BasicType>(u);
  if (!b)
    return false;
  if (x.isConst())
    return representable(x.val, b, nullptr) == Representability::Ok;
  // Non-constant untyped values: bool from comparisons, numbers from shifts.
  if (x.type->isBoolean())
    return b->flags() & IsBoolean;
  return b->flags() & (IsInteger | IsFloat);
}

// go/types' kindString: what a comparison operator is "not defined on".
static std::string kindString(const Type *t) {
  switch (t->underlying()->kind()) {
  case TypeKind::Array: return "array";
  case TypeKind::Slice: return "slice";
  case TypeKind::Struct: return "struct";
  case TypeKind::Pointer: return "pointer";
  case TypeKind::Func: return "func";
  case TypeKind::Interface: return "interface";
  case TypeKind::Map: return "map";
  case TypeKind::Chan: return "chan";
  case TypeKind::Basic: case TypeKind::Named: case TypeKind::Tuple:
    return t->str();
  }
  return t->str();
}

// Go's mayConvert: an untyped operand only takes the other operand's type
// when both are of the same family (numeric, boolean, string, nil-able).
static bool mayConvert(const Operand &x, const Operand &y) {
  if (!x.type->isUntyped() && !y.type->isUntyped())
    return false;
  if (x.type->isNumeric() != y.type->isNumeric() ||
      x.type->isBoolean() != y.type->isBoolean() || x.type->isString() != y.type->isString())
    return false;
  if (x.isNil())
    return isNilable(y.type);
  if (y.isNil())
    return isNilable(x.type);
  return !isa<PointerType>(x.type->underlying()) && !isa<PointerType>(y.type->underlying());
}

// Go's matchTypes: give untyped operands the other side's type.  Returns
// Reported after a representation error (`300 (untyped int constant)
// overflows uint8`), Mismatch when the caller must say "mismatched types".
enum class Match : uint8_t { Ok, Mismatch, Reported };
static Match matchTypes(Checker &c, Operand &x, Operand &y) {
  if (!mayConvert(x, y))
    return Match::Ok; // identical-type checks decide
  bool xu = x.type->isUntyped(), yu = y.type->isUntyped();
  if (xu && yu) {
    if (x.type->isNumeric() && y.type->isNumeric()) {
      if (untypedRank(x.type) < untypedRank(y.type))
        c.convertUntyped(x, y.type);
      else
        c.convertUntyped(y, x.type);
    }
    return Match::Ok;
  }
  Operand &u = xu ? x : y;
  const Type *target = xu ? y.type : x.type;
  if (c.untypedFits(u, target)) {
    c.convertUntyped(u, target);
    return Match::Ok;
  }
  if (!c.reportRepresentation(u, target))
    return Match::Mismatch;
  return Match::Reported;
}

// For an untyped constant that does not fit basic type t: Go's
// `X overflows T` / `X truncated to T` / `cannot convert X to T`.  Returns
// false (and says nothing) when x is not such a constant.
bool Checker::reportRepresentation(const Operand &x, const Type *t) {
  auto *b = dyn_cast<BasicType>(t->underlying());
  if (!x.isConst() || !x.type->isUntyped() || !b)
    return false;
  switch (representable(x.val, b, nullptr)) {
  case Representability::Ok:
    return false;
  case Representability::Overflows:
    error(DiagId::ValueOverflows, x.expr, {describe(x), t->str()});
    return true;
  case Representability::Truncated:
    error(DiagId::ValueTruncated, x.expr, {describe(x), t->str()});
    return true;
  case Representability::Mismatch:
    error(DiagId::CannotConvertImplicit, x.expr, {describe(x), t->str()});
    return true;
  }
  return false;
}

void Checker::binary(Operand &x, BinaryExpr *b, const Type *hint) {
  Operand y;
  if (b->op == TokenKind::Shl || b->op == TokenKind::Shr) {
    expr(x, b->x);
    expr(y, b->y);
    if (x.invalid() || y.invalid()) {
      invalidate(x);
      return;
    }
    // A non-constant shift of an untyped constant takes the type the
    // constant would have in this context.
    if (x.isConst() && x.type->isUntyped() && !y.isConst()) {
      const Type *t = hint && isa<BasicType>(hint->underlying()) ? hint
                                                                  : T.basic(BasicKind::Int);
      if (untypedFits(x, t))
        convertUntyped(x, t);
    }
    shift(x, y, b);
    return;
  }
  expr(x, b->x);
  expr(y, b->y);
  if (x.invalid() || y.invalid()) {
    invalidate(x);
    return;
  }
  if (isComparison(b->op)) {
    comparison(x, y, b);
    return;
  }
  auto mismatch = [&] {
    error(DiagId::MismatchedTypes, b->x, {exprText(b), x.type->str(), y.type->str()});
    invalidate(x);
  };
  Match m = matchTypes(*this, x, y);
  if (m == Match::Reported) {
    invalidate(x);
    return;
  }
  if (m == Match::Mismatch || !identical(x.type, y.type)) {
    mismatch();
    return;
  }
  bool ok = false;
  switch (b->op) {
  case TokenKind::Add: ok = x.type->isNumeric() || x.type->isString(); break;
  case TokenKind::Sub: case TokenKind::Mul: case TokenKind::Quo:
    ok = x.type->isNumeric();
    break;
  case TokenKind::Rem: case TokenKind::And: case TokenKind::Or: case TokenKind::Xor:
  case TokenKind::AndNot:
    ok = x.type->isInteger();
    break;
  case TokenKind::LAnd: case TokenKind::LOr: ok = x.type->isBoolean(); break;
  default: break;
  }
  if (!ok) {
    error(DiagId::OperatorNotDefined, b->x, {tokenSpelling(b->op), describe(x)});
    invalidate(x);
    return;
  }
  if ((b->op == TokenKind::Quo || b->op == TokenKind::Rem) && y.isConst() &&
      y.val.isNumeric() && y.val.ratValue() == 0 && (x.isConst() || x.type->isInteger())) {
    error(DiagId::DivisionByZero, b->y);
    invalidate(x);
    return;
  }
  if (x.isConst() && y.isConst()) {
    x.val = binaryOp(constOp(b->op), x.val, y.val, x.type->isInteger());
    x.expr = b;
    if (!x.val.isKnown()) {
      invalidate(x);
      return;
    }
    fitsType(*this, x);
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::shift(Operand &x, Operand &y, BinaryExpr *b) {
  // The count: an integer (untyped constants must be non-negative integers).
  if (y.isConst()) {
    auto n = y.val.toInt();
    if (n && y.type->isNumeric() && n->intValue() < 0) {
      error(DiagId::ShiftCountNegative, b->y, {describe(y)});
      invalidate(x);
      return;
    }
    if (y.type->isUntyped()) {
      if (reportRepresentation(y, T.basic(BasicKind::Uint))) {
        invalidate(x);
        return;
      }
    } else if (!y.type->isInteger()) {
      error(DiagId::ShiftCountNotInt, b->y, {describe(y)});
      invalidate(x);
      return;
    }
    if (x.isConst() && n->intValue() > kMaxConstShift) {
      error(DiagId::ShiftCountTooLarge, b->y, {describe(y)});
      invalidate(x);
      return;
    }
    if (y.type->isUntyped())
      convertUntyped(y, T.basic(BasicKind::Uint));
  } else if (!y.type->isInteger()) {
    error(DiagId::ShiftCountNotInt, b->y, {describe(y)});
    invalidate(x);
    return;
  }
  if (x.isConst() && x.type->isUntyped()) {
    if (!x.val.toInt() || !x.type->isNumeric()) {
      error(DiagId::ShiftOperandNotInt, b->x, {describe(x)});
      invalidate(x);
      return;
    }
    if (x.type->isFloat())
      convertUntyped(x, T.basic(BasicKind::UntypedInt));
  } else if (!x.type->isInteger()) {
    error(DiagId::ShiftOperandNotInt, b->x, {describe(x)});
    invalidate(x);
    return;
  }
  if (x.isConst() && y.isConst()) {
    uint64_t n = y.val.toInt()->uint64Value();
    x.val = shiftOp(constOp(b->op), *x.val.toInt(), n);
    x.expr = b;
    fitsType(*this, x);
    return;
  }
  x.mode = ExprMode::Value;
}

void Checker::comparison(Operand &x, Operand &y, BinaryExpr *b) {
  auto fail = [&](DiagId id, std::initializer_list<DiagArg> args) {
    error(id, b->x, args);
    invalidate(x);
  };
  if (x.isNil() && y.isNil()) {
    error(DiagId::OperatorNotDefinedOn, b->y, {exprText(b), tokenSpelling(b->op), "untyped nil"});
    invalidate(x);
    return;
  }
  // Nil-ness before matchTypes gives nil the other operand's type.
  bool xNil = x.isNil(), yNil = y.isNil();
  std::string reason;
  Match m = matchTypes(*this, x, y);
  if (m == Match::Reported) {
    invalidate(x);
    return;
  }
  if (m == Match::Mismatch ||
      !(assignable(x, y.type, &reason) || assignable(y, x.type, &reason))) {
    // Go puts the caret on the second operand of a mismatched comparison.
    error(DiagId::MismatchedTypes, b->y, {exprText(b), x.type->str(), y.type->str()});
    invalidate(x);
    return;
  }
  bool eq = b->op == TokenKind::Eql || b->op == TokenKind::Neq;
  if (eq) {
    if (xNil || yNil) {
      const Type *other = xNil ? y.type : x.type;
      if (!isNilable(other)) {
        fail(DiagId::MismatchedTypes, {exprText(b), x.type->str(), y.type->str()});
        return;
      }
    } else {
      for (Operand *o : {&x, &y}) {
        const Type *u = o->type->underlying();
        if (isa<SliceType, MapType, FuncType>(u)) {
          const char *what = isa<SliceType>(u) ? "slice" : isa<MapType>(u) ? "map" : "func";
          fail(DiagId::OnlyComparableToNil, {exprText(b), what});
          return;
        }
        std::string why;
        if (!comparable(o->type, &why)) {
          fail(DiagId::CannotCompare,
               {exprText(b), why.empty() ? o->type->str() + " cannot be compared" : why});
          return;
        }
      }
    }
  } else if (!x.type->isOrdered()) {
    fail(DiagId::OperatorNotDefinedOn, {exprText(b), tokenSpelling(b->op), kindString(x.type)});
    return;
  }
  // A concrete operand compared with an interface is converted to it.
  if (!identical(x.type, y.type)) {
    if (isa<InterfaceType>(y.type->underlying()) && x.expr)
      P.Exprs[x.expr->id].convertTo = y.type;
    else if (isa<InterfaceType>(x.type->underlying()) && y.expr)
      P.Exprs[y.expr->id].convertTo = x.type;
  }
  bool folded = x.isConst() && y.isConst();
  if (folded)
    x.val = Constant::makeBool(compareOp(constOp(b->op), x.val, y.val));
  else {
    // Untyped operands of a non-constant comparison get their default types.
    defaultUntyped(x);
    defaultUntyped(y);
  }
  x.mode = folded ? ExprMode::Constant : ExprMode::Value;
  x.type = T.basic(BasicKind::UntypedBool);
  x.expr = b;
}

void Checker::markAddressTaken(Expr *e) {
  e = unparen(e);
  if (auto *id = dyn_cast<IdentExpr>(e)) {
    if (Object *o = P.Idents[id->id]; o && o->isVar())
      o->escapes = true;
  } else if (auto *s = dyn_cast<SelectorExpr>(e)) {
    const Selection *sel = P.selection(s);
    if (sel && sel->kind == SelectionKind::Field && !sel->autoDeref)
      markAddressTaken(s->x);
  } else if (auto *ix = dyn_cast<IndexExpr>(e)) {
    if (isa<ArrayType>(P.Exprs[ix->x->id].type ? P.Exprs[ix->x->id].type->underlying()
                                                 : T.invalid()))
      markAddressTaken(ix->x);
  }
}

void Checker::selector(Operand &x, SelectorExpr *s) {
  std::string name = s->sel->name.str();
  // pkg.Name
  if (auto *pid = dyn_cast<IdentExpr>(unparen(s->x))) {
    Object *po = Cur ? Cur->lookup(pid->name) : PkgScope->lookup(pid->name);
    if (!po)
      po = implicitPackage(pid->name);
    if (po && po->kind == ObjectKind::Package) {
      po->used = true;
      recordIdent(pid, po);
      P.Exprs[s->x->id].mode = ExprMode::Package;
      Object *m = po->package->members.lookupLocal(name);
      if (!m) {
        error(DiagId::Undefined, s->sel, {pid->name.str() + "." + name});
        return;
      }
      recordIdent(s->sel, m);
      P.Selections[s->id] = {SelectionKind::Qualified, m};
      x.type = m->type;
      switch (m->kind) {
      case ObjectKind::Const: x.mode = ExprMode::Constant; x.val = m->value; break;
      case ObjectKind::Var: x.mode = ExprMode::Variable; break;
      case ObjectKind::TypeName: x.mode = ExprMode::Type; break;
      default: x.mode = ExprMode::Value; break;
      }
      return;
    }
  }
  exprOrType(x, s->x);
  if (x.invalid())
    return;
  if (x.mode == ExprMode::Package || x.mode == ExprMode::Builtin || x.mode == ExprMode::NoValue) {
    error(DiagId::NoFieldOrMethod, s->sel, {exprText(s), describe(x), name});
    invalidate(x);
    return;
  }
  const Type *base = x.type;
  bool deref = false;
  if (auto *p = dyn_cast<PointerType>(base->underlying()); p && x.mode != ExprMode::Type) {
    base = p->elem();
    deref = true;
  }
  auto *named = dyn_cast<NamedType>(base);
  if (x.mode == ExprMode::Type) {
    // T.m, and (*T).m for a pointer method (strings.(*Builder).WriteString)
    if (auto *p = dyn_cast<PointerType>(x.type))
      named = dyn_cast<NamedType>(p->elem());
    if (named && named->findMethod(name))
      error(DiagId::UnsupportedMethodExpr, s);
    else
      error(DiagId::NoFieldOrMethod, s->sel, {exprText(s), x.type->str(), name});
    invalidate(x);
    return;
  }
  if (auto *st = dyn_cast<StructType>(base->underlying())) {
    int idx = st->fieldIndex(name);
    if (idx >= 0) {
      if (named && !named->pkg().empty() && named->pkg() != "main") {
        error(DiagId::UnexportedField, s->sel, {exprText(s), name});
        invalidate(x);
        return;
      }
      P.Selections[s->id] = {SelectionKind::Field, nullptr, idx, nullptr, nullptr, false, deref};
      x.mode = deref || x.mode == ExprMode::Variable ? ExprMode::Variable : ExprMode::Value;
      x.type = st->fields()[idx].type;
      return;
    }
  }
  const Method *m = named ? named->findMethod(name) : nullptr;
  if (!m) {
    error(DiagId::NoFieldOrMethod, s->sel, {exprText(s), x.type->str(), name});
    invalidate(x);
    return;
  }
  Selection sel{SelectionKind::Method, m->func, -1, m, named, false, false};
  if (m->pointerRecv && !deref) {
    if (x.mode != ExprMode::Variable) {
      error(DiagId::PointerMethodOnValue, s->sel, {name, x.type->str()});
      invalidate(x);
      return;
    }
    sel.autoAddr = true;
  } else if (!m->pointerRecv && deref) {
    sel.autoDeref = true;
  }
  P.Selections[s->id] = sel;
  if (sel.autoAddr)
    markAddressTaken(s->x);
  recordIdent(s->sel, m->func);
  if (CurDeclObj && m->func && PkgDecls.count(m->func) == 0 && !m->func->stdPkg)
    Deps[CurDeclObj].push_back(m->func);
  x.mode = ExprMode::Value;
  x.type = m->sig;
}

bool Checker::indexValue(Expr *e, int64_t bound, int64_t *value) {
  Operand x;
  expr(x, e);
  *value = -1;
  if (x.invalid())
    return false;
  if (x.isConst() && x.type->isUntyped()) {
    if (!untypedFits(x, T.basic(BasicKind::Int))) {
      reportRepresentation(x, T.basic(BasicKind::Int));
      return false;
    }
    convertUntyped(x, T.basic(BasicKind::Int));
  }
  if (!x.type->isInteger()) {
    error(DiagId::IndexNotInteger, e, {describe(x)});
    return false;
  }
  if (!x.isConst())
    return true;
  int64_t v = x.val.toInt()->fitsInt64() ? x.val.toInt()->int64Value() : INT64_MAX;
  if (v < 0) {
    error(DiagId::IndexNegative, e, {describe(x)});
    return false;
  }
  if (bound >= 0 && v >= bound) {
    error(DiagId::IndexOutOfBounds, e, {x.val.str(), bound});
    return false;
  }
  *value = v;
  return true;
}

void Checker::index(Operand &x, IndexExpr *ix) {
  exprOrType(x, ix->x);
  if (ix->indices.size() != 1 || x.mode == ExprMode::Type) {
    if (!x.invalid())
      error(DiagId::UnsupportedGenerics, ix);
    invalidate(x);
    return;
  }
  if (x.invalid()) {
    Operand i;
    expr(i, ix->index());
    return;
  }
  if (x.mode == ExprMode::NoValue || x.mode == ExprMode::Builtin || x.mode == ExprMode::Package) {
    error(DiagId::CannotIndex, ix->x->range.end, {describe(x)}); // at `[`
    invalidate(x);
    return;
  }
  const Type *u = x.type->underlying();
  int64_t v;
  if (auto *pt = dyn_cast<PointerType>(u))
    if (auto *at = dyn_cast<ArrayType>(pt->elem()->underlying())) {
      indexValue(ix->index(), at->length(), &v);
      x.mode = ExprMode::Variable;
      x.type = at->elem();
      return;
    }
  if (x.type->isString()) {
    int64_t bound = x.isConst() ? int64_t(x.val.stringValue().size()) : -1;
    indexValue(ix->index(), bound, &v);
    if (x.type->isUntyped())
      convertUntyped(x, T.basic(BasicKind::String));
    x.mode = ExprMode::Value;
    x.type = T.byteType();
    return;
  }
  switch (u->kind()) {
  case TypeKind::Slice:
    indexValue(ix->index(), -1, &v);
    x.mode = ExprMode::Variable;
    x.type = cast<SliceType>(u)->elem();
    return;
  case TypeKind::Array:
    indexValue(ix->index(), cast<ArrayType>(u)->length(), &v);
    x.mode = x.mode == ExprMode::Variable ? ExprMode::Variable : ExprMode::Value;
    x.type = cast<ArrayType>(u)->elem();
    return;
  case TypeKind::Map: {
    auto *m = cast<MapType>(u);
    Operand k;
    expr(k, ix->index(), m->key());
    if (!k.invalid())
      assign(k, m->key(), "map index");
    x.mode = ExprMode::MapIndex;
    x.type = m->elem();
    x.commaOkable = true;
    return;
  }
  default:
    error(DiagId::CannotIndex, ix->x->range.end, {describe(x)}); // at `[`
    invalidate(x);
    Operand i;
    expr(i, ix->index());
  }
}

void Checker::sliceExpr(Operand &x, SliceExpr *s) {
  expr(x, s->x);
  if (x.invalid()) {
    for (Expr *e : {s->low, s->high, s->max})
      if (e) {
        Operand i;
        expr(i, e);
      }
    return;
  }
  const Type *u = x.type->underlying();
  int64_t bound = -1;
  const Type *result = nullptr;
  if (x.type->isString()) {
    if (s->slice3) {
      error(DiagId::Slice3OfString, s->max ? s->max : s);
      invalidate(x);
      return;
    }
    if (x.isConst())
      bound = int64_t(x.val.stringValue().size()) + 1;
    if (x.type->isUntyped())
      convertUntyped(x, T.basic(BasicKind::String));
    result = x.type;
  } else if (auto *sl = dyn_cast<SliceType>(u)) {
    result = x.type;
    (void)sl;
  } else if (auto *at = dyn_cast<ArrayType>(u)) {
    if (x.mode != ExprMode::Variable) {
      error(DiagId::CannotSliceUnaddressable, s, {describe(x)});
      invalidate(x);
      return;
    }
    markAddressTaken(s->x);
    bound = at->length() + 1;
    result = T.slice(at->elem());
  } else if (auto *pt = dyn_cast<PointerType>(u); pt && isa<ArrayType>(pt->elem()->underlying())) {
    auto *at = cast<ArrayType>(pt->elem()->underlying());
    bound = at->length() + 1;
    result = T.slice(at->elem());
  } else {
    error(DiagId::CannotSlice, s->x, {describe(x)});
    invalidate(x);
    return;
  }
  int64_t vals[3] = {-1, -1, -1};
  Expr *idx[3] = {s->low, s->high, s->max};
  for (int i = 0; i < 3; ++i)
    if (idx[i])
      indexValue(idx[i], bound, &vals[i]);
  // Constant indices must be non-decreasing.
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j)
      if (vals[i] >= 0 && vals[j] >= 0 && vals[j] < vals[i]) {
        error(DiagId::InvalidSliceIndices, idx[j], {vals[j], vals[i]});
        invalidate(x);
        return;
      }
  x.mode = ExprMode::Value;
  x.type = result;
}

void Checker::compositeLit(Operand &x, CompositeLitExpr *lit, const Type *hint) {
  const Type *t = nullptr;
  bool dotsArray = false;
  if (lit->type) {
    auto *at = dyn_cast<ArrayTypeExpr>(lit->type);
    if (at && isa<EllipsisExpr>(at->len)) {
      dotsArray = true;
      t = resolveType(at->elem);
    } else {
      t = resolveType(lit->type);
    }
  } else if (hint) {
    t = hint;
  } else {
    error(DiagId::InvalidCompositeType, lit, {"(missing type)"});
  }
  const Type *resultType = t;
  // `[]*T{{...}}`: an elided `&T`.
  if (!lit->type && t)
    if (auto *p = dyn_cast<PointerType>(t->underlying()))
      t = p->elem();
  auto checkElems = [&](const Type *elem) {
    for (Expr *e : lit->elts) {
      Operand v;
      expr(v, isa<KeyValueExpr>(e) ? cast<KeyValueExpr>(e)->value : e, elem);
    }
  };
  if (!t || t->isInvalid()) {
    checkElems(nullptr);
    return;
  }
  std::string litName = (lit->type ? exprText(lit->type) : t->str()) + "{…}";
  if (dotsArray) {
    int64_t next = 0, max = 0;
    for (Expr *e : lit->elts) {
      Expr *val = e;
      if (auto *kv = dyn_cast<KeyValueExpr>(e)) {
        int64_t k;
        if (indexValue(kv->key, -1, &k))
          next = k;
        val = kv->value;
      }
      Operand v;
      expr(v, val, t);
      if (!v.invalid())
        assign(v, t, "array or slice literal");
      max = std::max(max, ++next);
    }
    x.mode = ExprMode::Value;
    x.type = T.array(t, max);
    recordType(lit->type, x.type);
    return;
  }
  const Type *u = t->underlying();
  if (auto *st = dyn_cast<StructType>(u)) {
    auto *named = dyn_cast<NamedType>(t);
    bool foreign = named && !named->pkg().empty() && named->pkg() != "main";
    if (!lit->elts.empty() && isa<KeyValueExpr>(lit->elts.front())) {
      std::set<std::string> seen;
      for (Expr *e : lit->elts) {
        auto *kv = dyn_cast<KeyValueExpr>(e);
        if (!kv) {
          error(DiagId::MixedStructLit, e);
          continue;
        }
        auto *key = dyn_cast<IdentExpr>(kv->key);
        int idx = key ? st->fieldIndex(key->name) : -1;
        Operand v;
        if (!key) {
          error(DiagId::InvalidFieldName, kv->key, {exprText(kv->key)});
        } else if (idx < 0 || foreign) {
          error(DiagId::UnknownField, kv->key, {"'" + key->name.str() + "'", t->str()});
        } else if (!seen.insert(key->name.str()).second) {
          error(DiagId::DuplicateField, kv->key, {key->name});
        } else {
          expr(v, kv->value, st->fields()[idx].type);
          if (!v.invalid())
            assign(v, st->fields()[idx].type, "struct literal");
          continue;
        }
        expr(v, kv->value);
      }
    } else if (!lit->elts.empty()) {
      size_t i = 0;
      for (Expr *e : lit->elts) {
        Operand v;
        if (isa<KeyValueExpr>(e)) {
          error(DiagId::MixedStructLit, e);
          continue;
        }
        if (i >= st->fields().size() || foreign) {
          expr(v, e);
          if (i++ == st->fields().size() || foreign)
            error(DiagId::TooManyValues, e, {litName});
          continue;
        }
        const Type *ft = st->fields()[i++].type;
        expr(v, e, ft);
        if (!v.invalid())
          assign(v, ft, "struct literal");
      }
      if (i < st->fields().size())
        error(DiagId::TooFewValues, lit->rbrace, {litName});
    }
  } else if (isa<ArrayType, SliceType>(u)) {
    auto *at = dyn_cast<ArrayType>(u);
    const Type *elem = at ? at->elem() : cast<SliceType>(u)->elem();
    int64_t bound = at ? at->length() : -1;
    int64_t next = 0;
    std::set<int64_t> seen;
    for (Expr *e : lit->elts) {
      Expr *val = e;
      if (auto *kv = dyn_cast<KeyValueExpr>(e)) {
        int64_t k;
        if (indexValue(kv->key, bound, &k))
          next = k;
        val = kv->value;
      } else if (bound >= 0 && next >= bound) {
        error(DiagId::ArrayLitOutOfBounds, e, {next, bound});
      }
      if (next >= 0 && !seen.insert(next).second)
        error(DiagId::DuplicateIndex, e, {next});
      ++next;
      Operand v;
      expr(v, val, elem);
      if (!v.invalid())
        assign(v, elem, "array or slice literal");
    }
  } else if (auto *mt = dyn_cast<MapType>(u)) {
    std::set<std::string> seen;
    for (Expr *e : lit->elts) {
      auto *kv = dyn_cast<KeyValueExpr>(e);
      if (!kv) {
        error(DiagId::MissingMapKey, e);
        Operand v;
        expr(v, e, mt->elem());
        continue;
      }
      Operand k, v;
      expr(k, kv->key, mt->key());
      if (!k.invalid() && assign(k, mt->key(), "map literal") && k.isConst() &&
          !seen.insert(k.val.exactStr()).second)
        error(DiagId::DuplicateMapKey, kv->key, {exprText(kv->key)});
      expr(v, kv->value, mt->elem());
      if (!v.invalid())
        assign(v, mt->elem(), "map literal");
    }
  } else {
    error(DiagId::InvalidCompositeType, lit, {t->str()});
    checkElems(nullptr);
    return;
  }
  x.mode = ExprMode::Value;
  x.type = resultType;
}

void Checker::funcLit(Operand &x, FuncLitExpr *lit) {
  if (InGuard)
    error(DiagId::GuardFuncLit, lit);
  FuncInfo &info = newFuncInfo(lit);
  Scope *scope = P.Arena.scope(ScopeKind::Func, Cur ? Cur : PkgScope);
  Scope *saved = Cur;
  Cur = scope;
  const FuncType *sig = resolveSignature(lit->type, scope, &info);
  info.sig = sig;
  bool savedGuard = InGuard;
  InGuard = false;
  checkFuncBody(info, sig, lit->body, scope);
  InGuard = savedGuard;
  Cur = saved;
  x.mode = ExprMode::Value;
  x.type = sig;
}

} // namespace mp::sema
