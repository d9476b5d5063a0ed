// The system zlib (zlib1g-dev), imported into Swift as the CZlib module; the report tests inflate PNG screenshots with it.
#include <zlib.h>
