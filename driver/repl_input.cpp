// driver/repl_input.cpp: input completeness and classification for the
// REPL (see repl_input.h).  The scanner knows just enough of MP's lexical
// rules (Go's) to skip brackets inside "..", '..', `..`, // and /* */.
#include "repl_input.h"

#include <cctype>

namespace mp::driver {
namespace {

// Skips comments and whitespace at the start of `s`.
llvm::StringRef skipSpaceAndComments(llvm::StringRef s) {
  for (;;) {
    s = s.ltrim();
    if (s.starts_with("//")) {
      size_t nl = s.find('\n');
      s = nl == llvm::StringRef::npos ? llvm::StringRef() : s.substr(nl + 1);
    } else if (s.starts_with("/*")) {
      size_t end = s.find("*/", 2);
      s = end == llvm::StringRef::npos ? llvm::StringRef() : s.substr(end + 2);
    } else {
      return s;
    }
  }
}

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// After `func`: `Name(...)` and `(r T) Name(...)` declare; anything else
// (`(x int) {...}(1)`, `() (int, error) {...}`) is a function literal.
bool isFuncDecl(llvm::StringRef rest) {
  rest = rest.ltrim();
  if (rest.empty() || rest[0] != '(')
    return !rest.empty() && isIdentChar(rest[0]);
  int depth = 0;
  size_t i = 0;
  for (; i < rest.size(); ++i) {
    if (rest[i] == '(')
      ++depth;
    else if (rest[i] == ')' && --depth == 0)
      break;
  }
  llvm::StringRef after = rest.drop_front(i + 1).ltrim();
  size_t len = 0;
  while (len < after.size() && isIdentChar(after[len]))
    ++len;
  return len > 0 && after.drop_front(len).ltrim().starts_with("(");
}

// The last non-blank line opens a statement whose `{` has not come yet:
// `if x > 0`, `for i := 0; i < n; i++`, `} else`.
bool endsInOpenHeader(llvm::StringRef text) {
  llvm::StringRef body = text.rtrim();
  size_t nl = body.rfind('\n');
  llvm::StringRef line = (nl == llvm::StringRef::npos ? body : body.drop_front(nl + 1)).trim();
  if (line.contains('{') || line.contains("//") || line.contains("/*"))
    return false;
  if (line.consume_front("}"))
    line = line.ltrim();
  size_t len = 0;
  while (len < line.size() && isIdentChar(line[len]))
    ++len;
  llvm::StringRef word = line.take_front(len);
  return word == "if" || word == "for" || word == "switch" || word == "select" ||
         word == "else";
}

} // namespace

bool isCompleteInput(llvm::StringRef text) {
  int depth = 0;
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      while (i < n && text[i] != '\n')
        ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      if (end == llvm::StringRef::npos)
        return false;
      i = end + 2;
      continue;
    }
    if (c == '`') {
      size_t end = text.find('`', i + 1);
      if (end == llvm::StringRef::npos)
        return false;
      i = end + 1;
      continue;
    }
    if (c == '"' || c == '\'') {  // ends at its quote or at the line's end
      for (++i; i < n && text[i] != c && text[i] != '\n'; ++i)
        if (text[i] == '\\')
          ++i;
      ++i;
      continue;
    }
    if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if (c == ')' || c == ']' || c == '}')
      --depth;
    ++i;
  }
  return depth < 0 || (depth == 0 && !endsInOpenHeader(text));
}

InputKind classifyInput(llvm::StringRef text) {
  llvm::StringRef s = skipSpaceAndComments(text);
  if (s.empty())
    return InputKind::Empty;
  if (s[0] == ':')
    return InputKind::Command;
  size_t len = 0;
  while (len < s.size() && isIdentChar(s[len]))
    ++len;
  llvm::StringRef word = s.take_front(len);
  if (word == "import")
    return InputKind::Import;
  if (word == "func")
    return isFuncDecl(s.drop_front(len)) ? InputKind::Decl : InputKind::Stmt;
  if (word == "type" || word == "const")
    return InputKind::Decl;
  return InputKind::Stmt;
}

void splitCommand(llvm::StringRef text, std::string &name, std::string &arg) {
  llvm::StringRef s = skipSpaceAndComments(text).drop_front(1);  // the ':'
  size_t len = 0;
  while (len < s.size() && !std::isspace(static_cast<unsigned char>(s[len])))
    ++len;
  name = s.take_front(len).str();
  arg = s.drop_front(len).trim().str();
}

} // namespace mp::driver
