// driver/check.cpp: `mpc check [--dump-ast] [--dump-tokens] [--dump-types]
// [--parse-only] [--require-main] FILE.mp...` — parses every file, then
// type-checks them together as one program (sema); --require-main makes a
// missing func main an error, as building a program does.  Each dump stops at its stage:
// --dump-tokens/--dump-ast never run sema (parser tests use snippets that
// need not type-check).  Sema is skipped after syntax errors, as Go does, so
// one typo is not followed by a cascade of type errors.
// Dumps go to stdout, diagnostics to stderr; exit status 1 on any error.
#include "check.h"

#include <cstdio>
#include <string>
#include <vector>

#include "frontend/lexer.h"
#include "frontend/parser.h"
#include "sema/sema.h"
#include "llvm/Support/raw_ostream.h"

namespace mp::driver {
namespace {

struct CheckOptions {
  bool dumpAST = false;
  bool dumpTokens = false;
  bool parseOnly = false;
  bool dumpTypes = false;
  bool requireMain = false;
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
    else if (a == "--dump-types")
      opts.dumpTypes = true;
    else if (a == "--parse-only")
      opts.parseOnly = true;
    else if (a == "--require-main")
      opts.requireMain = true;
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
  std::vector<SourceFile *> parsed;
  for (const std::string &path : opts.files) {
    std::string err;
    int id = sm.loadFile(path, err);
    if (id < 0) {
      std::fprintf(stderr, "mpc: error: cannot read '%s': %s\n", path.c_str(), err.c_str());
      failed = true;
      continue;
    }
    if (opts.dumpTokens) {
      dumpTokens(sm, id, diags);
      continue;
    }
    SourceFile *file = parseFile(ctx, sm, id, diags);
    parsed.push_back(file);
    if (opts.dumpAST)
      dumpAST(*file, sm, llvm::outs());
  }
  bool runSema = !opts.parseOnly && !opts.dumpTokens && !opts.dumpAST && !failed && !diags.hasErrors();
  if (runSema) {
    sema::CheckOptions semaOpts;
    semaOpts.requireMain = opts.requireMain;
    auto prog = sema::check(ctx, parsed, sm, diags, semaOpts);
    if (opts.dumpTypes)
      sema::dumpTypes(*prog, parsed, sm, llvm::outs());
  }
  llvm::outs().flush();
  return failed || diags.hasErrors() ? 1 : 0;
}

} // namespace mp::driver
