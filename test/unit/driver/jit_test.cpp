// test/unit/driver/jit_test.cpp: the JIT engine (driver/jit.h) on modules
// built with IRBuilder, so it is tested without codegen: runtime symbols
// resolve from the process, later modules link against earlier ones, and package
// variables in JIT'd memory are GC roots.
#include "driver/jit.h"

#include "capture.hpp"
#include "mp/runtime.h"

#include <gc.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Verifier.h"

namespace {

using namespace llvm;
using mp::driver::JitEngine;

std::unique_ptr<JitEngine> newJit() {
  auto jit = JitEngine::create(2);
  if (!jit) {
    ADD_FAILURE() << toString(jit.takeError());
    return nullptr;
  }
  return std::move(*jit);
}

// void NAME() { mp_stdout_write("TEXT", len) }
void addWriter(Module &m, StringRef name, StringRef text) {
  IRBuilder<> b(m.getContext());
  FunctionCallee write = m.getOrInsertFunction(
      "mp_stdout_write", FunctionType::get(b.getVoidTy(), {b.getPtrTy(), b.getInt64Ty()}, false));
  Function *f = Function::Create(FunctionType::get(b.getVoidTy(), false),
                                 GlobalValue::ExternalLinkage, name, m);
  b.SetInsertPoint(BasicBlock::Create(m.getContext(), "entry", f));
  Value *str = b.CreateGlobalString(text);
  b.CreateCall(write, {str, b.getInt64(text.size())});
  b.CreateRetVoid();
}

void callVoid(void *fn) { reinterpret_cast<void (*)()>(fn)(); }

void runOnGoroutine(void *fn) { mp_run(callVoid, fn); }

TEST(Jit, CallsRuntimeFromJitCodeOnAGoroutine) {
  auto jit = newJit();
  ASSERT_TRUE(jit);
  auto ctx = std::make_unique<LLVMContext>();
  auto m = std::make_unique<Module>("hello", *ctx);
  jit->prepareModule(*m);
  addWriter(*m, "jit_hello", "hello from the JIT\n");
  ASSERT_FALSE(verifyModule(*m, &errs()));
  ASSERT_FALSE(jit->addModule(orc::ThreadSafeModule(std::move(m), std::move(ctx))));
  auto fn = jit->lookup("jit_hello");
  ASSERT_TRUE(!!fn) << toString(fn.takeError());
  EXPECT_EQ(captureStdout([&] { runOnGoroutine(*fn); }), "hello from the JIT\n");
}

TEST(Jit, LaterModulesCallEarlierOnes) {
  auto jit = newJit();
  ASSERT_TRUE(jit);
  for (int i = 0; i < 2; ++i) {
    auto ctx = std::make_unique<LLVMContext>();
    auto m = std::make_unique<Module>("m" + std::to_string(i), *ctx);
    jit->prepareModule(*m);
    if (i == 0) {
      addWriter(*m, "first", "first\n");
    } else {  // second() { first(); write("second") } against a declaration
      IRBuilder<> b(*ctx);
      FunctionCallee first = m->getOrInsertFunction("first", FunctionType::get(b.getVoidTy(), false));
      addWriter(*m, "second_tail", "second\n");
      Function *f = Function::Create(FunctionType::get(b.getVoidTy(), false),
                                     GlobalValue::ExternalLinkage, "second", *m);
      b.SetInsertPoint(BasicBlock::Create(*ctx, "entry", f));
      b.CreateCall(first);
      b.CreateCall(m->getFunction("second_tail"));
      b.CreateRetVoid();
    }
    ASSERT_FALSE(jit->addModule(orc::ThreadSafeModule(std::move(m), std::move(ctx))));
  }
  auto fn = jit->lookup("second");
  ASSERT_TRUE(!!fn) << toString(fn.takeError());
  EXPECT_EQ(captureStdout([&] { runOnGoroutine(*fn); }), "first\nsecond\n");
}

TEST(Jit, UnknownSymbolIsAnError) {
  auto jit = newJit();
  ASSERT_TRUE(jit);
  auto fn = jit->lookup("no_such_function_anywhere");
  ASSERT_FALSE(!!fn);
  EXPECT_NE(toString(fn.takeError()).find("no_such_function_anywhere"), std::string::npos);
}

// A package variable lives in JIT-mapped memory: what it points to must
// survive a collection (the section is a root) and be freed once cleared.
TEST(Jit, WritableSectionsAreGCRoots) {
  GC_INIT();
  auto jit = newJit();
  ASSERT_TRUE(jit);
  auto ctx = std::make_unique<LLVMContext>();
  auto m = std::make_unique<Module>("roots", *ctx);
  jit->prepareModule(*m);
  IRBuilder<> b(*ctx);
  auto *root = new GlobalVariable(*m, b.getPtrTy(), false, GlobalValue::ExternalLinkage,
                                  ConstantPointerNull::get(b.getPtrTy()), "pkg_root");
  FunctionCallee alloc = m->getOrInsertFunction(
      "mp_alloc", FunctionType::get(b.getPtrTy(), {b.getInt64Ty()}, false));
  FunctionCallee link = m->getOrInsertFunction(
      "GC_general_register_disappearing_link",
      FunctionType::get(b.getInt32Ty(), {b.getPtrTy(), b.getPtrTy()}, false));
  // void fill(void **slot) { pkg_root = mp_alloc(64); register slot -> it }
  Function *fill = Function::Create(FunctionType::get(b.getVoidTy(), {b.getPtrTy()}, false),
                                    GlobalValue::ExternalLinkage, "fill", *m);
  b.SetInsertPoint(BasicBlock::Create(*ctx, "entry", fill));
  Value *obj = b.CreateCall(alloc, {b.getInt64(64)});
  b.CreateStore(obj, root);
  b.CreateStore(obj, fill->getArg(0));
  b.CreateCall(link, {fill->getArg(0), obj});
  b.CreateRetVoid();
  ASSERT_FALSE(jit->addModule(orc::ThreadSafeModule(std::move(m), std::move(ctx))));

  // The link slot is in malloc'ed memory, which the collector does not scan.
  auto **slot = static_cast<void **>(std::calloc(1, sizeof(void *)));
  reinterpret_cast<void (*)(void **)>(cantFail(jit->lookup("fill")))(slot);
  for (int i = 0; i < 3; ++i)
    GC_gcollect();
  EXPECT_NE(*slot, nullptr) << "object reachable only from a JIT'd global was collected";
  *static_cast<void **>(cantFail(jit->lookup("pkg_root"))) = nullptr;
  for (int i = 0; i < 3 && *slot; ++i)
    GC_gcollect();
  EXPECT_EQ(*slot, nullptr) << "object still retained after the global was cleared";
  std::free(slot);
}

} // namespace
