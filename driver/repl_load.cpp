// driver/repl_load.cpp: `:load FILE` — feeds an MP source file to the
// session in the order its parts need: imports first, then every type,
// const and func declaration as one input (they may refer to each other in
// any order), then each package `var` as a statement input (its
// initialiser may call those functions).  The declaration input keeps the
// file's line numbers (other parts are blanked out, newlines kept), so
// diagnostics name FILE:LINE:COL.
#include "repl_session.h"

#include <cstdio>

#include "frontend/parser.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mp::driver {
namespace {

// Replaces [b, e) of `text` by spaces, keeping newlines.
void blank(std::string &text, size_t b, size_t e) {
  for (size_t i = b; i < e && i < text.size(); ++i)
    if (text[i] != '\n')
      text[i] = ' ';
}

} // namespace

void ReplSession::loadFile(const std::string &path) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf) {
    std::fprintf(stderr, "cannot open '%s': %s\n", path.c_str(), buf.getError().message().c_str());
    return;
  }
  std::string text = (*buf)->getBuffer().str();
  SourceManager sm;
  DiagnosticEngine diags(sm);
  ASTContext ast;
  int id = sm.addBuffer(path, text);
  SourceFile *file = parseFile(ast, sm, id, diags);
  if (diags.hasErrors())
    return;
  uint32_t base = sm.locFor(id, 0).offset;
  auto slice = [&](const Node *n) {
    return text.substr(n->range.begin.offset - base, n->range.end.offset - n->range.begin.offset);
  };
  std::string decls = text;
  std::vector<std::string> imports, vars;
  if (file->package)
    blank(decls, 0, file->package->range.end.offset - base);
  for (Decl *d : file->decls) {
    auto *g = llvm::dyn_cast<GenDecl>(d);
    if (!g || (g->tok != TokenKind::KwImport && g->tok != TokenKind::KwVar))
      continue;
    (g->tok == TokenKind::KwImport ? imports : vars).push_back(slice(g));
    blank(decls, g->range.begin.offset - base, g->range.end.offset - base);
  }
  InputName = path;
  for (const std::string &imp : imports)
    evalImport(imp);
  size_t before = Decls.size();
  evalDecl(decls);
  if (Decls.size() > before)
    for (const std::string &v : vars)
      evalStmt(v);
  InputName = "repl";
}

} // namespace mp::driver
