// frontend/ast.cpp: out-of-line helpers of the AST (kind names, counts).
#include "ast.h"

namespace mp {

llvm::StringRef nodeKindName(NodeKind k) {
  static constexpr const char *kNames[] = {
#define NODE(Name) #Name,
#include "ast_kinds.def"
  };
  return kNames[unsigned(k)];
}

unsigned FieldList::numEntries() const {
  unsigned n = 0;
  for (const Field *f : fields)
    n += f->names.empty() ? 1 : f->names.size();
  return n;
}

} // namespace mp
