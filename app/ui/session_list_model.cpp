#include "session_list_model.h"

#include "dates.h"
#include "labels.h"
#include "storage_client.h"

namespace sitebook::ui {

SessionListModel::SessionListModel(StorageClient* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    connect(storage_, &StorageClient::sessionsLoaded, this, &SessionListModel::onLoaded);
    connect(storage_, &StorageClient::loadFailed, this, &SessionListModel::onFailed);
    connect(storage_, &StorageClient::dataChanged, this, [this] {
        if (storage_->isOpen() && date_.isValid())
            reload();
    });
}

int SessionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SessionSummary& s = rows_.at(index.row());
    switch (role) {
        case SessionIdRole:
            return s.sessionId;
        case ProjectCodeRole:
            return s.projectCode;
        case Qt::DisplayRole:
        case ProjectNameRole:
            return s.projectName;
        case ProjectTypeRole:
            return labels::projectType(s.projectType);
        case LocationRole:
            return s.location;
        case BeneficiaryRole:
            return s.beneficiary;
        case HiVisRole:
            return s.hiVisRequired;
        case StartRole:
            return s.start;
        case EndRole:
            return s.end;
        case PeopleRole:
            return s.people;
        case RecordedRole:
            return s.recorded;
        default:
            return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const {
    return {{SessionIdRole, "sessionId"},
            {ProjectCodeRole, "projectCode"},
            {ProjectNameRole, "projectName"},
            {ProjectTypeRole, "projectType"},
            {LocationRole, "location"},
            {BeneficiaryRole, "beneficiary"},
            {HiVisRole, "hiVis"},
            {StartRole, "start"},
            {EndRole, "end"},
            {PeopleRole, "people"},
            {RecordedRole, "recorded"}};
}

void SessionListModel::setDate(const QDate& date) {
    if (date == date_)
        return;
    date_ = date;
    emit dateChanged();
    reload();  // and the date's words
}

QString SessionListModel::dateText() const {
    return dates::longDate(date_);
}

void SessionListModel::reload() {
    emit dateTextChanged();
    if (!storage_->isOpen() || !date_.isValid())
        return;
    pending_ = storage_->loadSessions(date_);
    emit loadingChanged();
}

void SessionListModel::clear() {
    const bool wasLoading = loading();
    pending_ = 0;
    if (!rows_.isEmpty()) {
        beginResetModel();
        rows_.clear();
        endResetModel();
        emit countChanged();
    }
    if (wasLoading)
        emit loadingChanged();
}

void SessionListModel::onLoaded(quint64 request, const QList<SessionSummary>& sessions) {
    if (request != pending_)
        return;
    pending_ = 0;
    beginResetModel();
    rows_ = sessions;
    endResetModel();
    if (!error_.isEmpty()) {
        error_.clear();
        emit errorChanged();
    }
    emit countChanged();
    emit loadingChanged();
}

void SessionListModel::onFailed(quint64 request, const QString& message) {
    if (request != pending_)
        return;
    pending_ = 0;
    error_ = message;
    emit errorChanged();
    emit loadingChanged();
}

}  // namespace sitebook::ui
