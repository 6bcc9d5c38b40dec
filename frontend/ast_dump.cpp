// frontend/ast_dump.cpp: `mpc check --dump-ast`.  One node per line,
// indented by depth: `[role: ]Kind attributes <line:col>`.  The format is
// what parse tests FileCheck against, so keep it stable.  Recursion depth is
// bounded by the parser's nesting limits.
#include "parser.h"

namespace mp {
namespace {

class Dumper {
public:
  Dumper(const SourceManager &sm, llvm::raw_ostream &os) : sm_(sm), os_(os) {}

  void file(const SourceFile &f) {
    head(nullptr, "File", f.range.begin);
    if (f.package)
      os_ << " package=" << f.package->name;
    end();
    ++indent_;
    for (const Decl *d : f.decls)
      decl(d);
    --indent_;
  }

private:
  void head(const char *role, llvm::StringRef kind, SourceLoc loc) {
    os_.indent(indent_ * 2);
    if (role)
      os_ << role << ": ";
    os_ << kind;
    pendingLoc_ = loc;
  }
  void end() {
    PresumedLoc p = sm_.presumed(pendingLoc_);
    os_ << " <" << p.line << ':' << p.column << ">\n";
  }
  void begin(const char *role, const Node *n) {
    head(role, nodeKindName(n->kind()), n->loc());
  }

  void fields(const char *role, const FieldList *fl) {
    if (!fl)
      return;
    head(role, "FieldList", fl->open);
    end();
    ++indent_;
    for (const Field *f : fl->fields) {
      head(nullptr, "Field", f->range.begin);
      for (const IdentExpr *n : f->names)
        os_ << ' ' << n->name;
      end();
      ++indent_;
      expr("type", f->type);
      expr("tag", f->tag);
      --indent_;
    }
    --indent_;
  }

  void exprs(const char *role, llvm::ArrayRef<Expr *> xs) {
    for (const Expr *x : xs)
      expr(role, x);
  }

  void expr(const char *role, const Expr *e);
  void stmt(const char *role, const Stmt *s);
  void decl(const Decl *d);
  void stmts(llvm::ArrayRef<Stmt *> ss) {
    for (const Stmt *s : ss)
      stmt(nullptr, s);
  }

  const SourceManager &sm_;
  llvm::raw_ostream &os_;
  unsigned indent_ = 0;
  SourceLoc pendingLoc_;
};

const char *chanDirName(ChanDir d) {
  switch (d) {
  case ChanDir::Both:
    return "chan";
  case ChanDir::Send:
    return "chan<-";
  case ChanDir::Recv:
    return "<-chan";
  }
  return "chan";
}

const char *litKindName(LitKind k) {
  switch (k) {
  case LitKind::Int:
    return "int";
  case LitKind::Float:
    return "float";
  case LitKind::Imag:
    return "imag";
  case LitKind::Rune:
    return "rune";
  case LitKind::String:
    return "string";
  }
  return "int";
}

void Dumper::expr(const char *role, const Expr *e) {
  if (!e)
    return;
  begin(role, e);
  switch (e->kind()) {
#define EXPR(Name)
#define STMT(Name) case NodeKind::Name:
#define DECL(Name) case NodeKind::Name:
#include "ast_kinds.def"
    break;
  case NodeKind::BadExpr:
  case NodeKind::ParenExpr:
  case NodeKind::KeyValueExpr:
  case NodeKind::FuncLitExpr:
  case NodeKind::IndexExpr:
  case NodeKind::StarExpr:
  case NodeKind::EllipsisExpr:
  case NodeKind::ArrayTypeExpr:
  case NodeKind::SliceTypeExpr:
  case NodeKind::MapTypeExpr:
  case NodeKind::FuncTypeExpr:
  case NodeKind::StructTypeExpr:
  case NodeKind::InterfaceTypeExpr:
    break;
  case NodeKind::IdentExpr:
    os_ << ' ' << llvm::cast<IdentExpr>(e)->name;
    break;
  case NodeKind::BasicLitExpr: {
    auto *b = llvm::cast<BasicLitExpr>(e);
    os_ << ' ' << litKindName(b->litKind) << ' ' << b->spelling;
    break;
  }
  case NodeKind::CompositeLitExpr:
    if (!llvm::cast<CompositeLitExpr>(e)->type)
      os_ << " elided";
    break;
  case NodeKind::SelectorExpr:
    os_ << " ." << llvm::cast<SelectorExpr>(e)->sel->name;
    break;
  case NodeKind::SliceExpr:
    if (llvm::cast<SliceExpr>(e)->slice3)
      os_ << " 3-index";
    break;
  case NodeKind::TypeAssertExpr:
    if (!llvm::cast<TypeAssertExpr>(e)->type)
      os_ << " .(type)";
    break;
  case NodeKind::CallExpr:
    if (llvm::cast<CallExpr>(e)->hasEllipsis)
      os_ << " ...";
    break;
  case NodeKind::UnaryExpr:
    os_ << ' ' << tokenSpelling(llvm::cast<UnaryExpr>(e)->op);
    break;
  case NodeKind::BinaryExpr:
    os_ << ' ' << tokenSpelling(llvm::cast<BinaryExpr>(e)->op);
    break;
  case NodeKind::ChanTypeExpr:
    os_ << ' ' << chanDirName(llvm::cast<ChanTypeExpr>(e)->dir);
    break;
  }
  end();
  ++indent_;
  switch (e->kind()) {
#define EXPR(Name)
#define STMT(Name) case NodeKind::Name:
#define DECL(Name) case NodeKind::Name:
#include "ast_kinds.def"
  case NodeKind::BadExpr:
  case NodeKind::IdentExpr:
  case NodeKind::BasicLitExpr:
    break;
  case NodeKind::CompositeLitExpr: {
    auto *c = llvm::cast<CompositeLitExpr>(e);
    expr("type", c->type);
    exprs(nullptr, c->elts);
    break;
  }
  case NodeKind::KeyValueExpr:
    expr("key", llvm::cast<KeyValueExpr>(e)->key);
    expr("value", llvm::cast<KeyValueExpr>(e)->value);
    break;
  case NodeKind::FuncLitExpr:
    expr(nullptr, llvm::cast<FuncLitExpr>(e)->type);
    stmt(nullptr, llvm::cast<FuncLitExpr>(e)->body);
    break;
  case NodeKind::ParenExpr:
    expr(nullptr, llvm::cast<ParenExpr>(e)->x);
    break;
  case NodeKind::SelectorExpr:
    expr(nullptr, llvm::cast<SelectorExpr>(e)->x);
    break;
  case NodeKind::IndexExpr:
    expr(nullptr, llvm::cast<IndexExpr>(e)->x);
    exprs("index", llvm::cast<IndexExpr>(e)->indices);
    break;
  case NodeKind::SliceExpr: {
    auto *s = llvm::cast<SliceExpr>(e);
    expr(nullptr, s->x);
    expr("low", s->low);
    expr("high", s->high);
    expr("max", s->max);
    break;
  }
  case NodeKind::TypeAssertExpr:
    expr(nullptr, llvm::cast<TypeAssertExpr>(e)->x);
    expr("type", llvm::cast<TypeAssertExpr>(e)->type);
    break;
  case NodeKind::CallExpr:
    expr("fun", llvm::cast<CallExpr>(e)->fun);
    exprs("arg", llvm::cast<CallExpr>(e)->args);
    break;
  case NodeKind::StarExpr:
    expr(nullptr, llvm::cast<StarExpr>(e)->x);
    break;
  case NodeKind::UnaryExpr:
    expr(nullptr, llvm::cast<UnaryExpr>(e)->x);
    break;
  case NodeKind::BinaryExpr:
    expr(nullptr, llvm::cast<BinaryExpr>(e)->x);
    expr(nullptr, llvm::cast<BinaryExpr>(e)->y);
    break;
  case NodeKind::EllipsisExpr:
    expr(nullptr, llvm::cast<EllipsisExpr>(e)->elt);
    break;
  case NodeKind::ArrayTypeExpr:
    expr("len", llvm::cast<ArrayTypeExpr>(e)->len);
    expr("elem", llvm::cast<ArrayTypeExpr>(e)->elem);
    break;
  case NodeKind::SliceTypeExpr:
    expr("elem", llvm::cast<SliceTypeExpr>(e)->elem);
    break;
  case NodeKind::MapTypeExpr:
    expr("key", llvm::cast<MapTypeExpr>(e)->key);
    expr("value", llvm::cast<MapTypeExpr>(e)->value);
    break;
  case NodeKind::ChanTypeExpr:
    expr("elem", llvm::cast<ChanTypeExpr>(e)->elem);
    break;
  case NodeKind::FuncTypeExpr: {
    auto *f = llvm::cast<FuncTypeExpr>(e);
    fields("typeparams", f->typeParams);
    fields("params", f->params);
    fields("results", f->results);
    break;
  }
  case NodeKind::StructTypeExpr:
    fields("fields", llvm::cast<StructTypeExpr>(e)->fields);
    break;
  case NodeKind::InterfaceTypeExpr:
    fields("methods", llvm::cast<InterfaceTypeExpr>(e)->methods);
    break;
  }
  --indent_;
}

void Dumper::stmt(const char *role, const Stmt *s) {
  if (!s)
    return;
  begin(role, s);
  switch (s->kind()) {
  case NodeKind::AssignStmt:
    os_ << ' ' << tokenSpelling(llvm::cast<AssignStmt>(s)->op);
    break;
  case NodeKind::IncDecStmt:
    os_ << ' ' << tokenSpelling(llvm::cast<IncDecStmt>(s)->op);
    break;
  case NodeKind::BranchStmt: {
    auto *b = llvm::cast<BranchStmt>(s);
    os_ << ' ' << tokenSpelling(b->tok);
    if (b->label)
      os_ << ' ' << b->label->name;
    break;
  }
  case NodeKind::LabeledStmt:
    os_ << ' ' << llvm::cast<LabeledStmt>(s)->label->name;
    break;
  case NodeKind::CaseClause:
    if (llvm::cast<CaseClause>(s)->isDefault)
      os_ << " default";
    break;
  case NodeKind::CommClause:
    if (llvm::cast<CommClause>(s)->isDefault())
      os_ << " default";
    break;
  case NodeKind::RangeStmt:
    if (llvm::cast<RangeStmt>(s)->tok != TokenKind::Illegal)
      os_ << ' ' << tokenSpelling(llvm::cast<RangeStmt>(s)->tok);
    break;
  default:
    break;
  }
  end();
  ++indent_;
  switch (s->kind()) {
#define STMT(Name)
#define EXPR(Name) case NodeKind::Name:
#define DECL(Name) case NodeKind::Name:
#include "ast_kinds.def"
  case NodeKind::BadStmt:
  case NodeKind::EmptyStmt:
    break;
  case NodeKind::DeclStmt:
    decl(llvm::cast<DeclStmt>(s)->decl);
    break;
  case NodeKind::LabeledStmt:
    stmt(nullptr, llvm::cast<LabeledStmt>(s)->stmt);
    break;
  case NodeKind::ExprStmt:
    expr(nullptr, llvm::cast<ExprStmt>(s)->x);
    break;
  case NodeKind::SendStmt:
    expr("chan", llvm::cast<SendStmt>(s)->chan);
    expr("value", llvm::cast<SendStmt>(s)->value);
    break;
  case NodeKind::IncDecStmt:
    expr(nullptr, llvm::cast<IncDecStmt>(s)->x);
    break;
  case NodeKind::AssignStmt:
    exprs("lhs", llvm::cast<AssignStmt>(s)->lhs);
    exprs("rhs", llvm::cast<AssignStmt>(s)->rhs);
    break;
  case NodeKind::GuardedRecvStmt:
    stmt(nullptr, llvm::cast<GuardedRecvStmt>(s)->recv);
    expr("guard", llvm::cast<GuardedRecvStmt>(s)->guard);
    break;
  case NodeKind::GoStmt:
    expr(nullptr, llvm::cast<GoStmt>(s)->call);
    break;
  case NodeKind::DeferStmt:
    expr(nullptr, llvm::cast<DeferStmt>(s)->call);
    break;
  case NodeKind::ReturnStmt:
    exprs(nullptr, llvm::cast<ReturnStmt>(s)->results);
    break;
  case NodeKind::BranchStmt:
    break;
  case NodeKind::BlockStmt:
    stmts(llvm::cast<BlockStmt>(s)->stmts);
    break;
  case NodeKind::IfStmt: {
    auto *i = llvm::cast<IfStmt>(s);
    stmt("init", i->init);
    expr("cond", i->cond);
    stmt(nullptr, i->then);
    stmt("else", i->elseStmt);
    break;
  }
  case NodeKind::CaseClause:
    exprs("value", llvm::cast<CaseClause>(s)->values);
    stmts(llvm::cast<CaseClause>(s)->body);
    break;
  case NodeKind::SwitchStmt: {
    auto *sw = llvm::cast<SwitchStmt>(s);
    stmt("init", sw->init);
    expr("tag", sw->tag);
    for (const CaseClause *c : sw->clauses)
      stmt(nullptr, c);
    break;
  }
  case NodeKind::TypeSwitchStmt: {
    auto *ts = llvm::cast<TypeSwitchStmt>(s);
    stmt("init", ts->init);
    stmt("guard", ts->assign);
    for (const CaseClause *c : ts->clauses)
      stmt(nullptr, c);
    break;
  }
  case NodeKind::CommClause: {
    auto *c = llvm::cast<CommClause>(s);
    stmt("comm", c->comm);
    expr("guard", c->guard);
    stmts(c->body);
    break;
  }
  case NodeKind::SelectStmt:
    for (const CommClause *c : llvm::cast<SelectStmt>(s)->clauses)
      stmt(nullptr, c);
    break;
  case NodeKind::ForStmt: {
    auto *f = llvm::cast<ForStmt>(s);
    stmt("init", f->init);
    expr("cond", f->cond);
    stmt("post", f->post);
    stmt(nullptr, f->body);
    break;
  }
  case NodeKind::RangeStmt: {
    auto *r = llvm::cast<RangeStmt>(s);
    expr("key", r->key);
    expr("value", r->value);
    expr("x", r->x);
    stmt(nullptr, r->body);
    break;
  }
  }
  --indent_;
}

void Dumper::decl(const Decl *d) {
  begin(nullptr, d);
  switch (d->kind()) {
  case NodeKind::GenDecl:
    os_ << ' ' << tokenSpelling(llvm::cast<GenDecl>(d)->tok);
    break;
  case NodeKind::ConstSpec: {
    auto *c = llvm::cast<ConstSpec>(d);
    for (const IdentExpr *n : c->names)
      os_ << ' ' << n->name;
    os_ << " iota=" << c->iota;
    if (c->implicitFrom != c)
      os_ << " implicit";
    break;
  }
  case NodeKind::VarSpec:
    for (const IdentExpr *n : llvm::cast<VarSpec>(d)->names)
      os_ << ' ' << n->name;
    break;
  case NodeKind::TypeSpec:
    os_ << ' ' << llvm::cast<TypeSpec>(d)->name->name;
    if (llvm::cast<TypeSpec>(d)->isAlias)
      os_ << " alias";
    break;
  case NodeKind::FuncDecl:
    os_ << ' ' << llvm::cast<FuncDecl>(d)->name->name;
    if (llvm::cast<FuncDecl>(d)->isMethod())
      os_ << " method";
    break;
  default:
    break;
  }
  end();
  ++indent_;
  switch (d->kind()) {
#define DECL(Name)
#define EXPR(Name) case NodeKind::Name:
#define STMT(Name) case NodeKind::Name:
#include "ast_kinds.def"
  case NodeKind::BadDecl:
    break;
  case NodeKind::GenDecl:
    for (const Decl *s : llvm::cast<GenDecl>(d)->specs)
      decl(s);
    break;
  case NodeKind::ImportSpec:
    expr("name", llvm::cast<ImportSpec>(d)->name);
    expr("path", llvm::cast<ImportSpec>(d)->path);
    break;
  case NodeKind::ConstSpec:
    expr("type", llvm::cast<ConstSpec>(d)->type);
    exprs("value", llvm::cast<ConstSpec>(d)->values);
    break;
  case NodeKind::VarSpec:
    expr("type", llvm::cast<VarSpec>(d)->type);
    exprs("value", llvm::cast<VarSpec>(d)->values);
    break;
  case NodeKind::TypeSpec:
    fields("typeparams", llvm::cast<TypeSpec>(d)->typeParams);
    expr("type", llvm::cast<TypeSpec>(d)->type);
    break;
  case NodeKind::FuncDecl: {
    auto *f = llvm::cast<FuncDecl>(d);
    fields("recv", f->recv);
    expr(nullptr, f->type);
    stmt(nullptr, f->body);
    break;
  }
  }
  --indent_;
}

} // namespace

void dumpAST(const SourceFile &file, const SourceManager &sm, llvm::raw_ostream &os) {
  Dumper(sm, os).file(file);
}

} // namespace mp
