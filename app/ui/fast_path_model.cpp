#include "fast_path_model.h"

#include "qt_text.h"
#include "record_controller.h"
#include "roster_model.h"
#include "sitebook/domain/codes.h"
#include "storage_client.h"

namespace sitebook::ui {

using namespace domain;

FastPathModel::FastPathModel(StorageClient* storage, RosterModel* roster, QObject* parent)
    : QAbstractListModel(parent), storage_(storage), roster_(roster) {
    connect(storage_, &StorageClient::saved, this, [this](quint64 request, int records) {
        if (request != saving_)
            return;
        saving_ = 0;
        emit busyChanged();
        emit saved(records);
    });
    connect(storage_, &StorageClient::saveFailed, this,
            [this](quint64 request, const FieldError& error) {
                if (request != saving_)
                    return;
                saving_ = 0;
                for (int row = 0; row < rows_.size(); ++row) {
                    if (rows_[row].appointmentId == error.appointmentId) {
                        rows_[row].error = error.message;
                        emit dataChanged(index(row), index(row), {ErrorRole});
                    }
                }
                QVariantMap errors;
                if (!error.field.isEmpty())
                    errors.insert(error.field, error.message);
                setErrors(errors, tr("Not saved: %1").arg(error.message));
                emit busyChanged();
            });
}

int FastPathModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant FastPathModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = rows_.at(index.row());
    switch (role) {
        case AppointmentIdRole:
            return r.appointmentId;
        case Qt::DisplayRole:
        case NameRole:
            return r.name;
        case PlacementFlagsRole:
            return r.flags;
        case ProgressRole:
            return r.progress;
        case StrengthsRole:
            return r.strengths;
        case ConcernsRole:
            return r.concerns;
        case ErrorRole:
            return r.error;
        default:
            return {};
    }
}

bool FastPathModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    Row& r = rows_[index.row()];
    QString* target = nullptr;
    if (role == ProgressRole)
        target = &r.progress;
    if (role == StrengthsRole)
        target = &r.strengths;
    if (role == ConcernsRole)
        target = &r.concerns;
    if (target == nullptr)
        return false;
    if (*target == value.toString())
        return true;
    *target = value.toString();
    emit dataChanged(index, index, {role});
    return true;
}

Qt::ItemFlags FastPathModel::flags(const QModelIndex& index) const {
    return QAbstractListModel::flags(index) |
           (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

QHash<int, QByteArray> FastPathModel::roleNames() const {
    return {{AppointmentIdRole, "appointmentId"},
            {NameRole, "name"},
            {PlacementFlagsRole, "placementFlags"},
            {ProgressRole, "progress"},
            {StrengthsRole, "strengths"},
            {ConcernsRole, "concerns"},
            {ErrorRole, "error"}};
}

void FastPathModel::start(const QString& sessionStart, const QString& sessionEnd) {
    beginResetModel();
    rows_.clear();
    for (const QString& id : roster_->unrecordedAppointments()) {
        const QVariantMap line = roster_->line(id);
        rows_.push_back({id,
                         line.value(QStringLiteral("name")).toString(),
                         line.value(QStringLiteral("placementFlags")).toStringList(),
                         {},
                         {},
                         {},
                         {}});
    }
    endResetModel();
    arrival_ = sessionStart;
    finish_ = sessionEnd;
    workQuality_ = QStringLiteral("GOOD");
    behaviour_ = QStringLiteral("GOOD");
    setErrors({}, {});
    emit formChanged();
    emit countChanged();
}

void FastPathModel::setText(int row, const QString& roleName, const QString& text) {
    const auto roles = roleNames();
    const int role = roles.key(roleName.toUtf8(), -1);
    if (role < 0)
        return;
    setData(index(row), text, role);
}

void FastPathModel::clearRowErrors() {
    for (int row = 0; row < rows_.size(); ++row) {
        if (rows_[row].error.isEmpty())
            continue;
        rows_[row].error.clear();
        emit dataChanged(index(row), index(row), {ErrorRole});
    }
}

void FastPathModel::save() {
    if (saving_ != 0 || rows_.isEmpty())
        return;
    clearRowErrors();
    QVariantMap problems;
    const auto arrival = parseTimeOfDay(arrival_);
    const auto finish = parseTimeOfDay(finish_);
    if (!arrival)
        problems.insert(QStringLiteral("outcome.arrival"), tr("Enter the time as HH:MM."));
    if (!finish)
        problems.insert(QStringLiteral("outcome.finish"), tr("Enter the time as HH:MM."));
    QList<RecordRequest> requests;
    for (int row = 0; row < rows_.size(); ++row) {
        Row& r = rows_[row];
        if (r.progress.trimmed().isEmpty()) {
            r.error = tr("Write a line about %1's progress for their officer.").arg(r.name);
            emit dataChanged(index(row), index(row), {ErrorRole});
            problems.insert(QStringLiteral("feedback.progress"), r.error);
        }
        RecordRequest q;
        q.appointmentId = r.appointmentId;
        q.outcome.code = Outcome(OutcomeCode::ATTC);
        q.outcome.arrival = arrival;
        q.outcome.finish = finish;
        q.outcome.work_quality = parseEnum<Rating>(toStdString(workQuality_));
        q.outcome.behaviour = parseEnum<Rating>(toStdString(behaviour_));
        Feedback f;
        f.progress = toStdString(r.progress.trimmed());
        f.strengths = toStdString(r.strengths.trimmed());
        f.concerns = toStdString(r.concerns.trimmed());
        q.feedback = f;
        requests.push_back(q);
    }
    if (!problems.isEmpty()) {
        setErrors(problems, tr("Please complete the highlighted entries. Nothing was saved."));
        return;
    }
    setErrors({}, {});
    saving_ = storage_->save(requests);
    emit busyChanged();
}

void FastPathModel::clear() {
    const bool wasBusy = busy();
    saving_ = 0;
    beginResetModel();
    rows_.clear();
    endResetModel();
    arrival_.clear();
    finish_.clear();
    setErrors({}, {});
    emit formChanged();
    emit countChanged();
    if (wasBusy)
        emit busyChanged();
}

void FastPathModel::setErrors(QVariantMap errors, QString summary) {
    if (errors == errors_ && summary == errorSummary_)
        return;
    errors_ = std::move(errors);
    errorSummary_ = std::move(summary);
    emit errorsChanged();
}

}  // namespace sitebook::ui
