#pragma once
// Translatable display text for the domain's reference codes, keyed by wire text. The English
// source texts match domain::label(); translations live in app/i18n (context "Codes").

#include <QString>
#include <QStringList>

namespace sitebook::ui::labels {

QString outcome(
    const QString& code);  // "Attended – Complied"; unknown: "Unrecognised outcome (XYZ)"
QString outcomeHint(const QString& code);  // a plain-language sentence for the supervisor
QString rating(const QString& wire);
QString workCategory(const QString& wire);
QString skill(const QString& wire);
QString skillLevel(const QString& wire);
QString projectType(const QString& wire);
// How the data key is protected, in plain words, from KeyVault::protection() (the vault's
// sentence, which begins with its kind); empty when there is none yet.
QString protection(const QString& vaultProtection);

}  // namespace sitebook::ui::labels
