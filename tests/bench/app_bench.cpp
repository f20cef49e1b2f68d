// App benchmark: cold start and memory of the Qt Quick app over a device store holding many
// appointments, against a small store in the same run so the ratios mean something on a
// shared, noisy machine. Writes a Markdown section and a JSON object (tests/bench/run.sh).
//
//   app_bench [--appointments N] [--baseline N] [--caseload N] [--rounds N] [--output FILE]
//             [--json FILE]
//
// For each size the store is seeded once (put*() calls in one transaction, as a download
// writes them: no outbox entries), then a fresh child process per round runs the app as
// main.cpp wires it — QGuiApplication, the storage worker, the models, the QML screens — on
// the offscreen platform, and measures:
//   - start to first frame: from the child's main() to the first frame drawn after today's
//     sessions are in the list, through the unlock. The vault's key derivation runs at its
//     minimum cost, so the figure is the app's own work, not Argon2id's.
//   - roster open: from "open this session" to the first frame showing its people (median over
//     the day's sessions).
//   - peak RSS: the child's VmHWM at the end.
// The child prints one JSON line; the parent keeps the median of the rounds (after one
// uncounted warm-up round per size).
//
// The responsible officer's side runs over a third store: the same appointments, with a
// caseload of --caseload people (their orders' progress and the items needing a decision, as
// server copies written by a download), and the device signed in as an officer. It measures:
//   - start to first caseload frame: from main() through the unlock to the first frame of the
//     caseload tab listing every person (the officer's first screen is drawn before it).
//   - scrolling: the caseload list moved a screen at a time from top to bottom, one frame per
//     step, until the last person is shown.
//   - peak RSS: the child's VmHWM after the scroll.
// The targets (start under 1 s, memory under 150 MB) are stated met or missed.

#include <QtQml/qqmlextensionplugin.h>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app_models.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "storage_worker.h"

Q_IMPORT_QML_PLUGIN(SitebookPlugin)
Q_IMPORT_QML_PLUGIN(Sitebook_ScreensPlugin)

namespace {

using namespace sitebook;
using namespace sitebook::domain;
using nlohmann::json;
using Stopwatch = std::chrono::steady_clock;

constexpr const char* kPin = "24681357";
constexpr int kPeoplePerSession = 8;
constexpr int kSessionsToday = 6;
constexpr int kProjects = 12;
constexpr double kStartTargetMs = 1000;
constexpr double kMemoryTargetMB = 150;  // decimal megabytes of VmHWM

struct Options {
    int appointments = 10'000;
    int baseline = 200;
    int rounds = 3;
    int caseload = 400;
    std::string output;
    std::string jsonOutput;
};

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "benchmark failed: %s\n", what.c_str());
    std::exit(1);
}

ui::StorageConfig configFor(const std::filesystem::path& dir) {
    ui::StorageConfig c;
    c.dataDir = dir;
    c.kdf = storage::KdfParams{1, 8192};  // the key derivation is not what is measured
    return c;
}

// A person's order as seeded, with the minutes credited by the attended appointments on it.
struct SeededOrder {
    std::string personId;
    std::string orderId;
    int requiredMinutes = 0;
    int creditedMinutes = 0;
};

// One supervisor's caseload of `appointments`: sessions of kPeoplePerSession people, the
// last kSessionsToday of them today and the rest on earlier days (recorded, attended), with
// one person and order per eight appointments. The orders are left in `seeded` if given.
Status seed(store::LocalStore& store, CivilDate day, int appointments,
            std::vector<SeededOrder>* seeded = nullptr) {
    ManualClock clock(1'767'225'600'000);
    SeededRandom random(20260105);
    UuidGenerator ids(clock, random);
    auto next = [&] {
        clock.advance(1);
        return ids.next().toString();
    };
    static const char* const kSurnames[] = {
        "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes", "Islam",
        "Jones", "Khan",  "Lewis",  "Morgan", "Nowak", "Owen",   "Patel", "Quinn",  "Roberts"};
    return store.atomically([&]() -> Status {
        std::vector<std::string> projects;
        for (int p = 0; p < kProjects; ++p) {
            Project project;
            project.id = next();
            project.code = "P" + std::to_string(100 + p);
            project.name = "Community project " + std::to_string(p + 1);
            project.type = ProjectType::Group;
            project.location = "Site " + std::to_string(p + 1);
            project.beneficiary = "Parks and open spaces";
            project.hi_vis_required = p % 2 == 0;
            SB_TRY(store.putProject(project));
            projects.push_back(project.id);
        }
        const int people = std::max(1, appointments / 8);
        std::vector<SeededOrder> orders;
        for (int i = 0; i < people; ++i) {
            Person person;
            person.id = next();
            char crn[16];
            std::snprintf(crn, sizeof crn, "B%06d", i % 1'000'000);
            person.crn = crn;
            person.forenames = "Alex";
            person.surname =
                std::string(kSurnames[i % std::size(kSurnames)]) + "-" + std::to_string(i);
            person.date_of_birth = *CivilDate::parse("1990-04-01");
            person.responsible_officer_id = "01900000-0000-7000-8000-000000000009";
            if (i % 7 == 0)
                person.placement_flags = {"No lone working with children"};
            SB_TRY(store.putPerson(person));
            Order order;
            order.id = next();
            order.person_id = person.id;
            order.sentence_date = *CivilDate::parse("2025-01-06");
            order.required_minutes = 150 * 60;
            SB_TRY(store.putOrder(order));
            orders.push_back({person.id, order.id, order.required_minutes, 0});
        }
        const int sessions = (appointments + kPeoplePerSession - 1) / kPeoplePerSession;
        int made = 0;
        for (int s = 0; s < sessions; ++s) {
            const int fromEnd = sessions - 1 - s;
            Session session;
            session.id = next();
            session.project_id = projects[static_cast<std::size_t>(s) % projects.size()];
            session.date = fromEnd < kSessionsToday
                               ? day
                               : day.addDays(-(1 + (fromEnd - kSessionsToday) / kProjects));
            session.start = *TimeOfDay::parse("09:00");
            session.end = *TimeOfDay::parse("16:00");
            SB_TRY(store.putSession(session));
            for (int k = 0; k < kPeoplePerSession && made < appointments; ++k, ++made) {
                SeededOrder& order = orders[static_cast<std::size_t>(s * 3 + k) % orders.size()];
                Appointment a;
                a.id = next();
                a.person_id = order.personId;
                a.order_id = order.orderId;
                a.session_id = session.id;
                a.scheduled_start = session.start;
                a.scheduled_end = session.end;
                if (session.date < day) {
                    AppointmentOutcome o;
                    o.code = Outcome(OutcomeCode::ATTC);
                    o.arrival = session.start;
                    o.finish = session.end;
                    o.work_quality = Rating::Good;
                    o.behaviour = Rating::Good;
                    o.recorded_by = "01900000-0000-7000-8000-000000000008";
                    o.recorded_at = clock.nowMillis();
                    a.outcome = o;
                    order.creditedMinutes = std::min(
                        order.requiredMinutes,
                        order.creditedMinutes + TimeOfDay::minutesBetween(*o.arrival, *o.finish));
                }
                SB_TRY(store.putAppointment(a));
            }
        }
        if (seeded != nullptr)
            *seeded = std::move(orders);
        return okStatus();
    });
}

// The responsible officer's view of the first `people` seeded orders, as a download writes
// it (server copies in sync_records, no outbox entries): each order's progress, and an item
// needing a decision for one person in three.
Status seedOfficerView(store::LocalStore& store, CivilDate day,
                       const std::vector<SeededOrder>& orders, int people) {
    store::RemoteBatch batch;
    const std::size_t n = std::min(orders.size(), static_cast<std::size_t>(people));
    for (std::size_t i = 0; i < n; ++i) {
        const SeededOrder& o = orders[i];
        const std::string partition = "person/" + o.personId;
        const bool ete = i % 3 == 1;
        const int eteAllowance = ete ? o.requiredMinutes * 30 / 100 : 0;
        json progress{
            {"id", o.orderId},
            {"order_id", o.orderId},
            {"person_id", o.personId},
            {"sentence_date", "2025-01-06"},
            {"required_minutes", o.requiredMinutes},
            {"adjustment_minutes", 0},
            {"adjusted_required_minutes", o.requiredMinutes},
            {"credited_minutes", o.creditedMinutes},
            {"ete_credited_minutes", ete ? std::min(eteAllowance, o.creditedMinutes / 4) : 0},
            {"ete_allowance_minutes", eteAllowance},
            {"remaining_minutes", o.requiredMinutes - o.creditedMinutes},
            {"percent_complete",
             o.requiredMinutes > 0 ? (o.creditedMinutes * 1000 / o.requiredMinutes) / 10.0 : 0}};
        if (o.creditedMinutes >= o.requiredMinutes)
            progress["completed_on"] = day.addDays(-3).toString();
        batch.changes.push_back({partition, "progress", o.orderId, 1, false, progress.dump()});
        if (i % 3 != 0)
            continue;
        char id[48];
        std::snprintf(id, sizeof id, "01900000-0000-7000-9000-%012zu", i + 1);
        json item{{"id", id},
                  {"key", std::string("review_due:") + id},
                  {"kind", "review_due"},
                  {"person_id", o.personId},
                  {"order_id", o.orderId},
                  {"created_on", day.addDays(-14).toString()},
                  {"due_on", day.addDays(static_cast<int>(i % 10) - 5).toString()},
                  {"message", "The six-month progress review is due."}};
        batch.changes.push_back({partition, "ro_item", id, 1, false, item.dump()});
    }
    auto applied = store.applyRemoteBatch(batch);
    SB_TRY(applied);
    return okStatus();
}

// Creates the vault (PIN kPin) and the store in `dir`, seeded with `appointments`, as a first
// run of the app would (StorageWorker::create with a seed). With `caseload` > 0 the store also
// holds that many people's progress and the device is signed in as their officer.
void prepare(const std::filesystem::path& dir, int appointments, int caseload) {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const Clock& clock = SystemClock::instance();
    ui::StorageConfig config = configFor(dir);
    config.seed = [appointments, caseload](store::LocalStore& s, CivilDate day) -> Status {
        if (caseload <= 0)
            return seed(s, day, appointments);
        std::vector<SeededOrder> orders;
        SB_TRY(seed(s, day, appointments, &orders));
        return seedOfficerView(s, day, orders, caseload);
    };
    bool ok = false;
    QString problem;
    ui::StorageWorker worker(config, clock, SecureRandom::instance(), nullptr);
    QObject::connect(&worker, &ui::StorageWorker::opened, [&ok] { ok = true; });
    QObject::connect(
        &worker, &ui::StorageWorker::openFailed,
        [&problem](int, const QString& message, const ui::VaultStatus&) { problem = message; });
    if (caseload > 0) {
        // The identity sealed beside the store: signed in as an officer.
        worker.presetIdentity({{QStringLiteral("role"), QStringLiteral("officer")},
                               {QStringLiteral("display_name"), QStringLiteral("Sam Officer")}});
    }
    worker.create(QString::fromLatin1(kPin));
    if (!ok)
        fail("seeding " + std::to_string(appointments) + " appointments: " + problem.toStdString());
    worker.close();
}

std::int64_t peakRssKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stoll(line.substr(6));
    }
    return -1;
}

double millisBetween(Stopwatch::time_point a, Stopwatch::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The item named `name` under `item` (depth first), or null.
QQuickItem* findItem(QQuickItem* item, const QString& name) {
    if (item == nullptr)
        return nullptr;
    if (item->objectName() == name)
        return item;
    const auto children = item->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findItem(child, name))
            return found;
    }
    return nullptr;
}

// The child: the app over `dir`, measured (as the officer with `officer`). Prints one JSON
// line on stdout.
int measure(int argc, char** argv, const std::filesystem::path& dir, Stopwatch::time_point started,
            bool officer) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const auto appCreated = Stopwatch::now();
    QQuickStyle::setStyle(QStringLiteral("Material"));

    const Clock& clock = SystemClock::instance();
    ui::AppModels models(configFor(dir), clock, SecureRandom::instance(), nullptr);
    ui::AppController& controller = models.app;
    const ui::RosterModel& roster = models.roster;
    controller.setCoverEnabled(false);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("app"), QVariant::fromValue(&controller)}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Sitebook/Screens/Main.qml")));
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr)
        fail("the app's window did not load");
    QObject* shell = window->findChild<QObject*>(QStringLiteral("appShell"));
    if (shell == nullptr)
        fail("the app shell is missing");

    // Waits (with the event loop running) until `done` holds, then for the next frame.
    auto waitThenFrame = [&](const std::function<bool()>& done, const char* what) {
        QElapsedTimer timeout;
        timeout.start();
        while (!done()) {
            if (timeout.elapsed() > 120'000)
                fail(std::string("timed out waiting for ") + what);
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        bool framed = false;
        auto c =
            QObject::connect(window, &QQuickWindow::frameSwapped, [&framed] { framed = true; });
        window->update();
        while (!framed) {
            if (timeout.elapsed() > 120'000)
                fail(std::string("timed out waiting for a frame after ") + what);
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        QObject::disconnect(c);
        return Stopwatch::now();
    };

    QObject::connect(&controller, &ui::AppController::stateChanged, [&] {
        if (controller.state() == ui::AppController::Locked)
            controller.unlock(QString::fromLatin1(kPin));
    });
    auto opened = Stopwatch::time_point{};
    QObject::connect(&models.storage, &ui::StorageClient::opened,
                     [&opened] { opened = Stopwatch::now(); });
    controller.start();
    if (officer) {
        const ui::CaseloadModel& caseload = models.caseload;
        // The officer's first screen (the items needing a decision) with the caseload loaded.
        const auto firstFrame = waitThenFrame(
            [&] {
                return controller.state() == ui::AppController::Unlocked && controller.officer() &&
                       !caseload.loading() && caseload.count() > 0;
            },
            "the caseload");
        QMetaObject::invokeMethod(shell, "openCaseload", Q_ARG(QVariant, 1));
        QQuickItem* list = nullptr;
        const auto caseloadFrame = waitThenFrame(
            [&] {
                list = findItem(window->contentItem(), QStringLiteral("caseloadList"));
                return list != nullptr && list->isVisible() &&
                       list->property("count").toInt() == caseload.count();
            },
            "the caseload tab");
        const int people = caseload.count();
        const std::int64_t rssBeforeScroll = peakRssKiB();

        // A screen at a time from the top, one frame per step, until the list is at its end.
        // The content height is an estimate that firms up as rows are built, so the end is
        // taken from the list each step.
        const auto scrollStart = Stopwatch::now();
        int steps = 0;
        list->setProperty("contentY", list->property("originY"));
        waitThenFrame([] { return true; }, "the top of the caseload");
        while (!list->property("atYEnd").toBool()) {
            if (++steps > 1'000'000)
                fail("the caseload did not reach its end");
            const double origin = list->property("originY").toDouble();
            const double end = origin + list->property("contentHeight").toDouble() - list->height();
            const double y = list->property("contentY").toDouble() + list->height();
            list->setProperty("contentY", std::min(y, end));
            waitThenFrame([] { return true; }, "a scrolled frame");
        }
        const auto scrolled = Stopwatch::now();
        QQuickItem* last = nullptr;
        QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, last),
                                  Q_ARG(int, people - 1));
        const double top = list->property("contentY").toDouble();
        const bool lastShown = last != nullptr && last->isVisible() && last->height() > 0 &&
                               last->y() + last->height() <= top + list->height() + 1 &&
                               last->y() >= top - 1;
        if (!lastShown)
            fail("the caseload's last person was not shown after scrolling to the end");

        const json out = {
            {"start_to_first_frame_ms", millisBetween(started, firstFrame)},
            {"start_to_caseload_frame_ms", millisBetween(started, caseloadFrame)},
            {"unlock_done_ms",
             opened == Stopwatch::time_point{} ? 0.0 : millisBetween(started, opened)},
            {"caseload_people", people},
            {"inbox_items", models.inbox.count()},
            {"scroll_steps", steps},
            {"scroll_ms", millisBetween(scrollStart, scrolled)},
            {"last_row_shown", lastShown},
            {"peak_rss_before_scroll_kib", rssBeforeScroll},
            {"peak_rss_kib", peakRssKiB()},
        };
        std::printf("%s\n", out.dump().c_str());
        std::fflush(stdout);
        controller.lock();
        return 0;
    }
    const auto firstFrame =
        waitThenFrame([&] { return models.sessions.count() > 0; }, "today's sessions");
    const int todaysSessions = models.sessions.count();

    std::vector<double> rosterOpens;
    int rosterPeople = 0;
    for (int row = 0; row < todaysSessions; ++row) {
        const auto start = Stopwatch::now();
        QMetaObject::invokeMethod(shell, "openSession", Q_ARG(QVariant, row));
        const auto shown =
            waitThenFrame([&] { return !roster.loading() && roster.count() > 0; }, "the roster");
        rosterOpens.push_back(millisBetween(start, shown));
        rosterPeople = std::max(rosterPeople, roster.count());
        QMetaObject::invokeMethod(shell, "goBack");
        waitThenFrame([&] { return roster.count() == 0; }, "the sessions list again");
    }

    const json out = {
        {"start_to_first_frame_ms", millisBetween(started, firstFrame)},
        {"app_created_ms", millisBetween(started, appCreated)},
        {"unlock_done_ms",
         opened == Stopwatch::time_point{} ? 0.0 : millisBetween(started, opened)},
        {"sessions_today", todaysSessions},
        {"roster_open_ms", median(rosterOpens)},
        {"roster_people", rosterPeople},
        {"peak_rss_kib", peakRssKiB()},
    };
    std::printf("%s\n", out.dump().c_str());
    std::fflush(stdout);
    controller.lock();
    return 0;
}

struct Figures {
    int appointments = 0;
    double seedMs = 0;
    double startMs = 0;
    double appCreatedMs = 0;
    double unlockMs = 0;
    double rosterMs = 0;
    int sessionsToday = 0;
    int rosterPeople = 0;
    double peakRssMiB = 0;
};

// Runs the measuring child (`officer`: as the officer) and returns its figures.
json runChild(const char* self, const std::filesystem::path& dir, bool officer) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args{QStringLiteral("--measure"), QString::fromStdString(dir.string())};
    if (officer)
        args << QStringLiteral("--officer");
    child.start(QString::fromLocal8Bit(self), args);
    if (!child.waitForFinished(300'000) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        fail("the measuring app did not finish cleanly");
    }
    const QByteArray output = child.readAllStandardOutput().trimmed();
    const QByteArray last = output.mid(output.lastIndexOf('\n') + 1);
    const json j = json::parse(last.toStdString(), nullptr, false);
    if (j.is_discarded() || !j.contains("start_to_first_frame_ms"))
        fail("unreadable figures from the measuring app: " + last.toStdString());
    return j;
}

struct OfficerFigures {
    int appointments = 0;
    int caseload = 0;
    int inboxItems = 0;
    double seedMs = 0;
    double firstFrameMs = 0;
    double caseloadFrameMs = 0;
    double unlockMs = 0;
    int scrollSteps = 0;
    double scrollMs = 0;
    double peakRssBeforeMiB = 0;
    double peakRssMiB = 0;
    double peakRssMB = 0;
};

OfficerFigures runOfficer(const char* self, const std::filesystem::path& dir, int appointments,
                          int caseload, int rounds) {
    OfficerFigures f;
    f.appointments = appointments;
    const auto seedStart = Stopwatch::now();
    prepare(dir, appointments, caseload);
    f.seedMs = millisBetween(seedStart, Stopwatch::now());
    std::vector<double> first, shown, unlock, scroll, rssBefore, rss;
    for (int round = 0; round <= rounds; ++round) {
        const json j = runChild(self, dir, true);
        if (!j.value("last_row_shown", false))
            fail("the caseload was not scrolled to its last person");
        if (round == 0)
            continue;  // warms the file cache, as for the supervisor
        first.push_back(j["start_to_first_frame_ms"].get<double>());
        shown.push_back(j["start_to_caseload_frame_ms"].get<double>());
        unlock.push_back(j["unlock_done_ms"].get<double>());
        scroll.push_back(j["scroll_ms"].get<double>());
        rssBefore.push_back(
            static_cast<double>(j["peak_rss_before_scroll_kib"].get<std::int64_t>()));
        rss.push_back(static_cast<double>(j["peak_rss_kib"].get<std::int64_t>()));
        f.caseload = j["caseload_people"].get<int>();
        f.inboxItems = j["inbox_items"].get<int>();
        f.scrollSteps = j["scroll_steps"].get<int>();
    }
    f.firstFrameMs = median(first);
    f.caseloadFrameMs = median(shown);
    f.unlockMs = median(unlock);
    f.scrollMs = median(scroll);
    f.peakRssBeforeMiB = median(rssBefore) / 1024.0;
    const double rssKiB = median(rss);
    f.peakRssMiB = rssKiB / 1024.0;
    f.peakRssMB = rssKiB * 1024.0 / 1e6;
    std::filesystem::remove_all(dir);
    return f;
}

const char* metOrMissed(bool met) {
    return met ? "met" : "missed";
}

json toJson(const OfficerFigures& f) {
    return {{"appointments", f.appointments},
            {"caseload_people", f.caseload},
            {"inbox_items", f.inboxItems},
            {"seed_ms", f.seedMs},
            {"start_to_first_frame_ms", f.firstFrameMs},
            {"start_to_caseload_frame_ms", f.caseloadFrameMs},
            {"unlock_done_ms", f.unlockMs},
            {"scroll_steps", f.scrollSteps},
            {"scroll_ms", f.scrollMs},
            {"peak_rss_before_scroll_mib", f.peakRssBeforeMiB},
            {"peak_rss_after_scroll_mib", f.peakRssMiB},
            {"peak_rss_after_scroll_mb", f.peakRssMB},
            {"targets",
             {{"start_ms", kStartTargetMs},
              {"memory_mb", kMemoryTargetMB},
              {"start", metOrMissed(f.caseloadFrameMs < kStartTargetMs)},
              {"memory", metOrMissed(f.peakRssMB < kMemoryTargetMB)}}}};
}

Figures run(const char* self, const std::filesystem::path& dir, int appointments, int rounds) {
    Figures f;
    f.appointments = appointments;
    const auto seedStart = Stopwatch::now();
    prepare(dir, appointments, 0);
    f.seedMs = millisBetween(seedStart, Stopwatch::now());
    std::vector<double> start, created, unlock, roster, rss;
    // Round 0 warms the file cache (fonts, the app's libraries, the database) and is not
    // counted, so the first size measured is not penalised.
    for (int round = 0; round <= rounds; ++round) {
        const json j = runChild(self, dir, false);
        if (round == 0)
            continue;
        start.push_back(j["start_to_first_frame_ms"].get<double>());
        created.push_back(j["app_created_ms"].get<double>());
        unlock.push_back(j["unlock_done_ms"].get<double>());
        roster.push_back(j["roster_open_ms"].get<double>());
        rss.push_back(static_cast<double>(j["peak_rss_kib"].get<std::int64_t>()) / 1024.0);
        f.sessionsToday = j["sessions_today"].get<int>();
        f.rosterPeople = j["roster_people"].get<int>();
    }
    f.startMs = median(start);
    f.appCreatedMs = median(created);
    f.unlockMs = median(unlock);
    f.rosterMs = median(roster);
    f.peakRssMiB = median(rss);
    std::filesystem::remove_all(dir);
    return f;
}

json toJson(const Figures& f) {
    return {{"appointments", f.appointments},       {"seed_ms", f.seedMs},
            {"start_to_first_frame_ms", f.startMs}, {"app_created_ms", f.appCreatedMs},
            {"unlock_done_ms", f.unlockMs},         {"roster_open_ms", f.rosterMs},
            {"sessions_today", f.sessionsToday},    {"roster_people", f.rosterPeople},
            {"peak_rss_mib", f.peakRssMiB}};
}

double ratio(double a, double b) {
    return b > 0 ? a / b : 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = Stopwatch::now();
    Options opt;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (flag == "--measure" && i + 1 < argc) {
            const bool officer = i + 2 < argc && std::string(argv[i + 2]) == "--officer";
            return measure(argc, argv, argv[i + 1], started, officer);
        }
        if (flag == "--help" || flag == "-h") {
            std::printf(
                "usage: app_bench [--appointments N] [--baseline N] [--caseload N] [--rounds N] "
                "[--output FILE] [--json FILE]\n"
                "  --appointments N  appointments in the large store (default 10000)\n"
                "  --baseline N      appointments in the small store (default 200)\n"
                "  --caseload N      people on the officer's caseload (default 400; at most one "
                "per eight appointments)\n"
                "  --rounds N        measured rounds per store, after one warm-up (default 3)\n"
                "  --output FILE     Markdown section\n"
                "  --json FILE       JSON figures\n");
            return 0;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value\n", flag.c_str());
            return 2;
        }
        if (flag == "--appointments")
            opt.appointments = std::stoi(argv[++i]);
        else if (flag == "--baseline")
            opt.baseline = std::stoi(argv[++i]);
        else if (flag == "--caseload")
            opt.caseload = std::max(1, std::stoi(argv[++i]));
        else if (flag == "--rounds")
            opt.rounds = std::max(1, std::stoi(argv[++i]));
        else if (flag == "--output")
            opt.output = argv[++i];
        else if (flag == "--json")
            opt.jsonOutput = argv[++i];
        else {
            std::fprintf(stderr,
                         "usage: app_bench [--appointments N] [--baseline N] [--caseload N] "
                         "[--rounds N] [--output FILE] [--json FILE]\n");
            return 2;
        }
    }
    if (opt.appointments < kPeoplePerSession * kSessionsToday ||
        opt.baseline < kPeoplePerSession * kSessionsToday) {
        std::fprintf(stderr, "at least %d appointments are needed (today's sessions)\n",
                     kPeoplePerSession * kSessionsToday);
        return 2;
    }
    QCoreApplication core(argc, argv);
    const auto scratch =
        std::filesystem::temp_directory_path() /
        ("sitebook-app-bench-" + std::to_string(QCoreApplication::applicationPid()));
    const Figures small = run(argv[0], scratch / "small", opt.baseline, opt.rounds);
    const Figures large = run(argv[0], scratch / "large", opt.appointments, opt.rounds);
    const OfficerFigures officer =
        runOfficer(argv[0], scratch / "officer", opt.appointments, opt.caseload, opt.rounds);
    std::filesystem::remove_all(scratch);

    const json result = {
        {"rounds", opt.rounds},
        {"baseline", toJson(small)},
        {"large", toJson(large)},
        {"ratios",
         {{"start_to_first_frame", ratio(large.startMs, small.startMs)},
          {"roster_open", ratio(large.rosterMs, small.rosterMs)},
          {"peak_rss", ratio(large.peakRssMiB, small.peakRssMiB)}}},
        {"officer", toJson(officer)},
    };
    std::printf("%s\n", result.dump(2).c_str());

    if (!opt.jsonOutput.empty()) {
        std::ofstream out(opt.jsonOutput);
        out << result.dump(2) << "\n";
        if (!out) {
            std::fprintf(stderr, "could not write %s\n", opt.jsonOutput.c_str());
            return 1;
        }
    }
    if (!opt.output.empty()) {
        std::ofstream out(opt.output);
        char buf[4096];
        std::snprintf(
            buf, sizeof buf,
            "## App: cold start and memory\n\n"
            "`app_bench`: the Qt Quick app as `main.cpp` wires it (storage worker, models, the "
            "QML screens, Material style, offscreen platform), in a fresh process per round "
            "(median of %d, after one uncounted round that warms the file cache), over an "
            "encrypted device store seeded with put*() calls: sessions "
            "of %d people, %d of them today, the rest recorded on earlier days. The PIN's key "
            "derivation runs at its minimum cost, so start-up is the app's own work.\n\n"
            "| | %d appointments | %d appointments | ratio |\n"
            "|---|---:|---:|---:|\n"
            "| process start to first frame of today's sessions (after unlock) | %.0f ms | "
            "%.0f ms | %.2f |\n"
            "| of which until QGuiApplication exists | %.0f ms | %.0f ms | |\n"
            "| of which until the store is open | %.0f ms | %.0f ms | |\n"
            "| open a roster (%d people) to its first frame, median | %.1f ms | %.1f ms | "
            "%.2f |\n"
            "| peak RSS (VmHWM) | %.1f MiB | %.1f MiB | %.2f |\n"
            "| seeding the store (not part of start-up) | %.0f ms | %.0f ms | |\n\n"
            "A ratio is the larger store's figure over the smaller one's: how start-up, "
            "opening a roster and memory grow with the appointments a device holds.\n\n",
            opt.rounds, kPeoplePerSession, kSessionsToday, small.appointments, large.appointments,
            small.startMs, large.startMs, ratio(large.startMs, small.startMs), small.appCreatedMs,
            large.appCreatedMs, small.unlockMs, large.unlockMs, large.rosterPeople, small.rosterMs,
            large.rosterMs, ratio(large.rosterMs, small.rosterMs), small.peakRssMiB,
            large.peakRssMiB, ratio(large.peakRssMiB, small.peakRssMiB), small.seedMs,
            large.seedMs);
        out << buf;
        std::snprintf(
            buf, sizeof buf,
            "### The officer: caseload start and memory after scrolling\n\n"
            "The same app over a store of %d appointments whose device is signed in as a "
            "responsible officer with a caseload of %d people (their orders' progress and %d "
            "items needing a decision, as server copies a download writes). The caseload list is "
            "scrolled from top to bottom a screen at a time, one frame per step, until its last "
            "person is shown. Median of %d rounds, fresh process each.\n\n"
            "| | %d appointments, %d people | target | |\n"
            "|---|---:|---:|---|\n"
            "| process start to first frame of the caseload tab (after unlock) | %.0f ms | "
            "< %.0f ms | %s |\n"
            "| of which until the officer's first screen | %.0f ms | | |\n"
            "| of which until the store is open | %.0f ms | | |\n"
            "| scrolling the caseload to its end (%d steps) | %.0f ms | | |\n"
            "| peak RSS (VmHWM) at the caseload's first frame | %.1f MiB | | |\n"
            "| peak RSS (VmHWM) after scrolling the caseload | %.1f MiB (%.1f MB) | < %.0f MB | "
            "%s |\n"
            "| seeding the store (not part of start-up) | %.0f ms | | |\n\n",
            officer.appointments, officer.caseload, officer.inboxItems, opt.rounds,
            officer.appointments, officer.caseload, officer.caseloadFrameMs, kStartTargetMs,
            metOrMissed(officer.caseloadFrameMs < kStartTargetMs), officer.firstFrameMs,
            officer.unlockMs, officer.scrollSteps, officer.scrollMs, officer.peakRssBeforeMiB,
            officer.peakRssMiB, officer.peakRssMB, kMemoryTargetMB,
            metOrMissed(officer.peakRssMB < kMemoryTargetMB), officer.seedMs);
        out << buf;
        if (!out) {
            std::fprintf(stderr, "could not write %s\n", opt.output.c_str());
            return 1;
        }
    }
    return 0;
}
