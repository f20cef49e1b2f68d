#pragma once
// Dates as people read them, in the interface language: "Thursday 3 December 2026" or
// "Dydd Iau 3 Rhagfyr 2026", "3 December 2026" or "3 Rhagfyr 2026". Never ISO dates on screen.
// The language is the default QLocale, which AppController::setLanguage sets.

#include <QDate>
#include <QLocale>
#include <QString>

namespace sitebook::ui::dates {

// The locale of the interface language ("en" or "cy"); unknown languages fall back to English.
QLocale localeFor(const QString& language);

// "Thursday 3 December 2026" / "Dydd Iau 3 Rhagfyr 2026"; empty for an invalid date.
QString longDate(const QDate& date);
// "3 December 2026" / "3 Rhagfyr 2026"; empty for an invalid date.
QString mediumDate(const QDate& date);
// mediumDate() of an ISO date ("2026-12-03"); text that is not an ISO date is returned as is.
QString mediumDate(const QString& isoDate);
// `text` with every ISO date in it ("on 2026-12-03.") written as mediumDate() ("on 3 December
// 2026."), for messages that come from the server.
QString inWords(const QString& text);

}  // namespace sitebook::ui::dates
