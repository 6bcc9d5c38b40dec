// driver/repl_autoimport.h: the REPL imports a standard package the first
// time an input names it without an import (`fmt.Println("hi")` works in a
// fresh session).  Only names that are undefined and are the default name
// of a standard package qualify; any other undefined name stays an error.
#pragma once

#include <string>
#include <vector>

#include "frontend/diagnostics.h"

namespace mp::driver {

/// The import specs (`"fmt"`, `"math/rand"`) of standard packages that
/// `diags` report as undefined names and `imports` does not hold yet.
std::vector<std::string> missingStdImports(const std::vector<Diagnostic> &diags,
                                           const std::vector<std::string> &imports);

/// The name an import spec (`"math/rand"`, `m "math"`) binds: rand, m.
std::string importedName(const std::string &spec);

/// True if `diags` hold an error other than "is not used" (which a lone
/// REPL expression is allowed).
bool hasRealErrors(const std::vector<Diagnostic> &diags);

} // namespace mp::driver
