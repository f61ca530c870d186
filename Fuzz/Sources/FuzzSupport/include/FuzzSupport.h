#ifndef NETCARDS_FUZZ_SUPPORT_H
#define NETCARDS_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the runtime -sanitize=fuzzer links): parses libFuzzer's flags from argv and runs
/// `callback` on every input. On Linux SwiftPM links an executable target's entry point as `TARGET_main`, so
/// each target's main.swift hands over to this driver instead of relying on libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
