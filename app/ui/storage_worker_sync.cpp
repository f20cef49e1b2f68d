// StorageWorker: first sign-in, the sync engine and the changes the server refused. Everything
// here runs on the storage thread, which owns the store the engine works on: a sync never runs
// on the GUI thread, and local saves wait for it (each network call has a deadline).

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <fstream>
#include <sstream>

#include "labels.h"
#include "qt_text.h"
#include "sitebook/common/log.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/validation.h"
#include "sitebook/sync/grpc_transport.h"
#include "storage_worker.h"

namespace sitebook::ui {

using namespace domain;

namespace {

constexpr std::string_view kComponent = "ui.sync";
constexpr const char* kCaFile = "ca.pem";

Result<std::string> readPem(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, "cannot read the CA file " + toStdString(path), "ca");
    std::string pem = file.readAll().toStdString();
    if (pem.find("BEGIN CERTIFICATE") == std::string::npos)
        return makeError(ErrorCode::InvalidArgument, "the CA file is not a PEM certificate", "ca");
    return pem;
}

Result<std::unique_ptr<sync::SyncTransport>> transportFor(const QString& address,
                                                          const std::string& caPem,
                                                          const QString& tlsName) {
    sync::GrpcTransportConfig config{toStdString(address), caPem, toStdString(tlsName)};
    config.unaryDeadline = std::chrono::seconds(20);
    return sync::makeGrpcTransport(config);
}

QString describe(const store::OutboxEntry& e) {
    const std::string type(store::entityTypeName(e.entityType));
    if (e.op == "record_outcome")
        return QObject::tr("Attendance outcome");
    if (type == "work_undertaken")
        return QObject::tr("Work undertaken");
    if (type == "skill_observation")
        return QObject::tr("Skill observed");
    if (type == "feedback")
        return QObject::tr("Feedback for the officer");
    if (type == "case_note")
        return QObject::tr("Case note");
    if (type == "enforcement_decision")
        return QObject::tr("Enforcement decision");
    return toQString(type);
}

// Whether a refused change can be corrected on screen: the record form corrects the parts of
// an appointment's record, the person page an enforcement decision.
bool correctable(const store::OutboxEntry& e) {
    switch (e.entityType) {
        case store::EntityType::Appointment:
            return e.op == "record_outcome";
        case store::EntityType::WorkUndertaken:
        case store::EntityType::SkillObservation:
        case store::EntityType::Feedback:
        case store::EntityType::CaseNote:
        case store::EntityType::EnforcementDecision:
            return true;
        default:
            return false;
    }
}

QString firstWords(const QString& text) {
    const QString line = text.simplified();
    return line.size() <= 80 ? line : line.left(79) + QStringLiteral("…");
}

// What the refused change said, in words: "Outcome: Unacceptable absence", "Case note: “…”".
QString refusedText(const store::OutboxEntry& e, const QJsonObject& payload) {
    const auto text = [&](const char* key) { return payload.value(QLatin1String(key)).toString(); };
    switch (e.entityType) {
        case store::EntityType::Appointment: {
            const QJsonObject outcome = payload.value(QStringLiteral("outcome")).toObject();
            const QString code = outcome.value(QStringLiteral("code")).toString();
            return code.isEmpty() ? QString()
                                  : QObject::tr("Outcome: %1").arg(labels::outcome(code));
        }
        case store::EntityType::WorkUndertaken: {
            QString what = labels::workCategory(text("category"));
            if (!text("description").isEmpty())
                what = QObject::tr("%1 – %2").arg(what, firstWords(text("description")));
            return QObject::tr("Work undertaken: %1").arg(what);
        }
        case store::EntityType::SkillObservation:
            return QObject::tr("Skill observed: %1 (%2)")
                .arg(labels::skill(text("skill")), labels::skillLevel(text("level")));
        case store::EntityType::Feedback:
            return text("progress").isEmpty() ? QObject::tr("Feedback for the officer")
                                              : QObject::tr("Feedback for the officer: “%1”")
                                                    .arg(firstWords(text("progress")));
        case store::EntityType::CaseNote:
            return QObject::tr("Case note: “%1”").arg(firstWords(text("text")));
        case store::EntityType::EnforcementDecision: {
            const QString action = text("action");
            QString words = action;
            if (action == QLatin1String("warning_issued"))
                words = QObject::tr("warning issued");
            else if (action == QLatin1String("refer_for_breach"))
                words = QObject::tr("refer for breach");
            else if (action == QLatin1String("no_further_action"))
                words = QObject::tr("no further action");
            return QObject::tr("Enforcement decision: %1").arg(words);
        }
        default:
            return {};
    }
}

std::string appointmentOf(const store::OutboxEntry& e);

// Why a refused change cannot be corrected on this device, and what to do instead; empty when
// it can be (the same conditions loadCorrection() and loadDecisionCorrection() need, and a
// refusal that a correction can answer).
QString blockedReason(const store::OutboxEntry& e, bool recordHeld, bool personHeld) {
    const std::string& code = e.rejectCode;
    const bool decision = e.entityType == store::EntityType::EnforcementDecision;
    const bool held = decision ? personHeld : recordHeld;
    if (code == "permission_denied" && !held) {
        return decision ? QObject::tr(
                              "This person is no longer on your caseload: the decision "
                              "can't be sent from this device. Tell your office, then "
                              "discard it.")
                        : QObject::tr(
                              "This project is now supervised by someone else: the "
                              "change can't be sent from this phone. Tell your office, "
                              "then discard it.");
    }
    if (code == "not_found") {
        return QObject::tr(
            "The server no longer holds this appointment, so the change can't be "
            "sent. Tell your office, then discard it.");
    }
    if (code == "immutable") {
        return QObject::tr(
            "A saved record can't be changed on the server. Discard this change "
            "and record what is missing as a new note.");
    }
    if (code == "op_id_reused") {
        return QObject::tr(
            "This change clashes with one already sent from this phone. Discard "
            "it and record it again.");
    }
    if (!correctable(e) || appointmentOf(e).empty()) {
        return QObject::tr(
            "This change can't be corrected on this phone. Tell your office, then "
            "discard it.");
    }
    if (!held) {
        return QObject::tr(
            "This appointment is no longer on this phone, so the change can't be "
            "corrected here. Tell your office, then discard it.");
    }
    return {};
}

// The appointment a change is about: the outcome's own id, or its payload's appointment_id.
std::string appointmentOf(const store::OutboxEntry& e) {
    if (e.entityType == store::EntityType::Appointment)
        return e.entityId;
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromStdString(e.payload)).object();
    return toStdString(payload.value(QStringLiteral("appointment_id")).toString());
}

}  // namespace

void StorageWorker::signIn(const ServerSettings& server, const QString& username,
                           const QString& password) {
    std::string secret = toStdString(password);
    auto fail = [&](const Error& e) {
        std::fill(secret.begin(), secret.end(), '\0');
        emit signInFailed(static_cast<int>(e.code), toQString(e.message));
    };
    if (server.address.trimmed().isEmpty())
        return fail(makeError(ErrorCode::InvalidArgument, "enter the server address", "server"));
    if (username.trimmed().isEmpty())
        return fail(makeError(ErrorCode::InvalidArgument, "enter your username", "username"));
    // A CA pinned by an enrolment code comes as the certificate itself; otherwise from a file.
    auto pem = server.caPem.isEmpty() ? readPem(server.caFile)
                                      : Result<std::string>(toStdString(server.caPem));
    if (!pem.ok())
        return fail(pem.error());
    auto transport = transportFor(server.address.trimmed(), *pem, server.tlsName);
    if (!transport.ok())
        return fail(transport.error());
    // A device id of its own; the server binds the refresh token to it.
    const std::string deviceId = ids_.next().toString();
    auto creds =
        (*transport)->login({toStdString(username.trimmed()), secret, deviceId, "Sitebook app"});
    std::fill(secret.begin(), secret.end(), '\0');
    if (!creds.ok())
        return fail(creds.error());

    std::error_code ec;
    std::filesystem::create_directories(config_.dataDir, ec);
    QFile ca(QString::fromStdString((config_.dataDir / kCaFile).string()));
    if (!ca.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        ca.write(QByteArray::fromStdString(*pem)) < 0) {
        return fail(makeError(ErrorCode::Io, "cannot keep the CA certificate on this device"));
    }
    ca.close();
    ca.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    QJsonObject identity;
    identity.insert(QStringLiteral("device_id"),
                    toQString(creds->deviceId.empty() ? deviceId : creds->deviceId));
    identity.insert(QStringLiteral("user_id"), toQString(creds->userId));
    identity.insert(QStringLiteral("role"), toQString(wireText(creds->role)));
    identity.insert(QStringLiteral("username"), username.trimmed());
    identity.insert(QStringLiteral("display_name"), toQString(creds->displayName));
    identity.insert(QStringLiteral("server"), server.address.trimmed());
    identity.insert(QStringLiteral("tls_name"), server.tlsName);
    pendingIdentity_ = identity;
    pendingCredentials_ = *creds;
    emit signedIn(DeviceInfo{toQString(creds->userId), username.trimmed(),
                             toQString(creds->displayName), toQString(wireText(creds->role)),
                             server.address.trimmed()});
}

Status StorageWorker::startSync(const QJsonObject& identity) {
    auto pem = readPem(QString::fromStdString((config_.dataDir / kCaFile).string()));
    SB_TRY(pem);
    auto transport = transportFor(identity.value(QStringLiteral("server")).toString(), *pem,
                                  identity.value(QStringLiteral("tls_name")).toString());
    SB_TRY(transport);
    {
        std::lock_guard lock(transportMutex_);
        transport_ = std::move(*transport);
        syncCancelled_ = false;
    }
    // The app's retry policy: at most a minute between attempts (the CLI keeps the default).
    sync::SyncOptions options;
    options.backoff = sync::BackoffPolicy::interactive();
    engine_ = std::make_unique<sync::SyncEngine>(
        *store_, *transport_, clock_, random_,
        [](const std::string& reason) { log::warning(kComponent, "wipe instruction: " + reason); },
        options);
    engine_->setStateListener([this](const sync::SyncState& state) {
        publishSync(state, syncing_ || state.phase != sync::SyncPhase::Idle);
    });
    return engine_->refreshCounts();
}

void StorageWorker::publishSync(const sync::SyncState& state, bool running) {
    SyncStatus s;
    s.configured = engine_ != nullptr;
    s.signedIn = state.signedIn;
    s.online = state.online;
    s.running = running;
    s.phase = toQString(sync::syncPhaseName(state.phase));
    s.uploaded = state.uploadedThisRun;
    s.downloaded = state.downloadedThisRun;
    s.pending = state.pending;
    s.needsAttention = state.needsAttention;
    s.conflicts = state.conflicts;
    s.lastSuccessAt = state.lastSuccessAt.value_or(0);
    s.nextRetryAt = state.nextRetryAt.value_or(0);
    if (state.lastError) {
        s.lastError = toQString(state.lastError->message);
        s.errorCode = static_cast<int>(state.lastError->code);
    }
    if (state.pending > 0 && store_) {
        auto oldest = store_->oldestPendingAt();
        if (oldest.ok() && *oldest)
            s.oldestPendingAt = **oldest;
    }
    // The engine forgets the tokens when the server refuses the refresh token; only a new
    // password sign-in brings them back. A device without a server never needs one.
    s.authenticationNeeded = engine_ != nullptr && !state.signedIn;
    emit syncStatusChanged(s);
}

void StorageWorker::syncNow() {
    runSync(true);
}

void StorageWorker::flushOutbox() {
    runSync(false);
}

void StorageWorker::cancelSync() {
    syncCancelled_ = true;
    std::lock_guard lock(transportMutex_);
    if (transport_)
        transport_->cancelCalls();
}

void StorageWorker::runSync(bool download) {
    if (!store_ || !engine_ || syncCancelled_) {
        SyncStatus s;
        if (engine_)
            publishSync(engine_->state(), false);
        else
            emit syncStatusChanged(s);
        emit syncFinished();
        return;
    }
    syncing_ = true;
    publishSync(engine_->state(), true);
    auto report = download ? engine_->sync() : engine_->upload();
    syncing_ = false;
    if (!report.ok())
        log::info(kComponent, "sync failed: " + report.error().toString());
    if (report.ok() && report->wiped) {
        // The server told this device to forget everything: the store is already empty; the
        // keys and files go now, and the app starts again from the first run.
        engine_.reset();
        {
            std::lock_guard lock(transportMutex_);
            transport_.reset();
        }
        store_.reset();
        (void)sync::wipeDeviceFiles(databasePath(), [this] { return vault_->wipe(); });
        std::error_code ec;
        std::filesystem::remove(config_.dataDir / "device.json", ec);
        emit syncFinished();
        emit closed();
        emit vaultInspected(status());
        return;
    }
    publishSync(engine_->state(), false);
    if (report.ok() &&
        (report->recordsDownloaded > 0 || report->rejected > 0 || report->purgedRecords > 0)) {
        emit dataChanged();
    }
    auto count = store_->outboxCount("pending");
    if (count.ok())
        emit pendingCountChanged(*count);
    emit syncFinished();
}

void StorageWorker::reauthenticate(const QString& password) {
    std::string secret = toStdString(password);
    auto fail = [&](const Error& e) {
        std::fill(secret.begin(), secret.end(), '\0');
        emit signInFailed(static_cast<int>(e.code), toQString(e.message));
    };
    if (!store_ || !engine_) {
        return fail(
            makeError(ErrorCode::NotFound, "this device is locked or does not sync with a server"));
    }
    auto creds = engine_->signIn(toStdString(username_), secret, "Sitebook app");
    std::fill(secret.begin(), secret.end(), '\0');
    if (!creds.ok())
        return fail(creds.error());
    publishSync(engine_->state(), false);
    emit reauthenticated();
}

void StorageWorker::loadAttention(quint64 request) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto entries = store_->outbox("rejected");
    if (!entries.ok())
        return emit loadFailed(request, toQString(entries.error().message));
    QList<AttentionItem> items;
    for (const auto& e : *entries) {
        AttentionItem item;
        item.opId = toQString(e.opId);
        item.entityType = toQString(store::entityTypeName(e.entityType));
        item.entityId = toQString(e.entityId);
        item.op = toQString(e.op);
        item.code = toQString(e.rejectCode);
        item.message = toQString(e.rejectMessage);
        item.createdAt = e.createdAt;
        item.summary = describe(e);
        const QJsonObject payload =
            QJsonDocument::fromJson(QByteArray::fromStdString(e.payload)).object();
        item.refused = payload.toVariantMap();
        item.refusedText = refusedText(e, payload);
        // Who and which session: the snapshot kept when the change was refused, else the
        // device's current copies.
        QJsonObject about;
        if (auto kept = store_->displaySnapshot(e.opId); kept.ok() && *kept)
            about = QJsonDocument::fromJson(QByteArray::fromStdString(**kept)).object();
        std::string appointmentId = appointmentOf(e);
        std::string personId = toStdString(payload.value(QStringLiteral("person_id")).toString());
        if (personId.empty())
            personId = toStdString(about.value(QStringLiteral("person_id")).toString());
        std::optional<Appointment> appointment;
        if (!appointmentId.empty()) {
            if (auto a = store_->appointment(appointmentId); a.ok())
                appointment = *a;
        }
        if (personId.empty() && appointment)
            personId = appointment->person_id;
        std::optional<Person> person;
        if (!personId.empty()) {
            if (auto p = store_->person(personId); p.ok())
                person = *p;
        }
        item.appointmentId = toQString(appointmentId);
        item.personId = toQString(personId);
        if (person) {
            item.personName = tr("%1, %2 (%3)")
                                  .arg(toQString(person->surname), toQString(person->forenames),
                                       toQString(person->crn));
        } else if (about.contains(QStringLiteral("person"))) {
            item.personName = tr("%1 (%2)").arg(about.value(QStringLiteral("person")).toString(),
                                                about.value(QStringLiteral("crn")).toString());
        }
        item.sessionText = sessionText(about, appointment);
        if (!item.personName.isEmpty())
            item.summary = tr("%1 for %2").arg(item.summary, item.personName);
        // The record form needs the appointment and the person; the server takes a correction
        // only for a session in this user's scope, i.e. one the device still holds.
        bool sessionHeld = false;
        if (appointment) {
            auto stmt = store_->database().prepare("SELECT 1 FROM sessions WHERE id = ?1");
            if (stmt.ok()) {
                stmt->bind(1, appointment->session_id);
                auto row = stmt->step();
                sessionHeld = row.ok() && *row;
            }
        }
        item.blockedReason =
            blockedReason(e, appointment && person && sessionHeld, person.has_value());
        item.correctable = item.blockedReason.isEmpty();
        items.append(item);
    }
    emit attentionLoaded(request, items);
}

QString StorageWorker::sessionText(const QJsonObject& about,
                                   const std::optional<Appointment>& appointment) {
    QString projectName = about.value(QStringLiteral("project")).toString();
    QString date = about.value(QStringLiteral("date")).toString();
    QString start = about.value(QStringLiteral("start")).toString();
    QString end = about.value(QStringLiteral("end")).toString();
    if (appointment) {
        auto stmt = store_->database().prepare("SELECT body FROM sessions WHERE id = ?1");
        if (stmt.ok()) {
            stmt->bind(1, appointment->session_id);
            auto row = stmt->step();
            if (row.ok() && *row) {
                auto session = fromJson<Session>(stmt->columnText(0));
                if (session.ok()) {
                    date = toQString(session->date.toString());
                    start = toQString(session->start.toString());
                    end = toQString(session->end.toString());
                    if (auto p = project(session->project_id); p.ok())
                        projectName = toQString(p->name);
                }
            }
        }
    }
    if (date.isEmpty())
        return {};
    const QDate day = QDate::fromString(date, Qt::ISODate);
    const QString dayText =
        day.isValid() ? QLocale().toString(day, QStringLiteral("ddd d MMM yyyy")) : date;
    QString text = projectName.isEmpty() ? dayText : tr("%1, %2").arg(projectName, dayText);
    if (!start.isEmpty() && !end.isEmpty())
        text = tr("%1, %2–%3").arg(text, start, end);
    return text;
}

void StorageWorker::discardChange(quint64 request, const QString& opId, const QString& reason) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    Status done = store_->discard(toStdString(opId), toStdString(reason));
    if (!done.ok())
        return emit loadFailed(request, toQString(done.error().message));
    emit discarded(request);
    emit dataChanged();
    countPending();
}

void StorageWorker::loadCorrection(quint64 request, const QString& opId,
                                   const QString& appointmentId) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto entry = store_->outboxEntry(toStdString(opId));
    if (!entry.ok())
        return emit loadFailed(request, toQString(entry.error().message));
    if (!*entry || (*entry)->state != "rejected")
        return emit loadFailed(request, tr("This change no longer needs correcting."));
    const store::OutboxEntry& e = **entry;
    if (appointmentOf(e) != toStdString(appointmentId))
        return emit loadFailed(request, tr("This change is not about that appointment."));
    QString message;
    auto detail = recordDetail(appointmentId, message);
    if (!detail)
        return emit loadFailed(request, message);
    // The refused values go into the part of the form they came from; `part` opens only that
    // section (empty: the whole form, as for an outcome or feedback).
    const auto take = [&]<typename T>(std::optional<T>& slot, const QString& part) {
        auto refused = fromJson<T>(e.payload);
        if (!refused.ok())
            return false;
        slot = std::move(*refused);
        detail->correctionPart = part;
        return true;
    };
    bool read = true;
    switch (e.entityType) {
        case store::EntityType::Appointment:
            // The local record holds the refused outcome until it is corrected or discarded.
            break;
        case store::EntityType::Feedback:
            read = take(detail->feedback, detail->correctionPart);
            break;
        case store::EntityType::WorkUndertaken:
            read = take(detail->work, QStringLiteral("work"));
            break;
        case store::EntityType::SkillObservation:
            read = take(detail->skill, QStringLiteral("skill"));
            break;
        case store::EntityType::CaseNote:
            read = take(detail->note, QStringLiteral("note"));
            break;
        default:
            return emit loadFailed(request,
                                   tr("The record form cannot correct this change; discard it "
                                      "or correct it where it was made."));
    }
    if (!read)
        return emit loadFailed(request, tr("The refused change cannot be read on this device."));
    emit recordLoaded(request, *detail);
}

void StorageWorker::resubmitPart(quint64 request, const store::OutboxEntry& rejected,
                                 const RecordRequest& record) {
    const auto missing = [&](const QString& field, const QString& message) {
        emit saveFailed(request, {record.appointmentId, field, message});
    };
    const auto refused = [&](std::string_view part, const Error& e) {
        QString field = toQString(part);
        if (!e.field.empty())
            field += QLatin1Char('.') + toQString(e.field);
        emit saveFailed(request, {record.appointmentId, field, toQString(e.message)});
    };
    Status done = okStatus();
    switch (rejected.entityType) {
        case store::EntityType::WorkUndertaken: {
            auto original = fromJson<WorkUndertaken>(rejected.payload);
            if (!original.ok())
                return refused("work", original.error());
            if (!record.work) {
                return missing(QStringLiteral("work.description"),
                               tr("The refused change is the work undertaken: describe the work "
                                  "to send it again."));
            }
            WorkUndertaken corrected = *record.work;
            corrected.id = rejected.entityId;
            corrected.appointment_id = original->appointment_id;
            if (auto s = validateWorkUndertaken(corrected); !s.ok())
                return refused("work", s.error());
            done = store_->atomically([&]() -> Status {
                SB_TRY(store_->resubmit(rejected.opId, toJson(corrected)));
                return okStatus();
            });
            break;
        }
        case store::EntityType::SkillObservation: {
            auto original = fromJson<SkillObservation>(rejected.payload);
            if (!original.ok())
                return refused("skill", original.error());
            if (record.skills.empty()) {
                return missing(QStringLiteral("skill.skill"),
                               tr("The refused change is a skill observed: choose the skill to "
                                  "send it again."));
            }
            // The first skill chosen replaces the refused one; any others are new observations.
            std::vector<SkillObservation> skills = record.skills;
            if (skills.front().note.empty())
                skills.front().note = original->note;
            for (std::size_t i = 0; i < skills.size(); ++i) {
                skills[i].id = i == 0 ? rejected.entityId : ids_.next().toString();
                skills[i].appointment_id = original->appointment_id;
                if (auto s = validateSkillObservation(skills[i]); !s.ok())
                    return refused("skill", s.error());
            }
            done = store_->atomically([&]() -> Status {
                SB_TRY(store_->resubmit(rejected.opId, toJson(skills.front())));
                for (std::size_t i = 1; i < skills.size(); ++i)
                    SB_TRY(store_->addSkillObservation(skills[i]));
                return okStatus();
            });
            break;
        }
        case store::EntityType::CaseNote: {
            auto original = fromJson<CaseNote>(rejected.payload);
            if (!original.ok())
                return refused("note", original.error());
            if (!record.note) {
                return missing(QStringLiteral("note.text"),
                               tr("The refused change is a case note: write the note to send it "
                                  "again."));
            }
            // The same note, with the corrected text; a note marked sensitive stays sensitive.
            CaseNote corrected = *original;
            corrected.text = record.note->text;
            corrected.sensitive = original->sensitive || record.note->sensitive;
            corrected.created_at = clock_.nowMillis();
            if (auto s = validateCaseNote(corrected, store_->policy()); !s.ok())
                return refused("note", s.error());
            done = store_->atomically([&]() -> Status {
                SB_TRY(store_->resubmit(rejected.opId, toJson(corrected)));
                return okStatus();
            });
            break;
        }
        default:
            return missing({}, tr("This form cannot correct that change; nothing was saved."));
    }
    if (!done.ok()) {
        log::error(kComponent, "resubmitting a change failed: " + done.error().toString());
        return emit saveFailed(request,
                               {record.appointmentId, {}, toQString(done.error().message)});
    }
    emit saved(request, 1);
    emit dataChanged();
    emit localChange();
    countPending();
}

void StorageWorker::resubmit(quint64 request, const QString& opId, const RecordRequest& record) {
    const auto refuse = [&](const QString& message) {
        emit saveFailed(request, {record.appointmentId, {}, message});
    };
    if (!store_)
        return refuse(tr("The device is locked; nothing was saved."));
    auto entry = store_->outboxEntry(toStdString(opId));
    if (!entry.ok())
        return refuse(toQString(entry.error().message));
    if (!*entry || (*entry)->state != "rejected")
        return refuse(tr("This change no longer needs correcting; nothing was saved."));
    const store::OutboxEntry rejected = **entry;
    const std::string appointmentId = toStdString(record.appointmentId);
    const bool outcome = rejected.entityType == store::EntityType::Appointment;
    const bool feedback = rejected.entityType == store::EntityType::Feedback;
    if (appointmentOf(rejected) != appointmentId)
        return refuse(tr("This form cannot correct that change; nothing was saved."));
    if (!outcome && !feedback)
        return resubmitPart(request, rejected, record);

    RecordRequest r = record;
    FieldError error;
    if (!validate(r, error).ok())
        return emit saveFailed(request, error);
    if (feedback && !r.feedback) {
        return emit saveFailed(
            request, {record.appointmentId, QStringLiteral("feedback.progress"),
                      tr("The refused change is the feedback: fill in the feedback to send it "
                         "again.")});
    }
    // The visit's other parts and the corrected change, in one transaction: the rejected entry
    // leaves the needs-attention list only if everything was written.
    Status done = store_->atomically([&]() -> Status {
        if (r.work)
            SB_TRY(store_->addWorkUndertaken(*r.work));
        for (const auto& skill : r.skills)
            SB_TRY(store_->addSkillObservation(skill));
        if (r.feedback) {
            if (feedback) {
                r.feedback->id = rejected.entityId;
                SB_TRY(store_->resubmit(rejected.opId, toJson(*r.feedback)));
            } else {
                SB_TRY(store_->saveFeedback(*r.feedback));
            }
        }
        if (r.note)
            SB_TRY(store_->addCaseNote(*r.note));
        if (outcome) {
            auto appointment = store_->appointment(appointmentId);
            SB_TRY(appointment);
            if (!*appointment) {
                return makeError(ErrorCode::NotFound, "this appointment is not on the device",
                                 "appointment_id");
            }
            Appointment corrected = **appointment;
            corrected.outcome = r.outcome;
            SB_TRY(store_->resubmit(rejected.opId, toJson(corrected)));
        } else {
            SB_TRY(store_->recordOutcome(appointmentId, r.outcome));
        }
        return okStatus();
    });
    if (!done.ok()) {
        log::error(kComponent, "resubmitting a change failed: " + done.error().toString());
        return emit saveFailed(request,
                               {record.appointmentId, {}, toQString(done.error().message)});
    }
    emit saved(request, 1);
    emit dataChanged();
    emit localChange();
    countPending();
}

void StorageWorker::resubmitDecision(quint64 request, const QString& opId, const QString& action,
                                     const QString& note, const QString& decidedOn) {
    resubmitDecisionAs(request, opId, action, note, {}, decidedOn);
}

// ------------------------------------------------------------------ signing out

Result<QStringList> StorageWorker::unsentChanges() {
    QStringList lines;
    for (const char* state : {"pending", "rejected"}) {
        auto entries = store_->outbox(state);
        SB_TRY(entries);
        for (const auto& e : *entries) {
            QString line = describe(e);
            std::string personId;
            const std::string appointmentId = appointmentOf(e);
            if (!appointmentId.empty()) {
                auto a = store_->appointment(appointmentId);
                if (a.ok() && *a)
                    personId = (*a)->person_id;
            } else {
                const QJsonObject payload =
                    QJsonDocument::fromJson(QByteArray::fromStdString(e.payload)).object();
                personId = toStdString(payload.value(QStringLiteral("person_id")).toString());
            }
            if (!personId.empty()) {
                auto p = store_->person(personId);
                if (p.ok() && *p) {
                    line = tr("%1 for %2, %3")
                               .arg(line, toQString((*p)->surname), toQString((*p)->forenames));
                }
            }
            const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.createdAt),
                                                    QLocale::ShortFormat);
            line = std::string_view(state) == "rejected"
                       ? tr("%1, %2 (refused by the server)").arg(line, when)
                       : tr("%1, %2").arg(line, when);
            lines.append(line);
        }
    }
    return lines;
}

void StorageWorker::loadUnsent(quint64 request) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto lines = unsentChanges();
    if (!lines.ok())
        return emit loadFailed(request, toQString(lines.error().message));
    emit unsentLoaded(request, *lines);
}

void StorageWorker::signOut(bool discardUnsent) {
    if (!store_ && !discardUnsent) {
        // Locked: what is unsent cannot be counted, so it is not assumed to be nothing.
        return emit signOutRefused(
            {tr("Unlock Sitebook to see which changes have not been sent.")});
    }
    if (store_ && !discardUnsent) {
        auto lines = unsentChanges();
        if (!lines.ok() || !lines->isEmpty()) {
            // Nothing is removed while changes wait (or cannot even be counted).
            return emit signOutRefused(lines.ok() ? *lines : QStringList{tr("Unknown changes")});
        }
    }
    bool serverTold = false;
    if (engine_) {
        // The server ends the device's sign-in when it can be reached; an unreachable server
        // leaves its refresh token to expire (it is useless without this device's store).
        Status told = engine_->signOutOfServer();
        serverTold = told.ok();
        if (!told.ok())
            log::info(kComponent, "signing out on the server failed: " + told.error().toString());
    }
    if (discardUnsent && store_) {
        auto lines = unsentChanges();
        if (lines.ok() && !lines->isEmpty()) {
            log::warning(kComponent, "signed out over " + std::to_string(lines->size()) +
                                         " unsent change(s), as confirmed on screen");
        }
    }
    engine_.reset();
    transport_.reset();
    store_.reset();
    pendingCredentials_.reset();
    pendingIdentity_ = {};
    username_.clear();
    // Keys first (wipeDeviceFiles), so nothing readable is left if a deletion fails.
    Status wiped = sync::wipeDeviceFiles(databasePath(), [this] { return vault_->wipe(); });
    if (!wiped.ok())
        log::error(kComponent, "removing the device data failed: " + wiped.error().toString());
    std::error_code ec;
    std::filesystem::remove(config_.dataDir / "device.json", ec);
    std::filesystem::remove(config_.dataDir / kCaFile, ec);
    std::filesystem::remove(storage::KeyVault::directoryFor(databasePath()), ec);
    emit closed();
    emit signedOut(serverTold);
    emit vaultInspected(status());
}

}  // namespace sitebook::ui
