#include "app_tools.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <functional>

#include "app_controller.h"
#include "officer_models.h"
#include "record_controller.h"
#include "roster_model.h"
#include "session_list_model.h"

namespace sitebook::ui {

namespace {

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

void pump(int millis) {
    QEventLoop loop;
    QTimer::singleShot(millis, &loop, &QEventLoop::quit);
    loop.exec();
}

// Runs the event loop until `done` holds or `timeoutMillis` pass. A tool, not a test: tests use
// signal spies.
bool waitFor(const std::function<bool()>& done, int timeoutMillis = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMillis)
            return false;
        pump(20);
    }
    return true;
}

bool call(QQuickWindow& window, const char* function, const QVariant& arg = {}) {
    QObject* shell = window.findChild<QObject*>(QStringLiteral("appShell"));
    if (shell == nullptr) {
        err() << "screenshot: no appShell item\n";
        return false;
    }
    const bool ok = arg.isValid() ? QMetaObject::invokeMethod(shell, function, Q_ARG(QVariant, arg))
                                  : QMetaObject::invokeMethod(shell, function);
    if (!ok)
        err() << "screenshot: cannot call " << function << "\n";
    return ok;
}

// The 256 most frequent colours of a screen shot: flat UI colours and the grey and blue ramps of
// anti-aliased text, so the palette image looks the same at a third of the size.
QImage toPalette(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ++counts[line[x]];
    }
    QList<QPair<int, QRgb>> byCount;
    byCount.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byCount.append({it.value(), it.key()});
    std::sort(byCount.begin(), byCount.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<QRgb> table;
    for (qsizetype i = 0; i < byCount.size() && i < 256; ++i)
        table.append(byCount.at(i).second);
    return rgb.convertToFormat(QImage::Format_Indexed8, table, Qt::ThresholdDither);
}

bool grab(QQuickWindow& window, const QString& dir, const QString& name) {
    pump(400);  // let transitions and bindings settle
    const QImage image = toPalette(window.grabWindow());
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    // Maximum compression keeps the screenshots in docs/ small.
    if (image.isNull() || !image.save(path, "PNG", 0)) {
        err() << "screenshot: could not save " << path << "\n";
        return false;
    }
    QTextStream(stdout) << path << "\n";
    return true;
}

}  // namespace

int selfTestQmlFiles(QQmlEngine& engine) {
    int files = 0;
    int failures = 0;
    // Singletons cannot be created through a QQmlComponent; they are loaded by the files that
    // use them.
    QStringList singletons;
    QFile qmldir(QStringLiteral(":/qt/qml/Sitebook/Screens/qmldir"));
    if (qmldir.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : qmldir.readAll().split('\n')) {
            const QList<QByteArray> words = line.simplified().split(' ');
            if (words.size() >= 4 && words.first() == "singleton") {
                singletons << QString::fromUtf8(words.last());
            }
        }
    }
    QDirIterator it(QStringLiteral(":/qt/qml/Sitebook/Screens"), {QStringLiteral("*.qml")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (singletons.contains(it.fileName()))
            continue;
        ++files;
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        if (component.isLoading()) {
            waitFor([&] { return !component.isLoading(); });
        }
        if (!component.isReady()) {
            ++failures;
            err() << "FAIL " << path << "\n";
            for (const auto& e : component.errors())
                err() << "  " << e.toString() << "\n";
        } else {
            QTextStream(stdout) << "ok   " << path << "\n";
        }
    }
    if (files == 0) {
        err() << "self-test: no QML files found in the resources\n";
        return 1;
    }
    QTextStream(stdout) << files - failures << "/" << files << " QML files loaded\n";
    return failures == 0 ? 0 : 1;
}

int captureScreenshots(QQuickWindow& window, AppController& app, const QString& dir,
                       const QString& pin) {
    QDir().mkpath(dir);
    app.setCoverEnabled(false);
    bool ok = waitFor([&] { return app.state() != AppController::Starting; });
    if (ok && app.state() == AppController::FirstRun) {
        // The sign-in a device with a server starts with, then the PIN of this one.
        app.setUseServer(true);
        app.setServerAddress(QStringLiteral("sync.example.org:443"));
        app.setCaFile(QStringLiteral("/media/sitebook/sitebook-ca.pem"));
        ok = grab(window, dir, QStringLiteral("00-sign-in"));
        app.setUseServer(false);
        ok = ok && grab(window, dir, QStringLiteral("01-first-run"));
        app.createPin(pin, pin);
        ok = ok && waitFor([&] { return app.state() == AppController::Unlocked; }, 60000);
        ok = ok && waitFor([&] { return !app.sessions()->loading(); });
        ok = ok && grab(window, dir, QStringLiteral("02-ready"));
        app.acknowledgeSetup();
    }
    if (!ok)
        return 1;
    app.lock();
    ok = waitFor([&] { return app.state() == AppController::Locked && !app.busy(); });
    ok = ok && grab(window, dir, QStringLiteral("03-unlock"));
    const QString wrong =
        pin == QStringLiteral("0000") ? QStringLiteral("1111") : QStringLiteral("0000");
    app.unlock(wrong);
    ok = ok && waitFor([&] { return !app.busy() && !app.message().isEmpty(); });
    ok = ok && grab(window, dir, QStringLiteral("04-wrong-pin"));
    app.unlock(pin);
    ok = ok && waitFor([&] { return app.state() == AppController::Unlocked; }, 60000);
    ok = ok && waitFor([&] { return !app.sessions()->loading() && app.sessions()->count() > 0; });
    ok = ok && grab(window, dir, QStringLiteral("05-sessions"));
    if (!ok)
        return 1;

    ok = call(window, "openSession", 0);
    ok = ok && waitFor([&] { return !app.roster()->loading() && app.roster()->count() > 0; });
    ok = ok && grab(window, dir, QStringLiteral("06-roster"));
    if (!ok)
        return 1;

    // The first person with a placement flag, so the flag shows on the form.
    QString appointment;
    for (int row = 0; row < app.roster()->rowCount(); ++row) {
        const QModelIndex i = app.roster()->index(row);
        if (appointment.isEmpty() || i.data(RosterModel::HasFlagsRole).toBool()) {
            appointment = i.data(RosterModel::AppointmentIdRole).toString();
            if (i.data(RosterModel::HasFlagsRole).toBool())
                break;
        }
    }
    ok = call(window, "openRecord", appointment);
    ok = ok && waitFor([&] { return app.record()->loaded(); });
    RecordController* record = app.record();
    record->setProperty("outcomeCode", QStringLiteral("ATTC"));
    record->setProperty("workQuality", QStringLiteral("GOOD"));
    record->setProperty("behaviour", QStringLiteral("EXCELLENT"));
    record->setProperty("workCategory", QStringLiteral("grounds_gardening"));
    record->setProperty("workDescription", QStringLiteral("Cleared brambles along the river path"));
    record->setProperty("workQuantity", QStringLiteral("14"));
    record->setProperty("workUnit", QStringLiteral("bags"));
    record->skills()->setSelected(0, true);
    record->skills()->setSelected(4, true);
    record->skills()->setLevel(4, QStringLiteral("competent"));
    record->setProperty("feedbackProgress",
                        QStringLiteral("Worked steadily all day and needed no reminders."));
    ok = ok && grab(window, dir, QStringLiteral("07-record"));
    ok = ok && call(window, "scrollForm", 0.55);
    ok = ok && grab(window, dir, QStringLiteral("08-record-skills-feedback"));
    ok = ok && call(window, "scrollForm", 1.0);
    ok = ok && grab(window, dir, QStringLiteral("09-record-note"));
    record->setProperty("outcomeCode", QStringLiteral("AFTC"));
    record->setProperty("penaltyMinutes", 30);
    ok = ok && call(window, "requestSave");
    ok = ok && grab(window, dir, QStringLiteral("10-enforceable-warning"));
    ok = ok && call(window, "closeDialogs");
    ok = ok && call(window, "goBack");
    ok = ok && call(window, "openFastPath");
    ok = ok && grab(window, dir, QStringLiteral("11-fast-path"));
    ok = ok && call(window, "goBack") && call(window, "goBack");
    if (!ok)
        return 1;

    // The responsible officer's screens, from the progress and items of the demonstration data.
    app.caseload()->reload();
    app.inbox()->reload();
    ok = waitFor([&] { return app.caseload()->count() > 0 && app.inbox()->count() > 0; });
    ok = ok && call(window, "openCaseload", 0);
    ok = ok && grab(window, dir, QStringLiteral("12-officer-inbox"));
    ok = ok && call(window, "openCaseload", 1);
    ok = ok && grab(window, dir, QStringLiteral("13-officer-caseload"));
    ok = ok && call(window, "openMenu");
    ok = ok && grab(window, dir, QStringLiteral("16-menu"));
    ok = ok && call(window, "closeMenu");
    if (!ok)
        return 1;
    const QString personId = app.inbox()->index(0).data(InboxModel::PersonIdRole).toString();
    ok = call(window, "openPerson", personId);
    ok = ok &&
         waitFor([&] { return app.person()->personId() == personId && !app.person()->busy(); });
    ok = ok && grab(window, dir, QStringLiteral("14-officer-person"));
    ok = ok && call(window, "goBack");
    ok = ok && call(window, "openAttention");
    ok = ok && grab(window, dir, QStringLiteral("15-needs-attention"));
    return ok ? 0 : 1;
}

}  // namespace sitebook::ui
