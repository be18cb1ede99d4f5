// The functions of this target are static inline in its header; SwiftPM needs one source file to build the target.
#include "CReprintSupport.h"
