#ifndef FINPARSE_MEMORY_FILE_H
#define FINPARSE_MEMORY_FILE_H

// A file that lives in memory only (Linux's memfd_create), for readers that take a path.
// Returns its descriptor, or -1 with errno set (ENOSYS where the system has none).
int fp_memory_file_create(void);

#endif
