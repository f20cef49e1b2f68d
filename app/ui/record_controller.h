#pragma once
// The record form for one appointment: outcome, times, penalty, ratings, work undertaken,
// skills observed, feedback for the officer and a case note. QML binds to the properties;
// save() sends everything to the storage worker, which validates every part with the domain
// rules before writing any of it. A refusal lands in `errors`, keyed by part and field
// ("outcome.penalty_minutes", "feedback.alert_reason", ...), and nothing is saved.
//
// The form checks itself before it sends anything and reports every problem at once, in words a
// person can act on ("Enter the time they arrived"), in `errors` and, in the order of the form,
// in `errorList` (GOV.UK's error summary). A problem disappears as soon as the field is fixed.
//
// Drafts: whatever is typed is kept as a draft of the appointment in the encrypted store a
// moment after each change (and at once by flushDraft(), clear() and the lock), so it survives
// going back, the idle lock, a kill or a restart; load() restores it over what is recorded. It
// is deleted with the save that records it, or by discardDraft(). A form identical to what is
// recorded has no draft. Corrections of refused changes keep no draft.
//
// Re-opened records: what is recorded is shown and edited in place. The first work entry and
// the recorded skills are edited with their ids (a new change of the same record); only the
// parts that differ from what is recorded are sent. Case notes are never changed: saved notes
// are listed (`recordedNotes`) and a new note is added.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
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
    // A problem that belongs to no field (e.g. the device is locked), for a banner.
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)
    // Every problem in the order of the form: [{field, message}], for the error summary.
    Q_PROPERTY(QVariantList errorList READ errorList NOTIFY errorsChanged)

    // The appointment's draft: unsaved input kept in the encrypted store.
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    // The form was filled from a draft when it opened.
    Q_PROPERTY(bool draftRestored READ draftRestored NOTIFY draftChanged)
    // "HH:MM" of the last draft save; empty without a draft.
    Q_PROPERTY(QString draftSavedAt READ draftSavedAt NOTIFY draftChanged)
    // The work fields edit a work entry already recorded (same record, changed).
    Q_PROPERTY(bool editingWork READ editingWork NOTIFY loadedChanged)
    // Further recorded work entries, shown as text: [{text}].
    Q_PROPERTY(QVariantList otherWork READ otherWork NOTIFY loadedChanged)
    // Case notes saved for this appointment, oldest first: [{text, time, sensitive}].
    Q_PROPERTY(QVariantList recordedNotes READ recordedNotes NOTIFY loadedChanged)
    // A note was saved alone (saveNote); cleared by the next edit.
    Q_PROPERTY(bool noteSaved READ noteSaved NOTIFY noteSavedChanged)

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
    QVariantList errorList() const;
    bool hasDraft() const { return hasDraft_; }
    bool draftRestored() const { return draftRestored_; }
    QString draftSavedAt() const;
    bool editingWork() const { return !workId_.isEmpty(); }
    QVariantList otherWork() const;
    QVariantList recordedNotes() const;
    bool noteSaved() const { return noteSaved_; }

    // Loads an appointment into the form (replacing whatever was there).
    Q_INVOKABLE void load(const QString& appointmentId);
    // Loads the appointment of a refused change (`opId`: an outcome, feedback, work undertaken,
    // a skill observed or a case note) with the values that were refused, to correct them;
    // save() then resubmits: the corrected change replaces the refused one in one transaction
    // and it leaves the needs-attention list. For work, a skill or a note only that section
    // is shown and sent (correctionPart).
    Q_INVOKABLE void loadCorrection(const QString& opId, const QString& appointmentId,
                                    const QString& reason);
    // Validates and saves; emits saved() or fills `errors`. Without an outcome (none chosen,
    // none recorded) a case note is saved alone.
    Q_INVOKABLE void save();
    // Saves the case note alone, whatever the rest of the form holds (kept, as a draft).
    Q_INVOKABLE void saveNote();
    // Writes the draft now if anything changed since the last one.
    Q_INVOKABLE void flushDraft();
    // Deletes the draft and shows the form as recorded.
    Q_INVOKABLE void discardDraft();
    // Saving now would record the outcome (a new one, or a changed one): false for a re-opened
    // record whose outcome is as recorded, so an enforceable outcome is not confirmed again.
    Q_INVOKABLE bool recordsOutcome() const;
    // The time now on the device as "HH:MM" (the injected clock), for the time pickers.
    Q_INVOKABLE QString timeNow() const;
    // Empties the form (e.g. when the device locks), writing its draft first.
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
    void draftChanged();
    void noteSavedChanged();
    void saved();

private:
    void resetFields();
    void setErrors(QVariantMap errors, QString summary);
    void onLoaded(quint64 request, const RecordDetail& detail);
    void onSaved(quint64 request, int records);
    void onSaveFailed(quint64 request, const FieldError& error);
    void onLoadFailed(quint64 request, const QString& message);
    void onEdited();
    void onDraftSaved(quint64 request, const QString& appointmentId, qint64 savedAt);
    // Every problem the form can see by itself, keyed like `errors`.
    QVariantMap localProblems() const;
    // Drops the errors that are fixed.
    void revalidate();
    // The form as JSON (the draft), and back.
    QString formJson() const;
    void applyFormJson(const QString& json);
    void setDraft(bool hasDraft, qint64 savedAt);

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
    // Drafts and re-opened records.
    QTimer draftTimer_;
    bool applying_ = false;  // the form is being filled by the program, not the user
    bool draftDirty_ = false;
    bool hasDraft_ = false;
    bool draftRestored_ = false;
    qint64 draftSavedAt_ = 0;
    QString baseline_;  // formJson() of what is recorded
    QString workId_;    // the recorded work entry the work fields edit
    bool savingNoteOnly_ = false;
    bool noteSaved_ = false;

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
