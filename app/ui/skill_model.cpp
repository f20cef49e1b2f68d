#include "skill_model.h"

#include <algorithm>

#include "labels.h"
#include "qt_text.h"
#include "sitebook/domain/codes.h"

namespace sitebook::ui {

using namespace domain;

SkillModel::SkillModel(QObject* parent) : QAbstractListModel(parent) {
    for (Skill s : allValues<Skill>())
        items_.push_back(Item{s, false, SkillLevel::Practising, {}, SkillLevel::Practising});
}

int SkillModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant SkillModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Item& item = items_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case SkillRole:
            return toQString(wireText(item.skill));
        case Qt::DisplayRole:
        case LabelRole:
            return labels::skill(toQString(wireText(item.skill)));
        case SelectedRole:
            return item.selected;
        case LevelRole:
            return toQString(wireText(item.level));
        case LevelLabelRole:
            return labels::skillLevel(toQString(wireText(item.level)));
        case RecordedRole:
            return !item.recordedId.empty();
        default:
            return {};
    }
}

bool SkillModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    Item& item = items_[static_cast<std::size_t>(index.row())];
    if (role == SelectedRole) {
        if (!item.recordedId.empty() && !value.toBool())
            return false;  // a recorded observation is changed, never silently dropped
        if (item.selected == value.toBool())
            return true;
        item.selected = value.toBool();
        emit dataChanged(index, index, {SelectedRole});
        emit selectionChanged();
        return true;
    }
    if (role == LevelRole) {
        auto level = parseEnum<SkillLevel>(toStdString(value.toString()));
        if (!level)
            return false;
        item.level = *level;
        emit dataChanged(index, index, {LevelRole, LevelLabelRole});
        return true;
    }
    return false;
}

Qt::ItemFlags SkillModel::flags(const QModelIndex& index) const {
    return QAbstractListModel::flags(index) |
           (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QHash<int, QByteArray> SkillModel::roleNames() const {
    return {{SkillRole, "skill"}, {LabelRole, "label"},           {SelectedRole, "selected"},
            {LevelRole, "level"}, {LevelLabelRole, "levelLabel"}, {RecordedRole, "recorded"}};
}

int SkillModel::selectedCount() const {
    return static_cast<int>(
        std::count_if(items_.begin(), items_.end(), [](const Item& i) { return i.selected; }));
}

void SkillModel::setSelected(int row, bool selected) {
    setData(index(row), selected, SelectedRole);
}

void SkillModel::setLevel(int row, const QString& level) {
    setData(index(row), level, LevelRole);
}

void SkillModel::clearSelection() {
    for (int row = 0; row < rowCount(); ++row) {
        Item& item = items_[static_cast<std::size_t>(row)];
        item.level = SkillLevel::Practising;
        item.recordedId.clear();
        setData(index(row), false, SelectedRole);
    }
    emit dataChanged(index(0), index(rowCount() - 1), {LevelRole, LevelLabelRole, RecordedRole});
}

void SkillModel::setRecorded(const SkillObservation& observation) {
    for (int row = 0; row < rowCount(); ++row) {
        Item& item = items_[static_cast<std::size_t>(row)];
        if (item.skill != observation.skill)
            continue;
        item.recordedId = observation.id;
        item.recordedLevel = observation.level;
        item.level = observation.level;
        item.selected = true;
        emit dataChanged(index(row), index(row),
                         {SelectedRole, LevelRole, LevelLabelRole, RecordedRole});
        emit selectionChanged();
        return;
    }
}

std::vector<SkillObservation> SkillModel::observations() const {
    std::vector<SkillObservation> out;
    for (const Item& item : items_) {
        if (!item.selected)
            continue;
        SkillObservation o;
        o.id = item.recordedId;
        o.skill = item.skill;
        o.level = item.level;
        out.push_back(o);
    }
    return out;
}

std::vector<SkillObservation> SkillModel::changedObservations() const {
    std::vector<SkillObservation> out;
    for (const Item& item : items_) {
        if (!item.selected || (!item.recordedId.empty() && item.level == item.recordedLevel))
            continue;
        SkillObservation o;
        o.id = item.recordedId;
        o.skill = item.skill;
        o.level = item.level;
        out.push_back(o);
    }
    return out;
}

}  // namespace sitebook::ui
