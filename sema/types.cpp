// sema/types.cpp: construction, interning and Go-style printing of types.
// Interning keys are byte strings built from the kind and the addresses of
// the (already interned) component types, so structural identity reduces
// to pointer equality; canonical() strips the byte/rune aliases.
#include "sema/types.h"

#include <cstring>

using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

namespace mp::sema {

const Type *Type::underlying() const {
  if (auto *n = dyn_cast<NamedType>(this))
    return n->under() ? n->under() : this;
  return this;
}

bool Type::hasFlag(unsigned f) const {
  auto *b = dyn_cast<BasicType>(underlying());
  return b && (b->flags() & f);
}

// A named type over an invalid one (`type S interface{ M() }`, a struct
// with an embedded field) is invalid too: its uses draw no second error.
bool Type::isInvalid() const {
  auto *b = dyn_cast<BasicType>(underlying());
  return b && b->basicKind() == BasicKind::Invalid;
}

const NamedType *stdWriterPointee(const Type *t) {
  auto *p = llvm::dyn_cast<PointerType>(t);
  auto *n = p ? llvm::dyn_cast<NamedType>(p->elem()) : nullptr;
  if (!n)
    return nullptr;
  bool ok = (n->pkg() == "os" && n->name() == "File") ||
            (n->pkg() == "bufio" && n->name() == "Writer") ||
            (n->pkg() == "strings" && n->name() == "Builder");
  return ok ? n : nullptr;
}

bool Type::isUntyped() const {
  auto *b = dyn_cast<BasicType>(this);
  return b && (b->flags() & IsUntyped);
}

bool Type::isNil() const {
  auto *b = dyn_cast<BasicType>(this);
  return b && b->basicKind() == BasicKind::UntypedNil;
}

int StructType::fieldIndex(std::string_view name) const {
  for (size_t i = 0; i < Fields.size(); ++i)
    if (Fields[i].name == name)
      return int(i);
  return -1;
}

const Method *NamedType::findMethod(std::string_view name) const {
  for (const Method &m : Methods)
    if (m.name == name)
      return &m;
  return nullptr;
}

// ---- printing (go/types TypeString conventions) ----

static void print(std::string &out, const Type *t, Qualify q);

static void printList(std::string &out, const std::vector<const Type *> &ts,
                      Qualify q, bool variadic) {
  for (size_t i = 0; i < ts.size(); ++i) {
    if (i)
      out += ", ";
    if (variadic && i + 1 == ts.size()) {
      out += "...";
      print(out, cast<SliceType>(ts[i])->elem(), q);
    } else {
      print(out, ts[i], q);
    }
  }
}

static void printSignature(std::string &out, const FuncType *f, Qualify q) {
  out += "(";
  printList(out, f->params(), q, f->isVariadic());
  out += ")";
  const auto &rs = f->results()->elems();
  if (rs.empty())
    return;
  out += " ";
  if (rs.size() == 1 && !isa<TupleType>(rs[0])) {
    print(out, rs[0], q);
    return;
  }
  out += "(";
  printList(out, rs, q, false);
  out += ")";
}

static void print(std::string &out, const Type *t, Qualify q) {
  switch (t->kind()) {
  case TypeKind::Basic:
    out += cast<BasicType>(t)->name();
    return;
  case TypeKind::Named: {
    auto *n = cast<NamedType>(t);
    if (!n->pkg().empty() && (q == Qualify::Always || n->pkg() != "main")) {
      out += n->pkg().substr(n->pkg().rfind('/') + 1);
      out += ".";
    }
    out += n->name();
    return;
  }
  case TypeKind::Pointer:
    out += "*";
    print(out, cast<PointerType>(t)->elem(), q);
    return;
  case TypeKind::Array:
    out += "[" + std::to_string(cast<ArrayType>(t)->length()) + "]";
    print(out, cast<ArrayType>(t)->elem(), q);
    return;
  case TypeKind::Slice:
    out += "[]";
    print(out, cast<SliceType>(t)->elem(), q);
    return;
  case TypeKind::Map:
    out += "map[";
    print(out, cast<MapType>(t)->key(), q);
    out += "]";
    print(out, cast<MapType>(t)->elem(), q);
    return;
  case TypeKind::Chan: {
    auto *c = cast<ChanType>(t);
    out += c->dir() == ChanDir::Recv ? "<-chan " : c->dir() == ChanDir::Send ? "chan<- " : "chan ";
    // `chan (<-chan int)`: without parentheses it would parse as chan<-.
    auto *ec = dyn_cast<ChanType>(c->elem());
    bool paren = c->dir() == ChanDir::Both && ec && ec->dir() == ChanDir::Recv;
    if (paren)
      out += "(";
    print(out, c->elem(), q);
    if (paren)
      out += ")";
    return;
  }
  case TypeKind::Struct: {
    out += "struct{";
    const auto &fs = cast<StructType>(t)->fields();
    for (size_t i = 0; i < fs.size(); ++i) {
      if (i)
        out += "; ";
      out += fs[i].name + " ";
      print(out, fs[i].type, q);
    }
    out += "}";
    return;
  }
  case TypeKind::Func:
    out += "func";
    printSignature(out, cast<FuncType>(t), q);
    return;
  case TypeKind::Tuple:
    out += "(";
    printList(out, cast<TupleType>(t)->elems(), q, false);
    out += ")";
    return;
  case TypeKind::Interface:
    out += cast<InterfaceType>(t)->isEmpty() ? "any" : "interface{Error() string}";
    return;
  }
}

std::string Type::str(Qualify q) const {
  std::string out;
  print(out, this, q);
  return out;
}

// ---- the context ----

TypeContext::TypeContext() {
  auto add = [&](BasicKind k, const char *name, unsigned flags, unsigned size) {
    return make<BasicType>(k, name, flags, size);
  };
#define BASIC_TYPE(Id, Name, Flags, Size)                                        \
  Basics.push_back(add(BasicKind::Id, Name, Flags, Size));
#include "sema/basic_types.def"
  BasicType *b = make<BasicType>(BasicKind::Uint8, "byte", IsInteger | IsUnsigned, 1u);
  b->Canon = basic(BasicKind::Uint8);
  Byte = b;
  BasicType *r = make<BasicType>(BasicKind::Int32, "rune", unsigned(IsInteger), 4u);
  r->Canon = basic(BasicKind::Int32);
  Rune = r;
  Any = make<InterfaceType>(true);
  ErrorIface = make<InterfaceType>(false);
  Error = newNamed("error", "", nullptr);
  Error->setUnderlying(ErrorIface);
  Error->addMethod({"Error", func({}, {basic(BasicKind::String)}, false), false, nullptr});
}

TypeContext::~TypeContext() = default;

template <class T, class... A> T *TypeContext::make(A &&...args) {
  T *t = new T(std::forward<A>(args)...);
  Owned.emplace_back(t);
  return t;
}

const Type *TypeContext::defaultType(const Type *t) const {
  auto *b = dyn_cast<BasicType>(t);
  if (!b)
    return t;
  switch (b->basicKind()) {
  case BasicKind::UntypedBool: return basic(BasicKind::Bool);
  case BasicKind::UntypedInt: return basic(BasicKind::Int);
  case BasicKind::UntypedRune: return Rune;
  case BasicKind::UntypedFloat: return basic(BasicKind::Float64);
  case BasicKind::UntypedString: return basic(BasicKind::String);
  default: return t;
  }
}

std::string TypeContext::keyOf(TypeKind k, std::initializer_list<const void *> ps,
                               int64_t extra) {
  std::string key(1, char(k));
  for (const void *p : ps)
    key.append(reinterpret_cast<const char *>(&p), sizeof p);
  key.append(reinterpret_cast<const char *>(&extra), sizeof extra);
  return key;
}

const Type *TypeContext::lookup(const std::string &key) const {
  auto it = Interned.find(key);
  return it == Interned.end() ? nullptr : it->second;
}

void TypeContext::remember(std::string key, Type *t) { Interned.emplace(std::move(key), t); }

const PointerType *TypeContext::pointer(const Type *e) {
  std::string key = keyOf(TypeKind::Pointer, {e});
  if (auto *t = lookup(key))
    return cast<PointerType>(t);
  auto *t = make<PointerType>(e);
  if (e->canonical() != e)
    t->Canon = pointer(e->canonical());
  remember(std::move(key), t);
  return t;
}

const SliceType *TypeContext::slice(const Type *e) {
  std::string key = keyOf(TypeKind::Slice, {e});
  if (auto *t = lookup(key))
    return cast<SliceType>(t);
  auto *t = make<SliceType>(e);
  if (e->canonical() != e)
    t->Canon = slice(e->canonical());
  remember(std::move(key), t);
  return t;
}

const ArrayType *TypeContext::array(const Type *e, int64_t n) {
  std::string key = keyOf(TypeKind::Array, {e}, n);
  if (auto *t = lookup(key))
    return cast<ArrayType>(t);
  auto *t = make<ArrayType>(e, n);
  if (e->canonical() != e)
    t->Canon = array(e->canonical(), n);
  remember(std::move(key), t);
  return t;
}

const MapType *TypeContext::map(const Type *k, const Type *e) {
  std::string key = keyOf(TypeKind::Map, {k, e});
  if (auto *t = lookup(key))
    return cast<MapType>(t);
  auto *t = make<MapType>(k, e);
  if (k->canonical() != k || e->canonical() != e)
    t->Canon = map(k->canonical(), e->canonical());
  remember(std::move(key), t);
  return t;
}

const ChanType *TypeContext::chan(const Type *e, ChanDir d) {
  std::string key = keyOf(TypeKind::Chan, {e}, int64_t(d));
  if (auto *t = lookup(key))
    return cast<ChanType>(t);
  auto *t = make<ChanType>(e, d);
  if (e->canonical() != e)
    t->Canon = chan(e->canonical(), d);
  remember(std::move(key), t);
  return t;
}

const StructType *TypeContext::structType(std::vector<Field> fields) {
  std::string key = keyOf(TypeKind::Struct, {}, int64_t(fields.size()));
  bool aliased = false;
  for (const Field &f : fields) {
    key += keyOf(TypeKind::Struct, {f.type}) + f.name + '\0';
    aliased |= f.type->canonical() != f.type;
  }
  if (auto *t = lookup(key))
    return cast<StructType>(t);
  std::vector<Field> canon;
  if (aliased)
    for (const Field &f : fields)
      canon.push_back({f.name, f.type->canonical()});
  auto *t = make<StructType>(std::move(fields));
  if (aliased)
    t->Canon = structType(std::move(canon));
  remember(std::move(key), t);
  return t;
}

static bool anyAliased(const std::vector<const Type *> &ts) {
  for (const Type *t : ts)
    if (t->canonical() != t)
      return true;
  return false;
}

static std::vector<const Type *> canonicalOf(const std::vector<const Type *> &ts) {
  std::vector<const Type *> out;
  for (const Type *t : ts)
    out.push_back(t->canonical());
  return out;
}

const TupleType *TypeContext::tuple(std::vector<const Type *> elems) {
  std::string key = keyOf(TypeKind::Tuple, {}, int64_t(elems.size()));
  for (const Type *e : elems)
    key += keyOf(TypeKind::Tuple, {e});
  if (auto *t = lookup(key))
    return cast<TupleType>(t);
  bool aliased = anyAliased(elems);
  auto canon = aliased ? canonicalOf(elems) : std::vector<const Type *>{};
  auto *t = make<TupleType>(std::move(elems));
  if (aliased)
    t->Canon = tuple(std::move(canon));
  remember(std::move(key), t);
  return t;
}

const FuncType *TypeContext::func(std::vector<const Type *> params,
                                  std::vector<const Type *> results, bool variadic) {
  const TupleType *res = tuple(std::move(results));
  std::string key = keyOf(TypeKind::Func, {res}, int64_t(params.size()) * 2 + variadic);
  for (const Type *p : params)
    key += keyOf(TypeKind::Func, {p});
  if (auto *t = lookup(key))
    return cast<FuncType>(t);
  bool aliased = anyAliased(params) || res->canonical() != res;
  auto canonParams = aliased ? canonicalOf(params) : std::vector<const Type *>{};
  auto *t = make<FuncType>(std::move(params), res, variadic);
  if (aliased)
    t->Canon = func(std::move(canonParams), canonicalOf(res->elems()), variadic);
  remember(std::move(key), t);
  return t;
}

NamedType *TypeContext::newNamed(std::string name, std::string pkg, Object *obj) {
  return make<NamedType>(std::move(name), std::move(pkg), obj);
}

} // namespace mp::sema
