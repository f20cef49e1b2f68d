#pragma once
// The group path: records "Attended – Complied" for everyone still unrecorded on a roster who
// is marked as here, with one set of times and ratings and the work the group did entered once
// and applied to each of them. Per person, in a tap or two: other arrival or finish times, a
// skill seen, one line of feedback for their officer, or "not here" (left unrecorded for their
// own record). With the shared work and a line (or a skill) for each, nobody becomes a "feedback
// missing" item for their officer (the server's rule: work undertaken and skills or feedback).
//
// Outcomes for a session that has not started are refused at entry with the words the server
// uses (domain::validateOutcomeTiming). Everything is checked before anything is written, and
// the whole group is saved in one transaction (StorageClient::saveGroup): all or nothing.
//
// Thread affinity: GUI thread. No SQL here; the clock is the storage client's.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QDate>

#include "storage_types.h"

namespace sitebook::ui {

class StorageClient;
class RosterModel;

class FastPathModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")
    Q_PROPERTY(QString arrival MEMBER arrival_ NOTIFY formChanged)
    Q_PROPERTY(QString finish MEMBER finish_ NOTIFY formChanged)
    Q_PROPERTY(QString workQuality MEMBER workQuality_ NOTIFY formChanged)
    Q_PROPERTY(QString behaviour MEMBER behaviour_ NOTIFY formChanged)
    // The work the group did, applied to everyone here.
    Q_PROPERTY(QString workCategory MEMBER workCategory_ NOTIFY formChanged)
    Q_PROPERTY(QString workDescription MEMBER workDescription_ NOTIFY formChanged)
    Q_PROPERTY(QString workQuantity MEMBER workQuantity_ NOTIFY formChanged)
    Q_PROPERTY(QString workUnit MEMBER workUnit_ NOTIFY formChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // People marked as here (the records Save writes).
    Q_PROPERTY(int attendingCount READ attendingCount NOTIFY countChanged)
    // People here with neither a line of feedback nor a skill: their officers will be asked.
    Q_PROPERTY(int withoutFeedbackCount READ withoutFeedbackCount NOTIFY countChanged)
    // The refusal when the session has not started yet (empty otherwise), checked at entry and
    // again on Save.
    Q_PROPERTY(QString notStarted READ notStarted NOTIFY notStartedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)
public:
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        NameRole,
        PlacementFlagsRole,
        AttendingRole,   // bool: recorded with the group
        ArrivalRole,     // "HH:MM" for this person, or "" for the group's time
        FinishRole,      // likewise
        FeedbackRole,    // one line for their officer (saved as progress); may be empty
        SkillRole,       // wire text of a skill seen, or ""
        SkillLevelRole,  // wire text, default "practising"
        ErrorRole,       // this person's refusal, if any, naming them
    };
    Q_ENUM(Role)

    // `storage` and `roster` must outlive the model.
    FastPathModel(StorageClient* storage, RosterModel* roster, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(rows_.size()); }
    int attendingCount() const;
    int withoutFeedbackCount() const;
    QString notStarted() const { return notStarted_; }
    bool busy() const { return saving_ != 0; }
    QVariantMap errors() const { return errors_; }
    QString errorSummary() const { return errorSummary_; }

    // Takes the roster's unrecorded people, all marked as here; times default to the
    // session's. With the session's date (the sessions list's date) an outcome for a session
    // that has not started is refused at once.
    Q_INVOKABLE void start(const QString& sessionStart, const QString& sessionEnd,
                           const QDate& sessionDate = {});
    // Sets a role by name ("feedback", "arrival", "finish", "skill", "skillLevel",
    // "attending") for one person.
    Q_INVOKABLE void setText(int row, const QString& roleName, const QString& text);
    Q_INVOKABLE void setAttending(int row, bool attending);
    Q_INVOKABLE void save();
    Q_INVOKABLE void clear();

    // The words a refusal of validateOutcomeTiming is shown in (translated; in English the
    // same as the domain's, which the server returns). `time` is the session's start for field
    // "code", the arrival for "arrival".
    static QString timingMessage(const QString& field, const QString& sessionDate,
                                 const QString& time, const QString& now);

signals:
    void formChanged();
    void countChanged();
    void busyChanged();
    void errorsChanged();
    void notStartedChanged();
    void saved(int records);

private:
    struct Row {
        QString appointmentId;
        QString name;
        QStringList flags;
        bool attending = true;
        QString arrival;
        QString finish;
        QString feedback;
        QString skill;
        QString skillLevel;
        QString error;
    };
    void setErrors(QVariantMap errors, QString summary);
    void setRowError(int row, const QString& error);
    void clearRowErrors();
    // Re-checks whether the session has started, by the injected clock; true if it has.
    bool checkStarted();
    // The refusal of validateOutcomeTiming for these times, in the page's words ("" if none).
    QString timingRefusal(const QString& arrival) const;

    StorageClient* storage_;
    RosterModel* roster_;
    QList<Row> rows_;
    QString sessionStart_;
    QString sessionEnd_;
    QDate sessionDate_;
    QString arrival_;
    QString finish_;
    QString workQuality_;
    QString behaviour_;
    QString workCategory_;
    QString workDescription_;
    QString workQuantity_;
    QString workUnit_;
    QString notStarted_;
    quint64 saving_ = 0;
    QVariantMap errors_;
    QString errorSummary_;
};

}  // namespace sitebook::ui
