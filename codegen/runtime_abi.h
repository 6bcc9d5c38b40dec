// codegen/runtime_abi.h: the C functions of runtime.h, values.h and
// stdlib.h that generated code calls (runtime_abi.def), and how their
// arguments follow the C calling convention.
#ifndef MP_CODEGEN_RUNTIME_ABI_H
#define MP_CODEGEN_RUNTIME_ABI_H

#include <string>

namespace mp::codegen {

enum class CFn : unsigned {
#define CFN(Id, Name, Sig) Id,
#include "codegen/runtime_abi.def"
  NumCFns
};

struct CFnInfo {
  const char *name;
  char ret;           // a signature code (runtime_abi.def)
  std::string params; // one code per parameter
};

const CFnInfo &cfnInfo(CFn id);

} // namespace mp::codegen

#endif
