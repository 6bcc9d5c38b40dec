// driver/check.cpp: `mpc check [--dump-ast] [--dump-tokens] [--parse-only]
// FILE.mp...` — runs the frontend (and, once present, sema) on each file.
// Dumps go to stdout, diagnostics to stderr; exit status 1 on any error.
#include "check.h"

#include <cstdio>
#include <string>
#include <vector>

#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "llvm/Support/raw_ostream.h"

namespace mp::driver {
namespace {

struct CheckOptions {
  bool dumpAST = false;
  bool dumpTokens = false;
  bool parseOnly = false;
  std::vector<std::string> files;
};

void dumpTokens(const SourceManager &sm, int fileId, DiagnosticEngine &diags) {
  Lexer lexer(sm, fileId, diags);
  for (;;) {
    Token t = lexer.next();
    PresumedLoc p = sm.presumed(t.range.begin);
    llvm::outs() << p.line << ':' << p.column << " @" << (t.range.begin.offset -
                                                            sm.locFor(fileId, 0).offset)
                 << ' ' << tokenKindName(t.kind);
    if (t.kind == TokenKind::Semicolon && t.implicit)
      llvm::outs() << " implicit";
    else if (!t.text.empty())
      llvm::outs() << " '" << t.text << "'";
    llvm::outs() << '\n';
    if (t.kind == TokenKind::Eof)
      break;
  }
}

} // namespace

int runCheck(int argc, char **argv) {
  CheckOptions opts;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dump-ast")
      opts.dumpAST = true;
    else if (a == "--dump-tokens")
      opts.dumpTokens = true;
    else if (a == "--parse-only")
      opts.parseOnly = true;
    else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "mpc: error: unknown option for check: %s\n", a.c_str());
      return 1;
    } else
      opts.files.push_back(a);
  }
  if (opts.files.empty()) {
    std::fprintf(stderr, "mpc: error: no input files\n");
    return 1;
  }
  SourceManager sm;
  DiagnosticEngine diags(sm);
  diags.setErrorLimit(10); // as Go's compiler: then "too many errors"
  ASTContext ctx;
  bool failed = false;
  for (const std::string &path : opts.files) {
    std::string err;
    int id = sm.loadFile(path, err);
    if (id < 0) {
      std::fprintf(stderr, "mpc: error: cannot open '%s': %s\n", path.c_str(), err.c_str());
      failed = true;
      continue;
    }
    if (opts.dumpTokens) {
      dumpTokens(sm, id, diags);
      continue;
    }
    SourceFile *file = parseFile(ctx, sm, id, diags);
    if (opts.dumpAST)
      dumpAST(*file, sm, llvm::outs());
  }
  llvm::outs().flush();
  return failed || diags.hasErrors() ? 1 : 0;
}

} // namespace mp::driver
