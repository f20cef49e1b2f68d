#pragma once
// Hands the QML tests an app core over a fresh temp dir (see tests/unit/ui/ui_test_core.h).

#include <QFile>
#include <QObject>
#include <QStringList>
#include <QXmlStreamReader>
#include <memory>

#include "demo_seed.h"
#include "ui_test_core.h"

namespace sitebook::ui::testing {

class QmlTestCore : public QObject {
    Q_OBJECT
    Q_PROPERTY(sitebook::ui::AppController* app READ app NOTIFY appChanged)
public:
    // The fixture roster plus the progress and items an officer's download would bring, so
    // the officer's screens have something to show.
    QmlTestCore() {
        StorageConfig config = testConfig(dir_.path());
        config.seed = [roster = config.seed](store::LocalStore& s,
                                             domain::CivilDate today) -> Status {
            SB_TRY(roster(s, today));
            return seedDemoOfficerView(s, today);
        };
        config_ = config;
        core_ = std::make_unique<TestCore>(dir_.path(), config);
    }
    AppController* app() { return &core_->app; }
    // Moves the injected clock (the vault's backoff follows it).
    Q_INVOKABLE void advanceClock(int millis) { core_->clock.advance(millis); }
    // A first run with a server starts with the sign-in screen (no server is contacted until
    // someone signs in).
    Q_INVOKABLE void setUseServer(bool useServer) { core_->app.setUseServer(useServer); }
    // The English source texts whose Welsh translation differs (app/i18n/sitebook_cy.ts), so a
    // test can tell an untranslated text on a Welsh screen.
    Q_INVOKABLE QStringList translatedSources() const {
        QStringList out;
        QFile file(QStringLiteral(SITEBOOK_SOURCE_DIR "/app/i18n/sitebook_cy.ts"));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        QXmlStreamReader xml(&file);
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString welsh = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!welsh.isEmpty() && welsh != source)
                    out << source;
            }
        }
        return out;
    }
    // As if the app were killed and started again: the core is torn down without locking or
    // closing anything, and a new one opens the same data directory (`app` changes).
    Q_INVOKABLE void restart() {
        core_.reset();
        core_ = std::make_unique<TestCore>(dir_.path(), config_);
        emit appChanged();
    }

signals:
    void appChanged();

private:
    StorageConfig config_;
    sitebook::testing::TempDir dir_;
    std::unique_ptr<TestCore> core_;
};

}  // namespace sitebook::ui::testing
