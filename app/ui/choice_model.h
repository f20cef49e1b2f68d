#pragma once
// A fixed list of reference values to pick from: ratings, work categories or skill levels
// (set `kind`). Each row has the wire value and its translated label.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>

namespace sitebook::ui {

class ChoiceModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
public:
    enum Kind { Ratings, WorkCategories, SkillLevels };
    Q_ENUM(Kind)
    enum Role { ValueRole = Qt::UserRole + 1, LabelRole };
    Q_ENUM(Role)

    explicit ChoiceModel(QObject* parent = nullptr);

    Kind kind() const { return kind_; }
    void setKind(Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int indexOfValue(const QString& value) const;  // -1 if absent
    Q_INVOKABLE QString labelFor(const QString& value) const;

signals:
    void kindChanged();

private:
    Kind kind_ = Ratings;
    QStringList values_;
};

}  // namespace sitebook::ui
