// The Welsh translation is complete: every string the screens and the app core show (qsTr in
// qml/, tr and QT_TRANSLATE_NOOP in app/ui/) is in app/i18n/sitebook_cy.ts with a finished,
// non-empty Welsh text (every plural form), and each translation keeps the placeholders of its
// source, so no Welsh screen falls back to English or loses a number.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations;  // one, or one per plural form
    bool unfinished = false;
};

QList<Message> readTs(const QString& path) {
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(path));
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            m.unfinished = type == QLatin1String("unfinished");
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            QString text;
            bool numerus = false;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) &&
                   !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    numerus = true;
                    m.translations << xml.readElementText();
                } else if (xml.isCharacters()) {
                    text += xml.text();
                }
            }
            if (!numerus)
                m.translations << text;
            out << m;
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

// %1..%9 and %n, as a sorted list (a placeholder used twice counts once).
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QSet<QString> found;
    for (const auto& match : re.globalMatch(text))
        found.insert(match.captured());
    QStringList list(found.begin(), found.end());
    list.sort();
    return list;
}

QString unescape(const QString& literal) {
    QString out;
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (literal[i] == QLatin1Char('\\') && i + 1 < literal.size()) {
            const QChar next = literal[++i];
            out += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
        } else {
            out += literal[i];
        }
    }
    return out;
}

// The translatable texts of the sources: the first argument of qsTr/tr (adjacent C++
// literals joined) and the second of QT_TRANSLATE_NOOP.
QSet<QString> sourceTexts(const QString& dir, const QStringList& patterns) {
    // Written without raw strings: moc does not read them.
    static const QRegularExpression call(
        QStringLiteral("\\b(?:qsTr|tr|QT_TRANSLATE_NOOP\\(\\s*\"[^\"]*\"\\s*,)\\s*\\(?\\s*"
                       "((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)"));
    static const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
    QSet<QString> texts;
    const auto files = QDir(dir).entryInfoList(patterns, QDir::Files);
    for (const auto& info : files) {
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString code = QString::fromUtf8(file.readAll());
        for (const auto& match : call.globalMatch(code)) {
            QString text;
            for (const auto& part : literal.globalMatch(match.captured(1)))
                text += unescape(part.captured(1));
            if (!text.isEmpty())
                texts.insert(text);
        }
    }
    return texts;
}

const QString kRoot = QStringLiteral(SITEBOOK_SOURCE_DIR);

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void everyWelshTextIsFinished() {
        const auto messages = readTs(kRoot + QStringLiteral("/app/i18n/sitebook_cy.ts"));
        QVERIFY(messages.size() > 300);
        QStringList problems;
        for (const Message& m : messages) {
            const QString where =
                m.context + QStringLiteral(": “") + m.source + QStringLiteral("”");
            if (m.unfinished)
                problems << where + QStringLiteral(" is unfinished");
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(" has an empty form");
                } else if (placeholders(t) != placeholders(m.source)) {
                    problems << where + QStringLiteral(" has placeholders ") +
                                    placeholders(t).join(QLatin1Char(' ')) +
                                    QStringLiteral(" in “") + t + QStringLiteral("”");
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void everyShownStringIsInTheWelshFile() {
        QSet<QString> translated;
        for (const Message& m : readTs(kRoot + QStringLiteral("/app/i18n/sitebook_cy.ts")))
            translated.insert(m.source);
        QSet<QString> shown =
            sourceTexts(kRoot + QStringLiteral("/qml"), {QStringLiteral("*.qml")});
        shown.unite(sourceTexts(kRoot + QStringLiteral("/app/ui"), {QStringLiteral("*.cpp")}));
        QVERIFY(shown.size() > 250);
        QStringList missing;
        for (const QString& text : shown) {
            if (!translated.contains(text))
                missing << text;
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in sitebook_cy.ts (run `ninja "
                                           "update_translations`, then translate):\n") +
                            missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "translations_test.moc"
