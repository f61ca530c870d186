import NetcardsStore

/// `netcards stats --json`: stable field names, documented in README.
struct StatsJSON: Encodable {
    struct Today: Encodable {
        var date: String, answered: Int, correct: Int, correctPercent: Int?, seconds: Int, dueLeft: Int, newLeft: Int
    }
    struct Module: Encodable {
        var module: String, cards: Int, new: Int, learning: Int, young: Int, mature: Int, suspended: Int, introduced: Int
        /// Mean FSRS retrievability (0–1) of the introduced cards today; nil before any.
        var recall: Double?
        var recallTrend: [RecallPoint]
        var retentionAnswers: Int, retentionPassed: Int, retentionPercent: Int?
    }
    struct RecallPoint: Encodable { var date: String, recall: Double?, introduced: Int }
    struct Day: Encodable { var date: String, answers: Int }
    struct Forecast: Encodable { var date: String, due: Int }
    struct TrendPoint: Encodable { var date: String, mastered: Int, total: Int }
    struct Trend: Encodable { var module: String, points: [TrendPoint] }
    struct Quiz: Encodable { var answers: Int, correct: Int, percent: Int? }
    struct Leech: Encodable { var id: String, front: String, lapses: Int, ease: Double }
    struct Lab: Encodable { var name: String, solved: Int, attempts: Int, lastSolved: String? }

    var today: Today
    var modules: [Module]
    var calendar: [Day]
    var currentStreak: Int
    var longestStreak: Int
    var forecast: [Forecast]
    var trend: [Trend]
    var quiz: Quiz
    var leeches: [Leech]
    var labs: [Lab]

    init(_ report: StatsReport) {
        let figures = report.todayFigures
        today = Today(date: report.today.iso, answered: figures.answered, correct: figures.correct,
                      correctPercent: StatsView.percent(figures.correct, of: figures.answered),
                      seconds: Int((Double(figures.durationMs) / 1000).rounded()), dueLeft: figures.dueLeft, newLeft: figures.newLeft)
        modules = report.modules.map {
            Module(module: $0.module, cards: $0.cards, new: $0.new, learning: $0.learning, young: $0.young, mature: $0.mature,
                   suspended: $0.suspended, introduced: $0.introduced, recall: $0.recall,
                   recallTrend: $0.recallTrend.map { RecallPoint(date: $0.day.iso, recall: $0.recall, introduced: $0.introduced) },
                   retentionAnswers: $0.reviewAnswers30Days, retentionPassed: $0.reviewPassed30Days,
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
        labs = report.labs.map { Lab(name: $0.name, solved: $0.solved, attempts: $0.attempts, lastSolved: $0.lastSolved?.iso) }
    }
}
