#include "roster_model.h"

#include <algorithm>

#include "labels.h"
#include "outcome_code_model.h"
#include "storage_client.h"

namespace sitebook::ui {

RosterModel::RosterModel(StorageClient* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    connect(storage_, &StorageClient::rosterLoaded, this, &RosterModel::onLoaded);
    connect(storage_, &StorageClient::loadFailed, this, &RosterModel::onFailed);
    connect(storage_, &StorageClient::dataChanged, this, [this] {
        if (storage_->isOpen() && !sessionId_.isEmpty())
            reload();
    });
    connect(storage_, &StorageClient::draftsChanged, this, [this] {
        if (storage_->isOpen() && !sessionId_.isEmpty())
            reload();
    });
}

int RosterModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RosterModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const RosterLine& l = rows_.at(index.row());
    switch (role) {
        case AppointmentIdRole:
            return l.appointmentId;
        case PersonIdRole:
            return l.personId;
        case CrnRole:
            return l.crn;
        case Qt::DisplayRole:
        case NameRole:
            return tr("%1, %2").arg(l.surname, l.forenames);
        case ForenamesRole:
            return l.forenames;
        case SurnameRole:
            return l.surname;
        case PlacementFlagsRole:
            return l.placementFlags;
        case HasFlagsRole:
            return !l.placementFlags.isEmpty();
        case RestrictedRole:
            return l.restrictedAccess;
        case ScheduledRole:
            return tr("%1–%2").arg(l.scheduledStart, l.scheduledEnd);
        case OutcomeCodeRole:
            return l.outcomeCode;
        case OutcomeLabelRole:
            return l.outcomeCode.isEmpty() ? tr("Not recorded yet")
                                           : labels::outcome(l.outcomeCode);
        case RecordedRole:
            return !l.outcomeCode.isEmpty();
        case EnforceableRole:
            return OutcomeCodeModel::isEnforceable(l.outcomeCode);
        case HasFeedbackRole:
            return l.hasFeedback || !OutcomeCodeModel::isAttended(l.outcomeCode);
        case HasDraftRole:
            return l.hasDraft;
        case FeedbackMissingRole:
            return !l.hasFeedback && OutcomeCodeModel::isAttended(l.outcomeCode);
        default:
            return {};
    }
}

QHash<int, QByteArray> RosterModel::roleNames() const {
    return {{AppointmentIdRole, "appointmentId"},
            {PersonIdRole, "personId"},
            {CrnRole, "crn"},
            {NameRole, "name"},
            {ForenamesRole, "forenames"},
            {SurnameRole, "surname"},
            {PlacementFlagsRole, "placementFlags"},
            {HasFlagsRole, "hasFlags"},
            {RestrictedRole, "restricted"},
            {ScheduledRole, "scheduled"},
            {OutcomeCodeRole, "outcomeCode"},
            {OutcomeLabelRole, "outcomeLabel"},
            {RecordedRole, "recorded"},
            {EnforceableRole, "enforceable"},
            {HasFeedbackRole, "hasFeedback"},
            {HasDraftRole, "hasDraft"},
            {FeedbackMissingRole, "feedbackMissing"}};
}

void RosterModel::setSessionId(const QString& id) {
    if (id == sessionId_)
        return;
    sessionId_ = id;
    emit sessionIdChanged();
    if (!rows_.isEmpty()) {
        beginResetModel();
        rows_.clear();
        endResetModel();
        emit countChanged();
    }
    reload();
}

int RosterModel::recordedCount() const {
    return static_cast<int>(std::count_if(
        rows_.begin(), rows_.end(), [](const RosterLine& l) { return !l.outcomeCode.isEmpty(); }));
}

QStringList RosterModel::unrecordedAppointments() const {
    QStringList out;
    for (const auto& l : rows_) {
        if (l.outcomeCode.isEmpty())
            out << l.appointmentId;
    }
    return out;
}

QVariantMap RosterModel::line(const QString& appointmentId) const {
    for (int row = 0; row < rowCount(); ++row) {
        if (rows_.at(row).appointmentId != appointmentId)
            continue;
        QVariantMap out;
        const auto roles = roleNames();
        for (auto it = roles.begin(); it != roles.end(); ++it) {
            out.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
        }
        return out;
    }
    return {};
}

void RosterModel::reload() {
    if (!storage_->isOpen() || sessionId_.isEmpty())
        return;
    pending_ = storage_->loadRoster(sessionId_);
    emit loadingChanged();
}

void RosterModel::clear() {
    const bool wasLoading = loading();
    pending_ = 0;
    sessionId_.clear();
    emit sessionIdChanged();
    if (!rows_.isEmpty()) {
        beginResetModel();
        rows_.clear();
        endResetModel();
        emit countChanged();
    }
    if (wasLoading)
        emit loadingChanged();
}

void RosterModel::onLoaded(quint64 request, const QList<RosterLine>& lines) {
    if (request != pending_)
        return;
    pending_ = 0;
    beginResetModel();
    rows_ = lines;
    endResetModel();
    if (!error_.isEmpty()) {
        error_.clear();
        emit errorChanged();
    }
    emit countChanged();
    emit loadingChanged();
}

void RosterModel::onFailed(quint64 request, const QString& message) {
    if (request != pending_)
        return;
    pending_ = 0;
    error_ = message;
    emit errorChanged();
    emit loadingChanged();
}

}  // namespace sitebook::ui
