#include "storage_worker.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

#include "qt_text.h"
#include "sitebook/common/log.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/validation.h"
#include "sitebook/storage/file_seal.h"

namespace sitebook::ui {

using namespace domain;

namespace {

constexpr std::string_view kComponent = "ui.storage";
constexpr const char* kDatabaseFile = "sitebook.db";
constexpr const char* kDeviceFile = "device.json";

// Who uses this installation: ids, role and server address only (no case data, no secrets), so
// it is kept in the clear beside the encrypted database. Keys: device_id, user_id, role,
// username, display_name, server, tls_name. Without a server (demonstration data) the user id
// is generated locally.
std::optional<QJsonObject> readIdentity(const std::filesystem::path& dir) {
    QFile file(QString::fromStdString((dir / kDeviceFile).string()));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (!Uuid::isValid(toStdString(o.value(QStringLiteral("device_id")).toString())) ||
        !Uuid::isValid(toStdString(o.value(QStringLiteral("user_id")).toString())))
        return std::nullopt;
    return o;
}

// The data dir is the owner's only (0700) and every file in it 0600: set when they are made
// and put right whenever the device is opened, so files made with a looser mode (by an older
// version, or copied in) do not stay readable by other accounts.
void makePrivate(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::error_code fileEc;
        if (entry.is_regular_file(fileEc)) {
            fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::replace, fileEc);
        } else if (entry.is_directory(fileEc)) {
            fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::replace, fileEc);
        }
    }
}

Status writeIdentity(const std::filesystem::path& dir, const QJsonObject& identity) {
    QSaveFile file(QString::fromStdString((dir / kDeviceFile).string()));
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::Io, "cannot write the device identity file");
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(identity).toJson());
    if (!file.commit())
        return makeError(ErrorCode::Io, "cannot write the device identity file");
    return okStatus();
}

CivilDate localToday(const Clock& clock) {
    const QDate d = QDateTime::fromMSecsSinceEpoch(clock.nowMillis()).date();
    return CivilDate::fromYmd(d.year(), d.month(), d.day()).value_or(CivilDate{});
}

QString timeText(TimeOfDay t) {
    return toQString(t.toString());
}

void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

FieldError fieldError(const QString& appointmentId, std::string_view part, const Error& e) {
    QString field = toQString(part);
    if (!e.field.empty())
        field += QLatin1Char('.') + toQString(e.field);
    return {appointmentId, field, toQString(e.message)};
}

}  // namespace

StorageWorker::StorageWorker(StorageConfig config, const Clock& clock, RandomSource& random,
                             storage::KeyStore* keyStore, QObject* parent)
    : QObject(parent),
      config_(std::move(config)),
      clock_(clock),
      random_(random),
      ids_(clock, random),
      vault_(std::make_unique<storage::KeyVault>(
          storage::KeyVault::directoryFor(config_.dataDir / kDatabaseFile), keyStore, clock, random,
          config_.kdf, config_.backoff)) {}

StorageWorker::~StorageWorker() = default;

std::filesystem::path StorageWorker::databasePath() const {
    return config_.dataDir / kDatabaseFile;
}

VaultStatus StorageWorker::status() const {
    VaultStatus s;
    s.exists = vault_->exists();
    s.protection = toQString(vault_->protection());
    s.freeFailures = config_.backoff.freeFailures;
    s.shredded = vault_->wasShredded();
    const storage::VaultProtection mode =
        s.exists ? vault_->protectionLevel() : vault_->protectionForNewVault();
    s.keystore = mode == storage::VaultProtection::PinAndKeystore;
    s.minPinLength = storage::KeyVault::minPinLength(mode);
    if (s.exists) {
        auto left = vault_->attemptsBeforeWipe();
        if (left.ok())
            s.attemptsBeforeWipe = *left;
        auto wait = vault_->lockedOutForMillis();
        if (wait.ok())
            s.lockedOutMillis = *wait;
        auto failures = vault_->failedAttempts();
        if (failures.ok())
            s.failedAttempts = *failures;
    }
    return s;
}

void StorageWorker::inspect() {
    emit vaultInspected(status());
}

Status StorageWorker::openStore(const SecretBytes& key) {
    makePrivate(config_.dataDir);
    // The server address (device.json) and the trusted CA (ca.pem) are used only as sealed
    // with the data key. A device set up by an older version has no seal yet: it is sealed on
    // the unlock that migrates its vault, once.
    const storage::FileSeal seal = deviceSeal();
    Status sealed = seal.check(key);
    if (sealed.code() == ErrorCode::NotFound && vault_->openedOlderFormat())
        sealed = seal.write(key);
    if (!sealed.ok()) {
        log::error(kComponent, "refusing the device's server settings: " +
                                   std::string(errorCodeName(sealed.code())));
        return sealed;
    }
    auto identity = readIdentity(config_.dataDir);
    if (!identity) {
        return makeError(ErrorCode::Corrupt, "the device identity file is missing or damaged");
    }
    const Role role =
        parseEnum<Role>(toStdString(identity->value(QStringLiteral("role")).toString()))
            .value_or(Role::Supervisor);
    store::DeviceContext context{
        toStdString(identity->value(QStringLiteral("device_id")).toString()),
        toStdString(identity->value(QStringLiteral("user_id")).toString()), role};
    auto opened = store::LocalStore::open(databasePath(), key, context, clock_, random_);
    SB_TRY(opened);
    store_ = std::move(*opened);
    username_ = identity->value(QStringLiteral("username")).toString();
    emit deviceLoaded(DeviceInfo{identity->value(QStringLiteral("user_id")).toString(),
                                 identity->value(QStringLiteral("username")).toString(),
                                 identity->value(QStringLiteral("display_name")).toString(),
                                 toQString(wireText(role)),
                                 identity->value(QStringLiteral("server")).toString()});
    if (!identity->value(QStringLiteral("server")).toString().isEmpty())
        return startSync(*identity);
    publishSync(sync::SyncState{}, false);
    return okStatus();
}

void StorageWorker::create(const QString& pin) {
    std::string pinText = toStdString(pin);
    std::error_code ec;
    std::filesystem::create_directories(config_.dataDir, ec);
    makePrivate(config_.dataDir);
    auto key = vault_->create(pinText);
    wipe(pinText);
    if (!key.ok()) {
        emit openFailed(static_cast<int>(key.code()), toQString(key.error().message), status());
        return;
    }
    const CivilDate today = localToday(clock_);
    const bool withServer = pendingCredentials_.has_value();
    QJsonObject identity = pendingIdentity_;
    if (!withServer) {
        identity.insert(QStringLiteral("device_id"), toQString(ids_.next().toString()));
        identity.insert(QStringLiteral("user_id"), toQString(ids_.next().toString()));
        if (!identity.contains(QStringLiteral("role")))
            identity.insert(QStringLiteral("role"), QStringLiteral("supervisor"));
    }
    Status done = writeIdentity(config_.dataDir, identity);
    if (done.ok())
        done = deviceSeal().write(*key);
    if (done.ok())
        done = openStore(*key);
    if (done.ok() && withServer && engine_) {
        done = engine_->adoptCredentials(*pendingCredentials_);
        pendingCredentials_.reset();
        pendingIdentity_ = {};
        if (done.ok())
            done = engine_->refreshCounts();
    }
    if (done.ok() && !withServer && config_.seed) {
        done = config_.seed(*store_, today);
        if (!done.ok())
            log::error(kComponent, "seeding the new store failed: " + done.error().toString());
    }
    if (!done.ok()) {
        store_.reset();
        emit openFailed(static_cast<int>(done.code()), toQString(done.error().message), status());
        return;
    }
    emit opened(toQString(vault_->protection()));
    countPending();
}

void StorageWorker::unlock(const QString& pin) {
    std::string pinText = toStdString(pin);
    auto key = vault_->unlockWithPin(pinText);
    wipe(pinText);
    if (!key.ok()) {
        if (vault_->wasShredded())
            shredDevice();
        emit openFailed(static_cast<int>(key.code()), toQString(key.error().message), status());
        return;
    }
    Status done = openStore(*key);
    if (!done.ok()) {
        emit openFailed(static_cast<int>(done.code()), toQString(done.error().message), status());
        return;
    }
    emit opened(toQString(vault_->protection()));
    countPending();
}

storage::FileSeal StorageWorker::deviceSeal() const {
    return storage::FileSeal(config_.dataDir / storage::FileSeal::kFileName,
                             {config_.dataDir / kDeviceFile, config_.dataDir / "ca.pem"});
}

void StorageWorker::shredDevice() {
    log::warning(kComponent, "destroying this device's keys and records");
    engine_.reset();
    {
        std::lock_guard lock(transportMutex_);
        transport_.reset();
    }
    store_.reset();
    pendingCredentials_.reset();
    pendingIdentity_ = {};
    username_.clear();
    // Keys first (wipeDeviceFiles), so nothing readable is left if a deletion fails.
    Status wiped = sync::wipeDeviceFiles(databasePath(), [this] { return vault_->wipe(); });
    if (!wiped.ok())
        log::error(kComponent, "removing the device data failed: " + wiped.error().toString());
    std::error_code ec;
    std::filesystem::remove(config_.dataDir / kDeviceFile, ec);
    std::filesystem::remove(config_.dataDir / "ca.pem", ec);
    std::filesystem::remove(config_.dataDir / storage::FileSeal::kFileName, ec);
    std::filesystem::remove(storage::KeyVault::directoryFor(databasePath()), ec);
}

void StorageWorker::close() {
    engine_.reset();
    {
        std::lock_guard lock(transportMutex_);
        transport_.reset();
    }
    store_.reset();
    emit closed();
    emit vaultInspected(status());
}

Result<Project> StorageWorker::project(const std::string& id) {
    auto stmt = store_->database().prepare("SELECT body FROM projects WHERE id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, id);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return makeError(ErrorCode::NotFound, "project " + id + " is not on this device");
    return fromJson<Project>(stmt->columnText(0));
}

Result<std::optional<Feedback>> StorageWorker::feedbackFor(const std::string& appointmentId) {
    auto stmt = store_->database().prepare("SELECT body FROM feedback WHERE appointment_id = ?1");
    SB_TRY(stmt);
    stmt->bind(1, appointmentId);
    auto row = stmt->step();
    SB_TRY(row);
    if (!*row)
        return std::optional<Feedback>{};
    auto parsed = fromJson<Feedback>(stmt->columnText(0));
    SB_TRY(parsed);
    return std::optional<Feedback>(std::move(*parsed));
}

void StorageWorker::loadSessions(quint64 request, QDate date) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto day = CivilDate::fromYmd(date.year(), date.month(), date.day());
    if (!day)
        return emit loadFailed(request, tr("That date is not valid."));
    auto sessions = store_->sessionsOn(*day);
    if (!sessions.ok())
        return emit loadFailed(request, toQString(sessions.error().message));
    QList<SessionSummary> out;
    for (const Session& s : *sessions) {
        SessionSummary summary;
        summary.sessionId = toQString(s.id);
        summary.date = date;
        summary.start = timeText(s.start);
        summary.end = timeText(s.end);
        auto p = project(s.project_id);
        if (p.ok()) {
            summary.projectCode = toQString(p->code);
            summary.projectName = toQString(p->name);
            summary.projectType = toQString(wireText(p->type));
            summary.location = toQString(p->location);
            summary.beneficiary = toQString(p->beneficiary);
            summary.hiVisRequired = p->hi_vis_required;
        } else {
            summary.projectName = tr("Unknown project");
        }
        auto roster = store_->roster(s.id);
        if (roster.ok()) {
            summary.people = static_cast<int>(roster->size());
            summary.recorded = static_cast<int>(std::count_if(
                roster->begin(), roster->end(),
                [](const store::RosterEntry& e) { return e.appointment.outcome.has_value(); }));
        }
        out.push_back(summary);
    }
    emit sessionsLoaded(request, out);
}

void StorageWorker::loadRoster(quint64 request, const QString& sessionId) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto roster = store_->roster(toStdString(sessionId));
    if (!roster.ok())
        return emit loadFailed(request, toQString(roster.error().message));
    auto drafts = store_->draftsInSession(toStdString(sessionId));
    if (!drafts.ok())
        return emit loadFailed(request, toQString(drafts.error().message));
    QList<RosterLine> out;
    for (const auto& entry : *roster) {
        RosterLine line;
        line.hasDraft =
            std::find(drafts->begin(), drafts->end(), entry.appointment.id) != drafts->end();
        line.appointmentId = toQString(entry.appointment.id);
        line.personId = toQString(entry.person.id);
        line.crn = toQString(entry.person.crn);
        line.forenames = toQString(entry.person.forenames);
        line.surname = toQString(entry.person.surname);
        for (const auto& flag : entry.person.placement_flags)
            line.placementFlags << toQString(flag);
        line.restrictedAccess = entry.person.restricted_access;
        line.scheduledStart = timeText(entry.appointment.scheduled_start);
        line.scheduledEnd = timeText(entry.appointment.scheduled_end);
        if (entry.appointment.outcome) {
            line.outcomeCode = toQString(entry.appointment.outcome->code.text());
        }
        auto feedback = feedbackFor(entry.appointment.id);
        line.hasFeedback = feedback.ok() && feedback->has_value();
        out.push_back(line);
    }
    emit rosterLoaded(request, out);
}

std::optional<RecordDetail> StorageWorker::recordDetail(const QString& appointmentId,
                                                        QString& message) {
    auto appointment = store_->appointment(toStdString(appointmentId));
    if (!appointment.ok()) {
        message = toQString(appointment.error().message);
        return std::nullopt;
    }
    if (!*appointment) {
        message = tr("This appointment is not on the device.");
        return std::nullopt;
    }
    const Appointment& a = **appointment;
    auto person = store_->person(a.person_id);
    if (!person.ok() || !*person) {
        message = tr("The person is not on the device.");
        return std::nullopt;
    }
    RecordDetail detail;
    detail.line.appointmentId = appointmentId;
    detail.line.personId = toQString((*person)->id);
    detail.line.crn = toQString((*person)->crn);
    detail.line.forenames = toQString((*person)->forenames);
    detail.line.surname = toQString((*person)->surname);
    for (const auto& flag : (*person)->placement_flags)
        detail.line.placementFlags << toQString(flag);
    detail.line.restrictedAccess = (*person)->restricted_access;
    detail.line.scheduledStart = timeText(a.scheduled_start);
    detail.line.scheduledEnd = timeText(a.scheduled_end);
    detail.sessionStart = detail.line.scheduledStart;
    detail.sessionEnd = detail.line.scheduledEnd;
    detail.outcome = a.outcome;
    if (a.outcome)
        detail.line.outcomeCode = toQString(a.outcome->code.text());
    auto feedback = feedbackFor(a.id);
    if (feedback.ok())
        detail.feedback = *feedback;
    detail.line.hasFeedback = detail.feedback.has_value();
    return detail;
}

void StorageWorker::loadRecord(quint64 request, const QString& appointmentId) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    QString message;
    auto detail = recordDetail(appointmentId, message);
    if (!detail)
        return emit loadFailed(request, message);
    // What is already recorded, to show and edit in place, and the unsaved draft.
    const std::string id = toStdString(appointmentId);
    auto work = store_->workFor(id);
    auto skills = store_->skillsFor(id);
    auto notes = store_->caseNotesFor(toStdString(detail->line.personId));
    auto draft = store_->draft(id);
    const Error* failed = !work.ok()     ? &work.error()
                          : !skills.ok() ? &skills.error()
                          : !notes.ok()  ? &notes.error()
                          : !draft.ok()  ? &draft.error()
                                         : nullptr;
    if (failed != nullptr)
        return emit loadFailed(request, toQString(failed->message));
    detail->recordedWork = std::move(*work);
    detail->recordedSkills = std::move(*skills);
    for (auto& note : *notes) {
        if (note.appointment_id == id)
            detail->recordedNotes.push_back(std::move(note));
    }
    if (*draft) {
        detail->draft = toQString((*draft)->body);
        detail->draftSavedAt = (*draft)->updatedAt;
    }
    emit recordLoaded(request, *detail);
}

void StorageWorker::saveDraft(quint64 request, const QString& appointmentId, const QString& body) {
    if (!store_)
        return;
    auto created = store_->saveDraft(toStdString(appointmentId), toStdString(body));
    if (!created.ok()) {
        log::error(kComponent, "saving a draft failed: " + created.error().toString());
        return;
    }
    emit draftSaved(request, appointmentId, clock_.nowMillis());
    if (*created)
        emit draftsChanged();
}

void StorageWorker::discardDraft(quint64 request, const QString& appointmentId) {
    if (!store_)
        return;
    auto discarded = store_->discardDraft(toStdString(appointmentId));
    if (!discarded.ok()) {
        log::error(kComponent, "discarding a draft failed: " + discarded.error().toString());
        return;
    }
    emit draftDiscarded(request, appointmentId);
    if (*discarded)
        emit draftsChanged();
}

Status StorageWorker::validate(RecordRequest& r, FieldError& error) {
    const std::string appointmentId = toStdString(r.appointmentId);
    auto fail = [&](std::string_view part, const Error& e) {
        error = fieldError(r.appointmentId, part, e);
        return e;
    };
    auto appointment = store_->appointment(appointmentId);
    if (!appointment.ok())
        return fail("outcome", appointment.error());
    if (!*appointment) {
        return fail("outcome",
                    makeError(ErrorCode::NotFound, "this appointment is not on the device",
                              "appointment_id"));
    }
    const UnixMillis now = clock_.nowMillis();
    const std::string& user = store_->context().userId;
    r.outcome.recorded_by = user;
    r.outcome.recorded_at = now;
    if (r.withOutcome) {
        if (auto s = validateOutcome(r.outcome, store_->context().role); !s.ok())
            return fail("outcome", s.error());
    }
    // A work entry or skill with an id edits that record in place; it must be this
    // appointment's.
    const auto recordedHere = [&](const auto& records, const std::string& id) {
        return std::any_of(records.begin(), records.end(),
                           [&](const auto& record) { return record.id == id; });
    };
    if (r.work) {
        if (r.work->id.empty()) {
            r.work->id = ids_.next().toString();
        } else {
            auto recorded = store_->workFor(appointmentId);
            if (!recorded.ok())
                return fail("work", recorded.error());
            if (!recordedHere(*recorded, r.work->id)) {
                return fail("work",
                            makeError(ErrorCode::NotFound,
                                      "this work is not recorded for the appointment", "id"));
            }
        }
        r.work->appointment_id = appointmentId;
        if (auto s = validateWorkUndertaken(*r.work); !s.ok())
            return fail("work", s.error());
    }
    std::optional<std::vector<SkillObservation>> recordedSkills;
    for (auto& skill : r.skills) {
        if (skill.id.empty()) {
            skill.id = ids_.next().toString();
        } else {
            if (!recordedSkills) {
                auto recorded = store_->skillsFor(appointmentId);
                if (!recorded.ok())
                    return fail("skill", recorded.error());
                recordedSkills = std::move(*recorded);
            }
            if (!recordedHere(*recordedSkills, skill.id)) {
                return fail("skill",
                            makeError(ErrorCode::NotFound,
                                      "this skill is not recorded for the appointment", "id"));
            }
        }
        skill.appointment_id = appointmentId;
        if (auto s = validateSkillObservation(skill); !s.ok())
            return fail("skill", s.error());
    }
    if (r.feedback) {
        auto existing = feedbackFor(appointmentId);
        if (!existing.ok())
            return fail("feedback", existing.error());
        r.feedback->id = *existing ? (*existing)->id : ids_.next().toString();
        r.feedback->appointment_id = appointmentId;
        if (auto s = validateFeedback(*r.feedback); !s.ok())
            return fail("feedback", s.error());
    }
    if (r.note) {
        r.note->id = ids_.next().toString();
        r.note->person_id = (*appointment)->person_id;
        r.note->appointment_id = appointmentId;
        r.note->author = user;
        r.note->created_at = now;
        if (auto s = validateCaseNote(*r.note, store_->policy()); !s.ok()) {
            return fail("note", s.error());
        }
    }
    return okStatus();
}

Status StorageWorker::write(const RecordRequest& r) {
    // One transaction for the whole visit: its work, skills, feedback, note and outcome are all
    // recorded, each with its outbox entry, or none is.
    return store_->atomically([&]() -> Status {
        if (r.work)
            SB_TRY(store_->addWorkUndertaken(*r.work));
        for (const auto& skill : r.skills)
            SB_TRY(store_->addSkillObservation(skill));
        if (r.feedback)
            SB_TRY(store_->saveFeedback(*r.feedback));
        if (r.note)
            SB_TRY(store_->addCaseNote(*r.note));
        if (r.withOutcome)
            SB_TRY(store_->recordOutcome(toStdString(r.appointmentId), r.outcome));
        if (r.discardDraft) {
            auto discarded = store_->discardDraft(toStdString(r.appointmentId));
            SB_TRY(discarded);
        }
        return okStatus();
    });
}

void StorageWorker::save(quint64 request, const QList<RecordRequest>& records) {
    if (!store_) {
        return emit saveFailed(request, {{}, {}, tr("The device is locked; nothing was saved.")});
    }
    QList<RecordRequest> checked = records;
    for (auto& r : checked) {
        FieldError error;
        if (!validate(r, error).ok())
            return emit saveFailed(request, error);
    }
    int written = 0;
    for (const auto& r : checked) {
        if (Status s = write(r); !s.ok()) {
            log::error(kComponent, "saving a record failed: " + s.error().toString());
            FieldError e = fieldError(r.appointmentId, "storage", s.error());
            emit saveFailed(request, e);
            emit dataChanged();
            emit localChange();
            countPending();
            return;
        }
        ++written;
    }
    emit saved(request, written);
    emit dataChanged();
    emit localChange();
    countPending();
}

void StorageWorker::countPending() {
    if (!store_)
        return;
    auto count = store_->outboxCount("pending");
    if (count.ok())
        emit pendingCountChanged(*count);
    if (engine_)
        (void)engine_->refreshCounts();  // publishes through the state listener
}

}  // namespace sitebook::ui
