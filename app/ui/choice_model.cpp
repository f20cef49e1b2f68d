#include "choice_model.h"

#include "labels.h"
#include "qt_text.h"
#include "sitebook/domain/codes.h"

namespace sitebook::ui {

using namespace domain;

namespace {

template <typename E>
QStringList wireTexts() {
    QStringList out;
    for (E v : allValues<E>())
        out << toQString(wireText(v));
    return out;
}

}  // namespace

ChoiceModel::ChoiceModel(QObject* parent) : QAbstractListModel(parent) {
    values_ = wireTexts<Rating>();
}

void ChoiceModel::setKind(Kind kind) {
    if (kind == kind_)
        return;
    beginResetModel();
    kind_ = kind;
    switch (kind) {
        case Ratings:
            values_ = wireTexts<Rating>();
            break;
        case WorkCategories:
            values_ = wireTexts<WorkCategory>();
            break;
        case SkillLevels:
            values_ = wireTexts<SkillLevel>();
            break;
    }
    endResetModel();
    emit kindChanged();
}

int ChoiceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(values_.size());
}

QVariant ChoiceModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    switch (role) {
        case ValueRole:
            return values_.at(index.row());
        case Qt::DisplayRole:
        case LabelRole:
            return labelFor(values_.at(index.row()));
        default:
            return {};
    }
}

QHash<int, QByteArray> ChoiceModel::roleNames() const {
    return {{ValueRole, "value"}, {LabelRole, "label"}};
}

int ChoiceModel::indexOfValue(const QString& value) const {
    return static_cast<int>(values_.indexOf(value));
}

QString ChoiceModel::labelFor(const QString& value) const {
    switch (kind_) {
        case Ratings:
            return labels::rating(value);
        case WorkCategories:
            return labels::workCategory(value);
        case SkillLevels:
            return labels::skillLevel(value);
    }
    return value;
}

}  // namespace sitebook::ui
