import NetcardsCore
import NetcardsStore
import NetcardsTerminal

/// Renders a stats report as text: by default what fits a 24-row terminal (today, modules, the next 7 days,
/// the leech count); with `all`, bars, a calendar, a 14-day forecast, sparklines, quiz and leeches.
struct StatsView {
    var report: StatsReport
    var style: Style
    var width: Int
    var all = false

    func render() -> TerminalText {
        guard all else {
            return [header(), todaySection(), modulesSection(), forecastSection(days: 7), labsSection(), leechCount()].joined(separator: "\n\n")
        }
        return [header(), todaySection(), modulesSection(), calendarSection(), forecastSection(days: 14), recallSection(),
                trendSection(), labsSection(), quizAndLeeches()].joined(separator: "\n\n")
    }

    private func leechCount() -> TerminalText {
        let count = report.leeches.count
        return style.bold("Leeches") + "  " + (count == 0 ? "none: no card has lapsed yet"
            : "\(count == NetcardsStore.leechesListed ? "\(count)+" : "\(count)") · `netcards stats --all` lists them")
    }

    private func header() -> TerminalText {
        style.bold("netcards stats · \(report.today.iso)")
    }

    private func todaySection() -> TerminalText {
        let figures = report.todayFigures
        let percent = Self.percent(figures.correct, of: figures.answered)
        let parts = ["\(figures.answered) answered", percent.map { "\($0)% correct" } ?? "no answers yet",
                     Duration.text(Double(figures.durationMs) / 1000), "\(figures.dueLeft) due left", "\(figures.newLeft) new left"]
        let oneLine = "Today  " + parts.joined(separator: " · ")
        if oneLine.count <= width { return "\(style.bold("Today"))  \(parts.joined(separator: " · "))" }
        return "\(style.bold("Today"))  \(parts[0...2].joined(separator: " · "))\n       \(parts[3...].joined(separator: " · "))"
    }

    /// Module names take what the widest figures leave, between 12 and 34 columns.
    private func nameWidth(leaving reserved: Int) -> Int {
        let longest = report.modules.map(\.module.count).max() ?? 10
        return max(min(12, longest), min(34, longest, width - reserved))
    }

    private func modulesSection() -> TerminalText {
        func moduleFigures(matureCount: Bool) -> [String] {
            report.modules.map { module in
                let recall = module.recall.map { "\(RecallText.wholePercent($0))% recall" } ?? "recall –"
                return "\(recall) · \(module.introduced)/\(module.cards) introduced" + (matureCount ? " · \(module.mature) mature" : "")
            }
        }
        // The mature count goes first when the line is short of room: the bar still draws it.
        var figures = moduleFigures(matureCount: true)
        if 2 + 12 + 1 + 4 + 2 + (figures.map(\.count).max() ?? 0) > width { figures = moduleFigures(matureCount: false) }
        let figuresWidth = figures.map(\.count).max() ?? 0
        let names = nameWidth(leaving: 2 + 1 + 10 + 2 + figuresWidth)
        let barWidth = max(4, min(40, width - 2 - names - 1 - 2 - figuresWidth))
        var lines: [TerminalText] = [style.bold("Modules") + style.dim("   █ mature  ▓ young  ▒ learning  ░ new  × suspended")]
        for (module, text) in zip(report.modules, figures) {
            let bar = Charts.stackedBar([
                .init(value: module.mature, glyph: "█", color: "32"),
                .init(value: module.young, glyph: "▓", color: "36"),
                .init(value: module.learning, glyph: "▒", color: "33"),
                .init(value: module.new, glyph: "░", color: "2"),
                .init(value: module.suspended, glyph: "×"),
            ], width: barWidth, style: style)
            lines.append("  \(Self.fit(module.module, names)) \(bar)  \(text)")
        }
        return lines.joined(separator: "\n")
    }

    private func calendarSection() -> TerminalText {
        let days = NetcardsStore.calendarDays
        let first = report.today.adding(days: -(days - 1))
        // Columns are weeks starting on Monday; 1970-01-01 was a Thursday, so Monday is (n + 3) % 7 == 0.
        let firstMonday = first.adding(days: -((first.number + 3) % 7))
        let weeks = (report.today - firstMonday) / 7 + 1
        let busiest = report.answersByDay.values.max() ?? 0
        var lines: [TerminalText] = [style.bold("Last 26 weeks") + style.dim("   · none  ░ ▒ ▓ █ more answers")]
        for (row, label) in ["Mon", "   ", "Wed", "   ", "Fri", "   ", "Sun"].enumerated() {
            var cells = TerminalText()
            for week in 0..<weeks {
                let day = firstMonday.adding(days: week * 7 + row)
                if day < first || day > report.today { cells.append(" "); continue }
                let glyph: TerminalText = "\(Charts.heatGlyph(report.answersByDay[day] ?? 0, maximum: busiest))"
                cells += (report.answersByDay[day] ?? 0) > 0 ? style.green(glyph) : style.dim(glyph)
            }
            lines.append("  \(label) \(cells)")
        }
        lines.append("  streak: \(report.currentStreak) day\(report.currentStreak == 1 ? "" : "s") · longest \(report.longestStreak)")
        return lines.joined(separator: "\n")
    }

    private func forecastSection(days: Int) -> TerminalText {
        let forecast = report.forecast.prefix(days)
        let maximum = forecast.map(\.due).max() ?? 0
        let barWidth = max(10, min(50, width - 20))
        var lines: [TerminalText] = [style.bold("Due in the next \(days) days")]
        for (day, due) in forecast {
            lines.append("  \(day.iso.dropFirst(5)) \(style.cyan("\(Charts.bar(due, maximum: maximum, width: barWidth))")) \(due)")
        }
        return lines.joined(separator: "\n")
    }

    private func trendSection() -> TerminalText {
        let latest = report.modules.map { module in
            (report.trend[module.module] ?? []).last.map { "\($0.mastered)/\($0.total)" } ?? "0/\(module.cards)"
        }
        let names = nameWidth(leaving: 2 + 1 + 30 + 2 + (latest.map(\.count).max() ?? 0))
        let days = max(7, min(30, width - 2 - names - 1 - 2 - (latest.map(\.count).max() ?? 0)))
        var lines: [TerminalText] = [style.bold("Mastery, last \(days) days")]
        for (module, latestText) in zip(report.modules, latest) {
            let points = (report.trend[module.module] ?? []).suffix(days)
            let shares = points.map { $0.total == 0 ? 0 : Double($0.mastered) / Double($0.total) }
            lines.append("  \(Self.fit(module.module, names)) \(style.green("\(Charts.sparkline(shares, maximum: 1))"))  \(latestText)")
        }
        return lines.joined(separator: "\n")
    }

    /// Estimated recall per module, day by day: introduced cards count from the day of their first answer.
    private func recallSection() -> TerminalText {
        let latest = report.modules.map { module -> String in
            guard let now = module.recall else { return "–" }
            let first = module.recallTrend.first(where: { $0.recall != nil })?.recall ?? now
            let percent = RecallText.wholePercent(now)
            let change = percent - RecallText.wholePercent(first)
            return "\(percent)% (\(change >= 0 ? "+" : "")\(change))"
        }
        let names = nameWidth(leaving: 2 + 1 + 30 + 2 + (latest.map(\.count).max() ?? 0))
        let days = max(7, min(NetcardsStore.recallDays, width - 2 - names - 1 - 2 - (latest.map(\.count).max() ?? 0)))
        var lines: [TerminalText] = [style.bold("Estimated recall, last \(days) days")]
        for (module, text) in zip(report.modules, latest) {
            let points = module.recallTrend.suffix(days).map { $0.recall ?? 0 }
            lines.append("  \(Self.fit(module.module, names)) \(style.cyan("\(Charts.sparkline(points, maximum: 1))"))  \(text)")
        }
        return lines.joined(separator: "\n")
    }

    private func labsSection() -> TerminalText {
        let runs = report.labs.reduce(0) { $0 + $1.attempts }
        let solvedLabs = report.labs.filter { $0.solved > 0 }.count
        let firstTry = Self.percent(report.labs.reduce(0) { $0 + $1.firstTry }, of: runs).map { "\($0)% of runs" } ?? "–"
        var lines: [TerminalText] = [style.bold("Labs") + "  \(solvedLabs)/\(report.labs.count) solved · first try \(firstTry)"]
        let names = report.labs.map(\.name.count).max() ?? 0
        for lab in report.labs where lab.attempts > 0 {
            let last = lab.lastSolved.map { " · last solved \($0.iso)" } ?? ""
            lines.append("  " + Self.fit(lab.name, names) + "  solved \(lab.solved) of \(lab.attempts) run\(lab.attempts == 1 ? "" : "s")\(last)")
        }
        return lines.joined(separator: "\n")
    }

    private func quizAndLeeches() -> TerminalText {
        let quizPercent = Self.percent(report.quizCorrect, of: report.quizAnswers)
        var lines: [TerminalText] = [style.bold("Quiz") + "  \(report.quizCorrect)/\(report.quizAnswers) correct" + (quizPercent.map { " (\($0)%)" } ?? "")]
        lines.append("")
        if report.leeches.isEmpty {
            lines.append(style.bold("Leeches") + "  none: no card has lapsed yet")
        } else {
            lines.append(style.bold("Leeches") + style.dim("  the cards you forget most"))
            for leech in report.leeches {
                let front = Self.clip(ControlCharacters.escaped(CardText.prose(of: leech.front).replacingOccurrences(of: "\n", with: " ")), max(20, width - 30))
                lines.append("  \(leech.lapses) lapse\(leech.lapses == 1 ? " " : "s") · ease \(String(format: "%.2f", leech.ease)) · \(front)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : Int((Double(part) / Double(whole) * 100).rounded())
    }

    static func clip(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text + String(repeating: " ", count: width - text.count)
    }
}
