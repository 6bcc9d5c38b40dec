// driver/repl_diag.cpp: printing REPL diagnostics against the input text
// (see repl_diag.h).  The format is DiagnosticEngine's, with the file name
// `repl` and input-relative lines.
#include "repl_diag.h"

#include <cstdio>
#include <string>

namespace mp::driver {
namespace {

const char *severityName(DiagSeverity s) {
  switch (s) {
  case DiagSeverity::Error: return "error";
  case DiagSeverity::Warning: return "warning";
  case DiagSeverity::Note: return "note";
  }
  return "error";
}

bool hidden(const Diagnostic &d, bool allowValue) {
  if (d.id == DiagId::ImportedNotUsed || d.id == DiagId::DeclaredNotUsed)
    return true;
  return allowValue && d.id == DiagId::NotUsed;
}

void printAtInput(const SourceManager &sm, const Diagnostic &d, const InputView &view) {
  PresumedLoc p = sm.presumed(d.range.begin);
  unsigned line = p.line;  // the input's first line is 1 (addBuffer)
  unsigned col = p.column;
  std::fprintf(stderr, "%s:%u:%u: %s: %s\n", view.name.c_str(), line, col, severityName(d.severity),
               d.message.c_str());
  std::string text = sm.lineText(d.range.begin).str();
  std::string caret(col > 0 ? col - 1 : 0, ' ');
  for (size_t i = 0; i < caret.size() && i < text.size(); ++i)
    if (text[i] == '\t')
      caret[i] = '\t';
  std::fprintf(stderr, "%s\n%s^\n", text.c_str(), caret.c_str());
}

} // namespace

bool reportDiagnostics(const SourceManager &sm, const std::vector<Diagnostic> &diags,
                       const InputView &view, bool allowValue) {
  bool errors = false;
  for (const Diagnostic &d : diags) {
    if (hidden(d, allowValue))
      continue;
    errors |= d.severity == DiagSeverity::Error;
    bool inInput = d.range.begin.isValid() && sm.fileOf(d.range.begin) == view.fileId &&
                   d.range.begin.offset >= view.base + view.prefixBytes;
    if (inInput)
      printAtInput(sm, d, view);
    else
      std::fprintf(stderr, "repl: %s: %s\n", severityName(d.severity), d.message.c_str());
  }
  return errors;
}

void reportAtInput(const SourceManager &sm, SourceLoc loc, const InputView &view,
                   const std::string &message) {
  printAtInput(sm, Diagnostic{DiagId{}, DiagSeverity::Error, SourceRange(loc), message}, view);
}

} // namespace mp::driver
