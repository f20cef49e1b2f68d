// Sitebook, the supervisor's app. Wiring only: every piece of behaviour lives in Sitebook::UI
// and the libraries below it.
//
//   sitebook [--data-dir DIR] [--demo] [--lock-after SECONDS] [--lang cy] [--text-scale 2]
//   sitebook --screenshot DIR     renders each main screen with demonstration data to PNG
//   sitebook --self-test          loads every QML file; exit code 0 when all load

#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>

#include "app_models.h"
#include "app_tools.h"
#include "demo_seed.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/process_hardening.h"
#include "sitebook/common/random.h"
#include "sitebook/platform/qt_keychain_store.h"

#if defined(Q_OS_ANDROID)
#include <QJniObject>
#endif

Q_IMPORT_QML_PLUGIN(SitebookPlugin)
Q_IMPORT_QML_PLUGIN(Sitebook_ScreensPlugin)

using namespace sitebook;

namespace {

// Keeps the screens out of screenshots, screen recording, casting and the app switcher's
// thumbnail where the platform can: FLAG_SECURE on Android's window. Linux desktop cannot
// (docs/SECURITY.md); there the privacy cover is all there is.
void protectWindowContent() {
#if defined(Q_OS_ANDROID)
    QNativeInterface::QAndroidApplication::runOnAndroidMainThread([] {
        QJniObject activity(QNativeInterface::QAndroidApplication::context());
        QJniObject window = activity.callObjectMethod("getWindow", "()Landroid/view/Window;");
        constexpr jint kFlagSecure = 0x2000;  // WindowManager.LayoutParams.FLAG_SECURE
        if (window.isValid())
            window.callMethod<void>("addFlags", "(I)V", kFlagSecure);
    });
#endif
}

}  // namespace

int main(int argc, char* argv[]) {
    // The data key, tokens and the PIN pass through this process: no core dumps.
    const Status hardened = disableCoreDumps();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Sitebook"));
    QGuiApplication::setOrganizationName(QStringLiteral("Sitebook"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Sitebook: unpaid work case notes, offline."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Where the encrypted data lives."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("On first run, fill the store with demonstration data."));
    const QCommandLineOption lockAfterOption(QStringLiteral("lock-after"),
                                             QStringLiteral("Lock after this many idle seconds."),
                                             QStringLiteral("SECONDS"), QStringLiteral("300"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Interface language (en, cy)."),
                                        QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the main screens to PNG files in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption selfTestOption(QStringLiteral("self-test"),
                                            QStringLiteral("Load every QML file and exit."));
    // Prefill the first run's sign-in; a device that is set up keeps its own server.
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("Sync server address."),
                                          QStringLiteral("HOST:PORT"));
    const QCommandLineOption caOption(QStringLiteral("ca"),
                                      QStringLiteral("The CA certificate of the sync server."),
                                      QStringLiteral("FILE"));
    // The text size (1 to 2); otherwise the user's last choice from the menu.
    const QCommandLineOption textScaleOption(QStringLiteral("text-scale"),
                                             QStringLiteral("Text size, 1 (standard) to 2."),
                                             QStringLiteral("SCALE"));
    // The window size, e.g. 360x640 (small phone) or 1280x800 (tablet), for --screenshot.
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size in pixels, WIDTHxHEIGHT."),
                                        QStringLiteral("SIZE"));
    cli.addOptions({dataDirOption, demoOption, lockAfterOption, langOption, screenshotOption,
                    selfTestOption, serverOption, caOption, textScaleOption, sizeOption});
    cli.process(app);
    if (!hardened.ok())
        qWarning("%s", hardened.error().message.c_str());

    const bool selfTest = cli.isSet(selfTestOption);
    const bool screenshots = cli.isSet(screenshotOption);

    // Throwaway data for the tools; the real data directory otherwise.
    std::unique_ptr<QTemporaryDir> scratch;
    QString dataDir = cli.value(dataDirOption);
    if (dataDir.isEmpty() && (selfTest || screenshots)) {
        scratch = std::make_unique<QTemporaryDir>();
        dataDir = scratch->path();
    }
    if (dataDir.isEmpty()) {
        dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    }
    QDir().mkpath(dataDir);

    const Clock& clock = SystemClock::instance();
    RandomSource& random = SecureRandom::instance();
    // The tools never touch the user's keychain; the app uses the platform keystore.
    std::unique_ptr<platform::QtKeychainStore> keychain;
    if (!selfTest && !screenshots)
        keychain = std::make_unique<platform::QtKeychainStore>();

    ui::StorageConfig config;
    config.dataDir = QDir(dataDir).absolutePath().toStdString();
    if (cli.isSet(demoOption) || screenshots || selfTest) {
        // The screenshots include the officer's screens, so their device also holds the
        // progress and items the server would derive for these people.
        config.seed = [screenshots](store::LocalStore& s, domain::CivilDate today) -> Status {
            SB_TRY(ui::seedDemoData(s, today));
            if (screenshots)
                SB_TRY(ui::seedDemoOfficerView(s, today));
            return okStatus();
        };
    }

    ui::AppModels models(config, clock, random, keychain.get());
    ui::AppController& controller = models.app;
    // Without --demo, a first run signs in to the server (prefilled from --server and --ca).
    const bool offlineDemo = cli.isSet(demoOption) || screenshots || selfTest;
    controller.setUseServer(!offlineDemo);
    controller.setServerAddress(cli.value(serverOption));
    controller.setCaFile(cli.value(caOption));
    if (!offlineDemo)
        models.sync.watchConnectivity();
    controller.setLockAfterSeconds(cli.value(lockAfterOption).toInt());
    // A display preference, not case data: kept in the platform's settings, in the clear.
    QSettings preferences;
    controller.setFontScale(cli.isSet(textScaleOption) ? cli.value(textScaleOption).toDouble()
                            : (selfTest || screenshots)
                                ? 1.0
                                : preferences.value(QStringLiteral("textScale"), 1.0).toDouble());
    if (!selfTest && !screenshots) {
        QObject::connect(&controller, &ui::AppController::fontScaleChanged, &controller,
                         [&preferences, &controller] {
                             preferences.setValue(QStringLiteral("textScale"),
                                                  controller.fontScale());
                         });
    }
    // The language: --lang, else the user's last choice from the menu, else the system's.
    const QString systemLanguage =
        QLocale().language() == QLocale::Welsh ? QStringLiteral("cy") : QStringLiteral("en");
    controller.setLanguage(
        cli.isSet(langOption) ? cli.value(langOption).left(2)
        : (selfTest || screenshots)
            ? systemLanguage
            : preferences.value(QStringLiteral("language"), systemLanguage).toString());
    if (!selfTest && !screenshots) {
        QObject::connect(&controller, &ui::AppController::languageChanged, &controller,
                         [&preferences, &controller] {
                             preferences.setValue(QStringLiteral("language"),
                                                  controller.language());
                         });
    }
    app.installEventFilter(&controller);
    // Covered until the window is in the foreground; its state changes arrive as events.
    controller.setApplicationActive(QGuiApplication::applicationState() == Qt::ApplicationActive);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // A language chosen in the menu: every qsTr binding is evaluated again.
    QObject::connect(&controller, &ui::AppController::languageChanged, &engine,
                     &QQmlEngine::retranslate);
    if (selfTest) {
        const int code = ui::selfTestQmlFiles(engine);
        if (code != 0)
            return code;
    }
    engine.setInitialProperties({{QStringLiteral("app"), QVariant::fromValue(&controller)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Sitebook/Screens/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    protectWindowContent();
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr)
        return 1;
    if (cli.isSet(sizeOption)) {
        const QStringList size = cli.value(sizeOption).split(QLatin1Char('x'));
        if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
            window->resize(size[0].toInt(), size[1].toInt());
    }
    controller.start();

    if (selfTest)
        return 0;
    if (screenshots) {
        return ui::captureScreenshots(*window, controller, cli.value(screenshotOption),
                                      QStringLiteral("24681357"));
    }
    return QGuiApplication::exec();
}
