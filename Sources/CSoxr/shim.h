// libsoxr: one-shot sample-rate conversion (espeak's 22,050 Hz to Opus's 48 kHz).
#include <soxr.h>
