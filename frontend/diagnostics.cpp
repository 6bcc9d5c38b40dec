// frontend/diagnostics.cpp: formatting and printing of diagnostics.
// The snippet under a message copies the line's tabs into the caret line so
// the caret stays aligned whatever the terminal's tab width.
#include "diagnostics.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace mp {
namespace {

struct DiagInfo {
  const char *name;
  DiagSeverity severity;
  const char *format;
};

constexpr DiagInfo kDiagTable[] = {
#define DIAG(Id, Severity, Format) {#Id, DiagSeverity::Severity, Format},
#include "diagnostic_kinds.def"
#undef DIAG
#undef ERROR
#undef WARNING
#undef NOTE
};

const char *severityName(DiagSeverity s) {
  switch (s) {
  case DiagSeverity::Error:
    return "error";
  case DiagSeverity::Warning:
    return "warning";
  case DiagSeverity::Note:
    return "note";
  }
  return "error";
}

llvm::raw_ostream::Colors severityColor(DiagSeverity s) {
  switch (s) {
  case DiagSeverity::Error:
    return llvm::raw_ostream::RED;
  case DiagSeverity::Warning:
    return llvm::raw_ostream::MAGENTA;
  case DiagSeverity::Note:
    return llvm::raw_ostream::CYAN;
  }
  return llvm::raw_ostream::RED;
}

} // namespace

unsigned numDiagIds() { return sizeof(kDiagTable) / sizeof(kDiagTable[0]); }
llvm::StringRef diagIdName(DiagId id) { return kDiagTable[unsigned(id)].name; }
llvm::StringRef diagFormat(DiagId id) { return kDiagTable[unsigned(id)].format; }
DiagSeverity diagSeverity(DiagId id) { return kDiagTable[unsigned(id)].severity; }

std::string formatDiag(llvm::StringRef format, llvm::ArrayRef<DiagArg> args) {
  std::string out;
  out.reserve(format.size() + 16);
  for (size_t i = 0; i < format.size(); ++i) {
    char c = format[i];
    if (c == '{' && i + 2 < format.size() && format[i + 2] == '}' &&
        format[i + 1] >= '0' && format[i + 1] <= '9') {
      unsigned n = format[i + 1] - '0';
      if (n < args.size())
        out += args[n].text;
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

DiagnosticEngine::DiagnosticEngine(const SourceManager &sm, llvm::raw_ostream &os)
    : sm_(sm), os_(os) {
  colors_ = std::getenv("NO_COLOR") == nullptr && &os == &llvm::errs() &&
            ::isatty(2);
}

void DiagnosticEngine::report(DiagId id, SourceRange range,
                              std::initializer_list<DiagArg> args) {
  if (limitReached_)
    return;
  Diagnostic d{id, diagSeverity(id), range,
               formatDiag(diagFormat(id), llvm::ArrayRef<DiagArg>(args.begin(), args.size()))};
  if (d.severity == DiagSeverity::Error) {
    if (errorLimit_ && numErrors_ == errorLimit_) {
      limitReached_ = true;
      d = Diagnostic{DiagId::TooManyErrors, DiagSeverity::Error, range,
                     diagFormat(DiagId::TooManyErrors).str()};
    }
    ++numErrors_;
  }
  if (capture_) {
    capture_->push_back(std::move(d));
    return;
  }
  print(d);
}

void DiagnosticEngine::print(const Diagnostic &d) {
  PresumedLoc p = sm_.presumed(d.range.begin);
  if (colors_)
    os_.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  if (p.isValid())
    os_ << p.file << ':' << p.line << ':' << p.column << ": ";
  else
    os_ << "mpc: ";
  if (colors_)
    os_.changeColor(severityColor(d.severity), /*Bold=*/true);
  os_ << severityName(d.severity) << ": ";
  if (colors_)
    os_.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  os_ << d.message << '\n';
  if (colors_)
    os_.resetColor();
  if (p.isValid())
    printSnippet(d.range);
  os_.flush();
}

// Lines longer than this are shown as a window around the caret, so a
// minified or generated file (or a binary one) does not flood the terminal.
constexpr unsigned kSnippetWidth = 120;

// The part of `line` shown under a message: at most kSnippetWidth bytes
// around column `col`, cut at UTF-8 character boundaries.  `first` is the
// byte offset of the window in `line`.
static llvm::StringRef snippetWindow(llvm::StringRef line, unsigned col, unsigned &first) {
  first = 0;
  if (line.size() <= kSnippetWidth)
    return line;
  auto isCont = [&](unsigned i) { return i < line.size() && (uint8_t(line[i]) & 0xC0) == 0x80; };
  unsigned begin = col > kSnippetWidth / 2 ? col - kSnippetWidth / 2 : 0;
  begin = std::min<unsigned>(begin, line.size() > kSnippetWidth ? line.size() - kSnippetWidth : 0);
  // Back to a character boundary, never past `col` (a stray continuation
  // byte at the start of the line stays in the window).
  while (begin > 0 && isCont(begin))
    --begin;
  unsigned end = std::min<unsigned>(begin + kSnippetWidth, line.size());
  while (isCont(end))
    ++end;
  first = begin;
  return line.slice(begin, end);
}

void DiagnosticEngine::printSnippet(SourceRange range) {
  llvm::StringRef full = sm_.lineText(range.begin);
  PresumedLoc b = sm_.presumed(range.begin);
  unsigned first;
  llvm::StringRef line = snippetWindow(full, b.column - 1, first);
  unsigned col = b.column - 1 >= first ? b.column - 1 - first : 0;
  // Tildes stop at the end of the shown text for ranges spanning several
  // lines or running past the window.
  unsigned endCol = col + 1;
  if (range.end.offset > range.begin.offset) {
    PresumedLoc e = sm_.presumed(range.end);
    endCol = e.line == b.line ? e.column - 1 - first : unsigned(line.size());
    endCol = std::min<unsigned>(endCol, line.size());
    if (endCol <= col)
      endCol = col + 1;
  }
  const char *lead = first > 0 ? "..." : "";
  const char *trail = first + line.size() < full.size() ? "..." : "";
  std::string text = lead, caret(std::strlen(lead), ' ');
  // Control characters (a binary file, a stray escape) would garble the
  // terminal: each shows as '?', which keeps the caret's column.
  for (char c : line)
    text += (uint8_t(c) < 0x20 && c != '\t') || c == 0x7f ? '?' : c;
  text += trail;
  for (unsigned i = 0; i < col && i < line.size(); ++i)
    caret += line[i] == '\t' ? '\t' : ' ';
  if (col > line.size())
    caret.append(col - line.size(), ' ');
  caret += '^';
  if (endCol > col + 1)
    caret.append(endCol - col - 1, '~');
  os_ << text << '\n';
  if (colors_)
    os_.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  os_ << caret << '\n';
  if (colors_)
    os_.resetColor();
}

} // namespace mp
