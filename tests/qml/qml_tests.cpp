// Qt Quick Test runner: every tst_*.qml here gets its own engine and its own app core.

#include <QtQml/qqmlextensionplugin.h>
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>
#include <memory>
#include <vector>

#include "qml_test_core.h"

Q_IMPORT_QML_PLUGIN(SitebookPlugin)
Q_IMPORT_QML_PLUGIN(Sitebook_ScreensPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        cores_.push_back(std::make_unique<sitebook::ui::testing::QmlTestCore>());
        engine->rootContext()->setContextProperty(QStringLiteral("core"), cores_.back().get());
        // The language switched at runtime, as the app does it (main.cpp).
        QObject::connect(cores_.back()->app(), &sitebook::ui::AppController::languageChanged,
                         engine, &QQmlEngine::retranslate);
    }
    void cleanupTestCase() { cores_.clear(); }

private:
    std::vector<std::unique_ptr<sitebook::ui::testing::QmlTestCore>> cores_;
};

QUICK_TEST_MAIN_WITH_SETUP(sitebook, Setup)

#include "qml_tests.moc"
