// libopusenc: Ogg Opus files. `ope_encoder_ctl` is C-variadic, which Swift cannot call, so each
// request Trailbrake needs is wrapped in a static inline function here.
#include <opusenc.h>

static inline int copusenc_set_bitrate(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPUS_SET_BITRATE(v)); }
static inline int copusenc_set_complexity(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPUS_SET_COMPLEXITY(v)); }
static inline int copusenc_set_application(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPUS_SET_APPLICATION(v)); }
static inline int copusenc_set_signal(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPUS_SET_SIGNAL(v)); }
static inline int copusenc_set_frame_duration(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPUS_SET_EXPERT_FRAME_DURATION(v)); }
static inline int copusenc_get_lookahead(OggOpusEnc *e, opus_int32 *v) { return ope_encoder_ctl(e, OPUS_GET_LOOKAHEAD(v)); }
/// Pages are emitted as soon as each packet is ready, so a pull loop sees them promptly.
static inline int copusenc_set_muxing_delay(OggOpusEnc *e, opus_int32 v) { return ope_encoder_ctl(e, OPE_SET_MUXING_DELAY(v)); }
