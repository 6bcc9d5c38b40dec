// test/unit/sema/constant_test.cpp: exact constant arithmetic and the
// representability rules behind `constant 300 overflows byte` and friends.
#include "sema/constant.h"

#include <gtest/gtest.h>

using namespace mp::sema;

namespace {

Constant I(const char *s) { return Constant::fromIntLiteral(s); }
Constant F(const char *s) { return Constant::fromFloatLiteral(s); }

TEST(ConstantTest, Literals) {
  EXPECT_EQ(I("0x_FF").str(), "255");
  EXPECT_EQ(I("0o17").str(), "15");
  EXPECT_EQ(I("017").str(), "15");
  EXPECT_EQ(I("0b1010").str(), "10");
  EXPECT_EQ(I("1_000_000").str(), "1000000");
  EXPECT_EQ(F("1.5").exactStr(), "3/2");
  EXPECT_EQ(F("1e3").exactStr(), "1000");
  EXPECT_EQ(F(".25").exactStr(), "1/4");
  EXPECT_EQ(F("0x1p-2").exactStr(), "1/4");
  EXPECT_EQ(F("0x1.8p1").exactStr(), "3");
  EXPECT_FALSE(I("0x").isKnown());
}

TEST(ConstantTest, UntypedArithmeticIsExact) {
  Constant big = shiftOp(ConstOp::Shl, I("1"), 70);
  EXPECT_EQ(big.str(), "1180591620717411303424");
  Constant back = shiftOp(ConstOp::Shr, big, 69);
  EXPECT_EQ(back.str(), "2");
  // 1/3*3 is exactly 1 with rationals.
  Constant third = binaryOp(ConstOp::Quo, F("1.0"), I("3"), false);
  EXPECT_EQ(binaryOp(ConstOp::Mul, third, I("3"), false).exactStr(), "1");
  EXPECT_EQ(binaryOp(ConstOp::Quo, I("7"), I("2"), true).str(), "3");
  EXPECT_EQ(binaryOp(ConstOp::Quo, I("-7"), I("2"), true).str(), "-3");
  EXPECT_EQ(binaryOp(ConstOp::Rem, I("-7"), I("2"), true).str(), "-1");
  EXPECT_EQ(binaryOp(ConstOp::Quo, I("7"), I("2"), false).str(), "3.5");
  EXPECT_EQ(binaryOp(ConstOp::AndNot, I("15"), I("5"), true).str(), "10");
  EXPECT_FALSE(binaryOp(ConstOp::Quo, I("1"), I("0"), true).isKnown());
  EXPECT_EQ(binaryOp(ConstOp::Add, Constant::makeString("a"), Constant::makeString("b"), false)
                .stringValue(), "ab");
  EXPECT_EQ(shiftOp(ConstOp::Shr, I("-5"), 1).str(), "-3"); // arithmetic shift
}

TEST(ConstantTest, UnaryAndComparison) {
  EXPECT_EQ(unaryOp(ConstOp::BitNot, I("1"), 8).str(), "254");
  EXPECT_EQ(unaryOp(ConstOp::BitNot, I("1"), 0).str(), "-2");
  EXPECT_EQ(unaryOp(ConstOp::Neg, F("2.5"), 0).str(), "-2.5");
  EXPECT_FALSE(unaryOp(ConstOp::Not, Constant::makeBool(true), 0).boolValue());
  EXPECT_TRUE(compareOp(ConstOp::Lss, I("1"), F("1.5")));
  EXPECT_TRUE(compareOp(ConstOp::Eql, F("2.0"), I("2")));
  EXPECT_TRUE(compareOp(ConstOp::Lss, Constant::makeString("a"), Constant::makeString("b")));
}

TEST(ConstantTest, Representability) {
  TypeContext ctx;
  Constant r;
  EXPECT_EQ(representable(I("300"), ctx.byteType(), &r), Representability::Overflows);
  EXPECT_EQ(representable(I("255"), ctx.byteType(), &r), Representability::Ok);
  EXPECT_EQ(representable(I("-1"), ctx.basic(BasicKind::Uint), &r), Representability::Overflows);
  EXPECT_EQ(representable(I("-128"), ctx.basic(BasicKind::Int8), &r), Representability::Ok);
  EXPECT_EQ(representable(I("-129"), ctx.basic(BasicKind::Int8), &r), Representability::Overflows);
  EXPECT_EQ(representable(I("9223372036854775807"), ctx.basic(BasicKind::Int), &r),
            Representability::Ok);
  EXPECT_EQ(representable(I("9223372036854775808"), ctx.basic(BasicKind::Int64), &r),
            Representability::Overflows);
  EXPECT_EQ(representable(F("1.5"), ctx.basic(BasicKind::Int), &r), Representability::Truncated);
  EXPECT_EQ(representable(F("2.0"), ctx.basic(BasicKind::Int), &r), Representability::Ok);
  EXPECT_EQ(r.kind(), Constant::Kind::Int);
  EXPECT_EQ(representable(F("1e400"), ctx.basic(BasicKind::Float64), &r),
            Representability::Overflows);
  EXPECT_EQ(representable(F("1e39"), ctx.basic(BasicKind::Float32), &r),
            Representability::Overflows);
  EXPECT_EQ(representable(F("0.1"), ctx.basic(BasicKind::Float64), &r), Representability::Ok);
  EXPECT_EQ(r.float64Value(), 0.1);
  EXPECT_EQ(representable(I("1"), ctx.basic(BasicKind::String), &r), Representability::Mismatch);
  EXPECT_EQ(representable(Constant::makeString("s"), ctx.basic(BasicKind::UntypedString), &r),
            Representability::Ok);
}

TEST(ConstantTest, MessageFormatting) {
  EXPECT_EQ(F("0.1").str(), "0.1");
  EXPECT_EQ(F("3.14159265358979").str(), "3.14159");
  EXPECT_EQ(Constant::makeString("a\"b\n").str(), "\"a\\\"b\\n\"");
  EXPECT_EQ(Constant::makeBool(true).str(), "true");
  EXPECT_TRUE(I("1099511627776").fitsInt64());
  EXPECT_EQ(I("1099511627776").int64Value(), 1099511627776);
  EXPECT_EQ(I("18446744073709551615").uint64Value(), 18446744073709551615ull);
}

} // namespace
