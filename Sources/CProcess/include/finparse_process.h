// A child process on pipes, for the one external program finparse runs (pdftotext):
// posix_spawn with the pipes made close-on-exec as they are made, which Swift's Glibc
// module cannot ask for (pipe2 is a GNU extension), so that a child started at the same
// time on another thread never holds them open. (On Apple's systems, not built here, the
// spawn itself closes every other descriptor in the child.)
#ifndef FINPARSE_PROCESS_H
#define FINPARSE_PROCESS_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Starts the program at `path` with `argv` (NULL-terminated, argv[0] the program's name)
/// and this process's environment. Its standard input, output and error are pipes whose
/// other ends are set in `input`, `output` and `error`. SIGPIPE is at its default in the
/// child, whatever it is here. Returns 0, or an errno value (nothing is left open).
int fp_process_spawn(const char *path, char *const argv[], pid_t *pid, int *input, int *output, int *error);

/// Waits for the child: its exit status (0–255), or minus the signal that ended it, or
/// -1000 when it cannot be waited for.
int fp_process_wait(pid_t pid);

#ifdef __cplusplus
}
#endif

#endif
