// test/unit/sema/universe_test.cpp: the predeclared scope and the standard
// packages parse from their tables with Go's signatures.
#include "sema/universe.h"

#include <gtest/gtest.h>

using namespace mp::sema;

namespace {

struct UniverseTest : ::testing::Test {
  TypeContext types;
  ObjectArena arena;
  Universe u{types, arena};

  std::string typeOf(const char *pkg, const char *name) {
    const StdPackage *p = u.package(pkg);
    if (!p)
      return "<no package>";
    Object *o = p->members.lookupLocal(name);
    return o ? o->type->str() : "<no member>";
  }
};

TEST_F(UniverseTest, PredeclaredNames) {
  Scope *s = u.scope();
  ASSERT_NE(s->lookup("int"), nullptr);
  EXPECT_EQ(s->lookup("int")->kind, ObjectKind::TypeName);
  EXPECT_TRUE(identical(s->lookup("byte")->type, types.basic(BasicKind::Uint8)));
  EXPECT_EQ(s->lookup("true")->value.boolValue(), true);
  EXPECT_EQ(s->lookup("nil")->kind, ObjectKind::Nil);
  EXPECT_EQ(s->lookup("append")->builtin, BuiltinKind::Append);
  EXPECT_EQ(s->lookup("println")->kind, ObjectKind::Builtin);
  EXPECT_EQ(s->lookup("error")->type, types.errorType());
  EXPECT_EQ(s->lookup("complex128"), nullptr);
}

TEST_F(UniverseTest, StdlibSignaturesAreGos) {
  EXPECT_EQ(typeOf("fmt", "Println"), "func(...any) (int, error)");
  EXPECT_EQ(typeOf("fmt", "Sprintf"), "func(string, ...any) string");
  EXPECT_EQ(typeOf("fmt", "Errorf"), "func(string, ...any) error");
  EXPECT_EQ(typeOf("time", "After"), "func(time.Duration) <-chan time.Time");
  EXPECT_EQ(typeOf("time", "Sleep"), "func(time.Duration)");
  EXPECT_EQ(typeOf("strings", "Replace"), "func(string, string, string, int) string");
  EXPECT_EQ(typeOf("strings", "Join"), "func([]string, string) string");
  EXPECT_EQ(typeOf("strconv", "Atoi"), "func(string) (int, error)");
  EXPECT_EQ(typeOf("strconv", "ParseInt"), "func(string, int, int) (int64, error)");
  EXPECT_EQ(typeOf("math", "Pow"), "func(float64, float64) float64");
  EXPECT_EQ(typeOf("math/rand", "Perm"), "func(int) []int");
  EXPECT_EQ(typeOf("sort", "Slice"), "func(any, func(int, int) bool)");
  EXPECT_EQ(typeOf("bufio", "NewScanner"), "func(*os.File) *bufio.Scanner");
  EXPECT_EQ(typeOf("os", "Args"), "[]string");
}

TEST_F(UniverseTest, StdlibConstantsAndMethods) {
  Object *sec = u.package("time")->members.lookupLocal("Second");
  EXPECT_EQ(sec->type->str(), "time.Duration");
  EXPECT_EQ(sec->value.str(), "1000000000");
  Object *pi = u.package("math")->members.lookupLocal("Pi");
  EXPECT_EQ(pi->type->str(), "untyped float");
  EXPECT_DOUBLE_EQ(pi->value.float64Value(), 3.141592653589793);
  EXPECT_EQ(u.package("math")->members.lookupLocal("MinInt64")->value.str(),
            "-9223372036854775808");
  auto *builder = llvm::cast<NamedType>(u.package("strings")->members.lookupLocal("Builder")->type);
  const Method *ws = builder->findMethod("WriteString");
  ASSERT_NE(ws, nullptr);
  EXPECT_TRUE(ws->pointerRecv);
  EXPECT_EQ(ws->sig->str(), "func(string) (int, error)");
  auto *dur = llvm::cast<NamedType>(sec->type);
  ASSERT_NE(dur->findMethod("String"), nullptr);
  EXPECT_FALSE(dur->findMethod("String")->pointerRecv);
  EXPECT_TRUE(dur->isInteger());
}

TEST_F(UniverseTest, UnknownPackages) {
  EXPECT_EQ(u.package("net/http"), nullptr);
  EXPECT_EQ(u.package("rand"), nullptr);
  EXPECT_NE(u.package("math/rand"), nullptr);
  EXPECT_EQ(u.package("math/rand")->name, "rand");
  EXPECT_EQ(u.providedList(),
            "bufio, errors, fmt, math, math/rand, os, sort, strconv, strings, sync, time");
}

} // namespace
