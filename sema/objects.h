// sema/objects.h: what names denote (Object) and where they are visible
// (Scope).  Objects are owned by the CheckedProgram's arena and never move,
// so codegen may key its own tables by Object*.  One Object per declared
// name; every use of the name resolves to the same Object.
#ifndef MP_SEMA_OBJECTS_H
#define MP_SEMA_OBJECTS_H

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "frontend/ast.h"
#include "sema/constant.h"
#include "sema/types.h"

namespace mp::sema {

enum class ObjectKind : uint8_t {
#define OBJECT_KIND(Name) Name,
#include "sema/object_kinds.def"
};

enum class BuiltinKind : uint8_t {
#define BUILTIN(Id, Name, MinArgs, MaxArgs, HasResult) Id,
#include "sema/builtins.def"
};
const char *builtinName(BuiltinKind k);

// Where a Var lives, which decides how codegen allocates it.
enum class VarRole : uint8_t { Local, Param, Result, Receiver, Global };

struct StdPackage;

class Object {
public:
  ObjectKind kind;
  std::string name;
  const Type *type = nullptr; // TypeName: the named type; Package/Label: null
  SourceLoc pos;              // the declaring identifier (invalid if predeclared)
  // The declaring node: VarSpec/ConstSpec/TypeSpec/FuncDecl/ImportSpec,
  // AssignStmt (:=), RangeStmt, CommClause, FuncTypeExpr (params/results),
  // LabeledStmt; null for predeclared and stdlib objects.
  const Node *decl = nullptr;
  // Stdlib members (`fmt.Println`, `time.Duration.String`): their package;
  // null for the program's and the universe's objects.
  const StdPackage *stdPkg = nullptr;

  // ---- Var ----
  VarRole role = VarRole::Local;
  // Captured by a closure or address taken (explicitly, by an automatic &x
  // for a pointer method, or by slicing an array variable): it must live on
  // the heap.  Set during checking; final once check() returns.
  bool escapes = false;
  bool used = false;
  // The function (FuncDecl or FuncLitExpr) that declares it; null for globals
  // and package-level types (also set for a TypeName declared in a function).
  const Node *owner = nullptr;

  // ---- Const ----
  Constant value;

  // ---- Func (methods have recvNamed) ----
  const NamedType *recvNamed = nullptr;
  bool pointerRecv = false;

  // ---- Builtin ----
  BuiltinKind builtin = BuiltinKind::Len;

  // ---- Package ----
  const StdPackage *package = nullptr;

  Object(ObjectKind k, std::string n, const Type *t) : kind(k), name(std::move(n)), type(t) {}
  bool isVar() const { return kind == ObjectKind::Var; }
  bool isGlobal() const { return kind == ObjectKind::Var && role == VarRole::Global; }
};

enum class ScopeKind : uint8_t { Universe, Package, File, Func, Block };

// A lexical scope.  Lookups walk parents; the package scope is shared by all
// files while imports live in each file's scope (as in Go).
class Scope {
public:
  Scope(ScopeKind k, Scope *parent) : Kind(k), Parent(parent) {}
  ScopeKind kind() const { return Kind; }
  Scope *parent() const { return Parent; }
  Object *lookupLocal(llvm::StringRef name) const;
  Object *lookup(llvm::StringRef name) const;
  // Returns the previous object of that name in this scope, or null after
  // inserting.
  Object *insert(Object *obj);
  const std::vector<Object *> &objects() const { return Ordered; }

private:
  ScopeKind Kind;
  Scope *Parent;
  std::unordered_map<std::string, Object *> Names;
  std::vector<Object *> Ordered; // declaration order (unused-variable reports)
};

// A standard package known to sema (stdlib_packages.def).
struct StdPackage {
  std::string path; // "math/rand"
  std::string name; // "rand"
  Scope members{ScopeKind::Package, nullptr};
};

// Owns Objects and Scopes; pointers stay valid for the arena's lifetime.
class ObjectArena {
public:
  Object *make(ObjectKind k, std::string name, const Type *t) {
    return &Objects.emplace_back(k, std::move(name), t);
  }
  Scope *scope(ScopeKind k, Scope *parent) { return &Scopes.emplace_back(k, parent); }
  size_t size() const { return Objects.size(); }

private:
  std::deque<Object> Objects;
  std::deque<Scope> Scopes;
};

} // namespace mp::sema

#endif
