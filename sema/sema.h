// sema/sema.h: the type checker's public API — what codegen consumes.
// check() resolves and type-checks parsed files and returns a
// CheckedProgram: side tables indexed by the AST's dense node ids (Expr::id,
// Stmt::id) that give every expression its type, mode and folded constant,
// bind every identifier to its Object, make implicit conversions explicit,
// and describe calls, selectors, ranges and select cases.  The AST itself
// is never modified.
#ifndef MP_SEMA_SEMA_H
#define MP_SEMA_SEMA_H

#include <memory>
#include <vector>

#include "frontend/ast.h"
#include "frontend/diagnostics.h"
#include "sema/objects.h"
#include "sema/universe.h"

namespace mp::sema {

// What an expression is (go/types' operand modes).
enum class ExprMode : uint8_t {
  Invalid,  // erroneous: reported once, then silently poisoned
  NoValue,  // call of a function without results
  Value,    // an rvalue
  Variable, // addressable: variable, *p, s[i] of a slice, field of addressable
  MapIndex, // m[k]: assignable but not addressable
  Constant, // folded; ExprInfo::value holds it
  Type,     // a type expression; ExprInfo::type is the denoted type
  Builtin,  // `len` etc. (only as a call's fun)
  Package,  // `fmt` (only as a selector's x)
};

struct ExprInfo {
  // The expression's type.  Untyped constants already carry their final
  // type (the one given by context, or the default type): `var x int8 = 1`
  // records `1` as int8; `nil` records the type it is used as.  Only
  // comparisons of untyped operands that are themselves constant keep an
  // untyped type (they never reach codegen: they are folded).
  const Type *type = nullptr;
  ExprMode mode = ExprMode::Invalid;
  // `v, ok := m[k]` / `v, ok := <-ch`: this expression yields (type, bool).
  bool commaOk = false;
  // mode == Constant: the value, exactly representable in `type` (typed
  // floats are already rounded to float32/float64).
  const Constant *value = nullptr;
  // Set when the value is used as a different type than `type` (assignment,
  // argument, return, send, composite literal element, comparison with an
  // interface, ...): codegen must convert it to `convertTo`.  Representation
  // changes only for conversions to an interface (error, any); channel
  // direction and named<->unnamed assignability keep the representation.
  const Type *convertTo = nullptr;
};

enum class SelectionKind : uint8_t {
  Qualified, // pkg.Name: objectOf(sel) is the package member
  Field,     // x.f
  Method,    // x.m: a method value, or (as a call's fun) a method call
};

struct Selection {
  SelectionKind kind = SelectionKind::Qualified;
  Object *obj = nullptr;         // Qualified: the member; Method: the Func object
  int fieldIndex = -1;           // Field: index into the struct's fields
  const Method *method = nullptr; // Method: recvNamed's method entry
  const NamedType *recvNamed = nullptr; // Method: the receiver's named type
  bool autoAddr = false;         // receiver is &x (pointer method, addressable x)
  bool autoDeref = false;        // x is a pointer: field / value method of *x
};

enum class CallKind : uint8_t { Func, Method, Builtin, Conversion };

struct CallInfo {
  CallKind kind = CallKind::Func;
  BuiltinKind builtin = BuiltinKind::Len; // kind == Builtin
  const FuncType *sig = nullptr;          // Func/Method: the callee signature
  // Variadic call without `xs...`: the arguments from sig->params().size()-1
  // on are packed into a new slice (possibly empty).
  bool packsVariadic = false;
  // Single call argument `f(g())` where g returns several values: they are
  // spread over f's parameters.
  bool spreadsTuple = false;
};

enum class CommKind : uint8_t { Send, Recv, Default };
enum class GuardKind : uint8_t {
  None,
  Boolean, // evaluated once when the select starts; false disables the case
  Value,   // mentions the case's received variables: tested per message
};

// One select case (CommClause), or a guarded receive statement (one-case
// select).
struct SelectCaseInfo {
  CommKind kind = CommKind::Default;
  const ChanType *chan = nullptr; // the channel operand's (underlying) type
  const Type *elem = nullptr;     // chan->elem()
  GuardKind guard = GuardKind::None;
  Expr *chanExpr = nullptr;  // `ch` of `ch <- v` / `<-ch`
  Expr *sendValue = nullptr; // Send: `v`
  // Recv with `:=`: the new variables (null for `_` or when absent).
  Object *valueVar = nullptr, *okVar = nullptr;
  // Recv with `=`: the assigned expressions (null when absent).
  Expr *valueLhs = nullptr, *okLhs = nullptr;
};

enum class RangeKind : uint8_t { Int, Slice, Array, ArrayPointer, String, Map, Chan };

struct RangeInfo {
  RangeKind kind = RangeKind::Slice;
  // Iteration values' types: (int, elem) for slices/arrays, (int, rune) for
  // strings (key is the byte offset), (key, elem) for maps, (elem) for
  // channels, (int) for integers.
  const Type *keyType = nullptr, *valueType = nullptr;
  Object *keyVar = nullptr, *valueVar = nullptr; // with `:=` (null for `_`)
};

// A function body: a FuncDecl or a FuncLitExpr.
struct FuncInfo {
  const Node *node = nullptr;
  const FuncType *sig = nullptr;
  Object *obj = nullptr;      // FuncDecl: its Func object; FuncLit: null
  Object *receiver = nullptr; // methods: the receiver Var (null if unnamed)
  // One Var per parameter/result, in order (unnamed and `_` ones get an
  // Object with an empty name so codegen can still index them).
  std::vector<Object *> params, results;
  bool namedResults = false;
  // FuncLit: variables of enclosing functions it refers to (all escape).
  std::vector<Object *> captures;
  bool hasDefer = false;
  bool callsRecover = false;
};

// One package-level variable initialisation, in Go's order (dependencies
// first, then declaration order).
struct GlobalInit {
  std::vector<Object *> lhs; // null entries for `_`
  Expr *rhs = nullptr;       // one expression (multi-value when lhs.size()>1)
};

class CheckedProgram {
public:
  CheckedProgram(ASTContext &ast);
  ~CheckedProgram();

  TypeContext &types() { return Types; }
  const Universe &universe() const { return *U; }

  const ExprInfo &info(const Expr *e) const { return Exprs[e->id]; }
  const Type *typeOf(const Expr *e) const { return Exprs[e->id].type; }
  const Constant *constantOf(const Expr *e) const { return Exprs[e->id].value; }
  // The Object an identifier defines or uses (null for `_`, for the
  // package name in `package main`, and for unresolved names).
  Object *objectOf(const IdentExpr *id) const { return Idents[id->id]; }
  const Selection *selection(const SelectorExpr *s) const;
  const CallInfo *call(const CallExpr *c) const;
  const SelectCaseInfo *selectCase(const CommClause *c) const;
  const SelectCaseInfo *guardedRecv(const GuardedRecvStmt *s) const;
  const RangeInfo *range(const RangeStmt *r) const;
  const FuncInfo *func(const Node *fn) const; // FuncDecl or FuncLitExpr
  // break/continue/fallthrough: the ForStmt/RangeStmt/SwitchStmt/SelectStmt
  // (fallthrough: the next CaseClause) the branch goes to.
  const Stmt *branchTarget(const BranchStmt *b) const { return Branches[b->id]; }

  // Package level, in source order across files.
  const std::vector<const FuncDecl *> &funcDecls() const { return FuncDecls; }
  const std::vector<Object *> &globals() const { return Globals; }
  const std::vector<GlobalInit> &initOrder() const { return Inits; }
  const std::vector<NamedType *> &namedTypes() const { return Named; }
  Object *mainFunc() const { return Main; }
  // Every checked expression, by id (null where unchecked: dead syntax).
  const std::vector<const Expr *> &checkedExprs() const { return ExprNodes; }
  // Stdlib packages the program imports (codegen links their entry points).
  const std::vector<const StdPackage *> &imports() const { return Imports; }

private:
  friend class Checker;
  TypeContext Types;
  ObjectArena Arena;
  std::unique_ptr<Universe> U;
  std::vector<ExprInfo> Exprs;
  std::vector<const Expr *> ExprNodes; // by id, for dumps (null if unchecked)
  std::vector<Object *> Idents;
  std::vector<const Stmt *> Branches;
  std::deque<Constant> Constants;
  std::unordered_map<uint32_t, Selection> Selections; // by Expr id
  std::unordered_map<uint32_t, CallInfo> Calls;       // by Expr id
  std::unordered_map<uint32_t, SelectCaseInfo> Cases; // by Stmt id
  std::unordered_map<uint32_t, RangeInfo> Ranges;     // by Stmt id
  std::unordered_map<const Node *, FuncInfo> Funcs;
  std::vector<const FuncDecl *> FuncDecls;
  std::vector<Object *> Globals;
  std::vector<GlobalInit> Inits;
  std::vector<NamedType *> Named;
  std::vector<const StdPackage *> Imports;
  Object *Main = nullptr;
};

struct CheckOptions {
  // Report a missing `func main` (compiling a program; not for snippets).
  bool requireMain = false;
};

// Checks `files` (all of one program, parsed into `ast`).  Never fails
// outright: problems go to `diags`; the result is usable for dumps even with
// errors (erroneous expressions have mode Invalid), but codegen must only run
// when diags.hasErrors() is false.
std::unique_ptr<CheckedProgram> check(ASTContext &ast, llvm::ArrayRef<SourceFile *> files,
                                      const SourceManager &sm, DiagnosticEngine &diags,
                                      CheckOptions opts = {});

// `mpc check --dump-types`: each top-level declaration with its type, then
// each expression `LINE:COL: <source text> : <type> [= <constant>]`, in
// source order, one per line.
void dumpTypes(const CheckedProgram &prog, llvm::ArrayRef<SourceFile *> files,
               const SourceManager &sm, llvm::raw_ostream &os);

} // namespace mp::sema

#endif
