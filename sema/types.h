// sema/types.h: the representation of MP types (LANGUAGE.md §1 plus every Go
// basic type).  Types are immutable once built and owned by a TypeContext,
// which interns unnamed types: two unnamed types are identical iff their
// canonical() pointers are equal (canonical() only differs from `this` when
// the type mentions the byte/rune aliases).  Named types are identical only
// to themselves.
#ifndef MP_SEMA_TYPES_H
#define MP_SEMA_TYPES_H

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "llvm/Support/Casting.h"

namespace mp::sema {

class Object;

enum class TypeKind : uint8_t {
#define TYPE_KIND(Name) Name,
#include "sema/type_kinds.def"
};

enum class BasicKind : uint8_t {
#define BASIC_TYPE(Id, Name, Flags, Size) Id,
#include "sema/basic_types.def"
};

enum BasicFlags : unsigned {
  IsBoolean = 1, IsInteger = 2, IsUnsigned = 4, IsFloat = 8, IsString = 16,
  IsUntyped = 32,
};

// How a named type is spelled: Go's messages leave the current package's
// names unqualified (`Celsius`); %T qualifies everything (`main.Celsius`).
enum class Qualify : uint8_t { Local, Always };

class Type {
public:
  TypeKind kind() const { return Kind; }
  // The type itself for unnamed types; the underlying type for named ones.
  const Type *underlying() const;
  // The alias-free interned twin (see file comment).
  const Type *canonical() const { return Canon; }
  std::string str(Qualify q = Qualify::Local) const;

  bool isInvalid() const;
  bool isUntyped() const;
  bool hasFlag(unsigned f) const; // flag of the underlying basic type
  bool isBoolean() const { return hasFlag(IsBoolean); }
  bool isInteger() const { return hasFlag(IsInteger); }
  bool isUnsigned() const { return hasFlag(IsUnsigned); }
  bool isFloat() const { return hasFlag(IsFloat); }
  bool isNumeric() const { return hasFlag(IsInteger | IsFloat); }
  bool isString() const { return hasFlag(IsString); }
  bool isOrdered() const { return hasFlag(IsInteger | IsFloat | IsString); }
  bool isNil() const;

protected:
  explicit Type(TypeKind k) : Kind(k), Canon(this) {}

public:
  virtual ~Type() = default;

private:
  friend class TypeContext;
  TypeKind Kind;
  const Type *Canon;
};

class BasicType : public Type {
public:
  BasicKind basicKind() const { return BK; }
  unsigned flags() const { return Flags; }
  unsigned size() const { return Size; }
  std::string_view name() const { return Name; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Basic; }

private:
  friend class TypeContext;
  BasicType(BasicKind bk, const char *name, unsigned flags, unsigned size)
      : Type(TypeKind::Basic), BK(bk), Name(name), Flags(flags), Size(size) {}
  BasicKind BK;
  const char *Name;
  unsigned Flags, Size;
};

class PointerType : public Type {
public:
  const Type *elem() const { return Elem; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Pointer; }

private:
  friend class TypeContext;
  explicit PointerType(const Type *e) : Type(TypeKind::Pointer), Elem(e) {}
  const Type *Elem;
};

class SliceType : public Type {
public:
  const Type *elem() const { return Elem; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Slice; }

private:
  friend class TypeContext;
  explicit SliceType(const Type *e) : Type(TypeKind::Slice), Elem(e) {}
  const Type *Elem;
};

class ArrayType : public Type {
public:
  const Type *elem() const { return Elem; }
  int64_t length() const { return Len; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Array; }

private:
  friend class TypeContext;
  ArrayType(const Type *e, int64_t n) : Type(TypeKind::Array), Elem(e), Len(n) {}
  const Type *Elem;
  int64_t Len;
};

class MapType : public Type {
public:
  const Type *key() const { return Key; }
  const Type *elem() const { return Elem; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Map; }

private:
  friend class TypeContext;
  MapType(const Type *k, const Type *e) : Type(TypeKind::Map), Key(k), Elem(e) {}
  const Type *Key, *Elem;
};

enum class ChanDir : uint8_t { Both, Send, Recv };

class ChanType : public Type {
public:
  const Type *elem() const { return Elem; }
  ChanDir dir() const { return Dir; }
  bool canSend() const { return Dir != ChanDir::Recv; }
  bool canRecv() const { return Dir != ChanDir::Send; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Chan; }

private:
  friend class TypeContext;
  ChanType(const Type *e, ChanDir d) : Type(TypeKind::Chan), Elem(e), Dir(d) {}
  const Type *Elem;
  ChanDir Dir;
};

struct Field {
  std::string name;
  const Type *type;
};

class StructType : public Type {
public:
  const std::vector<Field> &fields() const { return Fields; }
  // Index of the field called `name`, or -1.
  int fieldIndex(std::string_view name) const;
  static bool classof(const Type *t) { return t->kind() == TypeKind::Struct; }

private:
  friend class TypeContext;
  explicit StructType(std::vector<Field> f)
      : Type(TypeKind::Struct), Fields(std::move(f)) {}
  std::vector<Field> Fields;
};

// A tuple is the type of a multi-value call `f()` with f returning 0 or 2+
// results; it is never the type of a variable.
class TupleType : public Type {
public:
  const std::vector<const Type *> &elems() const { return Elems; }
  size_t size() const { return Elems.size(); }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Tuple; }

private:
  friend class TypeContext;
  explicit TupleType(std::vector<const Type *> e)
      : Type(TypeKind::Tuple), Elems(std::move(e)) {}
  std::vector<const Type *> Elems;
};

// A signature.  For a variadic function the last parameter's type is the
// slice []T, as in Go; receivers are not part of the type.
class FuncType : public Type {
public:
  const std::vector<const Type *> &params() const { return Params; }
  const TupleType *results() const { return Results; }
  bool isVariadic() const { return Variadic; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Func; }

private:
  friend class TypeContext;
  FuncType(std::vector<const Type *> p, const TupleType *r, bool v)
      : Type(TypeKind::Func), Params(std::move(p)), Results(r), Variadic(v) {}
  std::vector<const Type *> Params;
  const TupleType *Results;
  bool Variadic;
};

// Only two interfaces exist in MP v1: `any` (no methods) and the underlying
// type of `error` (Error() string).  Every type implements `any`; a type
// implements error iff its method set has `Error() string`.
class InterfaceType : public Type {
public:
  bool isEmpty() const { return Empty; }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Interface; }

private:
  friend class TypeContext;
  explicit InterfaceType(bool empty) : Type(TypeKind::Interface), Empty(empty) {}
  bool Empty;
};

// A method of a named type.  `func` is the Func object (a declaration in
// the program, or a stdlib entry), `sig` excludes the receiver.
struct Method {
  std::string name;
  const FuncType *sig;
  bool pointerRecv;
  Object *func;
};

class NamedType : public Type {
public:
  std::string_view name() const { return Name; }
  // "" for predeclared types (error), "main" for the program, else the stdlib
  // package path ("time").
  std::string_view pkg() const { return Pkg; }
  const Type *under() const { return Under; }
  const std::vector<Method> &methods() const { return Methods; }
  const Method *findMethod(std::string_view name) const;
  Object *object() const { return Obj; }

  // Construction happens in two steps so that recursive types work.
  void setUnderlying(const Type *u) { Under = u; }
  void addMethod(Method m) { Methods.push_back(std::move(m)); }
  static bool classof(const Type *t) { return t->kind() == TypeKind::Named; }

private:
  friend class TypeContext;
  NamedType(std::string n, std::string p, Object *o)
      : Type(TypeKind::Named), Name(std::move(n)), Pkg(std::move(p)), Obj(o) {}
  std::string Name, Pkg;
  const Type *Under = nullptr;
  std::vector<Method> Methods;
  Object *Obj;
};

// The writers the fmt.Fprint family accepts for its io.Writer (spelled
// *os.File in stdlib_packages.def: v1 has no interfaces): t is *os.File,
// *bufio.Writer or *strings.Builder; returns the pointee, else null.
const NamedType *stdWriterPointee(const Type *t);

// Structural identity (Go spec "Type identity").
inline bool identical(const Type *a, const Type *b) {
  return a->canonical() == b->canonical();
}

// Owns and interns every type of one compilation.
class TypeContext {
public:
  TypeContext();
  TypeContext(const TypeContext &) = delete;
  TypeContext &operator=(const TypeContext &) = delete;
  ~TypeContext();

  const BasicType *basic(BasicKind k) const { return Basics[unsigned(k)]; }
  const BasicType *invalid() const { return basic(BasicKind::Invalid); }
  const BasicType *byteType() const { return Byte; }
  const BasicType *runeType() const { return Rune; }
  const NamedType *errorType() const { return Error; }
  const InterfaceType *anyType() const { return Any; }
  // The type an untyped constant of kind k gets when nothing else decides
  // (untyped int -> int, untyped rune -> rune, ...).
  const Type *defaultType(const Type *t) const;

  const PointerType *pointer(const Type *elem);
  const SliceType *slice(const Type *elem);
  const ArrayType *array(const Type *elem, int64_t len);
  const MapType *map(const Type *key, const Type *elem);
  const ChanType *chan(const Type *elem, ChanDir dir);
  const StructType *structType(std::vector<Field> fields);
  const TupleType *tuple(std::vector<const Type *> elems);
  const FuncType *func(std::vector<const Type *> params,
                       std::vector<const Type *> results, bool variadic);
  // Named types are never interned: each declaration is a new type.
  NamedType *newNamed(std::string name, std::string pkg, Object *obj);

private:
  template <class T, class... A> T *make(A &&...args);
  const Type *lookup(const std::string &key) const;
  void remember(std::string key, Type *t);
  static std::string keyOf(TypeKind k, std::initializer_list<const void *> ps,
                           int64_t extra = 0);

  std::vector<const BasicType *> Basics;
  const BasicType *Byte, *Rune;
  const InterfaceType *Any, *ErrorIface;
  NamedType *Error;
  std::unordered_map<std::string, const Type *> Interned;
  std::vector<std::unique_ptr<Type>> Owned;
};

} // namespace mp::sema

#endif
