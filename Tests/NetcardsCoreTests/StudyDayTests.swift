import Foundation
import Testing
import NetcardsCore

@Suite("Study day")
struct StudyDayTests {
    /// A fixed UTC+1 zone: no daylight saving, present on every machine.
    let zone = TimeZone(secondsFromGMT: 3600)!

    func moment(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0, in zone: TimeZone? = nil) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone ?? self.zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test func oneInTheMorningCountsForTheDayBefore() {
        let day = StudyDay(moment(2026, 11, 28, 1), dayStartHour: 4, timeZone: zone)
        #expect(day.iso == "2026-11-27")
    }

    @Test func fourOClockStartsTheNewDay() {
        #expect(StudyDay(moment(2026, 11, 28, 3, 59), dayStartHour: 4, timeZone: zone).iso == "2026-11-27")
        #expect(StudyDay(moment(2026, 11, 28, 4, 0), dayStartHour: 4, timeZone: zone).iso == "2026-11-28")
    }

    @Test func lateEveningStaysOnTheSameDay() {
        #expect(StudyDay(moment(2026, 11, 28, 23, 30), dayStartHour: 4, timeZone: zone).iso == "2026-11-28")
    }

    @Test func theDayStartHourIsConfigurable() {
        let oneAM = moment(2026, 11, 28, 1)
        #expect(StudyDay(oneAM, dayStartHour: 0, timeZone: zone).iso == "2026-11-28")
        #expect(StudyDay(moment(2026, 11, 28, 5, 30), dayStartHour: 6, timeZone: zone).iso == "2026-11-27")
        #expect(StudyDay(moment(2026, 11, 28, 6), dayStartHour: 6, timeZone: zone).iso == "2026-11-28")
    }

    @Test func theClockUsesItsDayStartHourAndTimeZone() {
        let oneAM = moment(2026, 11, 28, 1)
        let clock = StudyClock(dayStartHour: 4, timeZone: zone, now: { oneAM })
        #expect(clock.today.iso == "2026-11-27")
    }

    @Test func theDayStartsAtFourLocalTimeOnTheDayClocksGoForward() throws {
        // Europe/Berlin skips 02:00–03:00 on 2026-03-29: 04:30 that morning is already the new day.
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let day = StudyDay(moment(2026, 3, 29, 4, 30, in: berlin), dayStartHour: 4, timeZone: berlin)
        do {
            #expect(day.iso == "2026-03-29")
        }
    }

    @Test func theDayStartsAtFourLocalTimeOnTheDayClocksGoBack() throws {
        // Europe/Berlin repeats 02:00–03:00 on 2026-10-25: 03:30 that morning still belongs to the 24th.
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let day = StudyDay(moment(2026, 10, 25, 3, 30, in: berlin), dayStartHour: 4, timeZone: berlin)
        do {
            #expect(day.iso == "2026-10-24")
        }
    }

    @Test(arguments: ["2026-11-27", "2024-02-29", "1970-01-01", "2000-12-31", "2099-03-01"])
    func isoTextRoundTrips(text: String) {
        #expect(StudyDay(iso: text)?.iso == text)
    }

    @Test func dayNumbersCountFrom1970() {
        #expect(StudyDay(iso: "1970-01-01")?.number == 0)
        #expect(StudyDay(iso: "1970-01-02")?.number == 1)
        #expect(StudyDay(iso: "2026-03-01")! - StudyDay(iso: "2026-02-28")! == 1)
        #expect(StudyDay(iso: "2024-03-01")! - StudyDay(iso: "2024-02-28")! == 2)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11", "yesterday", ""])
    func isoRejectsDaysThatDoNotExist(text: String) {
        #expect(StudyDay(iso: text) == nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() {
        #expect(StudyDay(iso: "2026-12-30")!.adding(days: 3).iso == "2027-01-02")
        #expect(StudyDay(iso: "2026-02-27")!.adding(days: 2).iso == "2026-03-01")
    }
}
