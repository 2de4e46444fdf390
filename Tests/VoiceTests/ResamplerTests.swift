import TestSupport
import Testing
@testable import Voice

@Suite("Resampler (libsoxr)")
struct ResamplerTests {
    @Test("22,050 Hz to 48 kHz keeps the length, pitch and level of a tone")
    func tonePreserved() throws {
        let input = Signals.sine(frequency: 440, sampleRate: 22_050, seconds: 1)
        let output = try Resampler.resample(PCMAudio(samples: input, sampleRate: 22_050), to: 48_000)

        #expect(output.sampleRate == 48_000)
        #expect(abs(output.samples.count - 48_000) <= 2)
        // 440 cycles in one second: a changed pitch would change the crossing count.
        #expect(abs(Signals.upwardZeroCrossings(output.samples) - 440) <= 2)
        let levelRatio = Signals.rms(output.samples) / Signals.rms(input)
        #expect(abs(levelRatio - 1) < 0.05)
    }

    @Test("Equal rates pass the samples through untouched")
    func sameRate() throws {
        let input = Signals.sine(frequency: 1_000, sampleRate: 48_000, seconds: 0.1)
        let output = try Resampler.resample(PCMAudio(samples: input, sampleRate: 48_000), to: 48_000)
        #expect(output.samples == input)
    }

    @Test("A non-positive rate is a stable error, not a crash")
    func invalidRate() {
        let audio = PCMAudio(samples: [1, 2, 3], sampleRate: 0)
        #expect(throws: VoiceError.invalidSetting(name: "sampleRate", value: 0)) {
            try Resampler.resample(audio, to: 48_000)
        }
        #expect(throws: VoiceError.self) {
            try Resampler.resample(PCMAudio(samples: [1], sampleRate: 22_050), to: -1)
        }
    }
}
