#include "gugus_build_info.h"

// scripts/dist names a header holding `#define GUGUS_COMMIT "abc123def456"`
// (swift build -Xcc -DGUGUS_BUILD_INFO='"/path/build-info.h"'): the flag stays the same from
// commit to commit, so only this file is compiled again. Other builds say "unknown".
#ifdef GUGUS_BUILD_INFO
#include GUGUS_BUILD_INFO
#endif
#ifndef GUGUS_COMMIT
#define GUGUS_COMMIT "unknown"
#endif

const char *gugus_build_commit(void) {
    return GUGUS_COMMIT;
}
