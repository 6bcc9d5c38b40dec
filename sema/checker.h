// sema/checker.h: the Checker, private to sema/.  One instance checks one
// program; its methods are spread over check_*.cpp by construct family
// (decls, types, exprs, calls, assignments, statements, channels).  Error
// recovery: an erroneous operand gets mode Invalid and every later check
// that sees an Invalid operand stays silent, so one mistake is one message.
#ifndef MP_SEMA_CHECKER_H
#define MP_SEMA_CHECKER_H

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sema/sema.h"

namespace mp::sema {

// A value being checked (go/types' operand).
struct Operand {
  ExprMode mode = ExprMode::Invalid;
  const Type *type = nullptr;
  Constant val;
  Expr *expr = nullptr;
  Object *builtinOrPkg = nullptr; // mode Builtin / Package
  bool commaOkable = false;       // map index or receive: may yield (v, ok)

  bool invalid() const { return mode == ExprMode::Invalid; }
  bool isConst() const { return mode == ExprMode::Constant; }
  bool isNil() const { return type && type->isNil(); }
};

inline bool isNilable(const Type *t) {
  return llvm::isa<PointerType, SliceType, MapType, ChanType, FuncType, InterfaceType>(
      t->underlying());
}

// Package-level declarations are checked on first use (any order across
// files), with cycle detection.
struct PkgDecl {
  enum class State : uint8_t { Unchecked, InProgress, Done };
  State state = State::Unchecked;
  Object *obj = nullptr;
  Decl *spec = nullptr; // ConstSpec/VarSpec/TypeSpec/FuncDecl
  unsigned index = 0;   // position of obj among the spec's names
  Scope *fileScope = nullptr;
  unsigned order = 0;   // declaration order (globals' init order)
};

// Branch targets visible at a statement.
struct BranchScope {
  const Stmt *stmt;   // ForStmt, RangeStmt, SwitchStmt, SelectStmt
  llvm::StringRef label;
  bool isLoop;
};

struct FuncCtx {
  FuncInfo *info;
  const FuncType *sig;
  FuncCtx *outer;
  std::unordered_map<std::string, const LabeledStmt *> labels;
  std::unordered_set<std::string> usedLabels;
  std::vector<BranchScope> branches;
};

class Checker {
public:
  Checker(CheckedProgram &prog, ASTContext &ast, const SourceManager &sm,
          DiagnosticEngine &diags, CheckOptions opts);
  void checkFiles(llvm::ArrayRef<SourceFile *> files);

  // ---- check_decls.cpp ----
  void collectFile(SourceFile *file);
  void declareImport(ImportSpec *imp, Scope *fileScope);
  void declarePkgObject(Object *obj, Decl *spec, unsigned index, Scope *fileScope);
  void resolvePkgObject(Object *obj);
  void checkTypeSpec(TypeSpec *spec, Object *obj);
  void checkConstSpec(ConstSpec *spec, llvm::ArrayRef<Object *> objs);
  void checkVarSpec(VarSpec *spec, llvm::ArrayRef<Object *> objs, bool global);
  void checkFuncDecl(FuncDecl *fn, Object *obj);
  void declareMethod(FuncDecl *fn);
  void checkFuncBody(FuncInfo &info, const FuncType *sig, BlockStmt *body, Scope *scope);
  void computeInitOrder();
  void checkLocalGenDecl(GenDecl *d);
  void reportUnusedImports();
  Object *implicitPackage(llvm::StringRef name);

  // ---- check_types.cpp ----
  const Type *resolveType(Expr *e);
  const FuncType *resolveSignature(FuncTypeExpr *ft, Scope *scope, FuncInfo *info,
                                   FieldList *recv = nullptr);
  const Type *resolveStruct(StructTypeExpr *st);
  int64_t arrayLength(Expr *len);
  bool comparable(const Type *t, std::string *why = nullptr);
  bool checkMapKey(const Type *key, Expr *at);

  // ---- check_expr.cpp ----
  void expr(Operand &x, Expr *e, const Type *hint = nullptr);
  void rawExpr(Operand &x, Expr *e, const Type *hint);
  void exprOrType(Operand &x, Expr *e);
  void multiExpr(Operand &x, Expr *e); // allows tuples (f() with 2+ results)
  void ident(Operand &x, IdentExpr *id, bool wantType);
  void basicLit(Operand &x, BasicLitExpr *lit);
  void unary(Operand &x, UnaryExpr *u, const Type *hint);
  void binary(Operand &x, BinaryExpr *b, const Type *hint);
  void shift(Operand &x, Operand &y, BinaryExpr *b);
  void comparison(Operand &x, Operand &y, BinaryExpr *b);
  void selector(Operand &x, SelectorExpr *s);
  void index(Operand &x, IndexExpr *ix);
  void sliceExpr(Operand &x, SliceExpr *s);
  void compositeLit(Operand &x, CompositeLitExpr *lit, const Type *hint);
  void funcLit(Operand &x, FuncLitExpr *lit);
  bool indexValue(Expr *e, int64_t bound, int64_t *value);
  void markAddressTaken(Expr *e);
  void useVar(Object *obj, IdentExpr *at);

  // ---- check_call.cpp ----
  void call(Operand &x, CallExpr *c, const Type *hint);
  void arguments(CallExpr *c, const FuncType *sig, CallInfo &info, const std::string &calleeName);
  void builtinCall(Operand &x, CallExpr *c, Object *b, const Type *hint);
  void conversion(Operand &x, CallExpr *c, const Type *t);
  bool convertible(const Operand &x, const Type *t);

  // ---- check_assign.cpp ----
  // Makes x a value of type t (assignment rules); `context` completes
  // "cannot use X as T value in <context>".  Returns false after reporting.
  bool assign(Operand &x, const Type *t, const std::string &context);
  bool assignable(const Operand &x, const Type *t, std::string *reason);
  bool implementsError(const Type *t);
  void convertUntyped(Operand &x, const Type *target);
  bool untypedFits(const Operand &x, const Type *t); // no message
  bool reportRepresentation(const Operand &x, const Type *t);
  void defaultUntyped(Operand &x);
  void setFinalType(Expr *e, const Type *t);
  void assignStmt(AssignStmt *s);
  void defineVars(Node *decl, llvm::ArrayRef<Expr *> lhs, llvm::ArrayRef<Expr *> rhs,
                  SourceLoc opLoc);
  void assignVars(llvm::ArrayRef<Expr *> lhs, llvm::ArrayRef<Expr *> rhs, SourceLoc opLoc);
  void assignOp(AssignStmt *s);
  bool checkLhs(Operand &z, Expr *lhs);
  bool readModifyLhs(Operand &z, Expr *lhs);
  // Unpacks the right-hand sides for n targets ("assignment mismatch").
  bool unpack(std::vector<Operand> &out, llvm::ArrayRef<Expr *> rhs, size_t n,
              SourceLoc at, const char *what, bool allowCommaOk, bool *commaOk);
  Object *newVar(IdentExpr *name, const Type *t, Node *decl);

  // ---- check_stmt.cpp ----
  void stmt(Stmt *s);
  void stmtList(llvm::ArrayRef<Stmt *> list);
  void block(BlockStmt *b);
  void ifStmt(IfStmt *s);
  void forStmt(ForStmt *s);
  void rangeStmt(RangeStmt *s);
  void switchStmt(SwitchStmt *s);
  void branchStmt(BranchStmt *s);
  void returnStmt(ReturnStmt *s);
  void exprStmt(ExprStmt *s);
  void goDefer(Expr *call, bool isGo, SourceLoc at);
  void labeledStmt(LabeledStmt *s);
  void incDec(IncDecStmt *s);
  void condition(Expr *cond, const char *what);
  bool isTerminating(const Stmt *s, llvm::StringRef label = {});
  bool isTerminatingList(llvm::ArrayRef<Stmt *> list);
  bool hasBreak(const Stmt *s);
  void openScope();
  void closeScope();
  llvm::StringRef takeLabel();
  void reportUnused(Scope *s);

  // ---- check_chan.cpp ----
  void sendStmt(SendStmt *s);
  void receive(Operand &x, UnaryExpr *u);
  void selectStmt(SelectStmt *s);
  void commClause(CommClause *c, SelectCaseInfo &info);
  void recvCase(Stmt *comm, SelectCaseInfo &info);
  void guardedRecv(GuardedRecvStmt *s);
  void guard(Expr *g, SelectCaseInfo &info);
  void closeCall(Operand &arg, CallExpr *c);

  // ---- helpers (sema.cpp) ----
  void record(const Operand &x);
  void recordType(Expr *e, const Type *t);
  void recordIdent(IdentExpr *id, Object *obj) { P.Idents[id->id] = obj; }
  const Constant *keep(Constant c);
  std::string exprText(const Expr *e) const;
  std::string describe(const Operand &x) const;
  std::string typeStr(const Type *t) const { return t->str(); }
  void error(DiagId id, SourceLoc at, std::initializer_list<DiagArg> args = {});
  void error(DiagId id, const Node *at, std::initializer_list<DiagArg> args = {});
  // Inserts obj into s; a clash is `x redeclared in this block` plus a note
  // at the other declaration, as Go reports it.
  void declare(Scope *s, Object *obj);
  void invalidate(Operand &x) { x.mode = ExprMode::Invalid; }
  FuncInfo &newFuncInfo(const Node *n);
  Object *newObject(ObjectKind k, std::string name, const Type *t) {
    return P.Arena.make(k, std::move(name), t);
  }

  CheckedProgram &P;
  ASTContext &Ast;
  TypeContext &T;
  const SourceManager &SM;
  DiagnosticEngine &D;
  CheckOptions Opts;
  Universe &U;
  Scope *PkgScope = nullptr;
  Scope *Cur = nullptr; // innermost scope while checking bodies
  Scope *CurFileScope = nullptr;
  FuncCtx *Fn = nullptr;
  std::unordered_map<Object *, PkgDecl> PkgDecls;
  std::vector<Object *> PkgOrder;           // declaration order
  std::vector<FuncDecl *> PendingMethods;
  std::unordered_map<const FuncDecl *, Scope *> FuncFileScope;
  std::vector<std::pair<FuncDecl *, Object *>> PendingBodies;
  std::vector<Scope *> FileScopes;
  std::unordered_map<Object *, std::vector<Object *>> Deps; // globals init graph
  std::unordered_set<Object *> CycleReported; // globals on a reported init cycle
  Object *CurDeclObj = nullptr; // the package-level object being checked
  int IotaValue = -1;           // >= 0 inside a const spec
  const Stmt *CurSwitchClauseNext = nullptr;
  std::unordered_set<const Stmt *> Broken; // targets of some break
  std::unordered_set<Object *> CurGuardVars; // received vars of the case being guarded
  bool InGuard = false;
  llvm::StringRef PendingLabel; // label of the statement about to be checked
  std::unordered_set<const BranchStmt *> OkFallthrough;
  std::vector<Object *> UnusedVars; // reported sorted at the end of each top-level body
  bool GuardMentionsRecv = false;
  // Names not reported as `undefined` because a rejected declaration would
  // have declared them: the members of a rejected import (unknown package,
  // dot import) for the whole program, the type parameters of a rejected
  // generic declaration while it is checked (see SilenceTypeParams).
  std::unordered_multiset<std::string> Silenced;
  // File scopes of files without import declarations (see implicitPackage).
  std::unordered_set<const Scope *> ImplicitImportFiles;
  unsigned Depth = 0;
};

// While alive, the names of `tp` (type parameters, or null) are Silenced.
class SilenceTypeParams {
public:
  SilenceTypeParams(Checker &c, const FieldList *tp) : C(c), TP(tp) { each(true); }
  ~SilenceTypeParams() { each(false); }
  SilenceTypeParams(const SilenceTypeParams &) = delete;
  SilenceTypeParams &operator=(const SilenceTypeParams &) = delete;

private:
  void each(bool add) {
    if (!TP)
      return;
    for (const mp::Field *f : TP->fields)
      for (const IdentExpr *n : f->names) {
        if (add)
          C.Silenced.insert(n->name.str());
        else if (auto it = C.Silenced.find(n->name.str()); it != C.Silenced.end())
          C.Silenced.erase(it);
      }
  }
  Checker &C;
  const FieldList *TP;
};

} // namespace mp::sema

#endif
