import Testing

@Suite struct CoachingSmokeTests {
    @Test func targetLinks() { #expect(1 + 1 == 2) }
}
