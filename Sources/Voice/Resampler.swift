import CSoxr

/// Converts mono 16-bit PCM between sample rates with libsoxr.
///
/// Opus takes 8/12/16/24/48 kHz; espeak-ng speaks at 22,050 Hz, so its output must be
/// converted. soxr's one-shot call at high quality takes under a millisecond per cue.
public enum Resampler {
    /// `audio` at `targetRate` (mono 16-bit). Returns the input unchanged when the rates match.
    public static func resample(_ audio: PCMAudio, to targetRate: Int) throws(VoiceError) -> PCMAudio {
        guard audio.sampleRate > 0 else { throw .invalidSetting(name: "sampleRate", value: audio.sampleRate) }
        guard targetRate > 0 else { throw .invalidSetting(name: "targetRate", value: targetRate) }
        guard audio.sampleRate != targetRate, !audio.samples.isEmpty else {
            return PCMAudio(samples: audio.samples, sampleRate: targetRate)
        }
        let ratio = Double(targetRate) / Double(audio.sampleRate)
        // One spare sample covers the rounding of the ratio.
        let capacity = Int((Double(audio.samples.count) * ratio).rounded(.up)) + 1
        var output = [Int16](repeating: 0, count: capacity)
        var ioSpec = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I)
        var qualitySpec = soxr_quality_spec(UInt(SOXR_HQ), 0)
        var written = 0
        let failure = audio.samples.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                soxr_oneshot(
                    Double(audio.sampleRate), Double(targetRate), 1,
                    input.baseAddress, input.count, nil,
                    out.baseAddress, out.count, &written,
                    &ioSpec, &qualitySpec, nil
                )
            }
        }
        if let failure { throw .resamplingFailed(String(cString: failure)) }
        output.removeSubrange(min(written, output.count)...)
        return PCMAudio(samples: output, sampleRate: targetRate)
    }
}
