import NetcardsCLI

CrashReports.neverWaitAtAPrompt()
NetcardsMain.run()
