#ifndef VISNYK_CFUZZERDRIVER_H
#define VISNYK_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry for programs that keep their own main (LLVM 11+): SwiftPM links every
// executable with main pointing at the module's top-level code, so libFuzzer's main never runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
