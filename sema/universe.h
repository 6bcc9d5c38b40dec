// sema/universe.h: the predeclared world: Go's universe scope (types,
// true/false/iota/nil, builtins) and the standard packages MP provides,
// built once per compilation from builtins.def and stdlib_packages.def.
#ifndef MP_SEMA_UNIVERSE_H
#define MP_SEMA_UNIVERSE_H

#include <memory>
#include <string>
#include <vector>

#include "sema/objects.h"

namespace mp::sema {

class Universe {
public:
  Universe(TypeContext &types, ObjectArena &arena);
  Scope *scope() { return Scope_; }
  // The package imported as `path`, or null if MP does not provide it.
  const StdPackage *package(llvm::StringRef path) const;
  // "bufio, errors, fmt, ..." for the unknown-import message.
  std::string providedList() const;
  const std::vector<std::unique_ptr<StdPackage>> &packages() const { return Packages; }
  Object *iota() const { return Iota; }

private:
  void declareUniverse(TypeContext &types, ObjectArena &arena);
  void declarePackages(TypeContext &types, ObjectArena &arena);

  Scope *Scope_;
  Object *Iota = nullptr;
  std::vector<std::unique_ptr<StdPackage>> Packages;
};

} // namespace mp::sema

#endif
