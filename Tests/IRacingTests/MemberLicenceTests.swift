import EndurancePlanner
import Foundation
import IRacing
import Integration
import ResultsPoller
import Testing

@testable import IRacingFake

extension FakeIRacingSuites {
    /// `member/get?include_licenses=true` through the real client and the Integration seam: the
    /// licences in the planner's types (a licence without `irating` stays without), an unknown
    /// member named as such, and iRacing's failures as stable codes.
    @Suite struct MemberLicenceTests {
        @Test func licencesComeInThePlannersTypesAndAMissingIRatingStaysMissing() async throws {
            guard let fixtures = FakeFixtures.load() else { return }
            var world = FakeWorld(fixtures: fixtures)
            world.licensedMembers = [
                42: .init(memberID: 42, displayName: "Ana", licences: [
                    .init("sports_car", iRating: 2_345, groupID: 4, safetyRating: 3.21), .init("dirt_oval", iRating: nil, groupID: 1, safetyRating: 2.5),
                    .init("unknown_category", iRating: 1, groupID: 2),
                ]),
            ]
            try await FakeIRacingServer.with(world: world) { server in
                let source: any MemberLicenceSource = try TestClient(server).client
                let ana = try await source.licences(memberID: 42)
                #expect(ana.displayName == "Ana")
                #expect(ana.licences[.sportsCar] == MemberLicence(licenceClass: .b, safetyRating: 3.21, iRating: 2_345))
                #expect(ana.licences[.dirtOval] == MemberLicence(licenceClass: .rookie, safetyRating: 2.5, iRating: nil))
                #expect(ana.licences.count == 2, "a category the planner does not know is left out")
                await #expect(throws: MemberLicencesUnavailable(code: "member_not_found")) { _ = try await source.licences(memberID: 7) }
                #expect(await server.state.dataRequests.contains { $0.contains("include_licenses=true") && $0.contains("cust_ids=42") })
            }
        }

        /// The captured payload itself: its dirt oval licence has no `irating`.
        @Test func theRealPayloadDecodesWithItsMissingIRating() async throws {
            try await withFakeIRacing { server in
                let members = try await TestClient(server).client.membersWithLicenses([473_030])
                let licences = try #require(members.first?.licenses)
                #expect(licences.first { $0.category == "dirt_oval" }?.irating == nil)
                #expect(licences.first { $0.category == "sports_car" }?.irating == 6_260)
            }
        }

        @Test func aLastingBadRequestIsACode() async throws {
            try await withFakeIRacing { server in
                let source: any MemberLicenceSource = try TestClient(server).client
                await server.state.update { $0.faults = [.badRequest] }
                await #expect(throws: MemberLicencesUnavailable.self) { _ = try await source.licences(memberID: 473_030) }
            }
        }
    }
}
