// frontend/ast.h: the MP abstract syntax tree, the frontend's output.
// The AST is data: node classes with a kind tag and LLVM-style classof (use
// llvm::isa/cast/dyn_cast), no virtual methods.  Nodes live in an ASTContext
// arena and are never freed one by one.  Every Expr/Stmt/Decl carries a dense
// id (numbered per ASTContext) so later stages keep side tables in vectors.
// Types are written as Exprs (go/ast style): `[]byte(s)`, `T{}` and `*p`
// cannot be told apart from types before name resolution, which is sema's job.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>

#include "source.h"
#include "token.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/Casting.h"

namespace mp {

enum class NodeKind : uint8_t {
#define NODE(Name) Name,
#include "ast_kinds.def"
};
llvm::StringRef nodeKindName(NodeKind k);

/// Base of every node: its kind and the source text it covers.
class Node {
public:
  NodeKind kind() const { return kind_; }
  SourceRange range;
  SourceLoc loc() const { return range.begin; }

protected:
  Node(NodeKind k, SourceRange r) : range(r), kind_(k) {}

private:
  NodeKind kind_;
};

// Range checks for classof, derived from the order of ast_kinds.def.
namespace detail {
enum : uint8_t {
#define EXPR(Name) ExprMark_##Name,
#include "ast_kinds.def"
  NumExprKinds
};
enum : uint8_t {
#define TYPE_EXPR(Name) TypeMark_##Name,
#include "ast_kinds.def"
  NumTypeExprKinds
};
enum : uint8_t {
#define STMT(Name) StmtMark_##Name,
#include "ast_kinds.def"
  NumStmtKinds
};
} // namespace detail
constexpr uint8_t kFirstTypeExprKind = int(detail::NumExprKinds) - int(detail::NumTypeExprKinds);
constexpr uint8_t kFirstStmtKind = detail::NumExprKinds;
constexpr uint8_t kFirstDeclKind = int(detail::NumExprKinds) + int(detail::NumStmtKinds);

/// Base of expressions (and of type syntax, see TYPE_EXPR).
class Expr : public Node {
public:
  uint32_t id; ///< dense, per ASTContext: index for sema's side tables
  static bool classof(const Node *n) { return uint8_t(n->kind()) < kFirstStmtKind; }

protected:
  Expr(NodeKind k, SourceRange r, uint32_t id) : Node(k, r), id(id) {}
};

class Stmt : public Node {
public:
  uint32_t id;
  static bool classof(const Node *n) {
    return uint8_t(n->kind()) >= kFirstStmtKind && uint8_t(n->kind()) < kFirstDeclKind;
  }

protected:
  Stmt(NodeKind k, SourceRange r, uint32_t id) : Node(k, r), id(id) {}
};

class Decl : public Node {
public:
  uint32_t id;
  static bool classof(const Node *n) { return uint8_t(n->kind()) >= kFirstDeclKind; }

protected:
  Decl(NodeKind k, SourceRange r, uint32_t id) : Node(k, r), id(id) {}
};

/// True for the TYPE_EXPR kinds (syntax that can only be a type).
inline bool isTypeSyntax(const Node *n) {
  return uint8_t(n->kind()) >= kFirstTypeExprKind && uint8_t(n->kind()) < kFirstStmtKind;
}

#define MP_NODE_CLASSOF(Name)                                                  \
  static bool classof(const Node *n) { return n->kind() == NodeKind::Name; }

class IdentExpr;
class BasicLitExpr;
class BlockStmt;
class FuncTypeExpr;

/// One entry of a parameter, result, struct-field or type-parameter list:
/// `a, b int`, `x ...T`, `T` (unnamed), `Name string "tag"`, embedded `T`.
/// Parameter fields have `names` empty when the list is unnamed.
struct Field {
  SourceRange range;
  llvm::ArrayRef<IdentExpr *> names;
  Expr *type = nullptr;          ///< EllipsisExpr for a variadic `...T`
  BasicLitExpr *tag = nullptr;   ///< struct fields only
};

/// `( fields )`, `{ fields }` or `[ type params ]`.
struct FieldList {
  SourceLoc open, close;
  llvm::ArrayRef<Field *> fields;
  /// Number of names, counting an unnamed entry as one.
  unsigned numEntries() const;
};

// ---------------------------------------------------------------- Exprs

/// Placeholder where a syntax error left no expression.
class BadExpr : public Expr {
public:
  BadExpr(SourceRange r, uint32_t id) : Expr(NodeKind::BadExpr, r, id) {}
  MP_NODE_CLASSOF(BadExpr)
};

/// `name` — also `_` and the names of types, packages and builtins.
class IdentExpr : public Expr {
public:
  llvm::StringRef name;
  IdentExpr(SourceRange r, uint32_t id, llvm::StringRef n)
      : Expr(NodeKind::IdentExpr, r, id), name(n) {}
  bool isBlank() const { return name == "_"; }
  MP_NODE_CLASSOF(IdentExpr)
};

enum class LitKind : uint8_t { Int, Float, Imag, Rune, String };

/// `42`, `0x_FF`, `1.5e3`, `0x1p-2`, `'a'`, `"s\n"`, `` `raw` ``.
/// `spelling` is the source text; strings and runes are also decoded (the
/// lexer has already validated them).  Integers may exceed 64 bits: sema
/// parses `spelling` (see literal.h) with arbitrary precision.
class BasicLitExpr : public Expr {
public:
  LitKind litKind;
  llvm::StringRef spelling;
  llvm::StringRef stringValue; ///< String: the decoded bytes
  uint32_t runeValue = 0;      ///< Rune: the code point
  BasicLitExpr(SourceRange r, uint32_t id, LitKind k, llvm::StringRef s)
      : Expr(NodeKind::BasicLitExpr, r, id), litKind(k), spelling(s) {}
  MP_NODE_CLASSOF(BasicLitExpr)
};

/// `T{a, b}`, `T{k: v}`, `[...]T{1, 2}`; `type` is null for an elided type
/// in a nested literal (`[]Point{{1, 2}}`, `map[string]P{"a": {1, 2}}`).
class CompositeLitExpr : public Expr {
public:
  Expr *type;
  llvm::ArrayRef<Expr *> elts; ///< KeyValueExpr where keyed
  SourceLoc lbrace, rbrace;
  CompositeLitExpr(SourceRange r, uint32_t id, Expr *t, llvm::ArrayRef<Expr *> e,
                   SourceLoc lb, SourceLoc rb)
      : Expr(NodeKind::CompositeLitExpr, r, id), type(t), elts(e), lbrace(lb), rbrace(rb) {}
  MP_NODE_CLASSOF(CompositeLitExpr)
};

/// `key: value` inside a composite literal.
class KeyValueExpr : public Expr {
public:
  Expr *key, *value;
  KeyValueExpr(SourceRange r, uint32_t id, Expr *k, Expr *v)
      : Expr(NodeKind::KeyValueExpr, r, id), key(k), value(v) {}
  MP_NODE_CLASSOF(KeyValueExpr)
};

/// `func(params) results { body }`
class FuncLitExpr : public Expr {
public:
  FuncTypeExpr *type;
  BlockStmt *body;
  FuncLitExpr(SourceRange r, uint32_t id, FuncTypeExpr *t, BlockStmt *b)
      : Expr(NodeKind::FuncLitExpr, r, id), type(t), body(b) {}
  MP_NODE_CLASSOF(FuncLitExpr)
};

/// `( x )`
class ParenExpr : public Expr {
public:
  Expr *x;
  ParenExpr(SourceRange r, uint32_t id, Expr *x)
      : Expr(NodeKind::ParenExpr, r, id), x(x) {}
  MP_NODE_CLASSOF(ParenExpr)
};

/// `x.sel` — field, method value, or qualified name `pkg.Name`.
class SelectorExpr : public Expr {
public:
  Expr *x;
  IdentExpr *sel;
  SelectorExpr(SourceRange r, uint32_t id, Expr *x, IdentExpr *s)
      : Expr(NodeKind::SelectorExpr, r, id), x(x), sel(s) {}
  MP_NODE_CLASSOF(SelectorExpr)
};

/// `x[i]`; with several indices `f[int, string]` it is a generic
/// instantiation (rejected by sema).
class IndexExpr : public Expr {
public:
  Expr *x;
  llvm::ArrayRef<Expr *> indices; ///< size 1 for ordinary indexing
  IndexExpr(SourceRange r, uint32_t id, Expr *x, llvm::ArrayRef<Expr *> i)
      : Expr(NodeKind::IndexExpr, r, id), x(x), indices(i) {}
  Expr *index() const { return indices[0]; }
  MP_NODE_CLASSOF(IndexExpr)
};

/// `x[lo:hi]`, `x[lo:hi:max]`; missing bounds are null.
class SliceExpr : public Expr {
public:
  Expr *x, *low, *high, *max;
  bool slice3;
  SliceExpr(SourceRange r, uint32_t id, Expr *x, Expr *lo, Expr *hi, Expr *mx, bool s3)
      : Expr(NodeKind::SliceExpr, r, id), x(x), low(lo), high(hi), max(mx), slice3(s3) {}
  MP_NODE_CLASSOF(SliceExpr)
};

/// `x.(T)`; `type` is null for `x.(type)` in a type switch header.
/// Parsed so that sema can reject it (MP has no interfaces beyond error/any).
class TypeAssertExpr : public Expr {
public:
  Expr *x;
  Expr *type;
  TypeAssertExpr(SourceRange r, uint32_t id, Expr *x, Expr *t)
      : Expr(NodeKind::TypeAssertExpr, r, id), x(x), type(t) {}
  MP_NODE_CLASSOF(TypeAssertExpr)
};

/// `f(a, b)`, `f(xs...)`, conversions `T(x)`, builtins `make([]int, n)`.
class CallExpr : public Expr {
public:
  Expr *fun;
  llvm::ArrayRef<Expr *> args;
  SourceLoc lparen, rparen;
  bool hasEllipsis; ///< `f(xs...)`
  CallExpr(SourceRange r, uint32_t id, Expr *f, llvm::ArrayRef<Expr *> a,
           SourceLoc lp, SourceLoc rp, bool ell)
      : Expr(NodeKind::CallExpr, r, id), fun(f), args(a), lparen(lp), rparen(rp),
        hasEllipsis(ell) {}
  MP_NODE_CLASSOF(CallExpr)
};

/// `*x`: a pointer dereference, or the pointer type `*T`.
class StarExpr : public Expr {
public:
  Expr *x;
  StarExpr(SourceRange r, uint32_t id, Expr *x) : Expr(NodeKind::StarExpr, r, id), x(x) {}
  MP_NODE_CLASSOF(StarExpr)
};

/// `op x` with op one of `+ - ! ^ & <-` (receive), or `~` in a constraint.
class UnaryExpr : public Expr {
public:
  TokenKind op;
  Expr *x;
  UnaryExpr(SourceRange r, uint32_t id, TokenKind op, Expr *x)
      : Expr(NodeKind::UnaryExpr, r, id), op(op), x(x) {}
  MP_NODE_CLASSOF(UnaryExpr)
};

/// `x op y` for Go's binary operators (`|` also forms constraint unions).
class BinaryExpr : public Expr {
public:
  TokenKind op;
  Expr *x, *y;
  SourceLoc opLoc;
  BinaryExpr(SourceRange r, uint32_t id, TokenKind op, Expr *x, Expr *y, SourceLoc ol)
      : Expr(NodeKind::BinaryExpr, r, id), op(op), x(x), y(y), opLoc(ol) {}
  MP_NODE_CLASSOF(BinaryExpr)
};

/// `...T` of a variadic parameter, or `...` as the length of `[...]T`
/// (then `elt` is null).
class EllipsisExpr : public Expr {
public:
  Expr *elt;
  EllipsisExpr(SourceRange r, uint32_t id, Expr *e)
      : Expr(NodeKind::EllipsisExpr, r, id), elt(e) {}
  MP_NODE_CLASSOF(EllipsisExpr)
};

/// `[N]T` or `[...]T` (len is an EllipsisExpr).
class ArrayTypeExpr : public Expr {
public:
  Expr *len, *elem;
  ArrayTypeExpr(SourceRange r, uint32_t id, Expr *l, Expr *e)
      : Expr(NodeKind::ArrayTypeExpr, r, id), len(l), elem(e) {}
  MP_NODE_CLASSOF(ArrayTypeExpr)
};

/// `[]T`
class SliceTypeExpr : public Expr {
public:
  Expr *elem;
  SliceTypeExpr(SourceRange r, uint32_t id, Expr *e)
      : Expr(NodeKind::SliceTypeExpr, r, id), elem(e) {}
  MP_NODE_CLASSOF(SliceTypeExpr)
};

/// `map[K]V`
class MapTypeExpr : public Expr {
public:
  Expr *key, *value;
  MapTypeExpr(SourceRange r, uint32_t id, Expr *k, Expr *v)
      : Expr(NodeKind::MapTypeExpr, r, id), key(k), value(v) {}
  MP_NODE_CLASSOF(MapTypeExpr)
};

enum class ChanDir : uint8_t { Both, Send, Recv };

/// `chan T`, `chan<- T` (send-only), `<-chan T` (receive-only).
class ChanTypeExpr : public Expr {
public:
  ChanDir dir;
  Expr *elem;
  ChanTypeExpr(SourceRange r, uint32_t id, ChanDir d, Expr *e)
      : Expr(NodeKind::ChanTypeExpr, r, id), dir(d), elem(e) {}
  MP_NODE_CLASSOF(ChanTypeExpr)
};

/// `func[TypeParams](params) results`; the `func` keyword is absent in
/// FuncDecl signatures.  `results` may be unparenthesized (`func() int`).
class FuncTypeExpr : public Expr {
public:
  FieldList *typeParams; ///< null unless generic (rejected by sema)
  FieldList *params;
  FieldList *results; ///< null when there are no results
  FuncTypeExpr(SourceRange r, uint32_t id, FieldList *tp, FieldList *p, FieldList *res)
      : Expr(NodeKind::FuncTypeExpr, r, id), typeParams(tp), params(p), results(res) {}
  MP_NODE_CLASSOF(FuncTypeExpr)
};

/// `struct { a, b int; T; c string "tag" }`
class StructTypeExpr : public Expr {
public:
  FieldList *fields;
  StructTypeExpr(SourceRange r, uint32_t id, FieldList *f)
      : Expr(NodeKind::StructTypeExpr, r, id), fields(f) {}
  MP_NODE_CLASSOF(StructTypeExpr)
};

/// `interface { M(x int) string; Embedded; ~int | string }` — parsed so sema
/// can reject it (only `error` and `any` exist in MP).  Method fields have
/// one name and a FuncTypeExpr type; embedded/union elements have no name.
class InterfaceTypeExpr : public Expr {
public:
  FieldList *methods;
  InterfaceTypeExpr(SourceRange r, uint32_t id, FieldList *m)
      : Expr(NodeKind::InterfaceTypeExpr, r, id), methods(m) {}
  MP_NODE_CLASSOF(InterfaceTypeExpr)
};

// ---------------------------------------------------------------- Stmts

/// Placeholder for a statement lost to a syntax error.
class BadStmt : public Stmt {
public:
  BadStmt(SourceRange r, uint32_t id) : Stmt(NodeKind::BadStmt, r, id) {}
  MP_NODE_CLASSOF(BadStmt)
};

/// A `var`, `const` or `type` declaration inside a function.
class DeclStmt : public Stmt {
public:
  Decl *decl; ///< a GenDecl
  DeclStmt(SourceRange r, uint32_t id, Decl *d) : Stmt(NodeKind::DeclStmt, r, id), decl(d) {}
  MP_NODE_CLASSOF(DeclStmt)
};

/// An empty statement (`;` alone, or a label before `}`).
class EmptyStmt : public Stmt {
public:
  EmptyStmt(SourceRange r, uint32_t id) : Stmt(NodeKind::EmptyStmt, r, id) {}
  MP_NODE_CLASSOF(EmptyStmt)
};

/// `Label: stmt`
class LabeledStmt : public Stmt {
public:
  IdentExpr *label;
  Stmt *stmt;
  LabeledStmt(SourceRange r, uint32_t id, IdentExpr *l, Stmt *s)
      : Stmt(NodeKind::LabeledStmt, r, id), label(l), stmt(s) {}
  MP_NODE_CLASSOF(LabeledStmt)
};

/// An expression used as a statement: `f(x)`, `<-ch`.
class ExprStmt : public Stmt {
public:
  Expr *x;
  ExprStmt(SourceRange r, uint32_t id, Expr *x) : Stmt(NodeKind::ExprStmt, r, id), x(x) {}
  MP_NODE_CLASSOF(ExprStmt)
};

/// `ch <- value`
class SendStmt : public Stmt {
public:
  Expr *chan, *value;
  SendStmt(SourceRange r, uint32_t id, Expr *c, Expr *v)
      : Stmt(NodeKind::SendStmt, r, id), chan(c), value(v) {}
  MP_NODE_CLASSOF(SendStmt)
};

/// `x++`, `x--` (op is Inc or Dec)
class IncDecStmt : public Stmt {
public:
  Expr *x;
  TokenKind op;
  IncDecStmt(SourceRange r, uint32_t id, Expr *x, TokenKind op)
      : Stmt(NodeKind::IncDecStmt, r, id), x(x), op(op) {}
  MP_NODE_CLASSOF(IncDecStmt)
};

/// `a, b = x, y`, `v := e`, `x += 1` (op is Assign, Define or an op-assign).
class AssignStmt : public Stmt {
public:
  llvm::ArrayRef<Expr *> lhs;
  TokenKind op;
  llvm::ArrayRef<Expr *> rhs;
  SourceLoc opLoc;
  AssignStmt(SourceRange r, uint32_t id, llvm::ArrayRef<Expr *> l, TokenKind op,
             llvm::ArrayRef<Expr *> rr, SourceLoc ol)
      : Stmt(NodeKind::AssignStmt, r, id), lhs(l), op(op), rhs(rr), opLoc(ol) {}
  MP_NODE_CLASSOF(AssignStmt)
};

/// MP: `v := <-ch where v > 5` (also `v, ok := ...`, `v = ...`, `<-ch where
/// g`): a receive that waits for a value satisfying `guard`, i.e. a one-case
/// select.  `recv` is an AssignStmt or ExprStmt whose value is `<-ch`.
class GuardedRecvStmt : public Stmt {
public:
  Stmt *recv;
  Expr *guard;
  GuardedRecvStmt(SourceRange r, uint32_t id, Stmt *rv, Expr *g)
      : Stmt(NodeKind::GuardedRecvStmt, r, id), recv(rv), guard(g) {}
  MP_NODE_CLASSOF(GuardedRecvStmt)
};

/// `go f(x)`
class GoStmt : public Stmt {
public:
  Expr *call;
  GoStmt(SourceRange r, uint32_t id, Expr *c) : Stmt(NodeKind::GoStmt, r, id), call(c) {}
  MP_NODE_CLASSOF(GoStmt)
};

/// `defer f(x)`
class DeferStmt : public Stmt {
public:
  Expr *call;
  DeferStmt(SourceRange r, uint32_t id, Expr *c) : Stmt(NodeKind::DeferStmt, r, id), call(c) {}
  MP_NODE_CLASSOF(DeferStmt)
};

/// `return a, b`
class ReturnStmt : public Stmt {
public:
  llvm::ArrayRef<Expr *> results;
  ReturnStmt(SourceRange r, uint32_t id, llvm::ArrayRef<Expr *> res)
      : Stmt(NodeKind::ReturnStmt, r, id), results(res) {}
  MP_NODE_CLASSOF(ReturnStmt)
};

/// `break [L]`, `continue [L]`, `goto L` (rejected by sema), `fallthrough`.
class BranchStmt : public Stmt {
public:
  TokenKind tok; ///< KwBreak, KwContinue, KwGoto or KwFallthrough
  IdentExpr *label; ///< null if absent
  BranchStmt(SourceRange r, uint32_t id, TokenKind t, IdentExpr *l)
      : Stmt(NodeKind::BranchStmt, r, id), tok(t), label(l) {}
  MP_NODE_CLASSOF(BranchStmt)
};

/// `{ stmts }`
class BlockStmt : public Stmt {
public:
  llvm::ArrayRef<Stmt *> stmts;
  SourceLoc lbrace, rbrace;
  BlockStmt(SourceRange r, uint32_t id, llvm::ArrayRef<Stmt *> s, SourceLoc lb, SourceLoc rb)
      : Stmt(NodeKind::BlockStmt, r, id), stmts(s), lbrace(lb), rbrace(rb) {}
  MP_NODE_CLASSOF(BlockStmt)
};

/// `if [init;] cond { } [else (IfStmt | BlockStmt)]`
class IfStmt : public Stmt {
public:
  Stmt *init; ///< may be null
  Expr *cond;
  BlockStmt *then;
  Stmt *elseStmt; ///< null, IfStmt or BlockStmt
  IfStmt(SourceRange r, uint32_t id, Stmt *i, Expr *c, BlockStmt *t, Stmt *e)
      : Stmt(NodeKind::IfStmt, r, id), init(i), cond(c), then(t), elseStmt(e) {}
  MP_NODE_CLASSOF(IfStmt)
};

/// `case a, b: stmts` or `default: stmts` (values empty) of a switch or
/// type switch (values are types there).
class CaseClause : public Stmt {
public:
  llvm::ArrayRef<Expr *> values;
  bool isDefault;
  llvm::ArrayRef<Stmt *> body;
  SourceLoc colon;
  CaseClause(SourceRange r, uint32_t id, llvm::ArrayRef<Expr *> v, bool d,
             llvm::ArrayRef<Stmt *> b, SourceLoc c)
      : Stmt(NodeKind::CaseClause, r, id), values(v), isDefault(d), body(b), colon(c) {}
  MP_NODE_CLASSOF(CaseClause)
};

/// `switch [init;] [tag] { CaseClause* }`
class SwitchStmt : public Stmt {
public:
  Stmt *init; ///< may be null
  Expr *tag;  ///< null for a tag-less switch
  llvm::ArrayRef<CaseClause *> clauses;
  SourceLoc lbrace, rbrace;
  SwitchStmt(SourceRange r, uint32_t id, Stmt *i, Expr *t, llvm::ArrayRef<CaseClause *> c,
             SourceLoc lb, SourceLoc rb)
      : Stmt(NodeKind::SwitchStmt, r, id), init(i), tag(t), clauses(c), lbrace(lb), rbrace(rb) {}
  MP_NODE_CLASSOF(SwitchStmt)
};

/// `switch [init;] [v :=] x.(type) { case T1, T2: ... }` — parsed so sema
/// can reject it.  `assign` is an AssignStmt (Define) or ExprStmt whose
/// value is a TypeAssertExpr with a null type.
class TypeSwitchStmt : public Stmt {
public:
  Stmt *init;
  Stmt *assign;
  llvm::ArrayRef<CaseClause *> clauses;
  TypeSwitchStmt(SourceRange r, uint32_t id, Stmt *i, Stmt *a, llvm::ArrayRef<CaseClause *> c)
      : Stmt(NodeKind::TypeSwitchStmt, r, id), init(i), assign(a), clauses(c) {}
  MP_NODE_CLASSOF(TypeSwitchStmt)
};

/// `case comm [where guard]: stmts` or `default [where guard]: stmts` of a
/// select.  `comm` is a SendStmt, an ExprStmt `<-ch`, or an AssignStmt
/// `v[, ok] (:=|=) <-ch`; null for default.  MP: `guard` may be null.
class CommClause : public Stmt {
public:
  Stmt *comm;
  Expr *guard;
  llvm::ArrayRef<Stmt *> body;
  SourceLoc colon;
  CommClause(SourceRange r, uint32_t id, Stmt *c, Expr *g, llvm::ArrayRef<Stmt *> b, SourceLoc col)
      : Stmt(NodeKind::CommClause, r, id), comm(c), guard(g), body(b), colon(col) {}
  bool isDefault() const { return comm == nullptr; }
  MP_NODE_CLASSOF(CommClause)
};

/// `select { CommClause* }`
class SelectStmt : public Stmt {
public:
  llvm::ArrayRef<CommClause *> clauses;
  SourceLoc lbrace, rbrace;
  SelectStmt(SourceRange r, uint32_t id, llvm::ArrayRef<CommClause *> c, SourceLoc lb, SourceLoc rb)
      : Stmt(NodeKind::SelectStmt, r, id), clauses(c), lbrace(lb), rbrace(rb) {}
  MP_NODE_CLASSOF(SelectStmt)
};

/// `for { }`, `for cond { }`, `for init; cond; post { }` (parts may be null).
class ForStmt : public Stmt {
public:
  Stmt *init;
  Expr *cond;
  Stmt *post;
  BlockStmt *body;
  ForStmt(SourceRange r, uint32_t id, Stmt *i, Expr *c, Stmt *p, BlockStmt *b)
      : Stmt(NodeKind::ForStmt, r, id), init(i), cond(c), post(p), body(b) {}
  MP_NODE_CLASSOF(ForStmt)
};

/// `for range x { }`, `for k := range x { }`, `for k, v = range x { }`.
/// `tok` is Define, Assign, or Illegal when there are no variables.
class RangeStmt : public Stmt {
public:
  Expr *key, *value; ///< null when absent
  TokenKind tok;
  Expr *x;
  BlockStmt *body;
  RangeStmt(SourceRange r, uint32_t id, Expr *k, Expr *v, TokenKind t, Expr *x, BlockStmt *b)
      : Stmt(NodeKind::RangeStmt, r, id), key(k), value(v), tok(t), x(x), body(b) {}
  MP_NODE_CLASSOF(RangeStmt)
};

// ---------------------------------------------------------------- Decls

/// Placeholder for a declaration lost to a syntax error.
class BadDecl : public Decl {
public:
  BadDecl(SourceRange r, uint32_t id) : Decl(NodeKind::BadDecl, r, id) {}
  MP_NODE_CLASSOF(BadDecl)
};

/// `import "p"`, `const ( ... )`, `var x int`, `type T int`: one keyword and
/// its specs (ImportSpec/ConstSpec/VarSpec/TypeSpec), grouped or not.
class GenDecl : public Decl {
public:
  TokenKind tok; ///< KwImport, KwConst, KwVar or KwType
  llvm::ArrayRef<Decl *> specs;
  SourceLoc lparen, rparen; ///< invalid when not parenthesized
  GenDecl(SourceRange r, uint32_t id, TokenKind t, llvm::ArrayRef<Decl *> s,
          SourceLoc lp, SourceLoc rp)
      : Decl(NodeKind::GenDecl, r, id), tok(t), specs(s), lparen(lp), rparen(rp) {}
  bool isGrouped() const { return lparen.isValid(); }
  MP_NODE_CLASSOF(GenDecl)
};

/// `[name] "path"` (name may be `.` or `_`).
class ImportSpec : public Decl {
public:
  IdentExpr *name; ///< null if absent
  BasicLitExpr *path;
  ImportSpec(SourceRange r, uint32_t id, IdentExpr *n, BasicLitExpr *p)
      : Decl(NodeKind::ImportSpec, r, id), name(n), path(p) {}
  MP_NODE_CLASSOF(ImportSpec)
};

/// `a, b [T] = x, y` in a const group.  `iota` is the spec's index in its
/// group.  A spec with neither type nor values repeats the previous one's:
/// `implicitFrom` points at the spec whose type/values apply (else itself).
class ConstSpec : public Decl {
public:
  llvm::ArrayRef<IdentExpr *> names;
  Expr *type; ///< may be null
  llvm::ArrayRef<Expr *> values;
  uint32_t iota;
  ConstSpec *implicitFrom;
  ConstSpec(SourceRange r, uint32_t id, llvm::ArrayRef<IdentExpr *> n, Expr *t,
            llvm::ArrayRef<Expr *> v, uint32_t io)
      : Decl(NodeKind::ConstSpec, r, id), names(n), type(t), values(v), iota(io),
        implicitFrom(this) {}
  MP_NODE_CLASSOF(ConstSpec)
};

/// `a, b T`, `a, b = x, y`, `a T = x`
class VarSpec : public Decl {
public:
  llvm::ArrayRef<IdentExpr *> names;
  Expr *type; ///< may be null
  llvm::ArrayRef<Expr *> values;
  VarSpec(SourceRange r, uint32_t id, llvm::ArrayRef<IdentExpr *> n, Expr *t,
          llvm::ArrayRef<Expr *> v)
      : Decl(NodeKind::VarSpec, r, id), names(n), type(t), values(v) {}
  MP_NODE_CLASSOF(VarSpec)
};

/// `Name T` (a new named type), `Name = T` (alias), `Name[P any] T` (generic,
/// rejected by sema).
class TypeSpec : public Decl {
public:
  IdentExpr *name;
  FieldList *typeParams; ///< null unless generic
  bool isAlias;
  Expr *type;
  TypeSpec(SourceRange r, uint32_t id, IdentExpr *n, FieldList *tp, bool alias, Expr *t)
      : Decl(NodeKind::TypeSpec, r, id), name(n), typeParams(tp), isAlias(alias), type(t) {}
  MP_NODE_CLASSOF(TypeSpec)
};

/// `func [(recv)] Name[TypeParams](params) results { body }`; body is null
/// for a declaration without body (sema reports it).
class FuncDecl : public Decl {
public:
  FieldList *recv; ///< null for plain functions; one field for methods
  IdentExpr *name;
  FuncTypeExpr *type;
  BlockStmt *body;
  FuncDecl(SourceRange r, uint32_t id, FieldList *rv, IdentExpr *n, FuncTypeExpr *t, BlockStmt *b)
      : Decl(NodeKind::FuncDecl, r, id), recv(rv), name(n), type(t), body(b) {}
  bool isMethod() const { return recv != nullptr; }
  MP_NODE_CLASSOF(FuncDecl)
};

/// One parsed file: optional `package` clause, imports, top-level decls.
struct SourceFile {
  int fileId = -1;          ///< SourceManager file id
  IdentExpr *package = nullptr; ///< null when the clause is absent (MP allows it)
  llvm::ArrayRef<GenDecl *> imports; ///< also present in `decls`
  llvm::ArrayRef<Decl *> decls;      ///< GenDecls and FuncDecls, in order
  SourceRange range;
};

#undef MP_NODE_CLASSOF

/// Owns the nodes of one compilation (all its files) and numbers them.
class ASTContext {
public:
  /// Allocates node T with the next id of its family.
  template <class T, class... Args> T *create(SourceRange r, Args &&...args) {
    void *mem = arena_.Allocate(sizeof(T), alignof(T));
    if constexpr (std::is_base_of_v<Expr, T>)
      return new (mem) T(r, numExprs_++, std::forward<Args>(args)...);
    else if constexpr (std::is_base_of_v<Stmt, T>)
      return new (mem) T(r, numStmts_++, std::forward<Args>(args)...);
    else
      return new (mem) T(r, numDecls_++, std::forward<Args>(args)...);
  }
  /// Allocates a plain object (Field, FieldList, SourceFile) in the arena.
  template <class T, class... Args> T *make(Args &&...args) {
    return new (arena_.Allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }
  /// Copies a list into the arena (nodes keep ArrayRefs to it).
  template <class T> llvm::ArrayRef<T> copy(llvm::ArrayRef<T> xs) {
    if (xs.empty())
      return {};
    T *mem = arena_.Allocate<T>(xs.size());
    std::uninitialized_copy(xs.begin(), xs.end(), mem);
    return llvm::ArrayRef<T>(mem, xs.size());
  }
  llvm::StringRef copy(llvm::StringRef s) {
    if (s.empty())
      return {};
    char *mem = arena_.Allocate<char>(s.size());
    std::memcpy(mem, s.data(), s.size());
    return llvm::StringRef(mem, s.size());
  }

  uint32_t numExprs() const { return numExprs_; }
  uint32_t numStmts() const { return numStmts_; }
  uint32_t numDecls() const { return numDecls_; }

private:
  llvm::BumpPtrAllocator arena_;
  uint32_t numExprs_ = 0, numStmts_ = 0, numDecls_ = 0;
};

} // namespace mp
