// frontend/parser.h: the frontend's entry points — parse a file into an AST,
// and print an AST (`mpc check --dump-ast`).  Parsing never fails outright:
// syntax errors are reported to the DiagnosticEngine and leave Bad* nodes.
#pragma once

#include "ast.h"
#include "diagnostics.h"
#include "llvm/Support/raw_ostream.h"

namespace mp {

/// Deepest nesting of brackets/blocks or of expression trees the parser
/// accepts; deeper input is an error (NestingTooDeep), so every recursive
/// walker of the AST needs at most this many frames.
constexpr unsigned kMaxNestingDepth = 1000;

/// Parses file `fileId` of `sm`.  The result lives in `ctx`.
SourceFile *parseFile(ASTContext &ctx, const SourceManager &sm, int fileId,
                      DiagnosticEngine &diags);

/// Prints `file` one node per line, indented, with kind, attributes and
/// `line:col` (the format FileCheck tests rely on).
void dumpAST(const SourceFile &file, const SourceManager &sm, llvm::raw_ostream &os);

} // namespace mp
