#pragma once
// "Everyone attended and complied": records ATTC for every person on a roster who has no
// outcome yet, with one set of times and ratings, while still asking for feedback per person
// (progress is required; strengths and concerns are optional). All records are validated
// before any is written; a refusal marks the person's row.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

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
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QString errorSummary READ errorSummary NOTIFY errorsChanged)
public:
    enum Role {
        AppointmentIdRole = Qt::UserRole + 1,
        NameRole,
        PlacementFlagsRole,
        ProgressRole,
        StrengthsRole,
        ConcernsRole,
        ErrorRole,  // this person's refusal, if any
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
    bool busy() const { return saving_ != 0; }
    QVariantMap errors() const { return errors_; }
    QString errorSummary() const { return errorSummary_; }

    // Takes the roster's unrecorded people; times default to the session's.
    Q_INVOKABLE void start(const QString& sessionStart, const QString& sessionEnd);
    Q_INVOKABLE void setText(int row, const QString& roleName, const QString& text);
    Q_INVOKABLE void save();
    Q_INVOKABLE void clear();

signals:
    void formChanged();
    void countChanged();
    void busyChanged();
    void errorsChanged();
    void saved(int records);

private:
    struct Row {
        QString appointmentId;
        QString name;
        QStringList flags;
        QString progress;
        QString strengths;
        QString concerns;
        QString error;
    };
    void setErrors(QVariantMap errors, QString summary);
    void clearRowErrors();

    StorageClient* storage_;
    RosterModel* roster_;
    QList<Row> rows_;
    QString arrival_;
    QString finish_;
    QString workQuality_;
    QString behaviour_;
    quint64 saving_ = 0;
    QVariantMap errors_;
    QString errorSummary_;
};

}  // namespace sitebook::ui
