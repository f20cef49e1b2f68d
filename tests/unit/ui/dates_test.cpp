// Dates as people read them, in the interface language: Welsh dates in Welsh, English in
// English, and the ISO dates of the server's messages written in words.

#include <QtTest>

#include "dates.h"

using namespace sitebook::ui;

class DatesTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void welshDatesAreInWelsh() {
        QLocale::setDefault(dates::localeFor(QStringLiteral("cy")));
        QCOMPARE(dates::longDate(QDate(2026, 12, 3)), QStringLiteral("Dydd Iau 3 Rhagfyr 2026"));
        QCOMPARE(dates::mediumDate(QDate(2026, 1, 5)), QStringLiteral("5 Ionawr 2026"));
    }

    void englishDatesAreInEnglish() {
        QLocale::setDefault(dates::localeFor(QStringLiteral("en")));
        QCOMPARE(dates::longDate(QDate(2026, 12, 3)), QStringLiteral("Thursday 3 December 2026"));
        QCOMPARE(dates::mediumDate(QStringLiteral("2026-05-19")), QStringLiteral("19 May 2026"));
        // Unknown languages fall back to English.
        QCOMPARE(dates::localeFor(QStringLiteral("xx")).language(), QLocale::English);
    }

    void nothingForNoDate() {
        QCOMPARE(dates::longDate(QDate()), QString());
        QCOMPARE(dates::mediumDate(QStringLiteral("soon")), QStringLiteral("soon"));
    }

    void serverMessagesGetTheirDatesInWords() {
        QLocale::setDefault(dates::localeFor(QStringLiteral("en")));
        QCOMPARE(
            dates::inWords(QStringLiteral(
                "Outcome UACP recorded for the session on 2025-12-30. Record a decision.")),
            QStringLiteral(
                "Outcome UACP recorded for the session on 30 December 2025. Record a decision."));
        QCOMPARE(dates::inWords(QStringLiteral("From 2026-01-05 to 2026-02-01")),
                 QStringLiteral("From 5 January 2026 to 1 February 2026"));
        // Not a date: left alone.
        QCOMPARE(dates::inWords(QStringLiteral("CRN X100101, ref 12345-67-89")),
                 QStringLiteral("CRN X100101, ref 12345-67-89"));
    }
};

QTEST_GUILESS_MAIN(DatesTest)
#include "dates_test.moc"
