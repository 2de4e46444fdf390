import Testing

@Suite struct StorageSmokeTests {
    @Test func targetLinks() { #expect(1 + 1 == 2) }
}
