// sema/universe.cpp: builds the universe scope and the standard packages.
// Stdlib signatures are written in Go syntax in stdlib_packages.def and
// parsed here by a tiny type-spelling parser, so that the table reads like
// Go's documentation; a malformed entry is a bug caught by SemaTests.
#include "sema/universe.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace mp::sema {

const char *builtinName(BuiltinKind k) {
  switch (k) {
#define BUILTIN(Id, Name, MinArgs, MaxArgs, HasResult)                          \
  case BuiltinKind::Id:                                                        \
    return Name;
#include "sema/builtins.def"
  }
  return "?";
}

Object *Scope::lookupLocal(llvm::StringRef name) const {
  auto it = Names.find(name.str());
  return it == Names.end() ? nullptr : it->second;
}

Object *Scope::lookup(llvm::StringRef name) const {
  for (const Scope *s = this; s; s = s->Parent)
    if (Object *o = s->lookupLocal(name))
      return o;
  return nullptr;
}

Object *Scope::insert(Object *obj) {
  auto [it, fresh] = Names.emplace(obj->name, obj);
  if (!fresh)
    return it->second;
  Ordered.push_back(obj);
  return nullptr;
}

namespace {

// Parses Go type spellings such as `func(s, sep string) []string` against a
// package's members, the other packages, and the universe.
class SpellingParser {
public:
  SpellingParser(TypeContext &types, const Universe &u, Scope *universe,
                 const StdPackage &pkg, std::string_view text)
      : Types(types), U(u), UniverseScope(universe), Pkg(pkg), Text(text) {}

  const Type *parseWhole() {
    const Type *t = parseType();
    skipSpace();
    if (Pos != Text.size())
      fail("trailing text");
    return t;
  }

private:
  [[noreturn]] void fail(const char *why) {
    throw std::logic_error(std::string("stdlib_packages.def: ") + why + " in `" +
                           std::string(Text) + "`");
  }
  void skipSpace() {
    while (Pos < Text.size() && Text[Pos] == ' ')
      ++Pos;
  }
  bool eat(std::string_view s) {
    skipSpace();
    if (Text.substr(Pos, s.size()) != s)
      return false;
    Pos += s.size();
    return true;
  }
  void expect(std::string_view s) {
    if (!eat(s))
      fail("syntax");
  }
  std::string ident() {
    skipSpace();
    size_t start = Pos;
    while (Pos < Text.size() && (std::isalnum((unsigned char)Text[Pos]) || Text[Pos] == '_'))
      ++Pos;
    return std::string(Text.substr(start, Pos - start));
  }
  bool peekIdentThenType() {
    // `name T` rather than a lone type: an identifier followed by a space
    // and something other than `,` or `)`.
    size_t save = Pos;
    std::string id = ident();
    bool named = !id.empty() && Pos < Text.size() && Text[Pos] == ' ';
    if (named) {
      skipSpace();
      named = Pos < Text.size() && Text[Pos] != ',' && Text[Pos] != ')';
    }
    Pos = save;
    return named;
  }

  const Type *named(const std::string &name) {
    if (Object *o = Pkg.members.lookupLocal(name); o && o->kind == ObjectKind::TypeName)
      return o->type;
    if (name == "any")
      return Types.anyType();
    if (Object *o = UniverseScope->lookupLocal(name); o && o->kind == ObjectKind::TypeName)
      return o->type;
    if (eat(".")) {
      std::string member = ident();
      for (const auto &p : U.packages())
        if (p->name == name)
          if (Object *o = p->members.lookupLocal(member))
            return o->type;
    }
    fail("unknown type name");
  }

  const Type *parseType() {
    if (eat("[]"))
      return Types.slice(parseType());
    if (eat("*"))
      return Types.pointer(parseType());
    if (eat("<-chan "))
      return Types.chan(parseType(), ChanDir::Recv);
    if (eat("chan<- "))
      return Types.chan(parseType(), ChanDir::Send);
    if (eat("chan "))
      return Types.chan(parseType(), ChanDir::Both);
    if (eat("map[")) {
      const Type *k = parseType();
      expect("]");
      return Types.map(k, parseType());
    }
    if (eat("struct{"))
      return parseStruct();
    if (eat("func("))
      return parseFuncRest();
    std::string id = ident();
    if (id.empty())
      fail("expected a type");
    return named(id);
  }

  const Type *parseStruct() {
    std::vector<Field> fields;
    while (!eat("}")) {
      std::string name = ident();
      fields.push_back({name, parseType()});
      eat(";");
    }
    return Types.structType(std::move(fields));
  }

  // After `(`: a parameter list up to `)`.  Lone identifiers are names
  // grouped with the next type (`s, sep string`) when the list has names,
  // else types (`(int, error)`).
  std::vector<const Type *> parseList(bool *variadic) {
    struct Entry {
      std::string lone;
      const Type *type = nullptr;
      bool dots = false;
    };
    std::vector<Entry> entries;
    bool anyNamed = false;
    while (!eat(")")) {
      Entry e;
      size_t save = Pos;
      if (peekIdentThenType()) {
        ident();
        anyNamed = true;
        e.dots = eat("...");
        e.type = parseType();
      } else if (std::string id = ident(); !id.empty() && (eat(",") || peekClose())) {
        e.lone = id;
        entries.push_back(e);
        continue;
      } else {
        Pos = save;
        e.dots = eat("...");
        e.type = parseType();
      }
      entries.push_back(e);
      eat(",");
    }
    std::vector<const Type *> out;
    size_t pending = 0;
    for (const Entry &e : entries) {
      if (!e.type && anyNamed) {
        ++pending;
        continue;
      }
      const Type *t = e.type ? e.type : named(e.lone);
      out.insert(out.end(), pending + 1, e.dots ? Types.slice(t) : t);
      pending = 0;
    }
    if (pending)
      fail("names without a type");
    if (variadic)
      *variadic = !entries.empty() && entries.back().dots;
    return out;
  }

  bool peekClose() {
    skipSpace();
    return Pos < Text.size() && Text[Pos] == ')';
  }

  const Type *parseFuncRest() {
    bool variadic = false;
    std::vector<const Type *> params = parseList(&variadic);
    std::vector<const Type *> results;
    skipSpace();
    if (eat("("))
      results = parseList(nullptr);
    else if (Pos < Text.size() && !std::strchr(",);}", Text[Pos]))
      results.push_back(parseType());
    return Types.func(std::move(params), std::move(results), variadic);
  }

  TypeContext &Types;
  const Universe &U;
  Scope *UniverseScope;
  const StdPackage &Pkg;
  std::string_view Text;
  size_t Pos = 0;
};

} // namespace

Universe::Universe(TypeContext &types, ObjectArena &arena) {
  Scope_ = arena.scope(ScopeKind::Universe, nullptr);
  declareUniverse(types, arena);
  declarePackages(types, arena);
}

void Universe::declareUniverse(TypeContext &types, ObjectArena &arena) {
  auto typeName = [&](const char *name, const Type *t) {
    Scope_->insert(arena.make(ObjectKind::TypeName, name, t));
  };
  for (unsigned k = unsigned(BasicKind::Bool); k <= unsigned(BasicKind::String); ++k) {
    const BasicType *b = types.basic(BasicKind(k));
    typeName(std::string(b->name()).c_str(), b);
  }
  typeName("byte", types.byteType());
  typeName("rune", types.runeType());
  typeName("error", types.errorType());
  typeName("any", types.anyType());
  const Type *ubool = types.basic(BasicKind::UntypedBool);
  for (bool b : {true, false}) {
    Object *c = arena.make(ObjectKind::Const, b ? "true" : "false", ubool);
    c->value = Constant::makeBool(b);
    Scope_->insert(c);
  }
  Iota = arena.make(ObjectKind::Const, "iota", types.basic(BasicKind::UntypedInt));
  Iota->value = Constant::makeInt(0);
  Scope_->insert(Iota);
  Scope_->insert(arena.make(ObjectKind::Nil, "nil", types.basic(BasicKind::UntypedNil)));
#define BUILTIN(Id, Name, MinArgs, MaxArgs, HasResult)                          \
  {                                                                            \
    Object *b = arena.make(ObjectKind::Builtin, Name, types.invalid());        \
    b->builtin = BuiltinKind::Id;                                              \
    Scope_->insert(b);                                                         \
  }
#include "sema/builtins.def"
}

void Universe::declarePackages(TypeContext &types, ObjectArena &arena) {
  auto pkgOf = [&](std::string_view path) -> StdPackage & {
    for (auto &p : Packages)
      if (p->path == path)
        return *p;
    throw std::logic_error("stdlib_packages.def: entry before its PACKAGE line");
  };
  auto parse = [&](StdPackage &p, std::string_view text) {
    return SpellingParser(types, *this, Scope_, p, text).parseWhole();
  };
  auto member = [&](StdPackage &p, ObjectKind k, const char *name, const Type *t) {
    Object *o = arena.make(k, name, t);
    o->stdPkg = &p;
    p.members.insert(o);
    return o;
  };
  // A typed constant (`time.Second`) or an untyped one (`math.Pi`).
  auto declareConst = [&](StdPackage &p, const char *name, std::string_view ty,
                          std::string_view v) {
    bool isFloat = v.find('.') != std::string_view::npos;
    const Type *t = !ty.empty() ? parse(p, ty)
                                : types.basic(isFloat ? BasicKind::UntypedFloat
                                                      : BasicKind::UntypedInt);
    bool neg = v[0] == '-';
    std::string_view digits = neg ? v.substr(1) : v;
    Constant c = isFloat ? Constant::fromFloatLiteral(digits) : Constant::fromIntLiteral(digits);
    member(p, ObjectKind::Const, name, t)->value = neg ? unaryOp(ConstOp::Neg, c, 0) : c;
  };
#define PACKAGE(Path, Name)                                                    \
  Packages.push_back(std::make_unique<StdPackage>());                          \
  Packages.back()->path = Path;                                                \
  Packages.back()->name = Name;
#define TYPE(Pkg, Name, Underlying)                                            \
  {                                                                            \
    StdPackage &p = pkgOf(Pkg);                                                \
    Object *o = member(p, ObjectKind::TypeName, Name, nullptr);                \
    NamedType *n = types.newNamed(Name, Pkg, o);                               \
    o->type = n;                                                               \
    n->setUnderlying(parse(p, Underlying));                                    \
  }
#define CONST(Pkg, Name, Ty, Value) declareConst(pkgOf(Pkg), Name, Ty, Value);
#define VAR(Pkg, Name, Ty)                                                     \
  {                                                                            \
    StdPackage &p = pkgOf(Pkg);                                                \
    Object *o = member(p, ObjectKind::Var, Name, parse(p, Ty));                \
    o->role = VarRole::Global;                                                 \
  }
#define FUNC(Pkg, Name, Sig)                                                   \
  {                                                                            \
    StdPackage &p = pkgOf(Pkg);                                                \
    member(p, ObjectKind::Func, Name, parse(p, Sig));                          \
  }
#define METHOD(Pkg, TypeName, Name, Sig, PtrRecv)                              \
  {                                                                            \
    StdPackage &p = pkgOf(Pkg);                                                \
    auto *n = llvm::cast<NamedType>(p.members.lookupLocal(TypeName)->type);    \
    auto *sig = llvm::cast<FuncType>(parse(p, Sig));                           \
    Object *f = arena.make(ObjectKind::Func, Name, sig);                       \
    f->stdPkg = &p;                                                            \
    f->recvNamed = n;                                                          \
    f->pointerRecv = PtrRecv;                                                  \
    const_cast<NamedType *>(n)->addMethod({Name, sig, PtrRecv, f});            \
  }
#include "sema/stdlib_packages.def"
}

const StdPackage *Universe::package(llvm::StringRef path) const {
  for (const auto &p : Packages)
    if (p->path == path)
      return p.get();
  return nullptr;
}

std::string Universe::providedList() const {
  std::vector<std::string> paths;
  for (const auto &p : Packages)
    paths.push_back(p->path);
  std::sort(paths.begin(), paths.end());
  std::string out;
  for (const std::string &p : paths)
    out += (out.empty() ? "" : ", ") + p;
  return out;
}

} // namespace mp::sema
