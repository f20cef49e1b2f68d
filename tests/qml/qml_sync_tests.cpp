// Qt Quick Test runner for the screens against a sync server: each test file gets its own
// engine, its own in-process server and its own pair of app cores (supervisor and officer).

#include <QtQml/qqmlextensionplugin.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>
#include <memory>
#include <vector>

#include "qml_sync_core.h"

Q_IMPORT_QML_PLUGIN(SitebookPlugin)
Q_IMPORT_QML_PLUGIN(Sitebook_ScreensPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        cores_.push_back(std::make_unique<sitebook::ui::testing::QmlSyncCore>());
        engine->rootContext()->setContextProperty(QStringLiteral("core"), cores_.back().get());
    }
    void cleanupTestCase() { cores_.clear(); }

private:
    std::vector<std::unique_ptr<sitebook::ui::testing::QmlSyncCore>> cores_;
};

QUICK_TEST_MAIN_WITH_SETUP(sitebook_sync, Setup)

#include "qml_sync_tests.moc"
