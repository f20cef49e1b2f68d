#pragma once
// The responsible officer's screens and the needs-attention list:
//   CaseloadModel   people with the progress of their order (server-derived PROGRESS)
//   InboxModel      what needs a decision (server-derived RO items), soonest respond-by first
//   AttentionModel  changes the server refused, with its reason and the refused values;
//                   discard on request (corrections go through RecordController or
//                   PersonController)
//   PersonController one person's page: progress, items, timeline, notes, chart points, and
//                   recording an enforcement decision
// Each loads through the StorageClient (the storage thread) and ignores stale answers.
//
// Thread affinity: GUI thread. The storage client must outlive them.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QVariantList>

#include "storage_types.h"

namespace sitebook::ui {

class StorageClient;

class CaseloadModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // Search and filters: the rows shown are the people whose name or CRN contains `search`
    // (any case) and who match `filter`: "" (everyone), "behindPace", "overdue" (an item's
    // respond-by date has passed) or "alerts" (a supervisor alerted the officer).
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    // The whole caseload, and how many of it each filter would show.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(int behindPaceCount READ behindPaceCount NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)
    Q_PROPERTY(int alertsCount READ alertsCount NOTIFY countChanged)
public:
    enum Role {
        PersonIdRole = Qt::UserRole + 1,
        NameRole,
        CrnRole,
        RequiredMinutesRole,
        CreditedMinutesRole,
        EteCreditedMinutesRole,
        EteAllowanceMinutesRole,
        PercentRole,
        HoursTextRole,
        EteTextRole,
        OpenItemsRole,
        CompletedRole,
        BehindPaceRole,
        OverdueItemsRole,
        AlertsRole,
        ProjectedTextRole,  // "At this pace: 3 December 2026", or empty
    };
    Q_ENUM(Role)
    explicit CaseloadModel(StorageClient* storage, QObject* parent = nullptr);
    QString search() const { return search_; }
    void setSearch(const QString& search);
    QString filter() const { return filter_; }
    void setFilter(const QString& filter);
    int totalCount() const { return static_cast<int>(lines_.size()); }
    int behindPaceCount() const;
    int overdueCount() const;
    int alertsCount() const;
    int rowCount(const QModelIndex& parent = {}) const override;
    int count() const { return rowCount(); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return request_ != 0; }
    Q_INVOKABLE void reload();
    void clear();
signals:
    void countChanged();
    void loadingChanged();
    void filterChanged();

private:
    bool matches(const CaseloadLine& line) const;
    // Rebuilds the rows shown from the loaded lines, the search and the filter.
    void applyFilter();

    StorageClient* storage_;
    QList<CaseloadLine> lines_;
    QList<qsizetype> shown_;  // indexes into lines_
    QString search_;
    QString filter_;
    quint64 request_ = 0;
};

class InboxModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        KindTextRole,
        IconRole,
        PersonIdRole,
        PersonNameRole,
        CrnRole,
        AppointmentIdRole,
        DueOnRole,
        DueTextRole,
        OverdueRole,
        MessageRole,
        BreachReferralRequiredRole,
        DueDateTextRole,  // the respond-by date in words, "10 January 2026", or empty
        MessageTextRole,  // the server's message with its dates in words
        ReasonRole,       // supervisor_alert: the supervisor's words (show as plain text)
        FeedbackIdRole,   // supervisor_alert: what acknowledgeAlert() takes
        VersionsRole,     // conflict: [{code, description, times, penaltyMinutes, outcomeJson}]
    };
    Q_ENUM(Role)
    // `today` decides whether a respond-by date has passed.
    InboxModel(StorageClient* storage, std::function<QDate()> today, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int count() const { return rowCount(); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE void reload();
    void clear();
    // Plain-language name and icon of an item kind; unknown kinds are shown as their text.
    static QString kindText(const QString& kind);
    static QString kindIcon(const QString& kind);
    static QVariantMap toMap(const InboxItem& item, QDate today);
signals:
    void countChanged();

private:
    StorageClient* storage_;
    std::function<QDate()> today_;
    QList<InboxItem> items_;
    quint64 request_ = 0;
};

class AttentionModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    enum Role {
        OpIdRole = Qt::UserRole + 1,
        SummaryRole,
        CodeRole,
        MessageRole,
        WhenRole,
        AppointmentIdRole,
        CorrectableRole,  // "Correct and resubmit": the record form or the decision form
        KindRole,         // the record's protocol name, e.g. "work_undertaken"
        PersonIdRole,
        RefusedRole,        // the refused record's fields, e.g. {action, note} of a decision
        PersonNameRole,     // "Smith, Alex (X123456)", from the device's copy of the change
        SessionTextRole,    // project, date and times of the session
        RefusedTextRole,    // what was refused, in words
        BlockedReasonRole,  // why it cannot be corrected here and what to do instead
    };
    Q_ENUM(Role)
    explicit AttentionModel(StorageClient* storage, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int count() const { return rowCount(); }
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QString error() const { return error_; }
    Q_INVOKABLE void reload();
    // Drops the rejected change for good (the store keeps an audit entry with the reason).
    Q_INVOKABLE void discard(const QString& opId, const QString& reason);
    void clear();
signals:
    void countChanged();
    void errorChanged();
    void discarded();

private:
    StorageClient* storage_;
    QList<AttentionItem> items_;
    quint64 request_ = 0;
    quint64 discardRequest_ = 0;
    QString error_;
};

class PersonController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString personId READ personId NOTIFY loaded)
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(QString crn READ crn NOTIFY loaded)
    Q_PROPERTY(QStringList placementFlags READ placementFlags NOTIFY loaded)
    Q_PROPERTY(int requiredMinutes READ requiredMinutes NOTIFY loaded)
    Q_PROPERTY(int creditedMinutes READ creditedMinutes NOTIFY loaded)
    Q_PROPERTY(QString hoursText READ hoursText NOTIFY loaded)
    Q_PROPERTY(QString eteText READ eteText NOTIFY loaded)
    Q_PROPERTY(QString sentenceDate READ sentenceDate NOTIFY loaded)
    // The sentence date in words, in the interface language ("5 January 2026").
    Q_PROPERTY(QString sentenceDateText READ sentenceDateText NOTIFY loaded)
    Q_PROPERTY(double pacePerDay READ pacePerDay NOTIFY loaded)
    Q_PROPERTY(QVariantList items READ items NOTIFY loaded)
    Q_PROPERTY(QVariantList timeline READ timeline NOTIFY loaded)
    Q_PROPERTY(QVariantList notes READ notes NOTIFY loaded)
    Q_PROPERTY(QVariantList credits READ credits NOTIFY loaded)
    Q_PROPERTY(QVariantList decisions READ decisions NOTIFY loaded)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString decisionError READ decisionError NOTIFY decisionErrorChanged)
    // The field a refused decision is about ("action", "note", ...), or empty.
    Q_PROPERTY(QString decisionErrorField READ decisionErrorField NOTIFY decisionErrorChanged)
    // Correcting an enforcement decision the server refused (see loadDecisionCorrection): the
    // refused values to prefill the decision form with, and the server's reason.
    Q_PROPERTY(bool correctingDecision READ correctingDecision NOTIFY correctionChanged)
    Q_PROPERTY(
        QString correctionAppointmentId READ correctionAppointmentId NOTIFY correctionChanged)
    Q_PROPERTY(QString correctionAction READ correctionAction NOTIFY correctionChanged)
    Q_PROPERTY(QString correctionNote READ correctionNote NOTIFY correctionChanged)
    Q_PROPERTY(QString correctionReason READ correctionReason NOTIFY correctionChanged)
    // The acceptable-absence code (AAME ...) of a refused absence_acceptable decision being
    // corrected, from the device's copy of it; empty otherwise.
    Q_PROPERTY(QString correctionReclassifiedAs READ correctionReclassifiedAs NOTIFY loaded)
public:
    PersonController(StorageClient* storage, std::function<QDate()> today,
                     QObject* parent = nullptr);
    QString personId() const { return d_.line.personId; }
    QString name() const;
    QString crn() const { return d_.line.crn; }
    QStringList placementFlags() const { return d_.placementFlags; }
    int requiredMinutes() const { return d_.line.requiredMinutes; }
    int creditedMinutes() const { return d_.line.creditedMinutes; }
    QString hoursText() const;
    QString eteText() const;
    QString sentenceDate() const { return d_.sentenceDate; }
    QString sentenceDateText() const;
    double pacePerDay() const { return d_.pacePerDay; }
    QVariantList items() const;
    // Each appointment also has dateText (its date in words) and creditedText ("+3h 30m").
    QVariantList timeline() const;
    // Each note also has createdText ("5 January 2026 14:30").
    QVariantList notes() const;
    QVariantList credits() const { return d_.credits; }
    // Each decision also has decidedOnText (its date in words).
    QVariantList decisions() const;
    bool busy() const { return request_ != 0 || decisionRequest_ != 0; }
    QString decisionError() const { return decisionError_; }
    QString decisionErrorField() const { return decisionErrorField_; }
    bool correctingDecision() const { return !correction_.opId.isEmpty(); }
    QString correctionAppointmentId() const { return correction_.appointmentId; }
    QString correctionAction() const { return correction_.action; }
    QString correctionNote() const { return correction_.note; }
    QString correctionReason() const { return correction_.reason; }
    QString correctionReclassifiedAs() const;

    Q_INVOKABLE void load(const QString& personId);
    // Opens the person of a refused enforcement decision (`opId`) to correct it: the decision
    // form is prefilled with the refused `action` and `note` and shows `reason`. While
    // correcting, recordDecision() for that appointment resubmits: the corrected decision
    // replaces the refused one in one transaction and leaves the needs-attention list.
    Q_INVOKABLE void loadDecisionCorrection(const QString& opId, const QString& personId,
                                            const QString& appointmentId, const QString& action,
                                            const QString& note, const QString& reason);
    Q_INVOKABLE void reload();
    // action: "warning_issued" | "refer_for_breach" | "no_further_action". `decidedOn`: the
    // date of the decision ("YYYY-MM-DD"; empty: today in the UK); one before the appointment
    // or after today is refused (decisionErrorField "decided_on") and nothing is saved.
    Q_INVOKABLE void recordDecision(const QString& appointmentId, const QString& action,
                                    const QString& note, const QString& decidedOn = {});
    // An unacceptable absence judged acceptable: reclassified as `code` (AAME AAEM AAFC AACL
    // AASD) with the `evidence` seen. Answered like recordDecision (decisionSaved or
    // decisionError). While correcting that appointment's refused decision, resubmits it with
    // the code and evidence.
    Q_INVOKABLE void recordAbsenceAcceptable(const QString& appointmentId, const QString& code,
                                             const QString& evidence,
                                             const QString& decidedOn = {});
    // The decision form's date: today in the UK ("YYYY-MM-DD"), `isoDate` moved by `days`, and
    // a date in words in the interface language ("3 December 2026").
    Q_INVOKABLE QString ukToday() const;
    Q_INVOKABLE QString addDays(const QString& isoDate, int days) const;
    Q_INVOKABLE QString dateText(const QString& isoDate) const;
    // Closes a supervisor_alert item. Answered like recordDecision.
    Q_INVOKABLE void acknowledgeAlert(const QString& feedbackId);
    // "This outcome is right": one of a conflict item's versions (its outcomeJson) becomes the
    // outcome. Answered like recordDecision.
    Q_INVOKABLE void confirmOutcome(const QString& appointmentId, const QString& outcomeJson);
    Q_INVOKABLE void clear();
signals:
    void loaded();
    void busyChanged();
    void decisionErrorChanged();
    void decisionSaved();
    void correctionChanged();

private:
    struct Correction {
        QString opId;
        QString appointmentId;
        QString action;
        QString note;
        QString reason;
    };
    void setDecisionError(const QString& field, const QString& message);
    void setCorrection(Correction correction);

    StorageClient* storage_;
    std::function<QDate()> today_;
    PersonDetail d_;
    QString wanted_;
    quint64 request_ = 0;
    quint64 decisionRequest_ = 0;
    QString decisionError_;
    QString decisionErrorField_;
    Correction correction_;
};

// "12h 30m"
QString hoursMinutes(int minutes);

}  // namespace sitebook::ui
