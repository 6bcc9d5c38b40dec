// driver/repl_autoimport.cpp: which undefined names of a REPL input are
// standard packages it forgot to import (see repl_autoimport.h).
#include "repl_autoimport.h"

#include <algorithm>

#include "llvm/ADT/StringRef.h"

namespace mp::driver {
namespace {

struct StdPackage {
  const char *name;  // the name an input uses
  const char *path;  // the import path
};

// The standard packages MP provides (LANGUAGE.md), by default name.
constexpr StdPackage kStdPackages[] = {
    {"fmt", "fmt"},       {"strings", "strings"}, {"strconv", "strconv"}, {"time", "time"},
    {"math", "math"},     {"os", "os"},           {"sort", "sort"},       {"errors", "errors"},
    {"sync", "sync"},     {"bufio", "bufio"},     {"rand", "math/rand"},
};

const StdPackage *stdPackageNamed(llvm::StringRef name) {
  for (const StdPackage &p : kStdPackages)
    if (name == p.name)
      return &p;
  return nullptr;
}

} // namespace

std::vector<std::string> missingStdImports(const std::vector<Diagnostic> &diags,
                                           const std::vector<std::string> &imports) {
  std::vector<std::string> specs;
  for (const Diagnostic &d : diags) {
    llvm::StringRef name(d.message);
    if (d.id != DiagId::Undefined || !name.consume_front("undefined: "))
      continue;
    const StdPackage *pkg = stdPackageNamed(name);
    if (!pkg)
      continue;
    std::string spec = "\"" + std::string(pkg->path) + "\"";
    if (std::find(imports.begin(), imports.end(), spec) == imports.end() &&
        std::find(specs.begin(), specs.end(), spec) == specs.end())
      specs.push_back(spec);
  }
  return specs;
}

std::string importedName(const std::string &spec) {
  llvm::StringRef s(spec);
  size_t quote = s.find('"');
  llvm::StringRef alias = s.substr(0, quote).trim();
  if (!alias.empty())
    return alias.str();
  llvm::StringRef path = s.substr(quote).trim('"');
  return path.rsplit('/').second.empty() ? path.str() : path.rsplit('/').second.str();
}

bool hasRealErrors(const std::vector<Diagnostic> &diags) {
  return std::any_of(diags.begin(), diags.end(), [](const Diagnostic &d) {
    return d.severity == DiagSeverity::Error && d.id != DiagId::NotUsed;
  });
}

} // namespace mp::driver
