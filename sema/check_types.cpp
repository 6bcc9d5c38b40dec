// sema/check_types.cpp: type expressions (`[]T`, `map[K]V`, `<-chan T`,
// `func(int) string`, `struct{...}`, names) to sema Types, signatures with
// their parameter objects, and comparability (map keys, ==).
#include "sema/checker.h"

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

const Type *Checker::resolveType(Expr *e) {
  const Type *t = T.invalid();
  switch (e->kind()) {
  case NodeKind::ParenExpr:
    t = resolveType(cast<ParenExpr>(e)->x);
    break;
  case NodeKind::IdentExpr:
  case NodeKind::SelectorExpr: {
    Operand x;
    exprOrType(x, e);
    if (x.mode == ExprMode::Type)
      t = x.type;
    else if (x.mode == ExprMode::Package)
      error(DiagId::PackageNotExpr, e, {exprText(e)});
    else if (!x.invalid())
      error(DiagId::NotAType, e, {describe(x)});
    break;
  }
  case NodeKind::StarExpr:
    t = T.pointer(resolveType(cast<StarExpr>(e)->x));
    break;
  case NodeKind::ArrayTypeExpr: {
    auto *a = cast<ArrayTypeExpr>(e);
    if (isa<EllipsisExpr>(a->len)) {
      error(DiagId::InvalidDotsArray, a);
      resolveType(a->elem);
      break;
    }
    int64_t n = arrayLength(a->len);
    const Type *elem = resolveType(a->elem);
    t = n < 0 || elem->isInvalid() ? static_cast<const Type *>(T.invalid()) : T.array(elem, n);
    break;
  }
  case NodeKind::SliceTypeExpr:
    t = T.slice(resolveType(cast<SliceTypeExpr>(e)->elem));
    break;
  case NodeKind::MapTypeExpr: {
    auto *m = cast<MapTypeExpr>(e);
    const Type *k = resolveType(m->key), *v = resolveType(m->value);
    t = checkMapKey(k, m->key) ? static_cast<const Type *>(T.map(k, v)) : T.invalid();
    break;
  }
  case NodeKind::ChanTypeExpr: {
    auto *c = cast<ChanTypeExpr>(e);
    ChanDir dir = c->dir == mp::ChanDir::Send ? ChanDir::Send
                  : c->dir == mp::ChanDir::Recv ? ChanDir::Recv : ChanDir::Both;
    t = T.chan(resolveType(c->elem), dir);
    break;
  }
  case NodeKind::FuncTypeExpr: {
    auto *ft = cast<FuncTypeExpr>(e);
    if (ft->typeParams)
      error(DiagId::UnsupportedGenerics, e);
    t = resolveSignature(ft, nullptr, nullptr);
    break;
  }
  case NodeKind::StructTypeExpr:
    t = resolveStruct(cast<StructTypeExpr>(e));
    break;
  case NodeKind::InterfaceTypeExpr: {
    auto *it = cast<InterfaceTypeExpr>(e);
    if (it->methods && !it->methods->fields.empty())
      error(DiagId::UnsupportedInterface, e);
    else
      t = T.anyType(); // interface{} is any
    break;
  }
  case NodeKind::IndexExpr:
    error(DiagId::UnsupportedGenerics, e);
    break;
  case NodeKind::BadExpr:
    break;
  default:
    error(DiagId::NotAType, e, {exprText(e)});
    break;
  }
  recordType(e, t);
  return t;
}

// Declares the objects of one parameter/result list (when `info`) and
// returns their types.
static void fieldTypes(Checker &c, FieldList *list, Scope *scope, FuncInfo *info,
                       VarRole role, std::vector<const Type *> &types,
                       std::vector<Object *> *objs, bool *variadic) {
  if (!list)
    return;
  for (size_t fi = 0; fi < list->fields.size(); ++fi) {
    mp::Field *f = list->fields[fi];
    Expr *te = f->type;
    bool dots = false;
    if (auto *ell = dyn_cast<EllipsisExpr>(te); ell && ell->elt) {
      dots = true;
      te = ell->elt;
    }
    const Type *t = c.resolveType(te);
    if (dots) {
      t = c.T.slice(t);
      c.recordType(f->type, t);
      if (variadic)
        *variadic = true;
    }
    size_t n = f->names.empty() ? 1 : f->names.size();
    for (size_t i = 0; i < n; ++i) {
      types.push_back(t);
      if (!info)
        continue;
      IdentExpr *name = f->names.empty() ? nullptr : f->names[i];
      Object *o = c.newObject(ObjectKind::Var, name && !name->isBlank() ? name->name.str() : "", t);
      o->role = role;
      o->owner = info->node;
      o->used = true; // parameters are never "declared but not used"
      if (name) {
        o->pos = name->loc();
        o->decl = name;
        c.recordIdent(name, o);
        if (!name->isBlank())
          c.declare(scope, o);
      }
      objs->push_back(o);
    }
  }
}

const FuncType *Checker::resolveSignature(FuncTypeExpr *ft, Scope *scope, FuncInfo *info,
                                          FieldList *recv) {
  std::vector<const Type *> params, results, recvTypes;
  bool variadic = false;
  if (info && recv) {
    std::vector<Object *> recvObjs;
    fieldTypes(*this, recv, scope, info, VarRole::Receiver, recvTypes, &recvObjs, nullptr);
    if (!recvObjs.empty() && !recvObjs.front()->name.empty())
      info->receiver = recvObjs.front();
  }
  fieldTypes(*this, ft->params, scope, info, VarRole::Param, params,
             info ? &info->params : nullptr, &variadic);
  fieldTypes(*this, ft->results, scope, info, VarRole::Result, results,
             info ? &info->results : nullptr, nullptr);
  if (info && ft->results)
    for (mp::Field *f : ft->results->fields)
      info->namedResults |= !f->names.empty();
  auto *sig = T.func(std::move(params), std::move(results), variadic);
  recordType(ft, sig);
  return sig;
}

const Type *Checker::resolveStruct(StructTypeExpr *st) {
  std::vector<Field> fields;
  std::unordered_set<std::string> seen;
  bool bad = false;
  for (mp::Field *f : st->fields->fields) {
    const Type *t = resolveType(f->type);
    bad |= t->isInvalid();
    if (f->names.empty()) {
      error(DiagId::UnsupportedEmbedded, f->type);
      bad = true;
      continue;
    }
    for (IdentExpr *n : f->names) {
      if (!n->isBlank() && !seen.insert(n->name.str()).second)
        error(DiagId::FieldRedeclared, n, {n->name});
      fields.push_back({n->name.str(), t});
    }
  }
  return bad ? static_cast<const Type *>(T.invalid()) : T.structType(std::move(fields));
}

// Go's wording: a name that is not a constant is an "invalid array length
// n"; another non-constant is "... must be constant"; a constant that is
// not an integer "... must be integer"; a negative or huge one invalid.
int64_t Checker::arrayLength(Expr *len) {
  Operand x;
  expr(x, len);
  if (x.invalid())
    return -1;
  if (!x.isConst()) {
    if (isa<IdentExpr>(len))
      error(DiagId::InvalidArrayLen, len, {exprText(len)});
    else
      error(DiagId::ArrayLenNotConst, len, {describe(x)});
    return -1;
  }
  auto v = x.val.toInt();
  if (!x.type->isNumeric() || !v || !v->fitsInt64() || v->int64Value() < 0) {
    bool integer = x.type->isInteger() || (x.type->isUntyped() && v);
    error(integer ? DiagId::InvalidArrayLen : DiagId::ArrayLenNotInteger, len, {describe(x)});
    return -1;
  }
  if (x.type->isUntyped())
    convertUntyped(x, T.basic(BasicKind::Int));
  return v->int64Value();
}

bool Checker::comparable(const Type *t, std::string *why) {
  const Type *u = t->underlying();
  switch (u->kind()) {
  case TypeKind::Basic:
    return !u->isNil();
  case TypeKind::Named: // underlying not known yet (recursive declaration)
  case TypeKind::Pointer:
  case TypeKind::Chan:
  case TypeKind::Interface:
    return true;
  case TypeKind::Struct:
    for (const Field &f : cast<StructType>(u)->fields())
      if (!comparable(f.type, nullptr)) {
        if (why)
          *why = "struct containing " + f.type->str() + " cannot be compared";
        return false;
      }
    return true;
  case TypeKind::Array:
    if (!comparable(cast<ArrayType>(u)->elem(), nullptr)) {
      if (why)
        *why = t->str() + " cannot be compared";
      return false;
    }
    return true;
  case TypeKind::Slice:
  case TypeKind::Map:
  case TypeKind::Func:
  case TypeKind::Tuple:
    return false;
  }
  return false;
}

bool Checker::checkMapKey(const Type *key, Expr *at) {
  if (key->isInvalid())
    return false;
  if (comparable(key))
    return true;
  error(DiagId::InvalidMapKey, at, {key->str()});
  return false;
}

} // namespace mp::sema
