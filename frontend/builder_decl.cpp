// frontend/builder_decl.cpp: ASTBuilder for declarations, fields and
// parameter lists.  Parameter lists are parsed as a flat list of entries
// (`a`, `b int`, `...T`) and grouped here, as Go's parser does, because an
// LALR(1) grammar cannot tell `func(a, b int)` from `func(int, string)`.
#include "builder.h"

namespace mp {

Field *ASTBuilder::field(SourceRange r, std::vector<IdentExpr *> names, Expr *type, Expr *tag) {
  auto *f = ctx_.make<Field>();
  f->range = r;
  f->names = ctx_.copy(llvm::ArrayRef<IdentExpr *>(names));
  f->type = type;
  f->tag = llvm::dyn_cast_or_null<BasicLitExpr>(tag);
  return f;
}

FieldList *ASTBuilder::params(SourceLoc open, std::vector<RawParam> raw, SourceLoc close) {
  std::vector<Field *> fields;
  bool named = false;
  for (const RawParam &p : raw)
    named |= p.name != nullptr;
  if (!named) {
    for (const RawParam &p : raw)
      fields.push_back(field(p.range, {}, p.type, nullptr));
  } else {
    // `a, b int`: type-only entries that are plain names are names of the
    // next typed entry.
    std::vector<IdentExpr *> pending;
    SourceLoc pendingBegin;
    for (const RawParam &p : raw) {
      if (!p.name) {
        if (auto *id = llvm::dyn_cast<IdentExpr>(p.type)) {
          if (pending.empty())
            pendingBegin = p.range.begin;
          pending.push_back(id);
          continue;
        }
        diags_.report(DiagId::SyntaxMixedNamedParams, p.range);
        fields.push_back(field(p.range, {}, p.type, nullptr));
        continue;
      }
      SourceLoc begin = pending.empty() ? p.range.begin : pendingBegin;
      pending.push_back(p.name);
      fields.push_back(field(SourceRange(begin, p.range.end), pending, p.type, nullptr));
      pending.clear();
    }
    if (!pending.empty()) {
      diags_.report(DiagId::SyntaxMixedNamedParams, pending.back()->range);
      for (IdentExpr *id : pending)
        fields.push_back(field(id->range, {}, id, nullptr));
    }
  }
  for (size_t i = 0; i < fields.size(); ++i)
    if (llvm::isa<EllipsisExpr>(fields[i]->type) &&
        (i + 1 != fields.size() || fields[i]->names.size() > 1))
      diags_.report(DiagId::VariadicNotFinal, fields[i]->type->range);
  return ctx_.make<FieldList>(open, close, ctx_.copy(llvm::ArrayRef<Field *>(fields)));
}

FieldList *ASTBuilder::resultType(Expr *type) {
  Field *f = field(type->range, {}, type, nullptr);
  return ctx_.make<FieldList>(SourceLoc(), SourceLoc(),
                              ctx_.copy(llvm::ArrayRef<Field *>(&f, 1)));
}

FieldList *ASTBuilder::typeParams(SourceLoc open, std::vector<Field *> fields,
                                  SourceLoc close) {
  return ctx_.make<FieldList>(open, close, ctx_.copy(llvm::ArrayRef<Field *>(fields)));
}

Decl *ASTBuilder::importSpec(SourceRange r, IdentExpr *name, const Token &path) {
  return ctx_.create<ImportSpec>(r, name, llvm::cast<BasicLitExpr>(basicLit(path)));
}

Decl *ASTBuilder::constSpec(SourceRange r, std::vector<IdentExpr *> names, Expr *type,
                            std::vector<Expr *> values) {
  return ctx_.create<ConstSpec>(r, ctx_.copy(llvm::ArrayRef<IdentExpr *>(names)), type,
                                ctx_.copy(llvm::ArrayRef<Expr *>(values)), 0);
}

Decl *ASTBuilder::varSpec(SourceRange r, std::vector<IdentExpr *> names, Expr *type,
                          std::vector<Expr *> values) {
  return ctx_.create<VarSpec>(r, ctx_.copy(llvm::ArrayRef<IdentExpr *>(names)), type,
                              ctx_.copy(llvm::ArrayRef<Expr *>(values)));
}

Decl *ASTBuilder::typeSpec(SourceRange r, IdentExpr *name, FieldList *tparams, bool alias,
                           Expr *type) {
  return ctx_.create<TypeSpec>(r, name, tparams, alias, type);
}

Decl *ASTBuilder::genDecl(SourceRange r, TokenKind tok, std::vector<Decl *> specs,
                          SourceLoc lp, SourceLoc rp) {
  if (tok == TokenKind::KwConst) {
    // iota counts specs in the group; a spec without type and values
    // repeats the last one that had them.
    ConstSpec *last = nullptr;
    uint32_t iota = 0;
    for (Decl *d : specs) {
      auto *cs = llvm::dyn_cast<ConstSpec>(d);
      if (!cs)
        continue;
      cs->iota = iota++;
      if (cs->type || !cs->values.empty())
        last = cs;
      else if (last)
        cs->implicitFrom = last;
    }
  }
  return ctx_.create<GenDecl>(r, tok, ctx_.copy(llvm::ArrayRef<Decl *>(specs)), lp, rp);
}

Decl *ASTBuilder::funcDecl(SourceRange r, FieldList *recv, IdentExpr *name, FieldList *tparams,
                           FuncTypeExpr *sig, Stmt *body) {
  if (recv) {
    unsigned n = recv->numEntries();
    if (n == 0)
      diags_.report(DiagId::NoReceiver, SourceRange(recv->open, recv->close));
    else if (n > 1)
      diags_.report(DiagId::MultipleReceivers, SourceRange(recv->open, recv->close));
  }
  sig->typeParams = tparams;
  return ctx_.create<FuncDecl>(r, recv, name, sig, llvm::cast_or_null<BlockStmt>(body));
}

Decl *ASTBuilder::badDecl(SourceRange r) { return ctx_.create<BadDecl>(r); }

SourceFile *ASTBuilder::file(SourceRange r, int fileId, IdentExpr *pkg,
                             std::vector<Decl *> decls) {
  std::vector<GenDecl *> imports;
  bool sawOther = false;
  for (Decl *d : decls) {
    auto *gd = llvm::dyn_cast<GenDecl>(d);
    if (gd && gd->tok == TokenKind::KwImport) {
      if (sawOther)
        diags_.report(DiagId::SyntaxImportsAfterDecls, gd->range.begin);
      imports.push_back(gd);
    } else if (!llvm::isa<BadDecl>(d)) {
      sawOther = true;
    }
  }
  auto *f = ctx_.make<SourceFile>();
  f->fileId = fileId;
  f->package = pkg;
  f->imports = ctx_.copy(llvm::ArrayRef<GenDecl *>(imports));
  f->decls = ctx_.copy(llvm::ArrayRef<Decl *>(decls));
  f->range = r;
  return f;
}

void ASTBuilder::finish() {
  for (TypeAssertExpr *ta : typeGuards_)
    diags_.report(DiagId::TypeSwitchGuardOutside, ta->range);
  typeGuards_.clear();
}

} // namespace mp
