// espeak-ng's classic API: synchronous synthesis with a PCM callback.
#include <espeak-ng/speak_lib.h>
