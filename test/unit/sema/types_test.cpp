// test/unit/sema/types_test.cpp: interning, identity and Go-style printing
// of sema types (what %T and every type-error message rely on).
#include "sema/types.h"

#include <gtest/gtest.h>

using namespace mp::sema;

namespace {

struct TypesTest : ::testing::Test {
  TypeContext ctx;
  const Type *intT = ctx.basic(BasicKind::Int);
  const Type *strT = ctx.basic(BasicKind::String);
};

TEST_F(TypesTest, UnnamedTypesAreInterned) {
  EXPECT_EQ(ctx.slice(intT), ctx.slice(intT));
  EXPECT_EQ(ctx.map(strT, intT), ctx.map(strT, intT));
  EXPECT_NE(ctx.map(strT, intT), ctx.map(intT, strT));
  EXPECT_EQ(ctx.array(intT, 3), ctx.array(intT, 3));
  EXPECT_NE(ctx.array(intT, 3), ctx.array(intT, 4));
  EXPECT_NE(ctx.chan(intT, ChanDir::Send), ctx.chan(intT, ChanDir::Recv));
  EXPECT_EQ(ctx.func({intT}, {strT}, false), ctx.func({intT}, {strT}, false));
  EXPECT_NE(ctx.func({ctx.slice(intT)}, {}, true), ctx.func({ctx.slice(intT)}, {}, false));
  auto *s1 = ctx.structType({{"a", intT}, {"b", strT}});
  EXPECT_EQ(s1, ctx.structType({{"a", intT}, {"b", strT}}));
  EXPECT_NE(s1, ctx.structType({{"b", intT}, {"a", strT}}));
}

TEST_F(TypesTest, ByteAndRuneAreAliases) {
  const Type *u8 = ctx.basic(BasicKind::Uint8);
  EXPECT_TRUE(identical(ctx.byteType(), u8));
  EXPECT_TRUE(identical(ctx.slice(ctx.byteType()), ctx.slice(u8)));
  EXPECT_TRUE(identical(ctx.map(ctx.runeType(), intT), ctx.map(ctx.basic(BasicKind::Int32), intT)));
  EXPECT_TRUE(identical(ctx.func({ctx.byteType()}, {}, false), ctx.func({u8}, {}, false)));
  EXPECT_FALSE(identical(ctx.slice(ctx.byteType()), ctx.slice(ctx.runeType())));
  // Messages keep the spelling the program used.
  EXPECT_EQ(ctx.slice(ctx.byteType())->str(), "[]byte");
  EXPECT_EQ(ctx.slice(u8)->str(), "[]uint8");
}

TEST_F(TypesTest, NamedTypesAreDistinct) {
  NamedType *a = ctx.newNamed("Celsius", "main", nullptr);
  NamedType *b = ctx.newNamed("Celsius", "main", nullptr);
  a->setUnderlying(ctx.basic(BasicKind::Float64));
  b->setUnderlying(ctx.basic(BasicKind::Float64));
  EXPECT_FALSE(identical(a, b));
  EXPECT_EQ(a->underlying(), ctx.basic(BasicKind::Float64));
  EXPECT_TRUE(a->isFloat());
  EXPECT_EQ(a->str(), "Celsius");
  EXPECT_EQ(a->str(Qualify::Always), "main.Celsius");
  NamedType *d = ctx.newNamed("Duration", "time", nullptr);
  EXPECT_EQ(d->str(), "time.Duration");
  EXPECT_EQ(ctx.errorType()->str(Qualify::Always), "error");
}

TEST_F(TypesTest, PrintsLikeGo) {
  EXPECT_EQ(ctx.slice(intT)->str(), "[]int");
  EXPECT_EQ(ctx.map(strT, intT)->str(), "map[string]int");
  EXPECT_EQ(ctx.chan(intT, ChanDir::Send)->str(), "chan<- int");
  EXPECT_EQ(ctx.chan(intT, ChanDir::Recv)->str(), "<-chan int");
  EXPECT_EQ(ctx.chan(ctx.chan(intT, ChanDir::Recv), ChanDir::Both)->str(), "chan (<-chan int)");
  EXPECT_EQ(ctx.chan(ctx.chan(intT, ChanDir::Send), ChanDir::Both)->str(), "chan chan<- int");
  EXPECT_EQ(ctx.func({intT}, {strT, ctx.errorType()}, false)->str(), "func(int) (string, error)");
  EXPECT_EQ(ctx.func({}, {intT}, false)->str(), "func() int");
  EXPECT_EQ(ctx.func({strT, ctx.slice(ctx.anyType())}, {}, true)->str(), "func(string, ...any)");
  EXPECT_EQ(ctx.pointer(ctx.array(intT, 4))->str(), "*[4]int");
  EXPECT_EQ(ctx.structType({{"a", intT}, {"b", strT}})->str(), "struct{a int; b string}");
  EXPECT_EQ(ctx.tuple({intT, strT})->str(), "(int, string)");
  EXPECT_EQ(ctx.basic(BasicKind::UntypedFloat)->str(), "untyped float");
}

TEST_F(TypesTest, RecursiveNamedTypesAndMethods) {
  NamedType *node = ctx.newNamed("Node", "main", nullptr);
  node->setUnderlying(ctx.structType({{"next", ctx.pointer(node)}, {"v", intT}}));
  EXPECT_EQ(node->underlying()->str(), "struct{next *Node; v int}");
  node->addMethod({"Len", ctx.func({}, {intT}, false), true, nullptr});
  ASSERT_NE(node->findMethod("Len"), nullptr);
  EXPECT_TRUE(node->findMethod("Len")->pointerRecv);
  EXPECT_EQ(node->findMethod("Other"), nullptr);
  EXPECT_NE(ctx.errorType()->findMethod("Error"), nullptr);
}

TEST_F(TypesTest, DefaultTypesAndClassification) {
  EXPECT_EQ(ctx.defaultType(ctx.basic(BasicKind::UntypedInt)), intT);
  EXPECT_EQ(ctx.defaultType(ctx.basic(BasicKind::UntypedRune)), ctx.runeType());
  EXPECT_EQ(ctx.defaultType(ctx.basic(BasicKind::UntypedFloat)), ctx.basic(BasicKind::Float64));
  EXPECT_TRUE(ctx.basic(BasicKind::Uint16)->isUnsigned());
  EXPECT_TRUE(ctx.basic(BasicKind::UntypedNil)->isNil());
  EXPECT_FALSE(ctx.basic(BasicKind::Bool)->isOrdered());
  EXPECT_TRUE(strT->isOrdered());
}

} // namespace
