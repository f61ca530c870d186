// The declaration in include/FuzzSupport.h is all this target provides; the definition is libFuzzer's.
#include "FuzzSupport.h"
