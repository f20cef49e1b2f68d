#include "record_controller.h"

#include <QLocale>

#include "outcome_code_model.h"
#include "qt_text.h"
#include "sitebook/domain/codes.h"
#include "storage_client.h"

namespace sitebook::ui {

using namespace domain;

std::optional<TimeOfDay> parseTimeOfDay(const QString& text) {
    QString t = text.trimmed();
    if (t.size() == 4 && t.at(1) == QLatin1Char(':'))
        t.prepend(QLatin1Char('0'));
    return TimeOfDay::parse(toStdString(t));
}

RecordController::RecordController(StorageClient* storage, QObject* parent)
    : QObject(parent), storage_(storage) {
    connect(storage_, &StorageClient::recordLoaded, this, &RecordController::onLoaded);
    connect(storage_, &StorageClient::loadFailed, this, &RecordController::onLoadFailed);
    connect(storage_, &StorageClient::saved, this, &RecordController::onSaved);
    connect(storage_, &StorageClient::saveFailed, this, &RecordController::onSaveFailed);
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
    skills_.clearSelection();
}

void RecordController::clear() {
    const bool wasBusy = busy();
    loading_ = 0;
    saving_ = 0;
    loaded_ = false;
    detail_ = {};
    correctingOpId_.clear();
    correctionReason_.clear();
    correctionPart_.clear();
    resetFields();
    setErrors({}, {});
    emit loadedChanged();
    emit outcomeCodeChanged();
    emit formChanged();
    if (wasBusy)
        emit busyChanged();
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
    emit loadedChanged();
    emit outcomeCodeChanged();
    emit formChanged();
    emit busyChanged();
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
    if (wholeForm && outcomeCode_.isEmpty()) {
        problems.insert(QStringLiteral("outcome.code"), tr("Choose what happened."));
    }
    r.outcome.code = Outcome::fromText(toStdString(outcomeCode_));
    if (wholeForm && r.outcome.code.isAttended()) {
        r.outcome.arrival = parseTimeOfDay(arrival_);
        if (!r.outcome.arrival) {
            problems.insert(QStringLiteral("outcome.arrival"),
                            tr("Enter the time as HH:MM, for example 09:30."));
        }
        r.outcome.finish = parseTimeOfDay(finish_);
        if (!r.outcome.finish) {
            problems.insert(QStringLiteral("outcome.finish"),
                            tr("Enter the time as HH:MM, for example 16:00."));
        }
        r.outcome.penalty_minutes = penaltyMinutes_;
        r.outcome.work_quality = parseEnum<Rating>(toStdString(workQuality_));
        r.outcome.behaviour = parseEnum<Rating>(toStdString(behaviour_));
    }

    if (wanted("work") && (!workDescription_.trimmed().isEmpty() ||
                           !workQuantity_.trimmed().isEmpty() || !workCategory_.isEmpty())) {
        WorkUndertaken w;
        w.category =
            parseEnum<WorkCategory>(toStdString(workCategory_)).value_or(WorkCategory::Other);
        w.description = toStdString(workDescription_.trimmed());
        if (!workQuantity_.trimmed().isEmpty()) {
            bool ok = false;
            const double q = QLocale().toDouble(workQuantity_.trimmed(), &ok);
            const double c = ok ? q : workQuantity_.trimmed().toDouble(&ok);
            if (ok) {
                w.quantity = c;
            } else {
                problems.insert(QStringLiteral("work.quantity"),
                                tr("Enter a number, for example 12."));
            }
        }
        w.unit = toStdString(workUnit_.trimmed());
        r.work = w;
    }

    if (wanted("skill"))
        r.skills = skills_.observations();

    const bool anyFeedback =
        wholeForm &&
        (alertOfficer_ || !feedbackProgress_.trimmed().isEmpty() ||
         !feedbackStrengths_.trimmed().isEmpty() || !feedbackConcerns_.trimmed().isEmpty() ||
         !feedbackSupportNeeds_.trimmed().isEmpty() || !feedbackIncidents_.trimmed().isEmpty());
    if (anyFeedback) {
        Feedback f;
        f.progress = toStdString(feedbackProgress_.trimmed());
        f.strengths = toStdString(feedbackStrengths_.trimmed());
        f.concerns = toStdString(feedbackConcerns_.trimmed());
        f.support_needs = toStdString(feedbackSupportNeeds_.trimmed());
        f.incidents = toStdString(feedbackIncidents_.trimmed());
        f.alert_officer = alertOfficer_;
        f.alert_reason = alertOfficer_ ? toStdString(alertReason_.trimmed()) : std::string();
        r.feedback = f;
    }

    if (wanted("note") && !noteText_.trimmed().isEmpty()) {
        CaseNote n;
        n.text = toStdString(noteText_.trimmed());
        n.sensitive = noteSensitive_;
        r.note = n;
    }
    if (!problems.isEmpty())
        return std::nullopt;
    return r;
}

void RecordController::save() {
    if (!loaded_ || saving_ != 0)
        return;
    QVariantMap problems;
    auto request = buildRequest(problems);
    if (!request) {
        setErrors(problems, tr("Please check the highlighted fields. Nothing was saved."));
        return;
    }
    setErrors({}, {});
    saving_ = correctingOpId_.isEmpty() ? storage_->save({*request})
                                        : storage_->resubmit(correctingOpId_, *request);
    emit busyChanged();
}

void RecordController::onSaved(quint64 request, int /*records*/) {
    if (request != saving_)
        return;
    saving_ = 0;
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
    QVariantMap errors;
    if (!error.field.isEmpty())
        errors.insert(error.field, error.message);
    setErrors(errors, tr("Not saved: %1").arg(error.message));
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
