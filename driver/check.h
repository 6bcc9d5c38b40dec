// driver/check.h: the `mpc check` sub-command (parse and check only).
#pragma once

namespace mp::driver {

/// argv holds the arguments after `check`; returns the exit status.
int runCheck(int argc, char **argv);

} // namespace mp::driver
