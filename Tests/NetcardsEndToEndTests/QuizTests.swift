import Foundation
import NetcardsTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `netcards quiz` (issue 4) on a real pseudo-terminal, with `--seed`: every test reads each question off the
/// screen and answers it from `cards --json` (a card's `back` answers its `front`), so none depends on which
/// order a seed happens to give.
@Suite("Quiz")
struct QuizTests {
    /// Generous: the machine may be busy building; a passing run never waits this long.
    private static let wait: Duration = .seconds(30)
    private static let answerPrompt = "answer> "

    // MARK: - Reading the screen

    /// The text of question `[index/count]`, from the last such line of `screen`.
    private func question(_ index: Int, of count: Int, in screen: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let marker = "[\(index)/\(count)] "
        let line = try #require(screen.split(separator: "\n").last { $0.contains(marker) },
                                "no question \(marker) in:\n\(screen)", sourceLocation: sourceLocation)
        return String(line[line.range(of: marker)!.upperBound...]).trimmingCharacters(in: .whitespaces)
    }

    /// The options `  1) …` listed after question `[index/count]`.
    private func options(_ index: Int, of count: Int, in screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.lastIndex(where: { $0.contains("[\(index)/\(count)] ") }) else { return [] }
        var options: [String] = []
        for line in lines[(start + 1)...] {
            let prefix = "  \(options.count + 1)) "
            guard line.hasPrefix(prefix) else { break }
            options.append(String(line.dropFirst(prefix.count)))
        }
        return options
    }

    /// The one card asking `front`.
    private func card(asking front: String, among cards: [StoredCard],
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> StoredCard {
        let matches = cards.filter { $0.front == front }
        try #require(matches.count == 1, "\(matches.count) cards ask \(front.debugDescription)", sourceLocation: sourceLocation)
        return matches[0]
    }

    /// Answers the first `count` questions of a quiz of `total` (default: `count`): `reply` gets the question
    /// and says what to type and what feedback to wait for. Returns the questions in the order asked.
    @discardableResult
    private func answer(_ term: PseudoTerminal, count: Int, of total: Int? = nil, prompt: String = answerPrompt,
                        reply: (_ index: Int, _ question: String, _ screen: String) throws -> (type: String, feedback: String))
        throws -> [String] {
        var asked: [String] = []
        for index in 1...count {
            let screen = try term.expectPrompt(prompt, timeout: Self.wait)
            let question = try question(index, of: total ?? count, in: screen)
            asked.append(question)
            let (typed, feedback) = try reply(index, question, screen)
            try term.type(typed + "\r")
            try term.expect(feedback, timeout: Self.wait)
        }
        return asked
    }

    private func expectTerminalRestored(_ term: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let modes = term.modes() else { return }
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0, "ICANON left off", sourceLocation: sourceLocation)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0, "ECHO left off", sourceLocation: sourceLocation)
    }

    // MARK: - What the store says

    private struct Stats: Decodable {
        struct Quiz: Decodable { var answers, correct: Int }
        var quiz: Quiz
    }

    private func quizStats(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> Stats.Quiz {
        let result = try sandbox.run(["stats", "--json"])
        try #require(result.status == 0, "stats --json failed: \(result)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(Stats.self, from: result.stdoutData).quiz
    }

    /// One row of `export --format log`.
    private struct LogRow {
        var cardId, kind, answer: String
        var intervalBefore, intervalAfter, easeBefore, easeAfter: String
    }

    /// The review log, through `netcards export --format log` (answers here hold no commas or quotes).
    private func reviewLog(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> [LogRow] {
        let file = sandbox.path("log-\(UUID().uuidString).csv")
        let result = try sandbox.run(["export", "--format", "log", file])
        try #require(result.status == 0, "export --format log failed: \(result)", sourceLocation: sourceLocation)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = try #require(lines.first, sourceLocation: sourceLocation).split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int {
            try #require(header.firstIndex(of: name), "no \(name) column in \(header)", sourceLocation: sourceLocation)
        }
        let (id, kind, answer) = (try column("card_id"), try column("kind"), try column("answer"))
        let (ib, ia, eb, ea) = (try column("interval_before"), try column("interval_after"),
                                try column("ease_before"), try column("ease_after"))
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return LogRow(cardId: fields[id], kind: fields[kind], answer: fields[answer], intervalBefore: fields[ib],
                          intervalAfter: fields[ia], easeBefore: fields[eb], easeAfter: fields[ea])
        }
    }

    /// What a quiz must never change: a card's SM-2 schedule.
    private struct Schedule: Equatable, CustomStringConvertible {
        var state: String
        var reps, lapses, interval: Int
        var ease: Double
        var due: String?
        init(_ card: StoredCard) {
            (state, reps, lapses, interval, ease, due) = (card.state, card.reps, card.lapses, card.interval, card.ease, card.due)
        }
        var description: String { "\(state) reps \(reps) lapses \(lapses) interval \(interval) ease \(ease) due \(due ?? "-")" }
    }

    /// The asked cards' schedules (state, reps, lapses, interval, ease, due) are as before, and no other card moved.
    private func expectScheduleUnchanged(_ before: [StoredCard], _ after: [StoredCard], ids: [String],
                                         sourceLocation: SourceLocation = #_sourceLocation) {
        for id in ids {
            #expect(after[id: id].map(Schedule.init) == before[id: id].map(Schedule.init), "the schedule of \(id) moved",
                    sourceLocation: sourceLocation)
        }
        let moved = after.filter { card in before[id: card.id].map(Schedule.init) != Schedule(card) }.map(\.id)
        #expect(moved.isEmpty, "cards whose schedule moved: \(moved)", sourceLocation: sourceLocation)
        #expect(after.count == before.count, sourceLocation: sourceLocation)
    }

    // MARK: - Tests

    @Test("a perfect run of the default 10 scores 10/10; logged as quiz answers; no schedule moved")
    func perfectRun() throws {
        let sandbox = try Sandbox()
        let before = try sandbox.cards()
        let ports = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["quiz", "ports", "--seed", "42"])

        try term.expect("Quiz: ports · 10 questions", timeout: Self.wait)
        var asked: [StoredCard] = []
        try answer(term, count: 10) { _, question, _ in
            let card = try card(asking: question, among: ports)
            asked.append(card)
            return (card.back, "✓ correct  \(card.back)")
        }
        try term.expect("Score: 10/10", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        #expect(!term.transcript.contains("Missed:"), "\(term.transcript)")
        #expect(Set(asked.map(\.id)).count == 10, "ten different questions")
        #expect(asked.allSatisfy { $0.id.hasPrefix("protocols/ports/") }, "only the ports table is asked")
        expectTerminalRestored(term)

        // Logged as quiz answers, in the order asked, with what was typed; the schedule did not move.
        let quizRows = try reviewLog(sandbox).filter { $0.kind == "quiz" }
        #expect(quizRows.map(\.cardId) == asked.map(\.id))
        #expect(quizRows.map(\.answer) == asked.map(\.back))
        let stats = try quizStats(sandbox)
        #expect(stats.answers == 10)
        #expect(stats.correct == 10)
        expectScheduleUnchanged(before, try sandbox.cards(), ids: asked.map(\.id))
    }

    @Test("quiz answers right and wrong leave a reviewed card's schedule and every new card's as they were")
    func quizNeverMovesTheSchedule() throws {
        let sandbox = try Sandbox()
        // Give one card of the layers table a schedule first: a review graded 5.
        let reviewed = try #require(try sandbox.cards(["--deck", "protocols"]).first)
        let review = try sandbox.run(["review", "--deck", "protocols", "--new", "1"], stdin: "\(reviewed.back)\n5\n")
        #expect(review.status == 0, "\(review)")
        let before = try sandbox.cards()
        try #require(before[id: reviewed.id]?.reps == 1 && before[id: reviewed.id]?.due == "2026-11-29",
                     "the review scheduled \(reviewed.id): \(String(describing: before[id: reviewed.id]))")
        let cards = try sandbox.cards(["--deck", "protocols"])

        // `quiz layers` asks every typed card of the table: the reviewed one answered right (SM-2 would
        // give it interval 6), the others wrong (SM-2 would lapse them).
        let term = try sandbox.terminal(["quiz", "layers", "-n", "50", "--seed", "3"])
        try term.expect("Quiz: layers · 4 questions", timeout: Self.wait)
        var asked: [(card: StoredCard, typed: String)] = []
        try answer(term, count: 4) { _, question, _ in
            let card = try card(asking: question, among: cards)
            let typed = card.id == reviewed.id ? card.back : "zzz"
            asked.append((card, typed))
            return (typed, card.id == reviewed.id ? "✓ correct" : "✗ not quite")
        }
        try term.expect("Score: 1/4", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        #expect(asked.contains { $0.card.id == reviewed.id }, "the reviewed card was asked")

        let log = try reviewLog(sandbox)
        #expect(log.filter { $0.kind != "quiz" }.map(\.cardId) == [reviewed.id], "the one review answer")
        let quizRows = log.filter { $0.kind == "quiz" }
        #expect(quizRows.map(\.cardId) == asked.map(\.card.id))
        #expect(quizRows.map(\.answer) == asked.map(\.typed))
        for row in quizRows {
            #expect(row.intervalBefore == row.intervalAfter, "interval logged as unchanged: \(row)")
            #expect(row.easeBefore == row.easeAfter, "ease logged as unchanged: \(row)")
        }
        let stats = try quizStats(sandbox)
        #expect(stats.answers == 4)
        #expect(stats.correct == 1)
        expectScheduleUnchanged(before, try sandbox.cards(), ids: asked.map(\.card.id))
    }

    @Test("a wrong answer shows the right one; :skip too; both are listed under Missed")
    func wrongAnswer() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["quiz", "ports", "-n", "3", "--seed", "11"])

        var asked: [StoredCard] = []
        try answer(term, count: 3) { index, question, _ in
            let card = try card(asking: question, among: cards)
            asked.append(card)
            switch index {
            case 1: return ("zzz", "  answer:    \(card.back)\n")
            case 2: return (":skip", "✗ skipped — the answer: \(card.back)\n")
            default: return (card.back, "✓ correct  \(card.back)")
            }
        }
        #expect(term.transcript.contains("answer> zzz\n✗ not quite\n  you typed: zzz\n  answer:    \(asked[0].back)\n"),
                "the miss shows what was typed against the right answer:\n\(term.transcript)")
        try term.expect("Score: 1/3", timeout: Self.wait)
        try term.expect("""
            Missed:
              \(asked[0].front) → \(asked[0].back)  (you said zzz)
              \(asked[1].front) → \(asked[1].back)  (skipped)
            """, timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        // A skip is an answer too (a miss), logged without text.
        #expect(try reviewLog(sandbox).map(\.answer) == ["zzz", "", asked[2].back])
    }

    @Test("Enter alone or only spaces is a skip, in the feedback and in the Missed list alike")
    func blankAnswersAreSkips() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["quiz", "ports", "-n", "3", "--seed", "23"])

        var asked: [StoredCard] = []
        try answer(term, count: 2, of: 3) { index, question, _ in
            let card = try card(asking: question, among: cards)
            asked.append(card)
            return (index == 1 ? "   " : "", "✗ skipped — the answer: \(card.back)\n")
        }
        try term.expectPrompt(Self.answerPrompt, timeout: Self.wait)
        try term.pressControlD()
        try term.expect("Score: 0/2", timeout: Self.wait)
        try term.expect("Missed:\n", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        #expect(term.transcript.contains("  \(asked[1].front) → \(asked[1].back)  (skipped)"), "\(term.transcript)")
        #expect(term.transcript.contains("  \(asked[0].front) → \(asked[0].back)  (skipped)"), "\(term.transcript)")
    }

    @Test("aliases, any case and every spelling of a range are correct")
    func aliasesCaseAndRanges() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let spellings = [
            "protocols/ports/postgres/service": "PostgreSQL",
            "protocols/ports/kube-apiserver/service": "Kubernetes API Server",
            "protocols/ports/etcd/port": "2379 to 2380",
            "protocols/ports/etcd/service": "ETCD",
            "protocols/ports/ssh/service": "  SSH ",
        ]
        let term = try sandbox.terminal(["quiz", "ports", "-n", "18", "--seed", "17"])
        try term.expect("Quiz: ports · 18 questions", timeout: Self.wait)
        var used: [String] = []
        try answer(term, count: 18) { _, question, _ in
            let card = try card(asking: question, among: cards)
            if let typed = spellings[card.id] { used.append(card.id); return (typed, "✓ correct") }
            return (card.back, "✓ correct")
        }
        #expect(Set(used) == Set(spellings.keys), "the whole table was asked")
        try term.expect("Score: 18/18", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
    }

    @Test("2379 for etcd's 2379-2380 is partly right (1 of 2), said so, and missed as partly right")
    func halfRightRange() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        // Nine port questions: the whole port column, so etcd's is among them whatever the order.
        let term = try sandbox.terminal(["quiz", "ports", "--direction", "port", "-n", "9", "--seed", "5"])

        try term.expect("Quiz: ports · 9 questions", timeout: Self.wait)
        var etcd: StoredCard?
        let asked = try answer(term, count: 9) { _, question, _ in
            let card = try card(asking: question, among: cards)
            #expect(card.id.hasSuffix("/port"), "--direction port asks for ports only: \(question)")
            if card.id == "protocols/ports/etcd/port" {
                etcd = card
                return ("2379", "≈ partly: 1 of 2")
            }
            return (card.back, "✓ correct  \(card.back)")
        }
        #expect(Set(asked).count == 9)
        let range = try #require(etcd, "etcd's port was asked")
        #expect(range.back == "2379-2380")
        try term.expect("Score: 8/9", timeout: Self.wait)
        try term.expect("Missed:\n  Which port does etcd listen on by default? → 2379-2380  (you said 2379, partly right)",
                        timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        #expect(try quizStats(sandbox).answers == 9)
    }

    @Test("multiple choice on a bundled deck: the right option's number is correct, another one is not",
          arguments: [(table: "components", deck: "front-of-app"), (table: "cloud", deck: "cloud")])
    func multipleChoice(table: String, deck: String) throws {
        let sandbox = try Sandbox()
        let before = try sandbox.cards()
        let cards = try sandbox.cards(["--deck", deck])
        let term = try sandbox.terminal(["quiz", table, "--choices", "4", "-n", "3", "--seed", "9"])

        try term.expect("Quiz: \(table) · 3 questions", timeout: Self.wait)
        var asked: [StoredCard] = []
        // Fair options only: a question may offer fewer than 4 (no `L4 – L7` beside `L7`).
        try answer(term, count: 3, prompt: "choice 1-") { index, question, screen in
            let card = try card(asking: question, among: cards)
            asked.append(card)
            let shown = options(index, of: 3, in: screen)
            #expect((2...4).contains(shown.count), "two to four options:\n\(screen)")
            #expect(Set(shown).count == shown.count, "no option twice:\n\(screen)")
            let right = try #require(shown.firstIndex(of: card.back), "the right answer is an option:\n\(screen)")
            if index == 2 {  // one wrong pick: it shows the right answer
                let wrongPick = right == 0 ? 2 : 1
                return ("\(wrongPick)", "✗ not quite — the answer: \(card.back)")
            }
            return ("\(right + 1)", "✓ correct  \(card.back)")
        }
        try term.expect("Score: 2/3", timeout: Self.wait)
        try term.expect("Missed:\n  \(asked[1].front) → \(asked[1].back)  (you said ", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        #expect(try quizStats(sandbox).answers == 3)
        expectScheduleUnchanged(before, try sandbox.cards(), ids: asked.map(\.id))
    }

    /// The ports asked by `quiz ports --all --direction service`, answering every question with `typed`.
    private func workPortsQuiz(_ sandbox: Sandbox, services: String, typed: String) throws -> (ports: Set<String>, result: ProcessResult) {
        let result = try sandbox.run(["quiz", "ports", "--all", "--direction", "service", "-n", "500", "--seed", "5"],
                                     stdin: String(repeating: typed + "\n", count: 200), env: ["NETCARDS_SERVICES": services])
        let asked = result.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "What listens on port ") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != " " })
        }
        return (Set(asked), result)
    }

    @Test("--all asks the ports engineers meet at work, and accepts the services file's names for them")
    func allAsksWorkPorts() throws {
        let sandbox = try Sandbox()
        let services = sandbox.path("services")
        try """
        # a small services database: RDP's registered name, and obscure entries that must not be asked
        ms-wbt-server\t3389/tcp
        kpasswd\t\t464/tcp
        dhcpv6-client\t546/udp
        moira-db\t775/tcp
        z3950\t\t210/tcp\t\twais
        """.write(toFile: services, atomically: true, encoding: .utf8)

        let (ports, result) = try workPortsQuiz(sandbox, services: services, typed: "ms-wbt-server")
        #expect(result.status == 0, "\(result)")
        for port in ["25", "110", "143", "389", "636", "993", "995", "1433", "1521", "2049", "3389", "5672", "8080", "9092",
                     "9200", "11211", "27017"] {
            #expect(ports.contains(port), "port \(port) is not asked")
        }
        for obscure in ["464", "546", "775", "210"] { #expect(!ports.contains(obscure), "port \(obscure) is asked") }
        #expect((75...100).contains(ports.count), "\(ports.count) ports asked")  // the deck's 9 and about 80 more
        // The deck's 9 port questions ("What listens on 22 …") come on top of the work ports.
        #expect(result.stdout.contains("Score: 1/\(ports.count + 9)"), "ms-wbt-server is right for 3389 only: \(result.stdout.suffix(300))")
        #expect(result.stdout.contains("What listens on port 27017 by default? → mongodb"), "the answer shown is the name people say")
        #expect(result.stdout.contains("✓ correct  ms-wbt-server  (3389/tcp)"))
    }

    @Test("--all without the services file still asks the work ports, by their common names")
    func allWithoutServicesFile() throws {
        let sandbox = try Sandbox()
        let (ports, result) = try workPortsQuiz(sandbox, services: "/nonexistent", typed: "rdp")
        #expect(result.status == 0, "\(result)")
        #expect(ports.contains("3389") && ports.contains("27017"))
        #expect(result.stdout.contains("Score: 1/\(ports.count + 9)"), "\(result.stdout.suffix(300))")
        #expect(try quizStats(sandbox).answers == 9, "only the deck's questions are logged")
    }

    @Test("--seed repeats the order; another seed asks another order")
    func seedRepeatsTheOrder() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])

        func run(seed: String) throws -> [String] {
            let term = try sandbox.terminal(["quiz", "ports", "--seed", seed])
            let asked = try answer(term, count: 10) { _, question, _ in
                (try card(asking: question, among: cards).back, "✓ correct")
            }
            try term.expect("Score: 10/10", timeout: Self.wait)
            #expect(try term.waitForExit(timeout: Self.wait) == 0)
            return asked
        }
        let first = try run(seed: "2024")
        let second = try run(seed: "2024")
        #expect(first == second, "the same seed, the same questions in the same order")
        #expect(Set(first).count == 10)
        #expect(try run(seed: "2025") != first, "another seed, another order")
    }

    @Test("--seed repeats the multiple-choice options too")
    func seedRepeatsTheOptions() throws {
        let sandbox = try Sandbox()
        func firstScreen() throws -> String {
            let term = try sandbox.terminal(["quiz", "components", "--choices", "4", "-n", "3", "--seed", "77"])
            let screen = try term.expectPrompt("choice 1-", timeout: Self.wait)
            try term.pressControlD()
            try term.expect("Score: 0/0", timeout: Self.wait)
            #expect(try term.waitForExit(timeout: Self.wait) == 0)
            return screen
        }
        let first = try firstScreen()
        #expect((2...4).contains(options(1, of: 3, in: first).count), "\(first)")
        #expect(try firstScreen() == first)
    }

    @Test("Ctrl-C mid-quiz: the score so far, exit 130, the answers given kept")
    func controlC() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["quiz", "ports", "-n", "5", "--seed", "21"])

        var answered: [StoredCard] = []
        try answer(term, count: 2, of: 5) { _, question, _ in
            let card = try card(asking: question, among: cards)
            answered.append(card)
            return (card.back, "✓ correct  \(card.back)")
        }
        _ = try question(3, of: 5, in: try term.expectPrompt(Self.answerPrompt, timeout: Self.wait))
        try term.waitForRawMode(after: "the third question")  // keys sent before libedit's raw mode can be lost
        try term.type("12")  // half typed, no Enter
        try term.pressControlC()
        try term.expect("Score: 2/2", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 130)
        #expect(!term.transcript.contains("Missed:"), "the interrupted question is not a miss")
        expectTerminalRestored(term)
        #expect(try reviewLog(sandbox).map(\.cardId) == answered.map(\.id))
    }

    @Test("Ctrl-D mid-quiz: the score so far with the misses, exit 0")
    func controlD() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let term = try sandbox.terminal(["quiz", "ports", "-n", "5", "--seed", "22"])

        var missed: StoredCard?
        try answer(term, count: 2, of: 5) { index, question, _ in
            let card = try card(asking: question, among: cards)
            if index == 2 {
                missed = card
                return ("zzz", "✗ not quite")
            }
            return (card.back, "✓ correct  \(card.back)")
        }
        try term.expectPrompt(Self.answerPrompt, timeout: Self.wait)
        try term.pressControlD()
        try term.expect("Score: 1/2", timeout: Self.wait)
        let miss = try #require(missed)
        try term.expect("Missed:\n  \(miss.front) → \(miss.back)  (you said zzz)", timeout: Self.wait)
        #expect(try term.waitForExit(timeout: Self.wait) == 0)
        expectTerminalRestored(term)
        #expect(try quizStats(sandbox).answers == 2)
    }

    @Test("piped stdin: plain lines, no escape codes, end of input ends with the score")
    func piped() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let session = try sandbox.pipedSession(["quiz", "ports", "-n", "3", "--seed", "8"])

        try session.expect("Quiz: ports · 3 questions", timeout: Self.wait)
        var asked: [StoredCard] = []
        for index in 1...3 {
            try session.expect(Self.answerPrompt, timeout: Self.wait)
            let card = try card(asking: try question(index, of: 3, in: session.stdout), among: cards)
            asked.append(card)
            try session.send((index == 3 ? "zzz" : card.back) + "\n")
            try session.expect(index == 3 ? "✗ not quite" : "✓ correct  \(card.back)", timeout: Self.wait)
        }
        try session.expect("Score: 2/3", timeout: Self.wait)
        try session.expect("Missed:\n  \(asked[2].front) → \(asked[2].back)  (you said zzz)", timeout: Self.wait)
        #expect(try session.waitForExit(timeout: Self.wait).status == 0, "\(session.stdout)")
        #expect(!session.stdout.containsEscape, "no escape codes on a pipe")
        #expect(try quizStats(sandbox).answers == 3)

        // The whole run at once, as a script would: the same seed asks the same questions.
        let scripted = try sandbox.run(["quiz", "ports", "-n", "3", "--seed", "8"],
                                       stdin: asked.map(\.back).joined(separator: "\n") + "\n")
        #expect(scripted.status == 0, "\(scripted)")
        #expect(scripted.stdout.contains("Score: 3/3"), "\(scripted)")
        #expect(scripted.stdout.contains("answer> \(asked[0].back)\n✓ correct"), "\(scripted)")
    }

    @Test("SIGTERM while a piped quiz waits for an answer: the score so far, exit 143")
    func sigtermWhilePiped() throws {
        let sandbox = try Sandbox()
        let cards = try sandbox.cards(["--deck", "protocols"])
        let session = try sandbox.pipedSession(["quiz", "ports", "-n", "4", "--seed", "19"])

        try session.expect(Self.answerPrompt, timeout: Self.wait)
        let first = try card(asking: try question(1, of: 4, in: session.stdout), among: cards)
        try session.send(first.back + "\n")
        try session.expect("✓ correct  \(first.back)", timeout: Self.wait)
        try session.expect(Self.answerPrompt, timeout: Self.wait)
        session.waitUntilReadingStandardInput(timeout: Self.wait)
        session.signal(SIGTERM)
        let status = try session.waitForExit(timeout: Self.wait).status
        #expect(status == 128 + SIGTERM, "exit status\n\(session.stdout)")
        #expect(session.stdout.contains("Score: 1/1"), "\(session.stdout)")
        #expect(try reviewLog(sandbox).map(\.cardId) == [first.id])
    }
}
