import NetcardsCLI

NetcardsMain.run()
