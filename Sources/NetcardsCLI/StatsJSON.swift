import NetcardsStore

/// `netcards stats --json`: stable field names, documented in README.
struct StatsJSON: Encodable {
    struct Today: Encodable {
        var date: String, answered: Int, correct: Int, correctPercent: Int?, seconds: Int, dueLeft: Int, newLeft: Int
    }
    struct Module: Encodable {
        var module: String, cards: Int, mastered: Int, learning: Int, new: Int, suspended: Int
        var retentionAnswers: Int, retentionPassed: Int, retentionPercent: Int?
    }
    struct Day: Encodable { var date: String, answers: Int }
    struct Forecast: Encodable { var date: String, due: Int }
    struct TrendPoint: Encodable { var date: String, mastered: Int, total: Int }
    struct Trend: Encodable { var module: String, points: [TrendPoint] }
    struct Quiz: Encodable { var answers: Int, correct: Int, percent: Int? }
    struct Leech: Encodable { var id: String, front: String, lapses: Int, ease: Double }

    var today: Today
    var modules: [Module]
    var calendar: [Day]
    var currentStreak: Int
    var longestStreak: Int
    var forecast: [Forecast]
    var trend: [Trend]
    var quiz: Quiz
    var leeches: [Leech]

    init(_ report: StatsReport) {
        let figures = report.todayFigures
        today = Today(date: report.today.iso, answered: figures.answered, correct: figures.correct,
                      correctPercent: StatsView.percent(figures.correct, of: figures.answered),
                      seconds: Int((Double(figures.durationMs) / 1000).rounded()), dueLeft: figures.dueLeft, newLeft: figures.newLeft)
        modules = report.modules.map {
            Module(module: $0.module, cards: $0.cards, mastered: $0.mastered, learning: $0.learning, new: $0.new,
                   suspended: $0.suspended, retentionAnswers: $0.reviewAnswers30Days, retentionPassed: $0.reviewPassed30Days,
                   retentionPercent: StatsView.percent($0.reviewPassed30Days, of: $0.reviewAnswers30Days))
        }
        calendar = report.answersByDay.sorted { $0.key < $1.key }.map { Day(date: $0.key.iso, answers: $0.value) }
        currentStreak = report.currentStreak
        longestStreak = report.longestStreak
        forecast = report.forecast.map { Forecast(date: $0.day.iso, due: $0.due) }
        trend = report.modules.map { module in
            Trend(module: module.module, points: (report.trend[module.module] ?? []).map {
                TrendPoint(date: $0.day.iso, mastered: $0.mastered, total: $0.total)
            })
        }
        quiz = Quiz(answers: report.quizAnswers, correct: report.quizCorrect,
                    percent: StatsView.percent(report.quizCorrect, of: report.quizAnswers))
        leeches = report.leeches.map { Leech(id: $0.id, front: $0.front, lapses: $0.lapses, ease: $0.ease) }
    }
}
