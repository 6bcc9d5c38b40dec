// sema/expr_string.cpp: prints an expression the way Go's messages quote it
// (types2's short form): `1 << 70` with one space around binary operators
// whatever the source spacing, composite literals as `T{…}`, function
// literals as `func(x int) {…}`.  Messages then read exactly like Go's.
#include "sema/checker.h"

using llvm::cast;

namespace mp::sema {

static void print(const Expr *e, std::string &out);

static void printList(llvm::ArrayRef<Expr *> xs, std::string &out) {
  for (size_t i = 0; i < xs.size(); ++i) {
    if (i)
      out += ", ";
    print(xs[i], out);
  }
}

// `a, b int, c ...string` (parameters) or `a int; b string` (struct fields).
static void printFields(const FieldList *list, const char *sep, std::string &out) {
  if (!list)
    return;
  for (size_t i = 0; i < list->fields.size(); ++i) {
    const mp::Field *f = list->fields[i];
    if (i)
      out += sep;
    for (size_t j = 0; j < f->names.size(); ++j)
      out += (j ? ", " : "") + f->names[j]->name.str();
    if (!f->names.empty())
      out += ' ';
    print(f->type, out);
  }
}

static void printSignature(const FuncTypeExpr *ft, std::string &out) {
  out += '(';
  printFields(ft->params, ", ", out);
  out += ')';
  if (!ft->results || ft->results->fields.empty())
    return;
  const FieldList *rs = ft->results;
  bool paren = rs->fields.size() > 1 || !rs->fields[0]->names.empty();
  out += paren ? " (" : " ";
  printFields(rs, ", ", out);
  if (paren)
    out += ')';
}

static void print(const Expr *e, std::string &out) {
  if (!e)
    return;
  switch (e->kind()) {
  case NodeKind::BadExpr:
    out += "BadExpr";
    return;
  case NodeKind::IdentExpr:
    out += cast<IdentExpr>(e)->name.str();
    return;
  case NodeKind::BasicLitExpr:
    out += cast<BasicLitExpr>(e)->spelling.str();
    return;
  case NodeKind::CompositeLitExpr:
    print(cast<CompositeLitExpr>(e)->type, out);
    out += cast<CompositeLitExpr>(e)->elts.empty() ? "{}" : "{…}";
    return;
  case NodeKind::KeyValueExpr:
    print(cast<KeyValueExpr>(e)->key, out);
    out += ": ";
    print(cast<KeyValueExpr>(e)->value, out);
    return;
  case NodeKind::FuncLitExpr:
    out += "func";
    printSignature(cast<FuncLitExpr>(e)->type, out);
    out += " {…}";
    return;
  case NodeKind::ParenExpr:
    out += '(';
    print(cast<ParenExpr>(e)->x, out);
    out += ')';
    return;
  case NodeKind::SelectorExpr:
    print(cast<SelectorExpr>(e)->x, out);
    out += '.';
    out += cast<SelectorExpr>(e)->sel->name.str();
    return;
  case NodeKind::IndexExpr:
    print(cast<IndexExpr>(e)->x, out);
    out += '[';
    printList(cast<IndexExpr>(e)->indices, out);
    out += ']';
    return;
  case NodeKind::SliceExpr: {
    auto *s = cast<SliceExpr>(e);
    print(s->x, out);
    out += '[';
    print(s->low, out);
    out += ':';
    print(s->high, out);
    if (s->slice3) {
      out += ':';
      print(s->max, out);
    }
    out += ']';
    return;
  }
  case NodeKind::TypeAssertExpr: {
    auto *t = cast<TypeAssertExpr>(e);
    print(t->x, out);
    out += ".(";
    if (t->type)
      print(t->type, out);
    else
      out += "type";
    out += ')';
    return;
  }
  case NodeKind::CallExpr: {
    auto *c = cast<CallExpr>(e);
    print(c->fun, out);
    out += '(';
    printList(c->args, out);
    if (c->hasEllipsis)
      out += "...";
    out += ')';
    return;
  }
  case NodeKind::StarExpr:
    out += '*';
    print(cast<StarExpr>(e)->x, out);
    return;
  case NodeKind::UnaryExpr:
    out += tokenSpelling(cast<UnaryExpr>(e)->op).str();
    print(cast<UnaryExpr>(e)->x, out);
    return;
  case NodeKind::BinaryExpr: {
    auto *b = cast<BinaryExpr>(e);
    print(b->x, out);
    out += ' ' + tokenSpelling(b->op).str() + ' ';
    print(b->y, out);
    return;
  }
  case NodeKind::EllipsisExpr:
    out += "...";
    print(cast<EllipsisExpr>(e)->elt, out);
    return;
  case NodeKind::ArrayTypeExpr:
    out += '[';
    print(cast<ArrayTypeExpr>(e)->len, out);
    out += ']';
    print(cast<ArrayTypeExpr>(e)->elem, out);
    return;
  case NodeKind::SliceTypeExpr:
    out += "[]";
    print(cast<SliceTypeExpr>(e)->elem, out);
    return;
  case NodeKind::MapTypeExpr:
    out += "map[";
    print(cast<MapTypeExpr>(e)->key, out);
    out += ']';
    print(cast<MapTypeExpr>(e)->value, out);
    return;
  case NodeKind::ChanTypeExpr: {
    auto *c = cast<ChanTypeExpr>(e);
    out += c->dir == mp::ChanDir::Recv ? "<-chan " : c->dir == mp::ChanDir::Send ? "chan<- " : "chan ";
    print(c->elem, out);
    return;
  }
  case NodeKind::FuncTypeExpr:
    out += "func";
    printSignature(cast<FuncTypeExpr>(e), out);
    return;
  case NodeKind::StructTypeExpr:
    out += "struct{";
    printFields(cast<StructTypeExpr>(e)->fields, "; ", out);
    out += '}';
    return;
  case NodeKind::InterfaceTypeExpr:
    out += "interface{…}";
    return;
  default:
    out += "expression";
    return;
  }
}

std::string Checker::exprText(const Expr *e) const {
  std::string out;
  print(e, out);
  return out;
}

} // namespace mp::sema
