#include "record_controller.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "labels.h"
#include "outcome_code_model.h"
#include "qt_text.h"
#include "sitebook/domain/codes.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/validation.h"
#include "storage_client.h"

namespace sitebook::ui {

using namespace domain;

std::optional<TimeOfDay> parseTimeOfDay(const QString& text) {
    QString t = text.trimmed();
    if (t.size() == 4 && t.at(1) == QLatin1Char(':'))
        t.prepend(QLatin1Char('0'));
    return TimeOfDay::parse(toStdString(t));
}

namespace {

// The fields of the form in the order a person meets them: the error summary lists problems in
// this order.
const char* const kFieldOrder[] = {
    "outcome.code",
    "outcome.arrival",
    "outcome.finish",
    "outcome.penalty_minutes",
    "outcome.work_quality",
    "outcome.behaviour",
    "work.category",
    "work.description",
    "work.quantity",
    "work.unit",
    "skill.skill",
    "skill.level",
    "feedback.progress",
    "feedback.strengths",
    "feedback.concerns",
    "feedback.support_needs",
    "feedback.incidents",
    "feedback.alert_reason",
    "note.text",
    "note.sensitive",
};

// How long the form waits after a change before it writes the draft.
constexpr int kDraftDelayMs = 800;

}  // namespace

RecordController::RecordController(StorageClient* storage, QObject* parent)
    : QObject(parent), storage_(storage) {
    connect(storage_, &StorageClient::recordLoaded, this, &RecordController::onLoaded);
    connect(storage_, &StorageClient::loadFailed, this, &RecordController::onLoadFailed);
    connect(storage_, &StorageClient::saved, this, &RecordController::onSaved);
    connect(storage_, &StorageClient::saveFailed, this, &RecordController::onSaveFailed);
    connect(storage_, &StorageClient::draftSaved, this, &RecordController::onDraftSaved);
    draftTimer_.setSingleShot(true);
    draftTimer_.setInterval(kDraftDelayMs);
    connect(&draftTimer_, &QTimer::timeout, this, &RecordController::flushDraft);
    connect(this, &RecordController::formChanged, this, &RecordController::onEdited);
    connect(this, &RecordController::outcomeCodeChanged, this, &RecordController::onEdited);
    connect(&skills_, &SkillModel::dataChanged, this, &RecordController::onEdited);
}

QString RecordController::timeNow() const {
    return QDateTime::fromMSecsSinceEpoch(storage_->clock().nowMillis())
        .toLocalTime()
        .time()
        .toString(QStringLiteral("HH:mm"));
}

QString RecordController::draftSavedAt() const {
    if (!hasDraft_ || draftSavedAt_ == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(draftSavedAt_)
        .toLocalTime()
        .time()
        .toString(QStringLiteral("HH:mm"));
}

QVariantList RecordController::otherWork() const {
    QVariantList out;
    for (std::size_t i = 1; i < detail_.recordedWork.size(); ++i) {
        const WorkUndertaken& w = detail_.recordedWork[i];
        QString text = labels::workCategory(toQString(wireText(w.category))) +
                       QStringLiteral(": ") + toQString(w.description);
        if (w.quantity) {
            text += QStringLiteral(" (%1 %2)")
                        .arg(QLocale().toString(*w.quantity, 'g', QLocale::FloatingPointShortest),
                             toQString(w.unit));
        }
        out << QVariantMap{{QStringLiteral("text"), text}};
    }
    return out;
}

QVariantList RecordController::recordedNotes() const {
    QVariantList out;
    for (const CaseNote& n : detail_.recordedNotes) {
        out << QVariantMap{{QStringLiteral("text"), toQString(n.text)},
                           {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(n.created_at)
                                                        .toLocalTime()
                                                        .toString(QStringLiteral("HH:mm"))},
                           {QStringLiteral("sensitive"), n.sensitive}};
    }
    return out;
}

QVariantList RecordController::errorList() const {
    QVariantList out;
    QVariantMap rest = errors_;
    for (const char* key : kFieldOrder) {
        const QString field = QString::fromLatin1(key);
        auto it = rest.find(field);
        if (it == rest.end())
            continue;
        out << QVariantMap{{QStringLiteral("field"), field},
                           {QStringLiteral("message"), it.value()}};
        rest.erase(it);
    }
    for (auto it = rest.begin(); it != rest.end(); ++it) {
        out << QVariantMap{{QStringLiteral("field"), it.key()},
                           {QStringLiteral("message"), it.value()}};
    }
    return out;
}

QString RecordController::personName() const {
    if (!loaded_)
        return {};
    return tr("%1 %2").arg(detail_.line.forenames, detail_.line.surname);
}

QString RecordController::scheduled() const {
    if (!loaded_)
        return {};
    return tr("%1–%2").arg(detail_.line.scheduledStart, detail_.line.scheduledEnd);
}

bool RecordController::attended() const {
    return OutcomeCodeModel::isAttended(outcomeCode_);
}

bool RecordController::enforceable() const {
    return OutcomeCodeModel::isEnforceable(outcomeCode_);
}

void RecordController::resetFields() {
    outcomeCode_.clear();
    arrival_.clear();
    finish_.clear();
    penaltyMinutes_ = 0;
    workQuality_.clear();
    behaviour_.clear();
    workCategory_.clear();
    workDescription_.clear();
    workQuantity_.clear();
    workUnit_.clear();
    feedbackProgress_.clear();
    feedbackStrengths_.clear();
    feedbackConcerns_.clear();
    feedbackSupportNeeds_.clear();
    feedbackIncidents_.clear();
    alertOfficer_ = false;
    alertReason_.clear();
    noteText_.clear();
    noteSensitive_ = false;
    workId_.clear();
    skills_.clearSelection();
}

void RecordController::clear() {
    flushDraft();
    draftTimer_.stop();
    const bool wasBusy = busy();
    applying_ = true;
    loading_ = 0;
    saving_ = 0;
    loaded_ = false;
    detail_ = {};
    correctingOpId_.clear();
    correctionReason_.clear();
    correctionPart_.clear();
    baseline_.clear();
    savingNoteOnly_ = false;
    noteSaved_ = false;
    resetFields();
    setErrors({}, {});
    setDraft(false, 0);
    draftRestored_ = false;
    emit loadedChanged();
    emit outcomeCodeChanged();
    emit formChanged();
    emit noteSavedChanged();
    applying_ = false;
    if (wasBusy)
        emit busyChanged();
}

void RecordController::setDraft(bool hasDraft, qint64 savedAt) {
    if (hasDraft == hasDraft_ && savedAt == draftSavedAt_)
        return;
    hasDraft_ = hasDraft;
    draftSavedAt_ = savedAt;
    emit draftChanged();
}

void RecordController::load(const QString& appointmentId) {
    clear();
    loading_ = storage_->loadRecord(appointmentId);
    emit busyChanged();
}

void RecordController::loadCorrection(const QString& opId, const QString& appointmentId,
                                      const QString& reason) {
    clear();
    loading_ = storage_->loadCorrection(opId, appointmentId);
    correctingOpId_ = opId;
    correctionReason_ = reason;
    emit loadedChanged();
    emit busyChanged();
}

void RecordController::onLoaded(quint64 request, const RecordDetail& detail) {
    if (request != loading_)
        return;
    loading_ = 0;
    applying_ = true;
    detail_ = detail;
    loaded_ = true;
    resetFields();
    arrival_ = detail.sessionStart;
    finish_ = detail.sessionEnd;
    if (detail.outcome) {
        const AppointmentOutcome& o = *detail.outcome;
        outcomeCode_ = toQString(o.code.text());
        arrival_ = o.arrival ? toQString(o.arrival->toString()) : detail.sessionStart;
        finish_ = o.finish ? toQString(o.finish->toString()) : detail.sessionEnd;
        penaltyMinutes_ = o.penalty_minutes;
        if (o.work_quality)
            workQuality_ = toQString(wireText(*o.work_quality));
        if (o.behaviour)
            behaviour_ = toQString(wireText(*o.behaviour));
    }
    if (detail.feedback) {
        const Feedback& f = *detail.feedback;
        feedbackProgress_ = toQString(f.progress);
        feedbackStrengths_ = toQString(f.strengths);
        feedbackConcerns_ = toQString(f.concerns);
        feedbackSupportNeeds_ = toQString(f.support_needs);
        feedbackIncidents_ = toQString(f.incidents);
        alertOfficer_ = f.alert_officer;
        alertReason_ = toQString(f.alert_reason);
    }
    correctionPart_ = detail.correctionPart;
    if (detail.work) {
        const WorkUndertaken& w = *detail.work;
        workCategory_ = toQString(wireText(w.category));
        workDescription_ = toQString(w.description);
        workQuantity_ = w.quantity
                            ? QLocale().toString(*w.quantity, 'g', QLocale::FloatingPointShortest)
                            : QString();
        workUnit_ = toQString(w.unit);
    }
    if (detail.skill) {
        const QString skill = toQString(wireText(detail.skill->skill));
        for (int row = 0; row < skills_.rowCount(); ++row) {
            if (skills_.index(row).data(SkillModel::SkillRole).toString() == skill) {
                skills_.setSelected(row, true);
                skills_.setLevel(row, toQString(wireText(detail.skill->level)));
            }
        }
    }
    if (detail.note) {
        noteText_ = toQString(detail.note->text);
        noteSensitive_ = detail.note->sensitive;
    }
    // What is recorded, edited in place: the first work entry and every skill observed.
    if (!detail.recordedWork.empty() && !detail.work) {
        const WorkUndertaken& w = detail.recordedWork.front();
        workId_ = toQString(w.id);
        workCategory_ = toQString(wireText(w.category));
        workDescription_ = toQString(w.description);
        workQuantity_ = w.quantity
                            ? QLocale().toString(*w.quantity, 'g', QLocale::FloatingPointShortest)
                            : QString();
        workUnit_ = toQString(w.unit);
    }
    for (const SkillObservation& o : detail.recordedSkills)
        skills_.setRecorded(o);
    baseline_ = formJson();
    draftRestored_ = !detail.draft.isEmpty();
    if (draftRestored_)
        applyFormJson(detail.draft);
    draftDirty_ = false;
    hasDraft_ = draftRestored_;
    draftSavedAt_ = detail.draftSavedAt;
    noteSaved_ = false;
    emit loadedChanged();
    emit outcomeCodeChanged();
    emit formChanged();
    emit draftChanged();
    emit noteSavedChanged();
    applying_ = false;
    emit busyChanged();
}

void RecordController::onEdited() {
    if (applying_ || !loaded_ || correcting())
        return;
    draftDirty_ = true;
    draftTimer_.start();
    if (noteSaved_) {
        noteSaved_ = false;
        emit noteSavedChanged();
    }
    revalidate();
}

void RecordController::flushDraft() {
    draftTimer_.stop();
    if (!draftDirty_ || !loaded_ || correcting())
        return;
    draftDirty_ = false;
    const QString json = formJson();
    if (json == baseline_) {
        // Nothing differs from what is recorded: no draft.
        if (hasDraft_) {
            storage_->discardDraft(appointmentId());
            setDraft(false, 0);
        }
        return;
    }
    storage_->saveDraft(appointmentId(), json);
}

void RecordController::onDraftSaved(quint64 /*request*/, const QString& appointmentId,
                                    qint64 savedAt) {
    if (!loaded_ || appointmentId != this->appointmentId())
        return;
    hasDraft_ = true;
    draftSavedAt_ = savedAt;
    emit draftChanged();  // every save, so a view can say "Draft saved"
}

void RecordController::discardDraft() {
    if (!loaded_ || correcting())
        return;
    const QString id = appointmentId();
    draftTimer_.stop();
    draftDirty_ = false;
    storage_->discardDraft(id);
    setDraft(false, 0);
    load(id);
}

QString RecordController::formJson() const {
    QJsonArray skills;
    for (int row = 0; row < skills_.rowCount(); ++row) {
        const QModelIndex i = skills_.index(row);
        if (!i.data(SkillModel::SelectedRole).toBool())
            continue;
        skills.append(
            QJsonObject{{QStringLiteral("skill"), i.data(SkillModel::SkillRole).toString()},
                        {QStringLiteral("level"), i.data(SkillModel::LevelRole).toString()}});
    }
    const QJsonObject o{
        {QStringLiteral("outcome"), outcomeCode_},
        {QStringLiteral("arrival"), arrival_},
        {QStringLiteral("finish"), finish_},
        {QStringLiteral("penalty"), penaltyMinutes_},
        {QStringLiteral("workQuality"), workQuality_},
        {QStringLiteral("behaviour"), behaviour_},
        {QStringLiteral("workCategory"), workCategory_},
        {QStringLiteral("workDescription"), workDescription_},
        {QStringLiteral("workQuantity"), workQuantity_},
        {QStringLiteral("workUnit"), workUnit_},
        {QStringLiteral("skills"), skills},
        {QStringLiteral("progress"), feedbackProgress_},
        {QStringLiteral("strengths"), feedbackStrengths_},
        {QStringLiteral("concerns"), feedbackConcerns_},
        {QStringLiteral("supportNeeds"), feedbackSupportNeeds_},
        {QStringLiteral("incidents"), feedbackIncidents_},
        {QStringLiteral("alert"), alertOfficer_},
        {QStringLiteral("alertReason"), alertReason_},
        {QStringLiteral("note"), noteText_},
        {QStringLiteral("sensitive"), noteSensitive_},
    };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void RecordController::applyFormJson(const QString& json) {
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return;
    const auto text = [&](const char* key) { return o.value(QLatin1String(key)).toString(); };
    outcomeCode_ = text("outcome");
    arrival_ = text("arrival");
    finish_ = text("finish");
    penaltyMinutes_ = o.value(QStringLiteral("penalty")).toInt();
    workQuality_ = text("workQuality");
    behaviour_ = text("behaviour");
    workCategory_ = text("workCategory");
    workDescription_ = text("workDescription");
    workQuantity_ = text("workQuantity");
    workUnit_ = text("workUnit");
    feedbackProgress_ = text("progress");
    feedbackStrengths_ = text("strengths");
    feedbackConcerns_ = text("concerns");
    feedbackSupportNeeds_ = text("supportNeeds");
    feedbackIncidents_ = text("incidents");
    alertOfficer_ = o.value(QStringLiteral("alert")).toBool();
    alertReason_ = text("alertReason");
    noteText_ = text("note");
    noteSensitive_ = o.value(QStringLiteral("sensitive")).toBool();
    QHash<QString, QString> chosen;
    for (const QJsonValue v : o.value(QStringLiteral("skills")).toArray()) {
        const QJsonObject skill = v.toObject();
        chosen.insert(skill.value(QStringLiteral("skill")).toString(),
                      skill.value(QStringLiteral("level")).toString());
    }
    for (int row = 0; row < skills_.rowCount(); ++row) {
        const QString skill = skills_.index(row).data(SkillModel::SkillRole).toString();
        const auto it = chosen.find(skill);
        skills_.setSelected(row, it != chosen.end());
        if (it != chosen.end())
            skills_.setLevel(row, it.value());
    }
}

void RecordController::onLoadFailed(quint64 request, const QString& message) {
    if (request != loading_)
        return;
    loading_ = 0;
    setErrors({}, message);
    emit busyChanged();
}

std::optional<RecordRequest> RecordController::buildRequest(QVariantMap& problems) const {
    RecordRequest r;
    r.appointmentId = detail_.line.appointmentId;
    // A correction of one part (work, a skill, a note) sends that part alone.
    const bool wholeForm = correctionPart_.isEmpty();
    const auto wanted = [&](const char* part) {
        return wholeForm || correctionPart_ == QLatin1String(part);
    };
    const auto problem = [&](const char* field, const QString& message) {
        problems.insert(QString::fromLatin1(field), message);
    };
    const auto tooLong = [](const QString& text, std::size_t max) {
        return static_cast<std::size_t>(text.trimmed().toUcs4().size()) > max;
    };
    // What was recorded before, to send only what changed (not when correcting: the refused
    // values are in place of the recorded ones).
    const bool reopened = !correcting() && detail_.outcome.has_value();

    const bool anyFeedback =
        alertOfficer_ || !feedbackProgress_.trimmed().isEmpty() ||
        !feedbackStrengths_.trimmed().isEmpty() || !feedbackConcerns_.trimmed().isEmpty() ||
        !feedbackSupportNeeds_.trimmed().isEmpty() || !feedbackIncidents_.trimmed().isEmpty();
    const bool anyWork = !workDescription_.trimmed().isEmpty() ||
                         !workQuantity_.trimmed().isEmpty() || !workCategory_.isEmpty() ||
                         !workUnit_.trimmed().isEmpty();

    r.outcome.code = Outcome::fromText(toStdString(outcomeCode_));
    if (wholeForm && outcomeCode_.isEmpty()) {
        // A case note may be saved alone, before anything else is known.
        const bool noteAlone = !correcting() && !noteText_.trimmed().isEmpty() && !anyFeedback;
        if (noteAlone)
            r.withOutcome = false;
        else
            problem("outcome.code", tr("Choose what happened"));
    }
    const bool attended = r.outcome.code.isAttended();
    if (wholeForm && attended) {
        if (arrival_.trimmed().isEmpty()) {
            problem("outcome.arrival", tr("Enter the time they arrived"));
        } else if (!(r.outcome.arrival = parseTimeOfDay(arrival_))) {
            problem("outcome.arrival",
                    tr("Enter the time they arrived as hours and minutes, for example 09:30"));
        }
        if (finish_.trimmed().isEmpty()) {
            problem("outcome.finish", tr("Enter the time they finished"));
        } else if (!(r.outcome.finish = parseTimeOfDay(finish_))) {
            problem("outcome.finish",
                    tr("Enter the time they finished as hours and minutes, for example 16:00"));
        }
        if (r.outcome.arrival && r.outcome.finish && *r.outcome.finish <= *r.outcome.arrival) {
            problem("outcome.finish", tr("Enter a finish time after the time they arrived"));
        }
        r.outcome.penalty_minutes = penaltyMinutes_;
        if (r.outcome.arrival && r.outcome.finish && *r.outcome.finish > *r.outcome.arrival) {
            const int length = TimeOfDay::minutesBetween(*r.outcome.arrival, *r.outcome.finish);
            if (penaltyMinutes_ > length) {
                problem("outcome.penalty_minutes",
                        tr("Enter a penalty of no more than %n minute(s), the time between "
                           "arrival and finish",
                           "", length));
            }
        }
        r.outcome.work_quality = parseEnum<Rating>(toStdString(workQuality_));
        if (!r.outcome.work_quality)
            problem("outcome.work_quality", tr("Choose how well they worked"));
        r.outcome.behaviour = parseEnum<Rating>(toStdString(behaviour_));
        if (!r.outcome.behaviour)
            problem("outcome.behaviour", tr("Choose how they behaved"));
    }
    if (reopened && r.withOutcome) {
        // An unchanged outcome is not recorded again.
        const AppointmentOutcome& was = *detail_.outcome;
        r.withOutcome =
            !(was.code.text() == r.outcome.code.text() && was.arrival == r.outcome.arrival &&
              was.finish == r.outcome.finish && was.penalty_minutes == r.outcome.penalty_minutes &&
              was.work_quality == r.outcome.work_quality && was.behaviour == r.outcome.behaviour);
    }

    // Work and skills belong to attended outcomes (or to the correction of that part).
    const bool partsApply = wholeForm ? attended : true;
    if (wanted("work") && partsApply && anyWork) {
        WorkUndertaken w;
        if (!correcting())
            w.id = toStdString(workId_);
        const auto category = parseEnum<WorkCategory>(toStdString(workCategory_));
        if (!category)
            problem("work.category", tr("Choose the kind of work"));
        w.category = category.value_or(WorkCategory::Other);
        w.description = toStdString(workDescription_.trimmed());
        if (workDescription_.trimmed().isEmpty()) {
            problem("work.description", tr("Describe the work they did"));
        } else if (tooLong(workDescription_, kMaxWorkDescriptionChars)) {
            problem("work.description",
                    tr("Shorten the description of the work to %1 characters or fewer")
                        .arg(QLocale().toString(qint64(kMaxWorkDescriptionChars))));
        }
        if (!workQuantity_.trimmed().isEmpty()) {
            bool ok = false;
            const double q = QLocale().toDouble(workQuantity_.trimmed(), &ok);
            const double c = ok ? q : workQuantity_.trimmed().toDouble(&ok);
            if (ok && c >= 0) {
                w.quantity = c;
                if (workUnit_.trimmed().isEmpty())
                    problem("work.unit", tr("Enter what the amount counts, for example bags"));
            } else {
                problem("work.quantity", tr("Enter the amount as a number, for example 12"));
            }
        }
        w.unit = toStdString(workUnit_.trimmed());
        const bool unchanged = [&] {
            if (w.id.empty())
                return false;
            for (const auto& recorded : detail_.recordedWork) {
                if (recorded.id == w.id) {
                    return recorded.category == w.category &&
                           recorded.description == w.description &&
                           recorded.quantity == w.quantity && recorded.unit == w.unit;
                }
            }
            return false;
        }();
        if (!unchanged)
            r.work = w;
    }

    if (wanted("skill") && partsApply)
        r.skills = correcting() ? skills_.observations() : skills_.changedObservations();

    if (wholeForm && anyFeedback) {
        Feedback f;
        f.progress = toStdString(feedbackProgress_.trimmed());
        f.strengths = toStdString(feedbackStrengths_.trimmed());
        f.concerns = toStdString(feedbackConcerns_.trimmed());
        f.support_needs = toStdString(feedbackSupportNeeds_.trimmed());
        f.incidents = toStdString(feedbackIncidents_.trimmed());
        f.alert_officer = alertOfficer_;
        f.alert_reason = alertOfficer_ ? toStdString(alertReason_.trimmed()) : std::string();
        const struct {
            const char* field;
            const QString& text;
            QString label;
        } texts[] = {{"feedback.progress", feedbackProgress_, tr("Progress")},
                     {"feedback.strengths", feedbackStrengths_, tr("Strengths")},
                     {"feedback.concerns", feedbackConcerns_, tr("Concerns")},
                     {"feedback.support_needs", feedbackSupportNeeds_, tr("Support needs")},
                     {"feedback.incidents", feedbackIncidents_, tr("Incidents")}};
        for (const auto& t : texts) {
            if (tooLong(t.text, kMaxFeedbackTextChars)) {
                problem(t.field,
                        tr("Shorten “%1” to %2 characters or fewer")
                            .arg(t.label, QLocale().toString(qint64(kMaxFeedbackTextChars))));
            }
        }
        if (alertOfficer_ && alertReason_.trimmed().isEmpty())
            problem("feedback.alert_reason", tr("Say why the officer should look at this soon"));
        const bool unchanged = reopened && detail_.feedback &&
                               detail_.feedback->progress == f.progress &&
                               detail_.feedback->strengths == f.strengths &&
                               detail_.feedback->concerns == f.concerns &&
                               detail_.feedback->support_needs == f.support_needs &&
                               detail_.feedback->incidents == f.incidents &&
                               detail_.feedback->alert_officer == f.alert_officer &&
                               detail_.feedback->alert_reason == f.alert_reason;
        if (!unchanged)
            r.feedback = f;
    }

    if (wanted("note") && !noteText_.trimmed().isEmpty()) {
        CaseNote n;
        n.text = toStdString(noteText_.trimmed());
        n.sensitive = noteSensitive_;
        const int max = Policy::defaults().case_note_max_chars.valueOn(
            CivilDate::fromUnixMillis(storage_->clock().nowMillis()));
        if (max > 0 && tooLong(noteText_, static_cast<std::size_t>(max))) {
            problem("note.text",
                    tr("Shorten the note to %1 characters or fewer (it has %2)")
                        .arg(QLocale().toString(max),
                             QLocale().toString(qint64(noteText_.trimmed().toUcs4().size()))));
        }
        r.note = n;
    }
    if (!problems.isEmpty())
        return std::nullopt;
    return r;
}

bool RecordController::recordsOutcome() const {
    QVariantMap problems;
    const auto request = buildRequest(problems);
    return !request || request->withOutcome;
}

QVariantMap RecordController::localProblems() const {
    QVariantMap problems;
    (void)buildRequest(problems);
    return problems;
}

void RecordController::revalidate() {
    if (errors_.isEmpty())
        return;
    const QVariantMap now = localProblems();
    QVariantMap still;
    for (auto it = errors_.begin(); it != errors_.end(); ++it) {
        if (now.contains(it.key()))
            still.insert(it.key(), now.value(it.key()));
    }
    setErrors(still, still.isEmpty() ? QString() : errorSummary_);
}

namespace {

// Words for a refusal the worker reports under `field` (the domain's rules), for the fields
// the form's own checks may not have seen; nullopt: no words of our own.
std::optional<QString> wordsFor(const QString& field) {
    static const QHash<QString, const char*> words{
        {QStringLiteral("outcome.arrival"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Enter the time they arrived")},
        {QStringLiteral("outcome.finish"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Enter a finish time after the time they arrived")},
        {QStringLiteral("outcome.penalty_minutes"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Enter a penalty of no more than the time between arrival and finish")},
        {QStringLiteral("outcome.work_quality"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Choose how well they worked")},
        {QStringLiteral("outcome.behaviour"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Choose how they behaved")},
        {QStringLiteral("work.category"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Choose the kind of work")},
        {QStringLiteral("work.description"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Describe the work they did")},
        {QStringLiteral("work.quantity"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Enter the amount as a number, for example 12")},
        {QStringLiteral("work.unit"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Enter what the amount counts, for example bags")},
        {QStringLiteral("skill.skill"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Choose a skill they showed")},
        {QStringLiteral("skill.level"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController", "Choose a level for each skill")},
        {QStringLiteral("feedback.alert_reason"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Say why the officer should look at this soon")},
        {QStringLiteral("note.text"),
         QT_TRANSLATE_NOOP("sitebook::ui::RecordController",
                           "Enter the note, in 4,000 characters or fewer")},
    };
    const auto it = words.find(field);
    if (it == words.end())
        return std::nullopt;
    return RecordController::tr(it.value());
}

}  // namespace

void RecordController::save() {
    if (!loaded_ || saving_ != 0)
        return;
    QVariantMap problems;
    auto request = buildRequest(problems);
    if (!request) {
        setErrors(problems,
                  tr("Nothing was saved. Fix the problems listed at the top of the form."));
        return;
    }
    setErrors({}, {});
    if (!correcting()) {
        const bool nothingToWrite = !request->withOutcome && !request->work &&
                                    request->skills.empty() && !request->feedback && !request->note;
        if (nothingToWrite && alreadyRecorded()) {
            // Re-opened and nothing changed: no change to send, and no draft to keep.
            draftTimer_.stop();
            draftDirty_ = false;
            if (hasDraft_)
                storage_->discardDraft(appointmentId());
            setDraft(false, 0);
            emit saved();
            return;
        }
        flushDraft();
        request->discardDraft = true;
    }
    savingNoteOnly_ = false;
    saving_ = correctingOpId_.isEmpty() ? storage_->save({*request})
                                        : storage_->resubmit(correctingOpId_, *request);
    emit busyChanged();
}

void RecordController::saveNote() {
    if (!loaded_ || saving_ != 0 || correcting())
        return;
    QVariantMap problems;
    if (noteText_.trimmed().isEmpty())
        problems.insert(QStringLiteral("note.text"), tr("Enter the note"));
    else
        problems = localProblems().contains(QStringLiteral("note.text"))
                       ? QVariantMap{{QStringLiteral("note.text"),
                                      localProblems().value(QStringLiteral("note.text"))}}
                       : QVariantMap{};
    if (!problems.isEmpty()) {
        setErrors(problems,
                  tr("The note was not saved. Fix the problem listed at the top of the form."));
        return;
    }
    setErrors({}, {});
    RecordRequest r;
    r.appointmentId = appointmentId();
    r.withOutcome = false;
    CaseNote n;
    n.text = toStdString(noteText_.trimmed());
    n.sensitive = noteSensitive_;
    r.note = n;
    savingNoteOnly_ = true;
    saving_ = storage_->save({r});
    emit busyChanged();
}

void RecordController::onSaved(quint64 request, int /*records*/) {
    if (request != saving_)
        return;
    saving_ = 0;
    if (savingNoteOnly_) {
        // The note is saved; the rest of the form stays as it was (and in the draft).
        savingNoteOnly_ = false;
        CaseNote n;
        n.text = toStdString(noteText_.trimmed());
        n.sensitive = noteSensitive_;
        n.created_at = storage_->clock().nowMillis();
        detail_.recordedNotes.push_back(n);
        applying_ = true;
        noteText_.clear();
        noteSensitive_ = false;
        emit formChanged();
        applying_ = false;
        noteSaved_ = true;
        draftDirty_ = true;
        flushDraft();
        emit busyChanged();
        emit loadedChanged();
        emit noteSavedChanged();
        return;
    }
    draftTimer_.stop();
    draftDirty_ = false;
    setDraft(false, 0);
    detail_.outcome = AppointmentOutcome{};
    correctingOpId_.clear();
    correctionReason_.clear();
    correctionPart_.clear();
    emit busyChanged();
    emit loadedChanged();
    emit saved();
}

void RecordController::onSaveFailed(quint64 request, const FieldError& error) {
    if (request != saving_)
        return;
    saving_ = 0;
    savingNoteOnly_ = false;
    QVariantMap errors;
    const std::optional<QString> words = wordsFor(error.field);
    if (!error.field.isEmpty())
        errors.insert(error.field, words.value_or(error.message));
    setErrors(errors,
              errors.isEmpty()
                  ? tr("Not saved: %1").arg(error.message)
                  : tr("Nothing was saved. Fix the problems listed at the top of the form."));
    emit busyChanged();
}

void RecordController::setErrors(QVariantMap errors, QString summary) {
    if (errors == errors_ && summary == errorSummary_)
        return;
    errors_ = std::move(errors);
    errorSummary_ = std::move(summary);
    emit errorsChanged();
}

}  // namespace sitebook::ui
