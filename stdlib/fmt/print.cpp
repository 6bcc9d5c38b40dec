// stdlib/fmt/print.cpp: how one operand prints under one verb — Go's
// fmt/print.go printArg/printValue walking mp_type descriptors instead of
// reflect: Error()/String() methods (Error first) for %v %s %x %X %q,
// `&{...}` for a pointer to a composite only at top level, `<nil>` in Go's
// places, maps sorted by key (sort.cpp), %!verb(type=value) for bad verbs,
// and %#v's Go syntax: main.T{A:1, B:"x"}, []int(nil), (*main.T)(0xc...).
// Go's fmt recovers a panic in a String method on a nil pointer and prints
// <nil>; we print <nil> for nil pointers without calling the method.
#include "printer.hpp"
#include "sort.hpp"

#include "mp/utf8.hpp"
#include "mp/values.h"

#include <cstring>

namespace mp::fmt {

std::string_view view(mp_string s) {
  return {reinterpret_cast<const char *>(s.ptr), static_cast<size_t>(s.len)};
}
std::string_view typeName(const mp_type *t) { return view(t->name); }

// Go's reflect refuses Interface() on values reached through unexported
// fields, so fmt does not call their methods.
bool isExported(std::string_view name) {
  if (name.empty())
    return false;
  auto c = static_cast<unsigned char>(name[0]);
  return (c >= 'A' && c <= 'Z');  // MP identifiers in v1 are ASCII
}

namespace {

template <typename T> T load(const void *p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool isSignedInt(mp_kind k) {
  return k == MP_KIND_INT || k == MP_KIND_INT8 || k == MP_KIND_INT16 || k == MP_KIND_INT32 ||
         k == MP_KIND_INT64;
}

uint64_t loadInteger(const mp_type *t, const void *p) {
  switch (t->kind) {
  case MP_KIND_INT8: return static_cast<uint64_t>(int64_t{load<int8_t>(p)});
  case MP_KIND_INT16: return static_cast<uint64_t>(int64_t{load<int16_t>(p)});
  case MP_KIND_INT32: return static_cast<uint64_t>(int64_t{load<int32_t>(p)});
  case MP_KIND_UINT8: return load<uint8_t>(p);
  case MP_KIND_UINT16: return load<uint16_t>(p);
  case MP_KIND_UINT32: return load<uint32_t>(p);
  default: return load<uint64_t>(p);  // int, int64, uint, uint64, uintptr
  }
}

// The address %p and %v print for reference kinds.
uint64_t pointerOf(Value v) {
  if (v.type->kind == MP_KIND_SLICE)
    return reinterpret_cast<uintptr_t>(load<mp_slice>(v.ptr).ptr);
  return reinterpret_cast<uintptr_t>(load<void *>(v.ptr));
}

} // namespace

void Printer::badVerb(char32_t verb) {
  erroring = true;
  buf += "%!";
  utf8::append(buf, verb);
  buf += '(';
  if (cur.type) {
    buf.append(typeName(cur.type));
    buf += '=';
    printValue(cur, 'v', 0, false);  // under the same flags, as Go does
  } else {
    buf += "<nil>";
  }
  buf += ')';
  erroring = false;
}

void Printer::fmtBool(bool v, char32_t verb) {
  if (verb == 't' || verb == 'v')
    fmtBoolean(v);
  else
    badVerb(verb);
}

void Printer::fmtIntegerVerb(uint64_t v, bool isSigned, char32_t verb) {
  switch (verb) {
  case 'v':
    if (f.sharpV && !isSigned)
      fmt0x64(v, true);
    else
      fmtInteger(v, 10, isSigned, verb, false);
    return;
  case 'd': fmtInteger(v, 10, isSigned, verb, false); return;
  case 'b': fmtInteger(v, 2, isSigned, verb, false); return;
  case 'o':
  case 'O': fmtInteger(v, 8, isSigned, verb, false); return;
  case 'x': fmtInteger(v, 16, isSigned, verb, false); return;
  case 'X': fmtInteger(v, 16, isSigned, verb, true); return;
  case 'c': fmtC(v); return;
  case 'q': fmtQc(v); return;
  case 'U': fmtUnicode(v); return;
  default: badVerb(verb);
  }
}

void Printer::fmtFloat(double v, int size, char32_t verb) {
  switch (verb) {
  case 'v': fmtFloatF(v, size, 'g', -1); return;
  case 'b':
  case 'g':
  case 'G':
  case 'x':
  case 'X': fmtFloatF(v, size, static_cast<char>(verb), -1); return;
  case 'f':
  case 'e':
  case 'E': fmtFloatF(v, size, static_cast<char>(verb), 6); return;
  case 'F': fmtFloatF(v, size, 'f', 6); return;
  default: badVerb(verb);
  }
}

void Printer::fmtString(std::string_view s, char32_t verb) {
  switch (verb) {
  case 'v':
    if (f.sharpV)
      fmtQ(s);
    else
      fmtS(s);
    return;
  case 's': fmtS(s); return;
  case 'x': fmtSbx(s, false); return;
  case 'X': fmtSbx(s, true); return;
  case 'q': fmtQ(s); return;
  default: badVerb(verb);
  }
}

// []byte and [N]byte under %s %q %x %X print as the string of their bytes.
void Printer::fmtBytes(const uint8_t *p, int64_t n, char32_t verb) {
  std::string_view s(reinterpret_cast<const char *>(p), static_cast<size_t>(n));
  switch (verb) {
  case 's': fmtS(s); return;
  case 'x': fmtSbx(s, false); return;
  case 'X': fmtSbx(s, true); return;
  case 'q': fmtQ(s); return;
  default: return;  // callers only pass the verbs above
  }
}

void Printer::fmt0x64(uint64_t v, bool leading0x) {
  bool sharp = f.sharp;
  f.sharp = leading0x;
  fmtInteger(v, 16, false, 'v', false);
  f.sharp = sharp;
}

void Printer::fmtPointer(Value v, char32_t verb) {
  switch (v.type->kind) {
  case MP_KIND_CHAN:
  case MP_KIND_FUNC:
  case MP_KIND_MAP:
  case MP_KIND_POINTER:
  case MP_KIND_SLICE:
    break;
  default:
    badVerb(verb);
    return;
  }
  uint64_t u = pointerOf(v);
  switch (verb) {
  case 'v':
    if (f.sharpV) {  // Go syntax: (*main.T)(0xc000010000), (chan int)(nil)
      buf += '(';
      buf.append(typeName(v.type));
      buf += ")(";
      if (u == 0)
        buf += "nil";
      else
        fmt0x64(u, true);
      buf += ')';
    } else if (u == 0) {
      pad("<nil>");
    } else {
      fmt0x64(u, !f.sharp);
    }
    return;
  case 'p': fmt0x64(u, !f.sharp); return;
  case 'b':
  case 'o':
  case 'd':
  case 'x':
  case 'X': fmtIntegerVerb(u, false, verb); return;
  default: badVerb(verb);
  }
}

// Go's handleMethods: Error() then String() for %v %s %x %X %q (and %w in
// Errorf).  Returns true when the method's result was printed.
bool Printer::handleMethods(Value v, char32_t &verb) {
  if (erroring)
    return false;
  if (verb == 'w') {
    if (!v.type || !v.type->error_method || !wrapErrs || wrappedErr.type) {
      wrappedErr = {};
      wrapErrs = false;
      badVerb(verb);
      return true;
    }
    wrappedErr = mp_iface{v.type, const_cast<void *>(v.ptr)};
    verb = 'v';
  }
  if (f.sharpV || !v.type)
    return false;
  if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q')
    return false;
  mp_string_method m = v.type->error_method ? v.type->error_method : v.type->string_method;
  if (!m)
    return false;
  if (v.type->kind == MP_KIND_POINTER && load<void *>(v.ptr) == nullptr) {
    pad("<nil>");  // Go: the method panics on a nil receiver, fmt prints <nil>
    return true;
  }
  fmtString(view(m(v.ptr)), verb);
  return true;
}

void Printer::printArg(mp_iface arg, char32_t verb) {
  cur = Value{arg.type, arg.data};
  if (!arg.type) {
    if (verb == 'T' || verb == 'v')
      pad("<nil>");
    else
      badVerb(verb);
    return;
  }
  if (verb == 'T') {
    fmtS(typeName(arg.type));
    return;
  }
  if (verb == 'p') {
    fmtPointer(cur, 'p');
    return;
  }
  if (!handleMethods(cur, verb))
    printValue(cur, verb, 0, false);
}

void Printer::printValue(Value v, char32_t verb, int depth, bool readOnly) {
  if (depth > 0 && v.type && !readOnly && handleMethods(v, verb))
    return;
  cur = v;
  if (!v.type) {
    if (depth == 0)
      fmtS("<invalid reflect.Value>");
    else if (verb == 'v')
      pad("<nil>");
    else
      badVerb(verb);
    return;
  }
  const mp_type *t = v.type;
  switch (static_cast<mp_kind>(t->kind)) {
  case MP_KIND_BOOL:
    fmtBool(load<uint8_t>(v.ptr) != 0, verb);
    return;
  case MP_KIND_INT:
  case MP_KIND_INT8:
  case MP_KIND_INT16:
  case MP_KIND_INT32:
  case MP_KIND_INT64:
  case MP_KIND_UINT:
  case MP_KIND_UINT8:
  case MP_KIND_UINT16:
  case MP_KIND_UINT32:
  case MP_KIND_UINT64:
  case MP_KIND_UINTPTR:
    fmtIntegerVerb(loadInteger(t, v.ptr), isSignedInt(static_cast<mp_kind>(t->kind)), verb);
    return;
  case MP_KIND_FLOAT32:
    fmtFloat(load<float>(v.ptr), 32, verb);
    return;
  case MP_KIND_FLOAT64:
    fmtFloat(load<double>(v.ptr), 64, verb);
    return;
  case MP_KIND_STRING:
    fmtString(view(load<mp_string>(v.ptr)), verb);
    return;
  case MP_KIND_MAP:
    printMap(v, verb, depth, readOnly);
    return;
  case MP_KIND_STRUCT: {
    SyncView store;
    if (Value go = goSyncView(v, &store); go.type != v.type) {
      printValue(go, verb, depth, readOnly);
      return;
    }
    if (f.sharpV)
      buf.append(typeName(t));
    buf += '{';
    const auto *base = static_cast<const uint8_t *>(v.ptr);
    for (int64_t i = 0; i < t->len; ++i) {
      const mp_field &fd = t->fields[i];
      if (i > 0)
        writeSeparator();
      if ((f.plusV || f.sharpV) && fd.name.len > 0) {
        buf.append(view(fd.name));
        buf += ':';
      }
      printValue(Value{fd.type, base + fd.offset}, verb, depth + 1,
                 readOnly || !isExported(view(fd.name)));
    }
    buf += '}';
    return;
  }
  case MP_KIND_INTERFACE: {
    auto x = load<mp_iface>(v.ptr);
    if (!x.type && f.sharpV) {
      buf.append(typeName(t));
      buf += "(nil)";
    } else if (!x.type) {
      buf += "<nil>";
    } else
      printValue(Value{x.type, x.data}, verb, depth + 1, readOnly);
    return;
  }
  case MP_KIND_ARRAY:
  case MP_KIND_SLICE: {
    const uint8_t *elems;
    int64_t n;
    if (t->kind == MP_KIND_SLICE) {
      auto s = load<mp_slice>(v.ptr);
      elems = static_cast<const uint8_t *>(s.ptr);
      n = s.len;
    } else {
      elems = static_cast<const uint8_t *>(v.ptr);
      n = t->len;
    }
    if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && t->elem->kind == MP_KIND_UINT8) {
      fmtBytes(elems, n, verb);
      return;
    }
    if (f.sharpV) {  // []int{1, 2}, [2]int{1, 2}, []int(nil)
      // Go's printArg takes a []byte operand before reflection, by that name.
      bool byteArg = depth == 0 && typeName(t) == "[]uint8";
      buf.append(byteArg ? "[]byte" : typeName(t));
      if (t->kind == MP_KIND_SLICE && !elems) {
        buf += "(nil)";
        return;
      }
    }
    buf += f.sharpV ? '{' : '[';
    for (int64_t i = 0; i < n; ++i) {
      if (i > 0)
        writeSeparator();
      printValue(Value{t->elem, elems + i * t->elem->size}, verb, depth + 1, readOnly);
    }
    buf += f.sharpV ? '}' : ']';
    return;
  }
  case MP_KIND_POINTER: {
    // &{...} only at top level: nested pointers print as addresses, which
    // also keeps cyclic structures finite.
    const void *target = load<const void *>(v.ptr);
    if (depth == 0 && target) {
      mp_kind ek = static_cast<mp_kind>(t->elem->kind);
      if (ek == MP_KIND_ARRAY || ek == MP_KIND_SLICE || ek == MP_KIND_STRUCT || ek == MP_KIND_MAP) {
        buf += '&';
        printValue(Value{t->elem, target}, verb, depth + 1, readOnly);
        return;
      }
    }
    fmtPointer(v, verb);
    return;
  }
  case MP_KIND_CHAN:
  case MP_KIND_FUNC:
    fmtPointer(v, verb);
    return;
  }
}

void Printer::printMap(Value v, char32_t verb, int depth, bool readOnly) {
  const mp_type *t = v.type;
  const auto *m = load<const mp_map *>(v.ptr);
  if (f.sharpV) {  // map[string]int{"a":1}, map[string]int(nil)
    buf.append(typeName(t));
    if (!m) {
      buf += "(nil)";
      return;
    }
    buf += '{';
  } else {
    buf += "map[";
  }
  std::vector<SortedEntry> entries = sortedEntries(t, m);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0)
      writeSeparator();
    printValue(Value{t->key, entries[i].key}, verb, depth + 1, readOnly);
    buf += ':';
    printValue(Value{t->elem, entries[i].val}, verb, depth + 1, readOnly);
  }
  buf += f.sharpV ? '}' : ']';
}

// Between the elements of a composite: Go syntax (%#v) separates with ", ".
void Printer::writeSeparator() {
  if (f.sharpV)
    buf += ", ";
  else
    buf += ' ';
}

} // namespace mp::fmt
