// codegen/runtime_abi.cpp: declarations of the runtime/stdlib C functions
// and calls to them under the SysV x86-64 ABI.  Generated MP code passes
// strings, slices and interfaces as LLVM first-class aggregates; C expects
// two-eightbyte structs (mp_string, mp_iface, mp_time_Time) split over two
// integer registers (in memory when fewer than two remain) and 24-byte
// mp_slice in memory (byval argument, sret result), as clang lowers them.
#include "codegen/lowering.h"

namespace mp::codegen {
namespace {

const CFnInfo Infos[] = {
#define CFN(Id, Name, Sig) {Name, Sig[0], std::string(Sig + 2)},
#include "codegen/runtime_abi.def"
};

bool isPair(char c) { return c == 's' || c == 'e' || c == 't'; }

// The MP-representation LLVM type of a code.
llvm::Type *codeType(ModuleLowering &M, char c) {
  switch (c) {
  case 'v': return M.voidTy;
  case 'b': return M.i1;
  case 'c': return M.i8;
  case 'i': return M.i32;
  case 'l': return M.i64;
  case 'd': return M.f64;
  case 'p': return M.ptr;
  case 's': return M.stringTy;
  case 'x': return M.sliceTy;
  case 'e': return M.ifaceTy;
  case 't': return llvm::StructType::get(M.ctx, {M.i64, M.i64});
  }
  return M.voidTy;
}

// How each parameter is passed, decided once per function.
enum class Pass { Direct, Split, ByVal };

std::vector<Pass> classify(const CFnInfo &info) {
  int intRegs = info.ret == 'x' ? 5 : 6; // sret takes %rdi
  std::vector<Pass> out;
  for (char c : info.params) {
    if (c == 'x') {
      out.push_back(Pass::ByVal);
    } else if (isPair(c)) {
      if (intRegs >= 2) {
        intRegs -= 2;
        out.push_back(Pass::Split);
      } else {
        out.push_back(Pass::ByVal);
      }
    } else {
      if (c != 'd' && intRegs > 0)
        --intRegs;
      out.push_back(Pass::Direct);
    }
  }
  return out;
}

} // namespace

const CFnInfo &cfnInfo(CFn id) { return Infos[unsigned(id)]; }
const CFnInfo &ModuleLowering::cinfo(CFn id) const { return cfnInfo(id); }

llvm::Function *ModuleLowering::cfunc(CFn id) {
  if (CFuncs.empty())
    CFuncs.resize(unsigned(CFn::NumCFns), nullptr);
  if (llvm::Function *f = CFuncs[unsigned(id)])
    return f;
  const CFnInfo &info = cfnInfo(id);
  std::vector<Pass> pass = classify(info);
  std::vector<llvm::Type *> params;
  bool sret = info.ret == 'x';
  if (sret)
    params.push_back(ptr);
  for (size_t i = 0; i < info.params.size(); ++i) {
    char c = info.params[i];
    llvm::Type *t = codeType(*this, c);
    if (pass[i] == Pass::Split) {
      auto *st = llvm::cast<llvm::StructType>(t);
      params.push_back(st->getElementType(0));
      params.push_back(st->getElementType(1));
    } else if (pass[i] == Pass::ByVal) {
      params.push_back(ptr);
    } else {
      params.push_back(t);
    }
  }
  llvm::Type *ret = sret ? voidTy : codeType(*this, info.ret);
  auto *fty = llvm::FunctionType::get(ret, params, false);
  llvm::Function *f = llvm::Function::Create(fty, llvm::Function::ExternalLinkage,
                                             info.name, mod);
  unsigned argNo = 0;
  if (sret) {
    f->addParamAttr(0, llvm::Attribute::getWithStructRetType(ctx, sliceTy));
    argNo = 1;
  }
  for (size_t i = 0; i < info.params.size(); ++i) {
    char c = info.params[i];
    if (pass[i] == Pass::Split) {
      argNo += 2;
      continue;
    }
    if (pass[i] == Pass::ByVal) {
      f->addParamAttr(argNo, llvm::Attribute::getWithByValType(ctx, codeType(*this, c)));
      f->addParamAttr(argNo, llvm::Attribute::getWithAlignment(ctx, llvm::Align(8)));
    } else if (c == 'b' || c == 'c') {
      f->addParamAttr(argNo, llvm::Attribute::ZExt);
    } else if (c == 'i') {
      f->addParamAttr(argNo, llvm::Attribute::SExt);
    }
    ++argNo;
  }
  if (info.ret == 'b' || info.ret == 'c')
    f->addRetAttr(llvm::Attribute::ZExt);
  else if (info.ret == 'i')
    f->addRetAttr(llvm::Attribute::SExt);
  CFuncs[unsigned(id)] = f;
  return f;
}

llvm::Value *FuncLowering::callC(CFn id, llvm::ArrayRef<llvm::Value *> args) {
  const CFnInfo &info = cfnInfo(id);
  llvm::Function *f = M.cfunc(id);
  std::vector<Pass> pass = classify(info);
  std::vector<llvm::Value *> out;
  llvm::Value *sret = nullptr;
  if (info.ret == 'x') {
    sret = entryAlloca(M.sliceTy, "sret");
    out.push_back(sret);
  }
  for (size_t i = 0; i < info.params.size(); ++i) {
    llvm::Value *a = args[i];
    if (pass[i] == Pass::Split) {
      out.push_back(B.CreateExtractValue(a, 0));
      out.push_back(B.CreateExtractValue(a, 1));
    } else if (pass[i] == Pass::ByVal) {
      out.push_back(spill(a));
    } else {
      out.push_back(a);
    }
  }
  llvm::CallInst *call = B.CreateCall(f, out);
  call->setAttributes(f->getAttributes());
  if (sret)
    return B.CreateLoad(M.sliceTy, sret);
  return call;
}

} // namespace mp::codegen
