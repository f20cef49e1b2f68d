#include "officer_models.h"

#include <QDateTime>
#include <algorithm>

#include "dates.h"
#include "labels.h"
#include "sitebook/domain/uk_time.h"
#include "storage_client.h"

namespace sitebook::ui {

QString hoursMinutes(int minutes) {
    const int h = minutes / 60;
    const int m = minutes % 60;
    if (m == 0)
        return QObject::tr("%1h").arg(h);
    return QObject::tr("%1h %2m").arg(h).arg(m);
}

namespace {

QString hoursOf(const CaseloadLine& l) {
    return QObject::tr("%1 of %2 credited")
        .arg(hoursMinutes(l.creditedMinutes), hoursMinutes(l.requiredMinutes));
}

QString eteOf(const CaseloadLine& l) {
    if (l.eteAllowanceMinutes <= 0)
        return {};
    return QObject::tr("ETE %1 of %2")
        .arg(hoursMinutes(l.eteCreditedMinutes), hoursMinutes(l.eteAllowanceMinutes));
}

}  // namespace

// --- CaseloadModel

CaseloadModel::CaseloadModel(StorageClient* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    connect(storage_, &StorageClient::caseloadLoaded, this,
            [this](quint64 request, const QList<CaseloadLine>& lines) {
                if (request != request_)
                    return;
                request_ = 0;
                lines_ = lines;
                applyFilter();
                emit loadingChanged();
            });
    connect(storage_, &StorageClient::loadFailed, this, [this](quint64 request, const QString&) {
        if (request != request_)
            return;
        request_ = 0;
        emit loadingChanged();
    });
}

int CaseloadModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

void CaseloadModel::setSearch(const QString& search) {
    if (search == search_)
        return;
    search_ = search;
    applyFilter();
    emit filterChanged();
}

void CaseloadModel::setFilter(const QString& filter) {
    if (filter == filter_)
        return;
    filter_ = filter;
    applyFilter();
    emit filterChanged();
}

int CaseloadModel::behindPaceCount() const {
    return static_cast<int>(std::count_if(lines_.cbegin(), lines_.cend(),
                                          [](const CaseloadLine& l) { return l.behindPace; }));
}

int CaseloadModel::overdueCount() const {
    return static_cast<int>(std::count_if(
        lines_.cbegin(), lines_.cend(), [](const CaseloadLine& l) { return l.overdueItems > 0; }));
}

int CaseloadModel::alertsCount() const {
    return static_cast<int>(std::count_if(lines_.cbegin(), lines_.cend(),
                                          [](const CaseloadLine& l) { return l.alerts > 0; }));
}

bool CaseloadModel::matches(const CaseloadLine& l) const {
    if (filter_ == QLatin1String("behindPace") && !l.behindPace)
        return false;
    if (filter_ == QLatin1String("overdue") && l.overdueItems == 0)
        return false;
    if (filter_ == QLatin1String("alerts") && l.alerts == 0)
        return false;
    const QString wanted = search_.simplified();
    if (wanted.isEmpty())
        return true;
    const QString names[] = {l.surname + QStringLiteral(", ") + l.forenames,
                             l.forenames + QLatin1Char(' ') + l.surname, l.crn};
    return std::any_of(std::begin(names), std::end(names), [&](const QString& name) {
        return name.contains(wanted, Qt::CaseInsensitive);
    });
}

void CaseloadModel::applyFilter() {
    beginResetModel();
    shown_.clear();
    for (qsizetype i = 0; i < lines_.size(); ++i) {
        if (matches(lines_.at(i)))
            shown_.append(i);
    }
    endResetModel();
    emit countChanged();
}

QVariant CaseloadModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaseloadLine& l = lines_.at(shown_.at(index.row()));
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return l.surname + QStringLiteral(", ") + l.forenames;
        case PersonIdRole:
            return l.personId;
        case CrnRole:
            return l.crn;
        case RequiredMinutesRole:
            return l.requiredMinutes;
        case CreditedMinutesRole:
            return l.creditedMinutes;
        case EteCreditedMinutesRole:
            return l.eteCreditedMinutes;
        case EteAllowanceMinutesRole:
            return l.eteAllowanceMinutes;
        case PercentRole:
            return l.percentComplete;
        case HoursTextRole:
            return hoursOf(l);
        case EteTextRole:
            return eteOf(l);
        case OpenItemsRole:
            return l.openItems;
        case CompletedRole:
            return !l.completedOn.isEmpty();
        case BehindPaceRole:
            return l.behindPace;
        case OverdueItemsRole:
            return l.overdueItems;
        case AlertsRole:
            return l.alerts;
        case ProjectedTextRole:
            if (!l.completedOn.isEmpty() || l.projectedCompletion.isEmpty())
                return QString();
            return tr("At this pace: %1").arg(dates::mediumDate(l.projectedCompletion));
        default:
            return {};
    }
}

QHash<int, QByteArray> CaseloadModel::roleNames() const {
    return {{PersonIdRole, "personId"},
            {NameRole, "name"},
            {CrnRole, "crn"},
            {RequiredMinutesRole, "requiredMinutes"},
            {CreditedMinutesRole, "creditedMinutes"},
            {EteCreditedMinutesRole, "eteCreditedMinutes"},
            {EteAllowanceMinutesRole, "eteAllowanceMinutes"},
            {PercentRole, "percent"},
            {HoursTextRole, "hoursText"},
            {EteTextRole, "eteText"},
            {OpenItemsRole, "openItems"},
            {CompletedRole, "completed"},
            {BehindPaceRole, "behindPace"},
            {OverdueItemsRole, "overdueItems"},
            {AlertsRole, "alerts"},
            {ProjectedTextRole, "projectedText"}};
}

void CaseloadModel::reload() {
    request_ = storage_->loadCaseload();
    emit loadingChanged();
}

void CaseloadModel::clear() {
    request_ = 0;
    lines_.clear();
    const bool filtered = !search_.isEmpty() || !filter_.isEmpty();
    search_.clear();
    filter_.clear();
    applyFilter();
    if (filtered)
        emit filterChanged();
}

// --- InboxModel

InboxModel::InboxModel(StorageClient* storage, std::function<QDate()> today, QObject* parent)
    : QAbstractListModel(parent), storage_(storage), today_(std::move(today)) {
    connect(storage_, &StorageClient::inboxLoaded, this,
            [this](quint64 request, const QList<InboxItem>& items) {
                if (request != request_)
                    return;
                request_ = 0;
                beginResetModel();
                items_ = items;
                endResetModel();
                emit countChanged();
            });
}

QString InboxModel::kindText(const QString& kind) {
    if (kind == QLatin1String("enforcement_due"))
        return tr("Enforcement decision due");
    if (kind == QLatin1String("feedback_gap"))
        return tr("Feedback missing");
    if (kind == QLatin1String("overdue_outcome"))
        return tr("Outcome overdue");
    if (kind == QLatin1String("review_due"))
        return tr("Review due");
    if (kind == QLatin1String("conflict"))
        return tr("Conflicting outcomes");
    if (kind == QLatin1String("supervisor_alert"))
        return tr("Supervisor alert");
    return kind;
}

QString InboxModel::kindIcon(const QString& kind) {
    if (kind == QLatin1String("enforcement_due"))
        return QStringLiteral("⚖");
    if (kind == QLatin1String("feedback_gap"))
        return QStringLiteral("✎");
    if (kind == QLatin1String("overdue_outcome"))
        return QStringLiteral("◔");
    if (kind == QLatin1String("review_due"))
        return QStringLiteral("☐");
    if (kind == QLatin1String("conflict"))
        return QStringLiteral("⇄");
    if (kind == QLatin1String("supervisor_alert"))
        return QStringLiteral("⚑");
    return QStringLiteral("•");
}

namespace {

// A conflict's versions with each outcome named in the interface language.
QVariantList versionsInWords(const QVariantList& versions) {
    QVariantList out;
    for (const auto& v : versions) {
        QVariantMap m = v.toMap();
        m.insert(QStringLiteral("description"),
                 labels::outcome(m.value(QStringLiteral("code")).toString()));
        out.append(m);
    }
    return out;
}

}  // namespace

QVariantMap InboxModel::toMap(const InboxItem& i, QDate today) {
    const QDate due = QDate::fromString(i.dueOn, Qt::ISODate);
    const bool overdue = due.isValid() && due < today;
    QString dueText;
    if (due.isValid()) {
        dueText = overdue ? tr("Respond by %1 (passed)").arg(dates::mediumDate(due))
                          : tr("Respond by %1").arg(dates::mediumDate(due));
    }
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("kind"), i.kind},
            {QStringLiteral("kindText"), kindText(i.kind)},
            {QStringLiteral("kindIcon"), kindIcon(i.kind)},
            {QStringLiteral("personId"), i.personId},
            {QStringLiteral("personName"), i.personName},
            {QStringLiteral("crn"), i.crn},
            {QStringLiteral("appointmentId"), i.appointmentId},
            {QStringLiteral("dueOn"), i.dueOn},
            {QStringLiteral("dueText"), dueText},
            {QStringLiteral("overdue"), overdue},
            {QStringLiteral("message"), i.message},
            {QStringLiteral("breachReferralRequired"), i.breachReferralRequired},
            {QStringLiteral("dueDateText"), due.isValid() ? dates::mediumDate(due) : QString()},
            {QStringLiteral("messageText"), dates::inWords(i.message)},
            {QStringLiteral("reason"), i.reason},
            {QStringLiteral("feedbackId"), i.feedbackId},
            {QStringLiteral("versions"), versionsInWords(i.versions)}};
}

int InboxModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant InboxModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantMap m = toMap(items_.at(index.row()), today_());
    const QByteArray name = roleNames().value(role == Qt::DisplayRole ? MessageRole : role);
    if (name.isEmpty())
        return {};
    return m.value(QString::fromLatin1(name));
}

QHash<int, QByteArray> InboxModel::roleNames() const {
    return {{IdRole, "id"},
            {KindRole, "kind"},
            {KindTextRole, "kindText"},
            {IconRole, "kindIcon"},
            {PersonIdRole, "personId"},
            {PersonNameRole, "personName"},
            {CrnRole, "crn"},
            {AppointmentIdRole, "appointmentId"},
            {DueOnRole, "dueOn"},
            {DueTextRole, "dueText"},
            {OverdueRole, "overdue"},
            {MessageRole, "message"},
            {BreachReferralRequiredRole, "breachReferralRequired"},
            {DueDateTextRole, "dueDateText"},
            {MessageTextRole, "messageText"},
            {ReasonRole, "reason"},
            {FeedbackIdRole, "feedbackId"},
            {VersionsRole, "versions"}};
}

void InboxModel::reload() {
    request_ = storage_->loadInbox();
}

void InboxModel::clear() {
    request_ = 0;
    beginResetModel();
    items_.clear();
    endResetModel();
    emit countChanged();
}

// --- AttentionModel

AttentionModel::AttentionModel(StorageClient* storage, QObject* parent)
    : QAbstractListModel(parent), storage_(storage) {
    connect(storage_, &StorageClient::attentionLoaded, this,
            [this](quint64 request, const QList<AttentionItem>& items) {
                if (request != request_)
                    return;
                request_ = 0;
                beginResetModel();
                items_ = items;
                endResetModel();
                emit countChanged();
            });
    connect(storage_, &StorageClient::discarded, this, [this](quint64 request) {
        if (request != discardRequest_)
            return;
        discardRequest_ = 0;
        emit discarded();
        reload();
    });
    connect(storage_, &StorageClient::loadFailed, this,
            [this](quint64 request, const QString& message) {
                if (request != request_ && request != discardRequest_)
                    return;
                request_ = discardRequest_ = 0;
                error_ = message;
                emit errorChanged();
            });
}

int AttentionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant AttentionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttentionItem& i = items_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case SummaryRole:
            return i.summary;
        case OpIdRole:
            return i.opId;
        case CodeRole:
            return i.code;
        case MessageRole:
            return i.message;
        case WhenRole:
            return QDateTime::fromMSecsSinceEpoch(i.createdAt)
                .toString(QStringLiteral("d MMM HH:mm"));
        case AppointmentIdRole:
            return i.appointmentId;
        case CorrectableRole:
            return i.correctable;
        case KindRole:
            return i.entityType;
        case PersonIdRole:
            return i.personId;
        case RefusedRole:
            return i.refused;
        case PersonNameRole:
            return i.personName;
        case SessionTextRole:
            return i.sessionText;
        case RefusedTextRole:
            return i.refusedText;
        case BlockedReasonRole:
            return i.blockedReason;
        default:
            return {};
    }
}

QHash<int, QByteArray> AttentionModel::roleNames() const {
    return {{OpIdRole, "opId"},
            {SummaryRole, "summary"},
            {CodeRole, "code"},
            {MessageRole, "message"},
            {WhenRole, "when"},
            {AppointmentIdRole, "appointmentId"},
            {CorrectableRole, "correctable"},
            {KindRole, "kind"},
            {PersonIdRole, "personId"},
            {RefusedRole, "refused"},
            {PersonNameRole, "personName"},
            {SessionTextRole, "sessionText"},
            {RefusedTextRole, "refusedText"},
            {BlockedReasonRole, "blockedReason"}};
}

void AttentionModel::reload() {
    request_ = storage_->loadAttention();
}

void AttentionModel::discard(const QString& opId, const QString& reason) {
    discardRequest_ = storage_->discardChange(opId, reason);
}

void AttentionModel::clear() {
    request_ = discardRequest_ = 0;
    beginResetModel();
    items_.clear();
    endResetModel();
    emit countChanged();
}

// --- PersonController

PersonController::PersonController(StorageClient* storage, std::function<QDate()> today,
                                   QObject* parent)
    : QObject(parent), storage_(storage), today_(std::move(today)) {
    connect(storage_, &StorageClient::personLoaded, this,
            [this](quint64 request, const PersonDetail& detail) {
                if (request != request_)
                    return;
                request_ = 0;
                d_ = detail;
                emit loaded();
                emit busyChanged();
            });
    connect(storage_, &StorageClient::loadFailed, this, [this](quint64 request, const QString&) {
        if (request != request_)
            return;
        request_ = 0;
        emit busyChanged();
    });
    connect(storage_, &StorageClient::decisionRecorded, this, [this](quint64 request) {
        if (request != decisionRequest_)
            return;
        decisionRequest_ = 0;
        setDecisionError({}, {});
        setCorrection({});
        emit busyChanged();
        emit decisionSaved();
        reload();
    });
    connect(storage_, &StorageClient::decisionFailed, this,
            [this](quint64 request, const QString& field, const QString& message) {
                if (request != decisionRequest_)
                    return;
                decisionRequest_ = 0;
                setDecisionError(field, message);
                emit busyChanged();
            });
}

QString PersonController::name() const {
    if (d_.line.surname.isEmpty())
        return {};
    return d_.line.forenames + QLatin1Char(' ') + d_.line.surname;
}

QString PersonController::hoursText() const {
    return hoursOf(d_.line);
}

QString PersonController::eteText() const {
    return eteOf(d_.line);
}

QString PersonController::sentenceDateText() const {
    return dates::mediumDate(d_.sentenceDate);
}

QVariantList PersonController::timeline() const {
    QVariantList out;
    for (const auto& v : d_.timeline) {
        QVariantMap m = v.toMap();
        const QString date = m.value(QStringLiteral("date")).toString();
        m.insert(QStringLiteral("dateText"), date.isEmpty() ? QString() : dates::mediumDate(date));
        const int credited = m.value(QStringLiteral("creditedMinutes")).toInt();
        m.insert(QStringLiteral("creditedText"),
                 credited > 0 ? QStringLiteral("+") + hoursMinutes(credited) : QString());
        out.append(m);
    }
    return out;
}

QVariantList PersonController::notes() const {
    QVariantList out;
    for (const auto& v : d_.notes) {
        QVariantMap m = v.toMap();
        const QDateTime at = m.value(QStringLiteral("createdAt")).toDateTime().toLocalTime();
        m.insert(QStringLiteral("createdText"),
                 dates::mediumDate(at.date()) + QLatin1Char(' ') +
                     QLocale().toString(at.time(), QStringLiteral("HH:mm")));
        out.append(m);
    }
    return out;
}

QVariantList PersonController::decisions() const {
    QVariantList out;
    for (const auto& v : d_.decisions) {
        QVariantMap m = v.toMap();
        m.insert(QStringLiteral("decidedOnText"),
                 dates::mediumDate(m.value(QStringLiteral("decidedOn")).toString()));
        const QString reclassified = m.value(QStringLiteral("reclassifiedAs")).toString();
        if (!reclassified.isEmpty())
            m.insert(QStringLiteral("reclassifiedText"), labels::outcome(reclassified));
        out.append(m);
    }
    return out;
}

QString PersonController::correctionReclassifiedAs() const {
    if (!correctingDecision())
        return {};
    for (const auto& v : d_.decisions) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("appointmentId")).toString() == correction_.appointmentId)
            return m.value(QStringLiteral("reclassifiedAs")).toString();
    }
    return {};
}

QVariantList PersonController::items() const {
    QVariantList out;
    for (const auto& i : d_.items)
        out.append(InboxModel::toMap(i, today_()));
    return out;
}

void PersonController::setDecisionError(const QString& field, const QString& message) {
    if (field == decisionErrorField_ && message == decisionError_)
        return;
    decisionErrorField_ = field;
    decisionError_ = message;
    emit decisionErrorChanged();
}

void PersonController::setCorrection(Correction correction) {
    const bool changed = correction.opId != correction_.opId ||
                         correction.appointmentId != correction_.appointmentId ||
                         correction.action != correction_.action ||
                         correction.note != correction_.note ||
                         correction.reason != correction_.reason;
    correction_ = std::move(correction);
    if (changed)
        emit correctionChanged();
}

void PersonController::load(const QString& personId) {
    wanted_ = personId;
    setDecisionError({}, {});
    setCorrection({});
    reload();
}

void PersonController::loadDecisionCorrection(const QString& opId, const QString& personId,
                                              const QString& appointmentId, const QString& action,
                                              const QString& note, const QString& reason) {
    load(personId);
    setCorrection({opId, appointmentId, action, note, reason});
}

void PersonController::reload() {
    if (wanted_.isEmpty())
        return;
    request_ = storage_->loadPerson(wanted_);
    emit busyChanged();
}

void PersonController::recordDecision(const QString& appointmentId, const QString& action,
                                      const QString& note, const QString& decidedOn) {
    setDecisionError({}, {});
    decisionRequest_ = correctingDecision() && appointmentId == correction_.appointmentId
                           ? storage_->resubmitDecision(correction_.opId, action, note, decidedOn)
                           : storage_->recordDecision(appointmentId, action, note, decidedOn);
    emit busyChanged();
}

void PersonController::recordAbsenceAcceptable(const QString& appointmentId, const QString& code,
                                               const QString& evidence, const QString& decidedOn) {
    setDecisionError({}, {});
    decisionRequest_ =
        correctingDecision() && appointmentId == correction_.appointmentId
            ? storage_->resubmitAbsenceAcceptable(correction_.opId, code, evidence, decidedOn)
            : storage_->recordAbsenceAcceptable(appointmentId, code, evidence, decidedOn);
    emit busyChanged();
}

QString PersonController::ukToday() const {
    return QString::fromStdString(
        domain::ukCivilTime(storage_->clock().nowMillis()).date.toString());
}

QString PersonController::addDays(const QString& isoDate, int days) const {
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? date.addDays(days).toString(Qt::ISODate) : QString();
}

QString PersonController::dateText(const QString& isoDate) const {
    return dates::mediumDate(isoDate);
}

void PersonController::acknowledgeAlert(const QString& feedbackId) {
    setDecisionError({}, {});
    decisionRequest_ = storage_->acknowledgeAlert(feedbackId, {});
    emit busyChanged();
}

void PersonController::confirmOutcome(const QString& appointmentId, const QString& outcomeJson) {
    setDecisionError({}, {});
    decisionRequest_ = storage_->confirmOutcome(appointmentId, outcomeJson);
    emit busyChanged();
}

void PersonController::clear() {
    wanted_.clear();
    request_ = decisionRequest_ = 0;
    d_ = {};
    setDecisionError({}, {});
    setCorrection({});
    emit loaded();
}

}  // namespace sitebook::ui
