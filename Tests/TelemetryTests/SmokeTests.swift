import Testing

@Suite struct TelemetrySmokeTests {
    @Test func targetLinks() { #expect(1 + 1 == 2) }
}
