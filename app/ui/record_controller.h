#pragma once
// The record form for one appointment: outcome, times, penalty, ratings, work undertaken,
// skills observed, feedback for the officer and a case note. QML binds to the properties;
// save() sends everything to the storage worker, which validates every part with the domain
// rules before writing any of it. A refusal lands in `errors`, keyed by part and field
// ("outcome.penalty_minutes", "feedback.alert_reason", ...), and nothing is saved.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <optional>

#include "skill_model.h"
#include "storage_types.h"

namespace sitebook::ui {

class StorageClient;

class RecordController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")

    // About the appointment (read-only).
    Q_PROPERTY(QString appointmentId READ appointmentId NOTIFY loadedChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString personName READ personName NOTIFY loadedChanged)
    Q_PROPERTY(QString crn READ crn NOTIFY loadedChanged)
    Q_PROPERTY(QStringList placementFlags READ placementFlags NOTIFY loadedChanged)
    Q_PROPERTY(QString scheduled READ scheduled NOTIFY loadedChanged)
    Q_PROPERTY(bool alreadyRecorded READ alreadyRecorded NOTIFY loadedChanged)
    // Correcting a change the server refused (see loadCorrection): its op id and the reason.
    Q_PROPERTY(bool correcting READ correcting NOTIFY loadedChanged)
    Q_PROPERTY(QString correctionReason READ correctionReason NOTIFY loadedChanged)
    // Which part of the form a correction is about: "" (the outcome or the feedback: the whole
    // form), "work", "skill" or "note" (that section alone).
    Q_PROPERTY(QString correctionPart READ correctionPart NOTIFY loadedChanged)

    // The form.
    Q_PROPERTY(QString outcomeCode MEMBER outcomeCode_ NOTIFY outcomeCodeChanged)
    Q_PROPERTY(QString arrival MEMBER arrival_ NOTIFY formChanged)
    Q_PROPERTY(QString finish MEMBER finish_ NOTIFY formChanged)
    Q_PROPERTY(int penaltyMinutes MEMBER penaltyMinutes_ NOTIFY formChanged)
    Q_PROPERTY(QString workQuality MEMBER workQuality_ NOTIFY formChanged)
    Q_PROPERTY(QString behaviour MEMBER behaviour_ NOTIFY formChanged)
    Q_PROPERTY(QString workCategory MEMBER workCategory_ NOTIFY formChanged)
    Q_PROPERTY(QString workDescription MEMBER workDescription_ NOTIFY formChanged)
    Q_PROPERTY(QString workQuantity MEMBER workQuantity_ NOTIFY formChanged)
    Q_PROPERTY(QString workUnit MEMBER workUnit_ NOTIFY formChanged)
    Q_PROPERTY(sitebook::ui::SkillModel* skills READ skills CONSTANT)
    Q_PROPERTY(QString feedbackProgress MEMBER feedbackProgress_ NOTIFY formChanged)
    Q_PROPERTY(QString feedbackStrengths MEMBER feedbackStrengths_ NOTIFY formChanged)
    Q_PROPERTY(QString feedbackConcerns MEMBER feedbackConcerns_ NOTIFY formChanged)
    Q_PROPERTY(QString feedbackSupportNeeds MEMBER feedbackSupportNeeds_ NOTIFY formChanged)
    Q_PROPERTY(QString feedbackIncidents MEMBER feedbackIncidents_ NOTIFY formChanged)
    Q_PROPERTY(bool alertOfficer MEMBER alertOfficer_ NOTIFY formChanged)
    Q_PROPERTY(QString alertReason MEMBER alertReason_ NOTIFY formChanged)
    Q_PROPERTY(QString noteText MEMBER noteText_ NOTIFY formChanged)
    Q_PROPERTY(bool noteSensitive MEMBER noteSensitive_ NOTIFY formChanged)

    // Derived from the outcome code.
    Q_PROPERTY(bool attended READ attended NOTIFY outcomeCodeChanged)
    Q_PROPERTY(bool enforceable READ enforceable NOTIFY outcomeCodeChanged)

    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Field key -> message, for showing next to each field.
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    // A summary of the first error, for a banner.
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)

public:
    // `storage` must outlive the controller.
    explicit RecordController(StorageClient* storage, QObject* parent = nullptr);

    QString appointmentId() const { return detail_.line.appointmentId; }
    bool loaded() const { return loaded_; }
    QString personName() const;
    QString crn() const { return detail_.line.crn; }
    QStringList placementFlags() const { return detail_.line.placementFlags; }
    QString scheduled() const;
    bool alreadyRecorded() const { return detail_.outcome.has_value(); }
    bool correcting() const { return !correctingOpId_.isEmpty(); }
    QString correctionReason() const { return correctionReason_; }
    QString correctionPart() const { return correctionPart_; }
    SkillModel* skills() { return &skills_; }
    bool attended() const;
    bool enforceable() const;
    bool busy() const { return saving_ != 0 || loading_ != 0; }
    QVariantMap errors() const { return errors_; }
    QString errorSummary() const { return errorSummary_; }

    // Loads an appointment into the form (replacing whatever was there).
    Q_INVOKABLE void load(const QString& appointmentId);
    // Loads the appointment of a refused change (`opId`: an outcome, feedback, work undertaken,
    // a skill observed or a case note) with the values that were refused, to correct them;
    // save() then resubmits: the corrected change replaces the refused one in one transaction
    // and it leaves the needs-attention list. For work, a skill or a note only that section
    // is shown and sent (correctionPart).
    Q_INVOKABLE void loadCorrection(const QString& opId, const QString& appointmentId,
                                    const QString& reason);
    // Validates and saves; emits saved() or fills `errors`.
    Q_INVOKABLE void save();
    // Empties the form (e.g. when the device locks).
    Q_INVOKABLE void clear();

    // The request save() would send, or the local problems (unparsable times or numbers) as
    // field -> message. Exposed for tests.
    std::optional<RecordRequest> buildRequest(QVariantMap& problems) const;

signals:
    void loadedChanged();
    void outcomeCodeChanged();
    void formChanged();
    void busyChanged();
    void errorsChanged();
    void saved();

private:
    void resetFields();
    void setErrors(QVariantMap errors, QString summary);
    void onLoaded(quint64 request, const RecordDetail& detail);
    void onSaved(quint64 request, int records);
    void onSaveFailed(quint64 request, const FieldError& error);
    void onLoadFailed(quint64 request, const QString& message);

    StorageClient* storage_;
    SkillModel skills_;
    RecordDetail detail_;
    bool loaded_ = false;
    quint64 loading_ = 0;
    quint64 saving_ = 0;
    QVariantMap errors_;
    QString errorSummary_;
    QString correctingOpId_;
    QString correctionReason_;
    QString correctionPart_;

    QString outcomeCode_;
    QString arrival_;
    QString finish_;
    int penaltyMinutes_ = 0;
    QString workQuality_;
    QString behaviour_;
    QString workCategory_;
    QString workDescription_;
    QString workQuantity_;
    QString workUnit_;
    QString feedbackProgress_;
    QString feedbackStrengths_;
    QString feedbackConcerns_;
    QString feedbackSupportNeeds_;
    QString feedbackIncidents_;
    bool alertOfficer_ = false;
    QString alertReason_;
    QString noteText_;
    bool noteSensitive_ = false;
};

// Parses "9:30" or "09:30" into a time of day; nullopt otherwise.
std::optional<domain::TimeOfDay> parseTimeOfDay(const QString& text);

}  // namespace sitebook::ui
