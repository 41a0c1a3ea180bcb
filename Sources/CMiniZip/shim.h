// zlib's minizip (contrib/minizip): its unzip half reads the .docx package.
#include <unzip.h>
