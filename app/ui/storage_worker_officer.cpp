// StorageWorker: the responsible officer's reads (caseload with progress, the inbox of RO
// items, a person's page) and enforcement decisions. Progress and RO items are derived by the
// server and held only as server copies (sync_records, docs/PROTOCOL.md "Derived records"),
// read here through the store's database handle; the newest version of each record wins when
// several partitions hold it.

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QVariantMap>
#include <algorithm>
#include <map>
#include <set>

#include "dates.h"
#include "qt_text.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/uk_time.h"
#include "sitebook/domain/validation.h"
#include "storage_worker.h"

namespace sitebook::ui {

using namespace domain;

namespace {

// Live server copies of one derived type, newest version of each.
Result<std::vector<QJsonObject>> serverCopies(storage::Database& db, std::string_view type) {
    auto stmt = db.prepare(
        "SELECT body, MAX(version) FROM sync_records WHERE entity_type = ?1 GROUP BY entity_id");
    SB_TRY(stmt);
    stmt->bind(1, type);
    std::vector<QJsonObject> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        out.push_back(
            QJsonDocument::fromJson(QByteArray::fromStdString(stmt->columnText(0))).object());
    }
    return out;
}

int intOf(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toInt();
}

QString textOf(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

InboxItem inboxItem(const QJsonObject& o) {
    InboxItem i;
    i.id = textOf(o, "id");
    i.kind = textOf(o, "kind");
    i.personId = textOf(o, "person_id");
    i.orderId = textOf(o, "order_id");
    i.appointmentId = textOf(o, "appointment_id");
    i.createdOn = textOf(o, "created_on");
    i.dueOn = textOf(o, "due_on");
    i.message = textOf(o, "message");
    i.breachReferralRequired = o.value(QLatin1String("breach_referral_required")).toBool();
    i.feedbackId = textOf(o, "feedback_id");
    i.reason = textOf(o, "reason");
    for (const auto& v : o.value(QLatin1String("versions")).toArray()) {
        const QJsonObject outcome = v.toObject().value(QLatin1String("outcome")).toObject();
        const Outcome code = Outcome::fromText(toStdString(textOf(outcome, "code")));
        QString times;
        if (outcome.contains(QLatin1String("arrival")) && outcome.contains(QLatin1String("finish")))
            times = textOf(outcome, "arrival") + QStringLiteral("–") + textOf(outcome, "finish");
        i.versions.append(QVariantMap{
            {QStringLiteral("code"), toQString(code.text())},
            {QStringLiteral("description"), toQString(code.description())},
            {QStringLiteral("times"), times},
            {QStringLiteral("penaltyMinutes"), intOf(outcome, "penalty_minutes")},
            {QStringLiteral("outcomeJson"),
             QString::fromUtf8(QJsonDocument(outcome).toJson(QJsonDocument::Compact))}});
    }
    return i;
}

// Ids (appointment or feedback) from a one-column query.
Result<std::set<QString>> idSet(storage::Database& db, const char* sql) {
    auto stmt = db.prepare(sql);
    SB_TRY(stmt);
    std::set<QString> out;
    for (;;) {
        auto row = stmt->step();
        SB_TRY(row);
        if (!*row)
            break;
        out.insert(toQString(stmt->columnText(0)));
    }
    return out;
}

int creditedMinutes(const AppointmentOutcome& o) {
    if (!o.code.isKnown() || !isAttended(o.code.code()) || !o.arrival || !o.finish)
        return 0;
    return std::max(0, TimeOfDay::minutesBetween(*o.arrival, *o.finish) - o.penalty_minutes);
}

// What is wrong with an officer's choice before anything is written: no action chosen, or no
// reason (or evidence) where the action needs one. `field` is empty when nothing is wrong.
struct DecisionProblem {
    QString field;
    QString message;
};
DecisionProblem decisionProblem(const std::optional<EnforcementAction>& action,
                                const QString& note) {
    if (!action)
        return {QStringLiteral("action"),
                QCoreApplication::translate("sitebook::ui::StorageWorker", "Choose a decision.")};
    if (decisionNeedsReason(*action) && note.trimmed().isEmpty()) {
        return {QStringLiteral("note"),
                *action == EnforcementAction::AbsenceAcceptable
                    ? QCoreApplication::translate(
                          "sitebook::ui::StorageWorker",
                          "Enter the evidence you saw, for example the date of a sick note")
                    : QCoreApplication::translate("sitebook::ui::StorageWorker",
                                                  "Enter why no further action is needed")};
    }
    return {};
}

// The date an officer's decision is recorded as: `decidedOn` ("YYYY-MM-DD") or, when empty,
// today in the UK. Judged by the same timing rule as the store and the server
// (validateDecisionTiming) before anything is written, so a date before the appointment it
// answers or after today is refused in the interface language, with the dates in words.
// `field` is empty when the date can be used.
DecisionProblem decisionDateProblem(store::LocalStore& store, const Appointment& appointment,
                                    const QString& decidedOn, UnixMillis now, CivilDate& out) {
    const auto parsed = decidedOn.isEmpty() ? std::optional<CivilDate>(ukCivilTime(now).date)
                                            : CivilDate::parse(toStdString(decidedOn));
    if (!parsed)
        return {QStringLiteral("decided_on"),
                QCoreApplication::translate("sitebook::ui::StorageWorker",
                                            "Enter the date the decision was made.")};
    out = *parsed;
    auto session = store.session(appointment.session_id);
    if (!session.ok() || !*session)
        return {};  // the store names what is missing
    EnforcementDecision probe;
    probe.decided_on = out;
    const Status timing = validateDecisionTiming(probe, (*session)->date, now, store.policy());
    if (timing.ok())
        return {};
    const auto words = [](CivilDate d) {
        return dates::mediumDate(QDate(d.year(), d.month(), d.day()));
    };
    if (out < (*session)->date) {
        return {QStringLiteral("decided_on"),
                QCoreApplication::translate(
                    "sitebook::ui::StorageWorker",
                    "The decision date %1 is before the appointment it answers, on %2. Enter the "
                    "date the decision was made, on or after %2.")
                    .arg(words(out), words((*session)->date))};
    }
    return {QStringLiteral("decided_on"),
            QCoreApplication::translate(
                "sitebook::ui::StorageWorker",
                "The decision date %1 is later than today (%2). Enter the date the decision was "
                "made.")
                .arg(words(out), words(ukCivilTime(now).date))};
}

}  // namespace

Result<std::vector<CaseloadLine>> StorageWorker::caseload() {
    auto progress = serverCopies(store_->database(), "progress");
    SB_TRY(progress);
    auto items = serverCopies(store_->database(), "ro_item");
    SB_TRY(items);
    std::map<QString, int> openItems;
    std::map<QString, int> overdueItems;
    const QDate today = QDateTime::fromMSecsSinceEpoch(clock_.nowMillis()).date();
    for (const auto& i : *items) {
        ++openItems[textOf(i, "person_id")];
        const QDate due = QDate::fromString(textOf(i, "due_on"), Qt::ISODate);
        if (due.isValid() && due < today)
            ++overdueItems[textOf(i, "person_id")];
    }
    std::map<QString, int> alerts;
    {
        auto stmt = store_->database().prepare(
            "SELECT person_id, COUNT(*) FROM feedback WHERE alert_ro = 1 GROUP BY person_id");
        SB_TRY(stmt);
        for (;;) {
            auto row = stmt->step();
            SB_TRY(row);
            if (!*row)
                break;
            alerts[toQString(stmt->columnText(0))] = static_cast<int>(stmt->columnInt(1));
        }
    }
    auto sentence = store_->database().prepare("SELECT sentence_date FROM orders WHERE id = ?1");
    SB_TRY(sentence);
    std::vector<CaseloadLine> lines;
    for (const auto& p : *progress) {
        CaseloadLine l;
        l.personId = textOf(p, "person_id");
        l.orderId = textOf(p, "order_id");
        l.requiredMinutes = intOf(p, "adjusted_required_minutes");
        l.creditedMinutes = intOf(p, "credited_minutes");
        l.eteCreditedMinutes = intOf(p, "ete_credited_minutes");
        l.eteAllowanceMinutes = intOf(p, "ete_allowance_minutes");
        l.percentComplete = p.value(QLatin1String("percent_complete")).toDouble();
        l.projectedCompletion = textOf(p, "projected_completion");
        l.completedOn = textOf(p, "completed_on");
        l.openItems = openItems[l.personId];
        l.overdueItems = overdueItems[l.personId];
        l.alerts = alerts[l.personId];
        l.hasProgress = true;
        // Behind pace: at the current pace the order ends more than twelve months after the
        // sentence (the pace the person page charts).
        if (l.completedOn.isEmpty() && !l.projectedCompletion.isEmpty()) {
            sentence->reset();
            sentence->bind(1, toStdString(l.orderId));
            auto row = sentence->step();
            SB_TRY(row);
            const QDate sentenced =
                *row ? QDate::fromString(toQString(sentence->columnText(0)), Qt::ISODate) : QDate();
            const QDate projected = QDate::fromString(l.projectedCompletion, Qt::ISODate);
            l.behindPace =
                sentenced.isValid() && projected.isValid() && projected > sentenced.addYears(1);
        }
        auto person = store_->person(toStdString(l.personId));
        SB_TRY(person);
        if (*person) {
            l.crn = toQString((*person)->crn);
            l.forenames = toQString((*person)->forenames);
            l.surname = toQString((*person)->surname);
        }
        lines.push_back(l);
    }
    std::sort(lines.begin(), lines.end(), [](const CaseloadLine& a, const CaseloadLine& b) {
        const int bySurname = QString::compare(a.surname, b.surname, Qt::CaseInsensitive);
        if (bySurname != 0)
            return bySurname < 0;
        return QString::compare(a.forenames, b.forenames, Qt::CaseInsensitive) < 0;
    });
    return lines;
}

Result<std::vector<InboxItem>> StorageWorker::inbox(const QString& personId) {
    auto copies = serverCopies(store_->database(), "ro_item");
    SB_TRY(copies);
    // What the officer has already done on this device leaves the inbox at once, before the
    // server's next answer removes the item: a decision recorded, an alert acknowledged, a
    // conflict settled (an outcome change still to send).
    auto decided = idSet(store_->database(), "SELECT appointment_id FROM enforcement_decisions");
    SB_TRY(decided);
    auto settling = idSet(store_->database(),
                          "SELECT entity_id FROM outbox WHERE entity_type = 'appointment' "
                          "AND op = 'record_outcome' AND state = 'pending'");
    SB_TRY(settling);
    auto acknowledged = store_->acknowledgedAlerts();
    SB_TRY(acknowledged);
    const std::set<QString> alertsDone = [&] {
        std::set<QString> out;
        for (const auto& id : *acknowledged)
            out.insert(toQString(id));
        return out;
    }();
    std::vector<InboxItem> items;
    std::map<QString, std::pair<QString, QString>> names;  // person id -> (name, crn)
    for (const auto& o : *copies) {
        InboxItem i = inboxItem(o);
        if (!personId.isEmpty() && i.personId != personId)
            continue;
        if ((i.kind == QLatin1String("enforcement_due") && decided->contains(i.appointmentId)) ||
            (i.kind == QLatin1String("conflict") && settling->contains(i.appointmentId)) ||
            (i.kind == QLatin1String("supervisor_alert") && alertsDone.contains(i.feedbackId))) {
            continue;
        }
        auto found = names.find(i.personId);
        if (found == names.end()) {
            auto person = store_->person(toStdString(i.personId));
            SB_TRY(person);
            std::pair<QString, QString> entry;
            if (*person) {
                entry = {toQString((*person)->surname) + QStringLiteral(", ") +
                             toQString((*person)->forenames),
                         toQString((*person)->crn)};
            }
            found = names.emplace(i.personId, entry).first;
        }
        i.personName = found->second.first;
        i.crn = found->second.second;
        items.push_back(i);
    }
    // Soonest respond-by date first; items without one (e.g. conflicts) after, by creation.
    std::sort(items.begin(), items.end(), [](const InboxItem& a, const InboxItem& b) {
        const QString da = a.dueOn.isEmpty() ? QStringLiteral("9999") : a.dueOn;
        const QString db = b.dueOn.isEmpty() ? QStringLiteral("9999") : b.dueOn;
        if (da != db)
            return da < db;
        return a.createdOn < b.createdOn;
    });
    return items;
}

void StorageWorker::loadCaseload(quint64 request) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto lines = caseload();
    if (!lines.ok())
        return emit loadFailed(request, toQString(lines.error().message));
    emit caseloadLoaded(request, QList<CaseloadLine>(lines->begin(), lines->end()));
}

void StorageWorker::loadInbox(quint64 request) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto items = inbox({});
    if (!items.ok())
        return emit loadFailed(request, toQString(items.error().message));
    emit inboxLoaded(request, QList<InboxItem>(items->begin(), items->end()));
}

void StorageWorker::loadPerson(quint64 request, const QString& personId) {
    if (!store_)
        return emit loadFailed(request, tr("The device is locked."));
    auto fail = [&](const Error& e) { emit loadFailed(request, toQString(e.message)); };
    PersonDetail d;
    auto person = store_->person(toStdString(personId));
    if (!person.ok())
        return fail(person.error());
    if (!*person)
        return emit loadFailed(request, tr("This person is not on this device."));
    d.line.personId = personId;
    d.line.crn = toQString((*person)->crn);
    d.line.forenames = toQString((*person)->forenames);
    d.line.surname = toQString((*person)->surname);
    for (const auto& f : (*person)->placement_flags)
        d.placementFlags << toQString(f);
    auto lines = caseload();
    if (!lines.ok())
        return fail(lines.error());
    for (const auto& l : *lines) {
        if (l.personId == personId)
            d.line = l;
    }

    auto& db = store_->database();
    if (!d.line.orderId.isEmpty()) {
        auto order = db.prepare("SELECT sentence_date FROM orders WHERE id = ?1");
        if (!order.ok())
            return fail(order.error());
        order->bind(1, toStdString(d.line.orderId));
        auto row = order->step();
        if (row.ok() && *row)
            d.sentenceDate = toQString(order->columnText(0));
    }
    // The pace that completes the order within twelve months of the sentence.
    if (d.line.requiredMinutes > 0)
        d.pacePerDay = d.line.requiredMinutes / 365.0;

    // An officer's device holds the person's appointments, but their sessions travel in the
    // supervisors' project partitions: an appointment whose session is not here is still
    // listed, with its feedback, under its scheduled time and without a date.
    auto stmt = db.prepare(
        "SELECT a.body, s.session_date, "
        "COALESCE(s.start_time, json_extract(a.body, '$.scheduled_start'), ''), "
        "COALESCE(p.name, '') "
        "FROM appointments a LEFT JOIN sessions s ON s.id = a.session_id "
        "LEFT JOIN projects p ON p.id = s.project_id WHERE a.person_id = ?1 "
        "ORDER BY s.session_date DESC, s.start_time DESC");
    if (!stmt.ok())
        return fail(stmt.error());
    stmt->bind(1, toStdString(personId));
    std::map<QString, int> creditByDate;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return fail(row.error());
        if (!*row)
            break;
        auto a = fromJson<Appointment>(stmt->columnText(0));
        if (!a.ok())
            continue;
        QVariantMap m;
        const QString date = toQString(stmt->columnText(1));
        m.insert(QStringLiteral("appointmentId"), toQString(a->id));
        m.insert(QStringLiteral("date"), date);
        m.insert(QStringLiteral("start"), toQString(stmt->columnText(2)));
        m.insert(QStringLiteral("project"), toQString(stmt->columnText(3)));
        QString code;
        int credit = 0;
        bool enforceable = false;
        if (a->outcome) {
            code = toQString(a->outcome->code.text());
            credit = creditedMinutes(*a->outcome);
            enforceable = a->outcome->code.isKnown() && isEnforceable(a->outcome->code.code());
        }
        m.insert(QStringLiteral("outcomeCode"), code);
        m.insert(QStringLiteral("outcomeText"),
                 a->outcome ? toQString(a->outcome->code.description()) : QString());
        m.insert(QStringLiteral("creditedMinutes"), credit);
        m.insert(QStringLiteral("enforceable"), enforceable);
        if (credit > 0)
            creditByDate[date] += credit;
        auto feedback = feedbackFor(a->id);
        QString progressText;
        QString concerns;
        bool alert = false;
        if (feedback.ok() && *feedback) {
            progressText = toQString((*feedback)->progress);
            concerns = toQString((*feedback)->concerns);
            alert = (*feedback)->alert_officer;
            m.insert(QStringLiteral("alertReason"), toQString((*feedback)->alert_reason));
            m.insert(QStringLiteral("feedbackId"), toQString((*feedback)->id));
        }
        m.insert(QStringLiteral("hasFeedback"), feedback.ok() && feedback->has_value());
        m.insert(QStringLiteral("feedback"), progressText);
        m.insert(QStringLiteral("concerns"), concerns);
        m.insert(QStringLiteral("alert"), alert);
        d.timeline.append(m);
    }
    int cumulative = 0;
    for (const auto& [date, minutes] : creditByDate) {
        cumulative += minutes;
        d.credits.append(
            QVariantMap{{QStringLiteral("date"), date}, {QStringLiteral("minutes"), cumulative}});
    }

    auto notes = store_->caseNotesFor(toStdString(personId));
    if (!notes.ok())
        return fail(notes.error());
    std::map<std::string, std::string> noteText;
    for (const auto& n : *notes)
        noteText[n.id] = n.text;
    for (auto it = notes->rbegin(); it != notes->rend(); ++it) {
        QVariantMap m;
        m.insert(QStringLiteral("id"), toQString(it->id));
        m.insert(QStringLiteral("text"), toQString(it->text));
        m.insert(QStringLiteral("sensitive"), it->sensitive);
        m.insert(QStringLiteral("createdAt"),
                 QDateTime::fromMSecsSinceEpoch(it->created_at, Qt::UTC));
        if (it->amends_note_id) {
            const auto found = noteText.find(*it->amends_note_id);
            m.insert(QStringLiteral("amends"), toQString(*it->amends_note_id));
            m.insert(QStringLiteral("amendsText"),
                     found == noteText.end() ? QString() : toQString(found->second));
        }
        d.notes.append(m);
    }

    auto decisions = db.prepare(
        "SELECT d.body, EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = "
        "'enforcement_decision' AND o.entity_id = d.id AND o.state = 'pending') "
        "FROM enforcement_decisions d WHERE d.person_id = ?1 ORDER BY d.decided_on DESC");
    if (!decisions.ok())
        return fail(decisions.error());
    decisions->bind(1, toStdString(personId));
    for (;;) {
        auto row = decisions->step();
        if (!row.ok() || !*row)
            break;
        auto e = fromJson<EnforcementDecision>(decisions->columnText(0));
        if (!e.ok())
            continue;
        d.decisions.append(QVariantMap{
            {QStringLiteral("id"), toQString(e->id)},
            {QStringLiteral("appointmentId"), toQString(e->appointment_id)},
            {QStringLiteral("action"), toQString(wireText(e->action))},
            {QStringLiteral("decidedOn"), toQString(e->decided_on.toString())},
            {QStringLiteral("note"), toQString(e->note)},
            {QStringLiteral("reclassifiedAs"),
             e->reclassified_as ? toQString(e->reclassified_as->text()) : QString()},
            {QStringLiteral("reclassifiedText"),
             e->reclassified_as ? toQString(e->reclassified_as->description()) : QString()},
            {QStringLiteral("sending"), decisions->columnInt(1) != 0}});
    }

    auto items = inbox(personId);
    if (!items.ok())
        return fail(items.error());
    d.items = QList<InboxItem>(items->begin(), items->end());
    emit personLoaded(request, d);
}

void StorageWorker::recordDecision(quint64 request, const QString& appointmentId,
                                   const QString& action, const QString& note,
                                   const QString& decidedOn) {
    saveDecision(request, appointmentId, action, note, {}, decidedOn);
}

void StorageWorker::recordAbsenceAcceptable(quint64 request, const QString& appointmentId,
                                            const QString& code, const QString& evidence,
                                            const QString& decidedOn) {
    if (code.isEmpty()) {
        return emit decisionFailed(request, QStringLiteral("reclassified_as"),
                                   tr("Choose why the absence was acceptable."));
    }
    saveDecision(request, appointmentId, QStringLiteral("absence_acceptable"), evidence, code,
                 decidedOn);
}

void StorageWorker::saveDecision(quint64 request, const QString& appointmentId,
                                 const QString& action, const QString& note,
                                 const QString& reclassifiedAs, const QString& decidedOn) {
    if (!store_)
        return emit decisionFailed(request, {}, tr("The device is locked; nothing was saved."));
    auto appointment = store_->appointment(toStdString(appointmentId));
    if (!appointment.ok() || !*appointment)
        return emit decisionFailed(request, {}, tr("That appointment is not on this device."));
    const auto parsed = parseEnum<EnforcementAction>(toStdString(action));
    if (const auto problem = decisionProblem(parsed, note); !problem.field.isEmpty())
        return emit decisionFailed(request, problem.field, problem.message);
    CivilDate decidedDate;
    if (const auto problem =
            decisionDateProblem(*store_, **appointment, decidedOn, clock_.nowMillis(), decidedDate);
        !problem.field.isEmpty())
        return emit decisionFailed(request, problem.field, problem.message);
    EnforcementDecision decision;
    decision.id = ids_.next().toString();
    decision.appointment_id = (*appointment)->id;
    decision.order_id = (*appointment)->order_id;
    decision.action = *parsed;
    // The date the officer gave (today by default), as a UK civil date.
    decision.decided_on = decidedDate;
    decision.note = toStdString(note);
    if (!reclassifiedAs.isEmpty())
        decision.reclassified_as = Outcome::fromText(toStdString(reclassifiedAs));
    auto written = store_->recordEnforcementDecision(decision);
    if (!written.ok() && written.error().field == "action" &&
        decision.action == EnforcementAction::WarningIssued) {
        // The 12-month rule, in words the officer can act on.
        return emit decisionFailed(request, QStringLiteral("action"),
                                   tr("A warning was given on this order within 12 months before "
                                      "this failure. Choose \"Refer for breach\": the law does "
                                      "not allow another warning."));
    }
    if (!written.ok() && written.error().field == "appointment_id" &&
        written.error().message.find("already has") != std::string::npos) {
        return emit decisionFailed(request, QStringLiteral("appointment_id"),
                                   tr("A decision has already been recorded for this "
                                      "appointment."));
    }
    answerOfficerChange(request, written.ok() ? okStatus() : Status(written.error()));
}

void StorageWorker::resubmitAbsenceAcceptable(quint64 request, const QString& opId,
                                              const QString& code, const QString& evidence,
                                              const QString& decidedOn) {
    if (code.isEmpty()) {
        return emit decisionFailed(request, QStringLiteral("reclassified_as"),
                                   tr("Choose why the absence was acceptable."));
    }
    resubmitDecisionAs(request, opId, QStringLiteral("absence_acceptable"), evidence, code,
                       decidedOn);
}

void StorageWorker::resubmitDecisionAs(quint64 request, const QString& opId, const QString& action,
                                       const QString& note, const QString& reclassifiedAs,
                                       const QString& decidedOn) {
    if (!store_)
        return emit decisionFailed(request, {}, tr("The device is locked; nothing was saved."));
    auto entry = store_->outboxEntry(toStdString(opId));
    if (!entry.ok())
        return emit decisionFailed(request, {}, toQString(entry.error().message));
    if (!*entry || (*entry)->state != "rejected") {
        return emit decisionFailed(
            request, {}, tr("This decision no longer needs correcting; nothing was saved."));
    }
    if ((*entry)->entityType != store::EntityType::EnforcementDecision) {
        return emit decisionFailed(request, {},
                                   tr("This change is not an enforcement decision; nothing was "
                                      "saved."));
    }
    auto refused = fromJson<EnforcementDecision>((*entry)->payload);
    if (!refused.ok())
        return emit decisionFailed(request, {}, toQString(refused.error().message));
    const auto parsed = parseEnum<EnforcementAction>(toStdString(action));
    if (const auto problem = decisionProblem(parsed, note); !problem.field.isEmpty())
        return emit decisionFailed(request, problem.field, problem.message);
    CivilDate decidedDate;
    if (auto appointment = store_->appointment(refused->appointment_id);
        appointment.ok() && *appointment) {
        if (const auto problem = decisionDateProblem(*store_, **appointment, decidedOn,
                                                     clock_.nowMillis(), decidedDate);
            !problem.field.isEmpty())
            return emit decisionFailed(request, problem.field, problem.message);
    } else {
        decidedDate = ukCivilTime(clock_.nowMillis()).date;
    }
    // The same decision (its id), as corrected, on the date given (today by default).
    EnforcementDecision corrected = *refused;
    corrected.action = *parsed;
    corrected.note = toStdString(note);
    // The acceptable-absence code belongs to an absence judged acceptable, and to nothing else.
    corrected.reclassified_as.reset();
    if (!reclassifiedAs.isEmpty())
        corrected.reclassified_as = Outcome::fromText(toStdString(reclassifiedAs));
    corrected.decided_on = decidedDate;
    Status done = store_->atomically([&]() -> Status {
        SB_TRY(store_->resubmit((*entry)->opId, toJson(corrected)));
        return okStatus();
    });
    if (!done.ok()) {
        return emit decisionFailed(request, toQString(done.error().field),
                                   toQString(done.error().message));
    }
    emit decisionRecorded(request);
    emit dataChanged();
    emit localChange();
    countPending();
}

void StorageWorker::acknowledgeAlert(quint64 request, const QString& feedbackId,
                                     const QString& note) {
    if (!store_)
        return emit decisionFailed(request, {}, tr("The device is locked; nothing was saved."));
    auto written = store_->acknowledgeAlert(toStdString(feedbackId), toStdString(note));
    answerOfficerChange(request, written.ok() ? okStatus() : Status(written.error()));
}

void StorageWorker::confirmOutcome(quint64 request, const QString& appointmentId,
                                   const QString& outcomeJson) {
    if (!store_)
        return emit decisionFailed(request, {}, tr("The device is locked; nothing was saved."));
    auto appointment = store_->appointment(toStdString(appointmentId));
    if (!appointment.ok() || !*appointment)
        return emit decisionFailed(request, {}, tr("That appointment is not on this device."));
    // The version as an outcome of this appointment (json.h has no standalone outcome form).
    QJsonObject merged =
        QJsonDocument::fromJson(QByteArray::fromStdString(toJson(**appointment))).object();
    merged.insert(QStringLiteral("outcome"),
                  QJsonDocument::fromJson(outcomeJson.toUtf8()).object());
    auto parsed =
        fromJson<Appointment>(QJsonDocument(merged).toJson(QJsonDocument::Compact).toStdString());
    if (!parsed.ok() || !parsed->outcome) {
        return emit decisionFailed(request, {},
                                   tr("That version could not be read; sync and try again."));
    }
    auto written = store_->recordOutcome(parsed->id, *parsed->outcome);
    answerOfficerChange(request, written.ok() ? okStatus() : Status(written.error()));
}

void StorageWorker::answerOfficerChange(quint64 request, const Status& written) {
    if (!written.ok()) {
        return emit decisionFailed(request, toQString(written.error().field),
                                   toQString(written.error().message));
    }
    emit decisionRecorded(request);
    emit dataChanged();
    emit localChange();
    countPending();
}

}  // namespace sitebook::ui
