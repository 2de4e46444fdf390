import Foundation
import Integration
import Storage

/// Drains the feed queue into the followed drivers' channels: everything that arrived during
/// one batch interval becomes one message per channel (plus at most one voice message), so a
/// busy session never floods a channel. While Discord is slow this task waits; the queue in
/// front of it stays bounded and drops the oldest events.
struct FeedPublisher {
    let bot: DiscordBot

    func run() async {
        let queue = bot.feed
        while !Task.isCancelled {
            await withTaskCancellationHandler {
                await queue.waitForEvents()
            } onCancel: {
                queue.wake()
            }
            if Task.isCancelled { return }
            await publish(queue.takeAll())
            // One batch per interval: later events wait in the queue and coalesce.
            try? await Task.sleep(for: bot.configuration.feedBatchInterval)
        }
    }

    /// A channel's share of one batch.
    struct ChannelBatch {
        var lines: [String] = []
        var voiceCue: CueEvent?
    }

    func publish(_ events: [CoachingFeedEvent]) async {
        guard !events.isEmpty else { return }
        for case .sessionEnded(let end) in events { await bot.sendSessionReport(end) }
        guard events.contains(where: { if case .sessionEnded = $0 { false } else { true } }) else { return }
        let follows: [DiscordFollow]
        var languages: [String: GuildLanguage] = [:]
        do {
            follows = try await bot.repository.allFollows()
            // A channel has no single reader: each guild's lines are in the guild's language.
            for guild in Set(follows.map(\.guildID)) { languages[guild] = try await bot.repository.settings(guildID: guild).language }
        } catch {
            bot.logger.warning("reading feed follows failed", metadata: ["error": "\(error)"])
            return
        }
        let batches = Self.batches(
            events, follows: follows, languages: languages, minimumSeverity: bot.configuration.feedMinimumSeverity)
        for (channel, batch) in batches.sorted(by: { $0.key < $1.key }) {
            await post(batch, to: channel)
        }
    }

    /// `languages` maps a guild to its language (English when absent).
    static func batches(
        _ events: [CoachingFeedEvent], follows: [DiscordFollow], languages: [String: GuildLanguage] = [:], minimumSeverity: Int
    ) -> [String: ChannelBatch] {
        var channelsOfDriver: [String: [(channel: String, strings: BotStrings)]] = [:]
        for follow in follows {
            let strings = BotStrings(language: languages[follow.guildID] ?? .english)
            channelsOfDriver[follow.driverName, default: []].append((follow.channelID, strings))
        }
        var batches: [String: ChannelBatch] = [:]
        for event in events {
            if case .sessionEnded = event { continue }  // a DM, not a channel line
            if case .cue(let cue) = event, cue.severity < minimumSeverity { continue }
            for (channel, strings) in channelsOfDriver[event.driverName] ?? [] {
                batches[channel, default: ChannelBatch()].lines.append(FeedFormatter.line(for: event, strings: strings))
                if case .cue(let cue) = event, cue.voiceClip != nil,
                    cue.severity >= batches[channel]?.voiceCue?.severity ?? Int.min
                {
                    batches[channel]?.voiceCue = cue
                }
            }
        }
        return batches
    }

    private func post(_ batch: ChannelBatch, to channel: String) async {
        do {
            for text in MessageSplitter.chunk(lines: batch.lines, limit: MessageLimits.content) {
                try await bot.rest.createMessage(
                    channel: channel, MessagePayload(content: text, flags: MessagePayload.Flag.suppressNotifications))
            }
            if let cue = batch.voiceCue, let clip = cue.voiceClip {
                try await VoiceMessage.send(clip, to: channel, rest: bot.rest)
            }
        } catch {
            bot.logger.warning("posting to the live feed failed", metadata: ["channel": "\(channel)", "error": "\(error)"])
        }
    }
}
