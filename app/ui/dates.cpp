#include "dates.h"

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

}  // namespace sitebook::ui::dates
