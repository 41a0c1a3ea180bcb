// libarchive: its readers of RAR (4 and 5) and 7-Zip archives, which sites pack reports in.
#include <archive.h>
#include <archive_entry.h>
