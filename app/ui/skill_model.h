#pragma once
// The skills taxonomy as chips on the record form: each skill can be selected and given a
// level. Editable through setData (SelectedRole, LevelRole) or the invokables.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <vector>

#include "sitebook/domain/types.h"

namespace sitebook::ui {

class SkillModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
public:
    enum Role {
        SkillRole = Qt::UserRole + 1,  // wire text, e.g. "teamwork"
        LabelRole,
        SelectedRole,
        LevelRole,  // wire text, e.g. "practising"
        LevelLabelRole,
    };
    Q_ENUM(Role)

    explicit SkillModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int selectedCount() const;
    Q_INVOKABLE void setSelected(int row, bool selected);
    Q_INVOKABLE void setLevel(int row, const QString& level);
    Q_INVOKABLE void clearSelection();

    // The selected skills as observations (ids and appointment set by the store).
    std::vector<domain::SkillObservation> observations() const;

signals:
    void selectionChanged();

private:
    struct Item {
        domain::Skill skill;
        bool selected = false;
        domain::SkillLevel level = domain::SkillLevel::Practising;
    };
    std::vector<Item> items_;
};

}  // namespace sitebook::ui
