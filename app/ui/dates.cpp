#include "dates.h"

#include <QRegularExpression>

namespace sitebook::ui::dates {

QLocale localeFor(const QString& language) {
    if (language == QLatin1String("cy"))
        return QLocale(QLocale::Welsh, QLocale::UnitedKingdom);
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString longDate(const QDate& date) {
    if (!date.isValid())
        return {};
    return QLocale().toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

QString mediumDate(const QDate& date) {
    if (!date.isValid())
        return {};
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString mediumDate(const QString& isoDate) {
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? mediumDate(date) : isoDate;
}

QString inWords(const QString& text) {
    static const QRegularExpression iso(QStringLiteral("\\b\\d{4}-\\d{2}-\\d{2}\\b"));
    QString out;
    qsizetype from = 0;
    for (const auto& match : iso.globalMatch(text)) {
        out += text.mid(from, match.capturedStart() - from);
        out += mediumDate(match.captured());
        from = match.capturedEnd();
    }
    out += text.mid(from);
    return out;
}

}  // namespace sitebook::ui::dates
