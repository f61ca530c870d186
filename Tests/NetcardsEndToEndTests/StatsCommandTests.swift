import Foundation
import NetcardsTestSupport
import Testing

/// `netcards stats` on the history of `StatsHistory` (40 days of scripted reviews and two quizzes, see its
/// comment): every figure of `--json`, the text at 80 columns, narrowing, errors, colour and width.
@Suite("netcards stats on a known history")
struct StatsCommandTests {
    static let internet = "How the internet works"
    static let protocols = "Ports, protocols, packets & routing"
    static let front = "The pieces in front of your app"
    static let debugging = "The debugging arsenal"
    static let cloud = "Traffic inside the cloud"

    /// Cards per module, from `decks --json` (one bundled deck per module, and the labs deck in the debugging
    /// module beside it), so the figures follow deck edits.
    private func cardCounts(_ sandbox: Sandbox) throws -> [String: Int] {
        Dictionary(try sandbox.decks().map { ($0.module, $0.cards) }, uniquingKeysWith: +)
    }

    /// The one card of `deck` that lapsed, from `cards --json`.
    private func lapsed(_ cards: [StoredCard], deck: String) throws -> StoredCard {
        let lapsed = cards.filter { $0.deck == deck && $0.lapses > 0 }
        try #require(lapsed.count == 1, "cards of \(deck) with lapses: \(lapsed)")
        return lapsed[0]
    }

    // MARK: - JSON

    @Test("--json: every figure of the history")
    func jsonFigures() throws {
        let sandbox = try StatsHistory.sandbox()
        let stats = try sandbox.stats()
        let n = try cardCounts(sandbox)
        let i = try #require(n[Self.internet]), p = try #require(n[Self.protocols]), f = try #require(n[Self.front])
        let d = try #require(n[Self.debugging]), c = try #require(n[Self.cloud])

        // Today: debugging's 5, 1, 4 (new card), 4; the quiz answers of today are not review answers.
        // Due left: the protocols leech (T) and cloud's two (T-2). New left: 20 a day, 1 started today.
        #expect(stats.today == .init(date: "2026-11-28", answered: 4, correct: 3, correctPercent: 75, seconds: 0,
                                     dueLeft: 3, newLeft: 19))

        // Retention, review answers of T-29 … T: internet 3+3 (T-29, T-28), 2, 6×1, 12×1 = 26, all 5s;
        // protocols 1+2+2+2+1 = 8, 5 passed (63%); front-of-app 2+2+2+2+1 = 9, 6 passed (the 3 counts);
        // debugging 2 + 4 = 6, 5 passed (83%); cloud 2 of 2.
        #expect(stats.modules == [
            .init(module: Self.internet, cards: i, new: i - 12, learning: 0, young: 0, mature: 12, suspended: 0,
                  retentionAnswers: 26, retentionPassed: 26, retentionPercent: 100),
            .init(module: Self.protocols, cards: p, new: p - 1, learning: 0, young: 1, mature: 0, suspended: 0,
                  retentionAnswers: 8, retentionPassed: 5, retentionPercent: 63),
            .init(module: Self.front, cards: f, new: f - 1, learning: 0, young: 1, mature: 0, suspended: 0,
                  retentionAnswers: 9, retentionPassed: 6, retentionPercent: 67),
            .init(module: Self.debugging, cards: d, new: d - 3, learning: 0, young: 3, mature: 0, suspended: 0,
                  retentionAnswers: 6, retentionPassed: 5, retentionPercent: 83),
            .init(module: Self.cloud, cards: c, new: c - 3, learning: 0, young: 2, mature: 0, suspended: 1,
                  retentionAnswers: 2, retentionPassed: 2, retentionPercent: 100),
        ])

        #expect(stats.calendar == Self.expectedCalendar)
        // T-39 … T-21 (19 days), nothing T-20 … T-16, then T-15 … T (16 days).
        #expect(stats.currentStreak == 16)
        #expect(stats.longestStreak == 19)

        // T+1: debugging's lapsed card and its new one; T+4: the front-of-app leech; T+6: debugging's 5.
        #expect(stats.forecast == zip(1...14, [2, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]).map {
            StatsOutput.Forecast(date: StatsHistory.date($0), due: $1)
        })

        // Internet: nothing mastered until T-15, then one more a day until T-4 (12), carried to T.
        #expect(stats.trend.map(\.module) == [Self.internet, Self.protocols, Self.front, Self.debugging, Self.cloud])
        #expect(stats.trend.first?.points == (-29...0).map { offset in
            StatsOutput.TrendPoint(date: StatsHistory.date(offset), mastered: min(12, max(0, offset + 16)), total: i)
        })
        for (module, total) in [(Self.protocols, p), (Self.front, f), (Self.debugging, d), (Self.cloud, c)] {
            #expect(stats.trend.first { $0.module == module }?.points == (-29...0).map {
                StatsOutput.TrendPoint(date: StatsHistory.date($0), mastered: 0, total: total)
            }, "\(module)")
        }

        // Quiz: 4 wrong on T-1, 3 of 4 on T.
        #expect(stats.quiz == .init(answers: 8, correct: 3, percent: 38))

        let cards = try sandbox.cards()
        let frontLeech = try lapsed(cards, deck: "front-of-app")
        let protocolsLeech = try lapsed(cards, deck: "protocols")
        let debuggingLeech = try lapsed(cards, deck: "debugging")
        #expect(cards.filter { $0.lapses > 0 }.count == 3)
        // 3 lapses (ease 2.36) before 3 lapses (ease 2.6) before 1 lapse.
        #expect(stats.leeches == [
            .init(id: frontLeech.id, front: frontLeech.front, lapses: 3, ease: 2.36),
            .init(id: protocolsLeech.id, front: protocolsLeech.front, lapses: 3, ease: 2.6),
            .init(id: debuggingLeech.id, front: debuggingLeech.front, lapses: 1, ease: 2.5),
        ])
    }

    /// Answers per day: internet's reviews (1 to 3 a day on T-39 … T-21, 1 a day on T-15 … T-4), the two
    /// leeches (T-10 … T-2), cloud (2 on T-3), debugging (2 on T-1, 4 on T) and the quizzes (4 on T-1 and T).
    static let expectedCalendar: [StatsOutput.Day] = [
        (-39, 1), (-38, 2), (-37, 2), (-36, 2), (-35, 2), (-34, 2), (-33, 2),
        (-32, 3), (-31, 3), (-30, 3), (-29, 3), (-28, 3), (-27, 2),
        (-26, 1), (-25, 1), (-24, 1), (-23, 1), (-22, 1), (-21, 1),
        (-15, 1), (-14, 1), (-13, 1), (-12, 1), (-11, 1),
        (-10, 2), (-9, 3), (-8, 3), (-7, 3), (-6, 4), (-5, 3), (-4, 3), (-3, 4), (-2, 1), (-1, 6), (0, 8),
    ].map { StatsOutput.Day(date: StatsHistory.date($0.0), answers: $0.1) }

    @Test("the current streak may end yesterday; the day after it is over")
    func streakEndingYesterday() throws {
        let sandbox = try StatsHistory.sandbox()
        let tomorrow = try sandbox.stats(on: 1)
        #expect(tomorrow.currentStreak == 16)
        #expect(tomorrow.longestStreak == 19)
        #expect(tomorrow.today.answered == 0)
        #expect(tomorrow.today.correctPercent == nil)
        let text = try sandbox.statsText(["--all"], env: ["NETCARDS_NOW": StatsHistory.moment(1)])
        #expect(text.lines.contains("  streak: 16 days · longest 19"), "\(text)")
        let dayAfter = try sandbox.stats(on: 2)
        #expect(dayAfter.currentStreak == 0)
        #expect(dayAfter.longestStreak == 19)
    }

    // MARK: - Text

    @Test("text at 80 columns, piped: every figure on its line")
    func textFigures() throws {
        let sandbox = try StatsHistory.sandbox()
        let counts = try cardCounts(sandbox)
        try #require(counts[Self.internet] == 18, "the text expectations below assume 18 cards in the internet deck")
        let text = try sandbox.statsText(["--all"], env: ["COLUMNS": "80"])
        let lines = text.lines

        #expect(lines.first == "netcards stats · 2026-11-28")
        #expect(lines.contains("Today  4 answered · 75% correct · 0s · 3 due left · 19 new left"), "\(text)")

        // Modules: names in 24 columns (the longest cut with …), a 10-cell bar at 80 columns, then the figures
        // (recall, whose value `--json` tests against `cards --json`, introduced and mature cards).
        #expect(lines.contains("Modules   █ mature  ▓ young  ▒ learning  ░ new  × suspended"))
        let moduleLines = [
            ("  How the internet works   ███████░░░  ", "% recall · 12/18 introduced · 12 mature"),
            ("  Ports, protocols, packe… ░░░░░░░░░░  ", "% recall · 1/\(counts[Self.protocols]!) introduced · 0 mature"),
            ("  The pieces in front of … ░░░░░░░░░░  ", "% recall · 1/\(counts[Self.front]!) introduced · 0 mature"),
            // 3 young of 127 and 2 of 51 are less than half a cell of 10: the bars show them as new.
            ("  The debugging arsenal    ░░░░░░░░░░  ", "% recall · 3/\(counts[Self.debugging]!) introduced · 0 mature"),
            ("  Traffic inside the cloud ░░░░░░░░░░  ", "% recall · 2/\(counts[Self.cloud]!) introduced · 0 mature"),
        ]
        for (start, end) in moduleLines {
            #expect(lines.contains { $0.hasPrefix(start) && $0.hasSuffix(end) }, "\(start)…\(end)\nin:\n\(text)")
        }

        // Calendar: 27 week columns (Monday first) holding 182 days; the last column is this week, Monday
        // T-5 to Saturday T; tomorrow's cell (Sunday) is blank. Levels relative to the busiest day (8).
        let header = try #require(lines.firstIndex(of: "Last 26 weeks   · none  ░ ▒ ▓ █ more answers"))
        let rows = Array(lines[(header + 1)...(header + 7)])
        #expect(rows.map { String($0.prefix(6)) } == ["  Mon ", "      ", "  Wed ", "      ", "  Fri ", "      ", "  Sun "])
        let cells = rows.map { Array($0.dropFirst(6)) }
        #expect(cells.allSatisfy { $0.count == 27 }, "\(rows)")
        #expect(cells.map { $0.last! } == ["▒", "▒", "▒", "░", "▓", "█", " "], "T-5: 3, T-4: 3, T-3: 4, T-2: 1, T-1: 6, T: 8")
        #expect(cells.map { $0[25] } == ["░", "░", "░", "▒", "▒", "▒", "▒"], "T-12 … T-6: 1, 1, 2, 3, 3, 3, 4")
        let glyphs = cells.joined().filter { "·░▒▓█".contains($0) }
        #expect(glyphs.count == 182)
        #expect(glyphs.filter { $0 != "·" }.count == 35, "35 days studied")
        #expect(lines[header + 8] == "  streak: 16 days · longest 19")

        // Forecast: bars scaled to the busiest day (2 cards: 50 cells at 80 columns).
        let forecast = try #require(lines.firstIndex(of: "Due in the next 14 days"))
        let full = String(repeating: "█", count: 50), half = String(repeating: "█", count: 25)
        #expect(Array(lines[(forecast + 1)...(forecast + 14)]) == [
            "  11-29 \(full) 2", "  11-30  0", "  12-01  0", "  12-02 \(half) 1", "  12-03  0", "  12-04 \(half) 1",
            "  12-05  0", "  12-06  0", "  12-07  0", "  12-08  0", "  12-09  0", "  12-10  0", "  12-11  0", "  12-12  0",
        ])

        // Trend: internet climbs from 0/18 (▁) to 12/18 (▆); the others stay at 0.
        let trend = try #require(lines.firstIndex(of: "Mastery, last 30 days"))
        #expect(lines[trend + 1] == "  How the internet works             "
                + String(repeating: "▁", count: 15) + "▂▂▃▃▃▄▄▅▅▅" + String(repeating: "▆", count: 5) + "  12/18")
        #expect(lines[trend + 5] == "  Traffic inside the cloud           " + String(repeating: "▁", count: 30) + "  0/\(counts[Self.cloud]!)")

        #expect(lines.contains("Quiz  3/8 correct (38%)"))

        let cards = try sandbox.cards()
        let leeches = try #require(lines.firstIndex(of: "Leeches  the cards you forget most"))
        // A leech is named by its question's text, without a code block it may show (the part before "\n```").
        func question(_ deck: String) throws -> String {
            try lapsed(cards, deck: deck).front.components(separatedBy: "\n```")[0]
        }
        let leechLines = Array(lines[(leeches + 1)...(leeches + 3)].map(\.trimmingTrailingSpaces))
        #expect(leechLines == [
            "  3 lapses · ease 2.36 · \(try question("front-of-app"))",
            "  3 lapses · ease 2.60 · \(try question("protocols"))",
            "  1 lapse  · ease 2.50 · \(try question("debugging"))",
        ], "\(leechLines)")
        #expect(lines.count == leeches + 5, "the leeches end the screen (then the final newline)")
        #expect(lines.last == "")
    }

    // MARK: - Narrowing

    @Test("--deck narrows everything but the calendar and streaks")
    func narrowedToADeck() throws {
        let sandbox = try StatsHistory.sandbox()
        let whole = try sandbox.stats()
        let stats = try sandbox.stats(["--deck", "debugging"])
        let d = try #require(try sandbox.decks().first { $0.deck == "debugging" }?.cards, "the deck alone, without the labs")
        #expect(stats.modules == [.init(module: Self.debugging, cards: d, new: d - 3, learning: 0, young: 3, mature: 0, suspended: 0,
                                        retentionAnswers: 6, retentionPassed: 5, retentionPercent: 83)])
        #expect(stats.today == .init(date: "2026-11-28", answered: 4, correct: 3, correctPercent: 75, seconds: 0,
                                     dueLeft: 0, newLeft: 19))
        #expect(stats.forecast.map(\.due) == [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(stats.quiz == .init(answers: 0, correct: 0, percent: nil))
        #expect(stats.leeches.map(\.lapses) == [1])
        #expect(stats.trend.map(\.module) == [Self.debugging])
        #expect(stats.calendar == whole.calendar)
        #expect(stats.currentStreak == 16)
        #expect(stats.longestStreak == 19)

        let two = try sandbox.stats(["--deck", "cloud", "--deck", "internet"])
        #expect(two.modules.map(\.module) == [Self.internet, Self.cloud], "module order, whatever the flags' order")
        #expect(two.today.dueLeft == 2)
        #expect(two.leeches.isEmpty)
    }

    @Test("--module narrows to one module, in JSON and text")
    func narrowedToAModule() throws {
        let sandbox = try StatsHistory.sandbox()
        let stats = try sandbox.stats(["--module", Self.protocols])
        #expect(stats.modules.map(\.module) == [Self.protocols])
        #expect(stats.modules.first?.retentionPercent == 63)
        #expect(stats.today == .init(date: "2026-11-28", answered: 0, correct: 0, correctPercent: nil, seconds: 0,
                                     dueLeft: 1, newLeft: 19))
        #expect(stats.forecast.map(\.due) == Array(repeating: 0, count: 14))
        #expect(stats.quiz == .init(answers: 8, correct: 3, percent: 38), "the ports table is in protocols")
        #expect(stats.leeches.map(\.lapses) == [3])
        #expect(stats.leeches.first?.ease == 2.6)
        #expect(stats.trend.map(\.module) == [Self.protocols])
        #expect(stats.currentStreak == 16)

        let text = try sandbox.statsText(["--module", Self.protocols, "--all"], env: ["COLUMNS": "80"])
        #expect(text.lines.contains("Today  0 answered · no answers yet · 0s · 1 due left · 19 new left"), "\(text)")
        #expect(text.contains("Quiz  3/8 correct (38%)"))
        for other in [Self.internet, Self.front, Self.debugging, Self.cloud] {
            #expect(!text.contains(other), "\(other) is outside --module")
        }
        let forecast = try #require(text.lines.firstIndex(of: "Due in the next 14 days"))
        #expect(text.lines[forecast + 1] == "  11-29  0", "nothing due: no bar")
    }

    @Test("an unknown --deck or --module: exit 1 and the names to choose from")
    func unknownNames() throws {
        let sandbox = try StatsHistory.sandbox()
        let deck = try sandbox.run(["stats", "--deck", "nope"])
        #expect(deck.status == 1, "\(deck)")
        #expect(deck.stdout.isEmpty)
        #expect(deck.stderr.contains("there is no deck named nope — decks: internet, protocols, front-of-app, debugging, cloud"), "\(deck)")

        let module = try sandbox.run(["stats", "--json", "--module", "Cloud"])
        #expect(module.status == 1, "\(module)")
        #expect(module.stdout.isEmpty)
        #expect(module.stderr.contains("""
            there is no module named "Cloud" — modules: How the internet works; Ports, protocols, packets & routing; \
            The pieces in front of your app; The debugging arsenal; Traffic inside the cloud
            """), "\(module)")
    }

    // MARK: - Colour and width

    @Test("piped or NO_COLOR: no escape codes; --color always: colour")
    func colour() throws {
        let sandbox = try StatsHistory.sandbox()
        for (extra, env) in [([String](), [String: String]()), ([], ["NO_COLOR": "1"]), ([], ["TERM": "dumb"]),
                             (["--color", "never"], [:]), (["--color", "auto"], ["NO_COLOR": "1"])] {
            let text = try sandbox.statsText(extra, env: env)
            #expect(!text.containsEscape, "\(extra) \(env)")
            #expect(text.contains("███████░░░"), "the glyphs alone tell the parts apart")
        }
        for env in [[String: String](), ["NO_COLOR": "1"]] {
            let text = try sandbox.statsText(["--color", "always"], env: env)
            #expect(text.containsEscape, "\(env)")
            #expect(text.contains("\u{1B}[1mToday\u{1B}[0m"))
            #expect(text.contains("\u{1B}[32m███████\u{1B}[0m\u{1B}[2m░░░\u{1B}[0m"), "mastered green, new dim")
        }
        let json = try sandbox.run(["stats", "--json", "--color", "always"])
        #expect(json.status == 0)
        #expect(!json.stdoutData.containsEscape, "JSON is never coloured")
    }

    @Test("piped, the width follows COLUMNS (80 without it)")
    func widthFollowsColumns() throws {
        let sandbox = try StatsHistory.sandbox()
        let at80 = try sandbox.statsText(env: ["COLUMNS": "80"])
        #expect(try sandbox.statsText() == at80, "80 columns without COLUMNS")
        #expect(at80.lines.allSatisfy { $0.count <= 80 }, "\(at80.lines.filter { $0.count > 80 })")

        // Module bars: 10 cells at 80 columns, 40 (their most) at 120; forecast bars: 50 at most, 40 at 60.
        let at120 = try sandbox.statsText(env: ["COLUMNS": "120"])
        #expect(at120.lines.contains {
            $0.hasPrefix("  How the internet works             " + String(repeating: "█", count: 27) + String(repeating: "░", count: 13) + "  ")
                && $0.hasSuffix("% recall · 12/18 introduced · 12 mature")
        }, "\(at120)")
        #expect(at120.lines.contains("  11-29 \(String(repeating: "█", count: 50)) 2"))
        let at60 = try sandbox.statsText(env: ["COLUMNS": "60"])
        #expect(at60.lines.contains("  11-29 \(String(repeating: "█", count: 40)) 2"), "\(at60)")
    }

    @Test("at 60 columns every line fits")
    func narrowTerminal() throws {
        let sandbox = try StatsHistory.sandbox()
        let text = try sandbox.statsText(env: ["COLUMNS": "60"])
        let tooWide = text.lines.filter { $0.count > 60 }
        #expect(tooWide.isEmpty, "lines wider than 60 columns:\n\(tooWide.joined(separator: "\n"))")
    }

    @Test("at 80 columns a module line fits with a 4-digit card count")
    func wideCountsAt80Columns() throws {
        let sandbox = try Sandbox()
        let csv = "front,back\n" + (0..<1000).map { "Question \($0)?,answer \($0)" }.joined(separator: "\n") + "\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: sandbox.path("big.csv")))
        let imported = try sandbox.run(["import", sandbox.path("big.csv"), "--deck", "big", "--module", Self.protocols])
        try #require(imported.status == 0, "\(imported)")
        let review = try sandbox.run(["review", "--deck", "big", "--new", "1"], stdin: "\n5\n")
        try #require(review.status == 0, "\(review)")
        let text = try sandbox.statsText(env: ["COLUMNS": "80"])
        let line = try #require(text.line(startingWith: "  Ports, protocols"))
        let total = try sandbox.decks().filter { $0.module == Self.protocols }.map(\.cards).reduce(0, +)
        #expect(total >= 1000)
        #expect(line.hasSuffix("% recall · 1/\(total) introduced · 0 mature"), "\(line)")
        #expect(line.count <= 80, "\(line.count) columns: \(line)")
    }

    @Test("today's time: the JSON seconds agree with the text")
    func timeSpent() throws {
        let sandbox = try Sandbox()
        // One card answered 1.6 s after it is shown: 1600 ms and a little more.
        let session = try sandbox.pipedSession(["review", "--deck", "protocols", "--new", "1"])
        try session.expect("> ")
        Thread.sleep(forTimeInterval: 1.6)
        try session.send("\n")
        try session.expect("grade 0-5")
        try session.send("5\n")
        #expect(try session.waitForExit().status == 0, "\(session.stdout)")

        let json = try sandbox.stats()
        let text = try sandbox.statsText()
        let shown = try #require(text.line(startingWith: "Today  1 answered · 100% correct · "), "\(text)")
        let seconds = try #require(Int(shown.components(separatedBy: " · ")[2].dropLast()), "\(shown)")
        #expect((2...3).contains(seconds), "\(shown)")
        #expect((1...3).contains(json.today.seconds))
        // 1.6 s shows as "2s" (rounded) but "seconds": 1 (truncated) — unless the answer took 2 s or more.
        #expect(json.today.seconds == seconds, "text \(shown)")
    }

    @Test("on a terminal: its width (not COLUMNS) and colour, unless NO_COLOR")
    func onATerminal() throws {
        let sandbox = try StatsHistory.sandbox()
        let coloured = try sandbox.terminal(["stats"], env: ["COLUMNS": "80"])
        try coloured.expect("Leeches")
        #expect(try coloured.waitForExit() == 0)
        #expect(coloured.rawOutput.contains(0x1B), "colour on a terminal")
        #expect(coloured.transcript.contains(String(repeating: "█", count: 27) + String(repeating: "░", count: 13)),
                "a 40-cell module bar: the terminal is 120 columns wide\n\(coloured.transcript)")

        let plain = try sandbox.terminal(["stats"], env: ["NO_COLOR": "1"])
        try plain.expect("Leeches")
        #expect(try plain.waitForExit() == 0)
        #expect(!plain.rawOutput.contains(0x1B), "\(plain.transcript)")
    }
}
