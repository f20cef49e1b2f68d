#pragma once
// The supervisor's sessions on one date (LocalStore::sessionsOn), with project details and
// how many of each roster are recorded. Loads through the storage worker; reloads when the
// store reports a change.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QDate>

#include "storage_types.h"

namespace sitebook::ui {

class StorageClient;

class SessionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application and handed to QML")
    Q_PROPERTY(QDate date READ date WRITE setDate NOTIFY dateChanged)
    // The date in words in the interface language, "Thursday 3 December 2026".
    Q_PROPERTY(QString dateText READ dateText NOTIFY dateTextChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1,
        ProjectCodeRole,
        ProjectNameRole,
        ProjectTypeRole,  // translated label
        LocationRole,
        BeneficiaryRole,
        HiVisRole,
        StartRole,
        EndRole,
        PeopleRole,
        RecordedRole,
    };
    Q_ENUM(Role)

    // `storage` must outlive the model.
    explicit SessionListModel(StorageClient* storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QDate date() const { return date_; }
    QString dateText() const;
    void setDate(const QDate& date);
    bool loading() const { return pending_ != 0; }
    QString error() const { return error_; }
    int count() const { return static_cast<int>(rows_.size()); }

    // Loads the date's sessions again; the date's words follow the language in force.
    Q_INVOKABLE void reload();
    Q_INVOKABLE void clear();
    Q_INVOKABLE void shiftDays(int days) { setDate(date_.addDays(days)); }

signals:
    void dateChanged();
    void dateTextChanged();
    void loadingChanged();
    void errorChanged();
    void countChanged();

private:
    void onLoaded(quint64 request, const QList<SessionSummary>& sessions);
    void onFailed(quint64 request, const QString& message);

    StorageClient* storage_;
    QDate date_;
    QList<SessionSummary> rows_;
    quint64 pending_ = 0;
    QString error_;
};

}  // namespace sitebook::ui
