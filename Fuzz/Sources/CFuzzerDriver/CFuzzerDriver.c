// LLVMFuzzerRunDriver is defined by libFuzzer (linked in by -sanitize=fuzzer); this target
// only declares it for Swift. A C target needs one source file.
#include "CFuzzerDriver.h"
