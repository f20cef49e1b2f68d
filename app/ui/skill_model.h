#pragma once
// The skills taxonomy as chips on the record form: each skill can be selected and given a
// level. Editable through setData (SelectedRole, LevelRole) or the invokables. A skill already
// recorded for the appointment (setRecorded) stays selected; changing its level edits that
// observation in place (same id).

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
        RecordedRole,  // already recorded for the appointment
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
    // Marks `observation`'s skill as recorded (selected, its level, its id).
    void setRecorded(const domain::SkillObservation& observation);

    // The selected skills as observations (new ones without an id; the store gives one).
    std::vector<domain::SkillObservation> observations() const;
    // What saving would change: new selections (no id) and recorded skills whose level was
    // changed (with the recorded id).
    std::vector<domain::SkillObservation> changedObservations() const;

signals:
    void selectionChanged();

private:
    struct Item {
        domain::Skill skill;
        bool selected = false;
        domain::SkillLevel level = domain::SkillLevel::Practising;
        std::string recordedId;  // empty: not recorded
        domain::SkillLevel recordedLevel = domain::SkillLevel::Practising;
    };
    std::vector<Item> items_;
};

}  // namespace sitebook::ui
