// memfd_create is a GNU extension, which Swift's Glibc module does not declare.
#define _GNU_SOURCE
#include "finparse_memory_file.h"

#include <errno.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

int fp_memory_file_create(void) {
#ifdef __linux__
    return memfd_create("finparse", MFD_CLOEXEC);
#else
    errno = ENOSYS;
    return -1;
#endif
}
