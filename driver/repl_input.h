// driver/repl_input.h: how the REPL reads MP text: when an input is
// complete (brackets balanced, no open raw string or block comment) and what
// kind of input it is.  Pure functions over text; no compiler state.
#pragma once

#include <string>

#include "llvm/ADT/StringRef.h"

namespace mp::driver {

/// True when `text` can be compiled as it is: every ( [ { opened outside
/// strings and comments is closed, and no raw string or /* comment is open.
/// Unbalanced closers count as complete (the parser reports them).  An
/// input whose last line is an if/for/switch/select header or an else
/// without its `{` is not complete either: the `{` may come next (C style;
/// the parser then says "expecting { after if clause" at the header).
bool isCompleteInput(llvm::StringRef text);

enum class InputKind {
  Empty,      // blank or only comments
  Command,    // `:help`, `:type x`, ...
  Import,     // import "fmt"
  Decl,       // func, type, const: persistent package-level declarations
  Stmt,       // statements, `x := e`, `var x = e`, bare expressions
};

/// Classifies an input by its first word.
InputKind classifyInput(llvm::StringRef text);

/// `:name rest` -> name and the argument text (trimmed).
void splitCommand(llvm::StringRef text, std::string &name, std::string &arg);

} // namespace mp::driver
