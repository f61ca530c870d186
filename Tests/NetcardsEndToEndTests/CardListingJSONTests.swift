import Foundation
import NetcardsTestSupport
import Testing

@Suite("cards --json keeps any text intact")
struct CardListingJSONTests {
    @Test("quotes, backslashes, line breaks and non-ASCII come back exactly as imported")
    func awkwardTextRoundTrips() throws {
        let sandbox = try Sandbox()
        let front = "What does \"\\d+\" match in a regex? (ümlaut, 日本)"
        let back = "one or more digits\nsecond line"
        let csv = "front,back,tags\n\"What does \"\"\\d+\"\" match in a regex? (ümlaut, 日本)\",\"one or more digits\nsecond line\",regex\n"
        try csv.write(toFile: sandbox.path("awkward.csv"), atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["import", sandbox.path("awkward.csv"), "--deck", "awkward"])
        try #require(imported.status == 0, "\(imported)")

        let cards = try sandbox.cards(["--deck", "awkward"])
        try #require(cards.count == 1)
        #expect(cards[0].front == front)
        #expect(cards[0].back == back)
        #expect(cards[0].state == "new" && cards[0].due == nil)
    }
}
