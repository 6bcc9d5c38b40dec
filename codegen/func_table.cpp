// codegen/func_table.cpp: the module's function table (runtime.h
// mp_func_info), registered by the C main so that a stack overflow names
// the function whose prologue found the stack exhausted (stage 3).
// Every defined function is listed with end = NULL (LLVM IR cannot name
// where a function's code ends; the runtime takes the greatest start below
// the pc, exact for a pc inside any listed function).  Functions lowered
// from source carry their declaration's position; synthesized ones (go and
// defer thunks, wrappers) carry their symbol name and no file.
#include "codegen/lowering.h"

namespace mp::codegen {

std::pair<llvm::Constant *, uint64_t> emitFuncTable(ModuleLowering &M) {
  auto *posTy = llvm::StructType::get(M.ctx, {M.ptr, M.i32, M.i32, M.ptr});
  auto *infoTy = llvm::StructType::get(M.ctx, {M.ptr, M.ptr, M.ptr});
  llvm::Constant *null = llvm::ConstantPointerNull::get(M.ptr);
  llvm::Constant *zero = llvm::ConstantInt::get(M.i32, 0);
  std::vector<llvm::Constant *> rows;
  for (llvm::Function &f : M.mod.functions()) {
    if (f.isDeclaration() || f.getName() == "main")
      continue;
    llvm::Constant *pos = nullptr;
    if (auto it = M.funcPos.find(&f); it != M.funcPos.end() && !it->second->isNullValue())
      pos = it->second;
    else
      pos = new llvm::GlobalVariable(M.mod, posTy, true, llvm::GlobalValue::PrivateLinkage,
                                     llvm::ConstantStruct::get(posTy, {null, zero, zero,
                                                                       M.cstr(f.getName())}),
                                     "pos");
    rows.push_back(llvm::ConstantStruct::get(infoTy, {&f, null, pos}));
  }
  auto *arrTy = llvm::ArrayType::get(infoTy, rows.size());
  auto *table = new llvm::GlobalVariable(M.mod, arrTy, true, llvm::GlobalValue::PrivateLinkage,
                                         llvm::ConstantArray::get(arrTy, rows), "mp.functab");
  return {table, rows.size()};
}

} // namespace mp::codegen
