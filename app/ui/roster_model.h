#pragma once
// One session's roster, sorted by surname (the store's order), with each person's outcome
// status and placement flags. Loads through the storage worker; reloads when the store reports
// a change.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

#include "storage_types.h"

namespace sitebook::ui {

class StorageClient;

class RosterModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int recordedCount READ recordedCount NOTIFY countChanged)
public:
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        PersonIdRole,
        CrnRole,
        NameRole,  // "Surname, Forenames"
        ForenamesRole,
        SurnameRole,
        PlacementFlagsRole,  // QStringList
        HasFlagsRole,
        RestrictedRole,
        ScheduledRole,  // "09:00–16:00"
        OutcomeCodeRole,
        OutcomeLabelRole,  // translated; "Not recorded yet" when empty
        RecordedRole,
        EnforceableRole,
        // Feedback is recorded, or none is expected (nobody attended): false only where an
        // attended record lacks it, so "No feedback" is never shown for an absence.
        HasFeedbackRole,
        HasDraftRole,         // the record form holds unsaved input for this person
        FeedbackMissingRole,  // attended and no feedback recorded
    };
    Q_ENUM(Role)

    // `storage` must outlive the model.
    explicit RosterModel(StorageClient* storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString sessionId() const { return sessionId_; }
    void setSessionId(const QString& id);
    bool loading() const { return pending_ != 0; }
    QString error() const { return error_; }
    int count() const { return static_cast<int>(rows_.size()); }
    int recordedCount() const;

    // Appointment ids of the lines without an outcome, in roster order.
    Q_INVOKABLE QStringList unrecordedAppointments() const;
    // The roster line for an appointment, as a map of role name to value (empty if absent).
    Q_INVOKABLE QVariantMap line(const QString& appointmentId) const;
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clear();

signals:
    void sessionIdChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();

private:
    void onLoaded(quint64 request, const QList<RosterLine>& lines);
    void onFailed(quint64 request, const QString& message);

    StorageClient* storage_;
    QString sessionId_;
    QList<RosterLine> rows_;
    quint64 pending_ = 0;
    QString error_;
};

}  // namespace sitebook::ui
