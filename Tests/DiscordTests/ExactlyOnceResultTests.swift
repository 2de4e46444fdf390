import Foundation
import Integration
import Testing

@testable import Discord

/// A result post is in its channel exactly once, also when its first attempt landed but the
/// answer was lost and the next attempt comes after Discord has forgotten the nonce (a poll
/// interval later, or after a restart): the poller and the bot together, on a fake Discord
/// that forgets nonces.
@Suite(.enabled(if: DiscordFixtures.available), .timeLimit(.minutes(2)))
struct ExactlyOnceResultTests {
    static let guild = GuildID(rawValue: 290_926_798_626_357_999)

    @Test func aPostWhoseAnswerWasLostIsNotPostedAgainAfterTheNonceWindowAndARestart() async throws {
        let files = try PollerBesideBot()
        let post = SampleResults.post(guild: Self.guild, entries: [SampleResults.entry(77, position: 3)])
        try await files.queue(post)
        try await FakeDiscord.with { fake in
            try await files.run(fake) { poller in
                // Discord does the work every time, but every answer is lost (502 after processing);
                // the client's own retries come within the nonce window and post nothing more.
                await fake.rest.failNext(4, status: 502, afterProcessing: true)
                let report = await poller.runCycle()
                #expect(report.errors.contains("publish_failed"))
                #expect(report.pendingAfter == 1, "the poller never heard that it landed")
            }
            #expect(await fake.rest.messages(in: PollerBesideBot.channel).count == 1)

            // Much later Discord has forgotten the nonce; the server restarts.
            await fake.rest.forgetNonces()
            try await files.run(fake) { poller in
                let report = await poller.runCycle()
                #expect(report.errors.isEmpty, "\(report.errors)")
                #expect(report.postsPublished == 1)
            }
            let messages = await fake.rest.messages(in: PollerBesideBot.channel)
            #expect(messages.count == 1, "found in the channel, not posted again")
            #expect(await fake.rest.historyReads == 1, "one history read")
            #expect(await fake.rest.tooManyRequests == 0)
            #expect(try await files.pendingCount() == 0)
            let footer = ((messages.first?.payloadObject["embeds"] as? [[String: Any]])?.first?["footer"] as? [String: Any])?["text"]
            #expect(footer as? String == "Subsession \(post.subsessionID)")
        }
    }

    /// The same fake with the check bypassed: a plain publish after the window posts twice, so
    /// the test above can tell the difference.
    @Test func withoutTheCheckTheForgottenNonceWouldPostTwice() async throws {
        let post = SampleResults.post(guild: Self.guild, entries: [SampleResults.entry(77, position: 3)])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.repository.updateSettings(guildID: RunningBot.guild, resultsChannelID: "601")
                try await running.bot.publish(post)
                try await running.bot.publish(post)
                #expect(await fake.rest.messages(in: "601").count == 1, "within the window the nonce holds")
                await fake.rest.forgetNonces()
                try await running.bot.publish(post)
                #expect(await fake.rest.messages(in: "601").count == 2)
            }
        }
    }

    /// The process dies while the post is out and its answer not back yet; the restart comes
    /// after the nonce window.
    @Test func aRestartWithAPendingRowAfterTheNonceWindowPostsOnce() async throws {
        let files = try PollerBesideBot()
        let post = SampleResults.post(guild: Self.guild, subsession: 71_234_999, entries: [SampleResults.entry(78, position: 1)])
        try await files.queue(post)
        try await FakeDiscord.with { fake in
            try await files.run(fake) { poller in
                await fake.rest.setAnswersHang(true)
                let cycle = Task { await poller.runCycle() }
                try await eventually("the post landed") { await fake.rest.messages(in: PollerBesideBot.channel).count == 1 }
                cycle.cancel()  // the process dies waiting for the answer
                _ = await cycle.value
                await fake.rest.setAnswersHang(false)
            }
            #expect(try await files.pendingCount() == 1)
            await fake.rest.forgetNonces()
            try await files.run(fake) { poller in
                #expect(await poller.runCycle().postsPublished == 1)
            }
            #expect(await fake.rest.messages(in: PollerBesideBot.channel).count == 1)
            #expect(try await files.pendingCount() == 0)
        }
    }

    /// A post split over messages whose first part landed: only the missing part is sent.
    @Test func onlyThePartsNotInTheChannelAreSent() async throws {
        let files = try PollerBesideBot()
        let entries = (1...300).map { SampleResults.entry(1_000 + $0, position: $0) }
        let post = SampleResults.post(guild: Self.guild, subsession: 99, entries: entries)
        let parts = ResultEmbeds.messages(for: post, timeZone: TimeZone(identifier: "UTC")!, strings: BotStrings(language: .english)).count
        #expect(parts >= 2)
        try await files.queue(post)
        try await FakeDiscord.with { fake in
            try await files.run(fake) { poller in
                await fake.rest.refusePosts(beyond: 1)
                #expect(await poller.runCycle().pendingAfter == 1)
            }
            #expect(await fake.rest.messages(in: PollerBesideBot.channel).count == 1)
            await fake.rest.refusePosts(beyond: nil)
            await fake.rest.forgetNonces()
            try await files.run(fake) { poller in
                #expect(await poller.runCycle().postsPublished == 1)
            }
            let footers = await fake.rest.messages(in: PollerBesideBot.channel).map {
                (($0.payloadObject["embeds"] as? [[String: Any]])?.first?["footer"] as? [String: Any])?["text"] as? String ?? ""
            }
            #expect(footers == (1...parts).map { "Subsession 99 · \($0)/\(parts)" }, "each part once, in order")
        }
    }

    /// Without Read Message History the channel cannot be read: the post is sent again with its
    /// nonce (logged), rather than stuck in the outbox for ever.
    @Test func aChannelThatCannotBeReadFallsBackToTheNonce() async throws {
        let files = try PollerBesideBot()
        let post = SampleResults.post(guild: Self.guild, subsession: 5, entries: [SampleResults.entry(7, position: 2)])
        try await files.queue(post)
        try await FakeDiscord.with { fake in
            await fake.rest.failHistoryReads(status: 403)
            try await files.run(fake) { poller in
                // The first cycle's four attempts are refused before Discord does anything.
                await fake.rest.failNext(4, status: 503)
                #expect(await poller.runCycle().pendingAfter == 1)
            }
            try await files.run(fake) { poller in
                #expect(await poller.runCycle().postsPublished == 1)
            }
            #expect(await fake.rest.historyReads == 1)
            #expect(try await files.pendingCount() == 0)
            #expect(await fake.rest.messages(in: PollerBesideBot.channel).count == 1)
        }
    }
}
