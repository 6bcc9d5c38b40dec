// codegen/lower_select.cpp: `select` with guards and guarded receive
// statements (owned by the concurrency lowering; see lower_conc.h).  Not
// lowered yet: each construct reports NotLowered.
#include "codegen/lower_conc.h"

namespace mp::codegen {

void lowerSelectStmt(FuncLowering &F, const SelectStmt *s) {
  F.M.notLowered(s, "select statement");
}

void lowerGuardedRecvStmt(FuncLowering &F, const GuardedRecvStmt *s) {
  F.M.notLowered(s, "guarded receive");
}

} // namespace mp::codegen
