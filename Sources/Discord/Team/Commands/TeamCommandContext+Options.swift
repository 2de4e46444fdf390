import Foundation
import Storage

extension TeamCommandContext {
    /// The car the `car` option names (1 is the event's first car).
    /// - Throws: `TeamRefusal` naming the number when the event has no such car.
    func car(of event: TeamEventRecord) throws -> TeamCarRecord {
        let number = Int(interaction.integer("car") ?? 0)
        guard (1...event.cars.count).contains(number) else {
            throw TeamRefusal(answer(.noSuchCar, ["car": String(number), "count": String(event.cars.count)]))
        }
        return event.cars[number - 1]
    }

    /// The Discord user a user option names, who must have signed up for the event.
    /// - Throws: `TeamRefusal` saying they have not.
    func signedUpUser(_ option: String, _ registrations: [TeamRegistration]) throws -> String {
        let user = interaction.string(option) ?? ""
        guard registrations.contains(where: { $0.userID == user }) else {
            throw TeamRefusal(answer(.userNotSignedUp, ["driver": LeagueFormat.user(user)]))
        }
        return user
    }
}
