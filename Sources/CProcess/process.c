#define _GNU_SOURCE
#include "finparse_process.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int make_pipe(int fds[2]) {
#ifdef __APPLE__
    // No pipe2 on Apple's systems: POSIX_SPAWN_CLOEXEC_DEFAULT, below, keeps the pipes
    // from other children instead.
    if (pipe(fds) != 0) return errno;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#else
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
#endif
}

int fp_process_spawn(const char *path, char *const argv[], pid_t *pid, int *input, int *output, int *error) {
    int pipes[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
    int result = 0;
    for (int i = 0; i < 3 && result == 0; i++) result = make_pipe(pipes[i]);
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    sigset_t defaults;
    if (result == 0 && (result = posix_spawn_file_actions_init(&actions)) == 0) {
        if ((result = posix_spawnattr_init(&attributes)) == 0) {
            sigemptyset(&defaults);
            sigaddset(&defaults, SIGPIPE);
            posix_spawnattr_setsigdefault(&attributes, &defaults);
            short flags = POSIX_SPAWN_SETSIGDEF;
#ifdef __APPLE__
            flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;
#endif
            posix_spawnattr_setflags(&attributes, flags);
            // The copies dup2 makes on 0, 1 and 2 are not close-on-exec; the pipes are.
            posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0);
            posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1);
            posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2);
            result = posix_spawn(pid, path, &actions, &attributes, argv, environ);
            posix_spawnattr_destroy(&attributes);
        }
        posix_spawn_file_actions_destroy(&actions);
    }
    // The child's ends are closed here in any case; ours only when there is no child.
    int child[3] = {pipes[0][0], pipes[1][1], pipes[2][1]};
    int ours[3] = {pipes[0][1], pipes[1][0], pipes[2][0]};
    for (int i = 0; i < 3; i++) {
        if (child[i] >= 0) close(child[i]);
        if (result != 0 && ours[i] >= 0) close(ours[i]);
    }
    if (result == 0) {
        *input = ours[0];
        *output = ours[1];
        *error = ours[2];
    }
    return result;
}

int fp_process_wait(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1000;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return -1000;
}
