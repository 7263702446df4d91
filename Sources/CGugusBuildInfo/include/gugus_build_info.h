#ifndef GUGUS_BUILD_INFO_H
#define GUGUS_BUILD_INFO_H

/// The commit this binary was built from ("abc123def456", with "-dirty" when the work tree
/// had changes), or "unknown" when it was not built by scripts/dist. A target of its own,
/// used by the command-line program alone: a new commit compiles this file and links again.
const char *gugus_build_commit(void);

#endif
