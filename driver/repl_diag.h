// driver/repl_diag.h: diagnostics of a REPL input, printed against the text
// the user typed: `repl:LINE:COL: error: ...`, the input line and a caret,
// with LINE counted within the input (the REPL numbers the wrapper line it
// adds before the input 0).  Problems in the session's own files print without a
// position.
#pragma once

#include <string>
#include <vector>

#include "frontend/diagnostics.h"

namespace mp::driver {

/// Where the user's text sits in the file the REPL compiled.
struct InputView {
  std::string name = "repl";  // shown as the file name
  int fileId = -1;
  uint32_t base = 0;         // the file's first SourceLoc offset
  size_t prefixBytes = 0;    // wrapper text before the input
};

/// Prints `diags` to stderr, except unused-import/variable warnings (the
/// session's imports and variables are shared by every input) and, when
/// `allowValue`, "is not used" errors (a bare expression is printed).
/// Returns true if an error remained.
bool reportDiagnostics(const SourceManager &sm, const std::vector<Diagnostic> &diags,
                       const InputView &view, bool allowValue);

/// Prints an error of the REPL itself (not of the compiler) at `loc` in
/// the input, in the same format.
void reportAtInput(const SourceManager &sm, SourceLoc loc, const InputView &view,
                   const std::string &message);

} // namespace mp::driver
