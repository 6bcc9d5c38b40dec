// frontend/token.cpp: names and spellings of token kinds (token_kinds.def).
#include "token.h"

namespace mp {

llvm::StringRef tokenSpelling(TokenKind k) {
  static constexpr const char *kSpellings[] = {
#define TOK(Name, Desc) Desc,
#include "token_kinds.def"
  };
  return kSpellings[unsigned(k)];
}

llvm::StringRef tokenKindName(TokenKind k) {
  static constexpr const char *kNames[] = {
#define TOK(Name, Desc) #Name,
#include "token_kinds.def"
  };
  return kNames[unsigned(k)];
}

} // namespace mp
