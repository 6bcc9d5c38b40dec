// frontend/diagnostics.h: DiagnosticEngine, the one way every stage reports
// a problem.  Ids come from diagnostic_kinds.def; output is Go's
// `file.mp:LINE:COL: error: message` plus the source line and a ^~~ range.
// Colours only when stderr is a terminal and NO_COLOR is unset.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "source.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace mp {

enum class DiagId : uint16_t {
#define DIAG(Id, Severity, Format) Id,
#include "diagnostic_kinds.def"
#undef DIAG
#undef ERROR
#undef WARNING
#undef NOTE
};
enum class DiagSeverity : uint8_t { Error, Warning, Note };

/// Number of ids, and their table entries (for listing and tests).
unsigned numDiagIds();
llvm::StringRef diagIdName(DiagId id);
llvm::StringRef diagFormat(DiagId id);
DiagSeverity diagSeverity(DiagId id);

/// One `{N}` argument: text or an integer.
struct DiagArg {
  std::string text;
  DiagArg(llvm::StringRef s) : text(s.str()) {}
  DiagArg(const char *s) : text(s) {}
  DiagArg(const std::string &s) : text(s) {}
  DiagArg(int64_t v) : text(std::to_string(v)) {}
  DiagArg(int v) : text(std::to_string(v)) {}
  DiagArg(unsigned v) : text(std::to_string(v)) {}
};

/// A formatted diagnostic, as kept by capture mode (unit tests).
struct Diagnostic {
  DiagId id;
  DiagSeverity severity;
  SourceRange range;
  std::string message;
};

/// Formats `format` with `{N}` replaced by args[N].
std::string formatDiag(llvm::StringRef format, llvm::ArrayRef<DiagArg> args);

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceManager &sm,
                            llvm::raw_ostream &os = llvm::errs());

  /// Emits diagnostic `id` at `range` (caret at range.begin, tildes to end).
  void report(DiagId id, SourceRange range, std::initializer_list<DiagArg> args = {});
  void report(DiagId id, SourceLoc loc, std::initializer_list<DiagArg> args = {}) {
    report(id, SourceRange(loc), args);
  }

  unsigned numErrors() const { return numErrors_; }
  bool hasErrors() const { return numErrors_ != 0; }
  /// True once the error limit was hit; stages should stop early.
  bool limitReached() const { return limitReached_; }
  /// Errors after which `too many errors` ends reporting (0: no limit).
  void setErrorLimit(unsigned n) { errorLimit_ = n; }
  void setShowColors(bool on) { colors_ = on; }
  /// Keep diagnostics in `out` instead of printing them.
  void setCapture(std::vector<Diagnostic> *out) { capture_ = out; }

private:
  void print(const Diagnostic &d);
  void printSnippet(SourceRange range);

  const SourceManager &sm_;
  llvm::raw_ostream &os_;
  std::vector<Diagnostic> *capture_ = nullptr;
  unsigned numErrors_ = 0;
  unsigned errorLimit_ = 0;
  bool limitReached_ = false;
  bool colors_ = false;
};

} // namespace mp
