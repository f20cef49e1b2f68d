#pragma once
// The outcome codes a supervisor may choose (domain::supervisorMayChoose), in display order,
// each with a translated label and a plain-language hint. Static: needs no storage.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

namespace sitebook::ui {

class OutcomeCodeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role {
        CodeRole = Qt::UserRole + 1,  // wire text, e.g. "ATTC"
        LabelRole,
        HintRole,
        AttendedRole,     // arrival, finish and ratings are required
        EnforceableRole,  // the officer will be alerted
    };
    Q_ENUM(Role)

    explicit OutcomeCodeModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOfCode(const QString& code) const;  // -1 if not offered
    Q_INVOKABLE static QString labelFor(const QString& code);
    Q_INVOKABLE static bool isAttended(const QString& code);
    Q_INVOKABLE static bool isEnforceable(const QString& code);

private:
    QStringList codes_;
};

}  // namespace sitebook::ui
