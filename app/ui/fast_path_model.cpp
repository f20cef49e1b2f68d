#include "fast_path_model.h"

#include <QLocale>

#include "qt_text.h"
#include "record_controller.h"
#include "roster_model.h"
#include "sitebook/domain/codes.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/uk_time.h"
#include "sitebook/domain/validation.h"
#include "storage_client.h"

namespace sitebook::ui {

using namespace domain;

namespace {

const QString kDefaultSkillLevel = QStringLiteral("practising");

bool isBlank(const QString& text) {
    return text.trimmed().isEmpty();
}

}  // namespace

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
                QString named = error.message;
                for (int row = 0; row < rows_.size(); ++row) {
                    if (rows_[row].appointmentId == error.appointmentId) {
                        named = tr("%1: %2").arg(rows_[row].name, error.message);
                        setRowError(row, named);
                    }
                }
                QVariantMap errors;
                if (!error.field.isEmpty())
                    errors.insert(error.field, named);
                setErrors(errors, tr("Nothing was saved. %1").arg(named));
                emit busyChanged();
            });
}

int FastPathModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FastPathModel::attendingCount() const {
    int n = 0;
    for (const Row& r : rows_)
        n += r.attending ? 1 : 0;
    return n;
}

int FastPathModel::withoutFeedbackCount() const {
    int n = 0;
    for (const Row& r : rows_)
        n += r.attending && isBlank(r.feedback) && r.skill.isEmpty() ? 1 : 0;
    return n;
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
        case AttendingRole:
            return r.attending;
        case ArrivalRole:
            return r.arrival;
        case FinishRole:
            return r.finish;
        case FeedbackRole:
            return r.feedback;
        case SkillRole:
            return r.skill;
        case SkillLevelRole:
            return r.skillLevel;
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
    if (role == AttendingRole) {
        if (r.attending == value.toBool())
            return true;
        r.attending = value.toBool();
        emit dataChanged(index, index, {role});
        emit countChanged();
        return true;
    }
    QString* target = nullptr;
    switch (role) {
        case ArrivalRole:
            target = &r.arrival;
            break;
        case FinishRole:
            target = &r.finish;
            break;
        case FeedbackRole:
            target = &r.feedback;
            break;
        case SkillRole:
            target = &r.skill;
            break;
        case SkillLevelRole:
            target = &r.skillLevel;
            break;
        default:
            return false;
    }
    const QString text = value.toString();
    if (*target == text)
        return true;
    const bool counted = role == FeedbackRole || role == SkillRole;
    const int before = counted ? withoutFeedbackCount() : 0;
    *target = text;
    emit dataChanged(index, index, {role});
    if (counted && withoutFeedbackCount() != before)
        emit countChanged();
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
            {AttendingRole, "attending"},
            {ArrivalRole, "arrival"},
            {FinishRole, "finish"},
            {FeedbackRole, "feedback"},
            {SkillRole, "skill"},
            {SkillLevelRole, "skillLevel"},
            {ErrorRole, "error"}};
}

void FastPathModel::start(const QString& sessionStart, const QString& sessionEnd,
                          const QDate& sessionDate) {
    beginResetModel();
    rows_.clear();
    for (const QString& id : roster_->unrecordedAppointments()) {
        const QVariantMap line = roster_->line(id);
        Row r;
        r.appointmentId = id;
        r.name = line.value(QStringLiteral("name")).toString();
        r.flags = line.value(QStringLiteral("placementFlags")).toStringList();
        r.skillLevel = kDefaultSkillLevel;
        rows_.push_back(r);
    }
    endResetModel();
    sessionStart_ = sessionStart;
    sessionEnd_ = sessionEnd;
    sessionDate_ = sessionDate;
    arrival_ = sessionStart;
    finish_ = sessionEnd;
    workQuality_ = QStringLiteral("GOOD");
    behaviour_ = QStringLiteral("GOOD");
    workCategory_.clear();
    workDescription_.clear();
    workQuantity_.clear();
    workUnit_.clear();
    setErrors({}, {});
    emit formChanged();
    emit countChanged();
    checkStarted();
}

void FastPathModel::setText(int row, const QString& roleName, const QString& text) {
    const int role = roleNames().key(roleName.toUtf8(), -1);
    if (role < 0)
        return;
    setData(index(row),
            role == AttendingRole ? QVariant(text == QLatin1String("true")) : QVariant(text), role);
}

void FastPathModel::setAttending(int row, bool attending) {
    setData(index(row), attending, AttendingRole);
}

void FastPathModel::setRowError(int row, const QString& error) {
    if (rows_[row].error == error)
        return;
    rows_[row].error = error;
    emit dataChanged(index(row), index(row), {ErrorRole});
}

void FastPathModel::clearRowErrors() {
    for (int row = 0; row < rows_.size(); ++row)
        setRowError(row, {});
}

QString FastPathModel::timingMessage(const QString& field, const QString& sessionDate,
                                     const QString& time, const QString& now) {
    if (field == QLatin1String("code")) {
        return tr("This session starts at %1 on %2. Record the outcome once the session has "
                  "started.")
            .arg(time, sessionDate);
    }
    return tr("The arrival time %1 is later than the time now (%2). Enter the time they "
              "arrived.")
        .arg(time, now);
}

QString FastPathModel::timingRefusal(const QString& arrival) const {
    const auto start = parseTimeOfDay(sessionStart_);
    const auto date =
        CivilDate::fromYmd(sessionDate_.year(), sessionDate_.month(), sessionDate_.day());
    if (!sessionDate_.isValid() || !start || !date)
        return {};  // the store checks again when it saves
    Session session;
    session.date = *date;
    session.start = *start;
    session.end = parseTimeOfDay(sessionEnd_).value_or(*start);
    AppointmentOutcome outcome;
    outcome.code = Outcome(OutcomeCode::ATTC);
    outcome.arrival = parseTimeOfDay(arrival);
    const UnixMillis now = storage_->clock().nowMillis();
    const Status s = validateOutcomeTiming(outcome, session, now, Policy::defaults());
    if (s.ok())
        return {};
    const QString field = toQString(s.error().field);
    return timingMessage(field, toQString(session.date.toString()),
                         field == QLatin1String("code") ? sessionStart_ : arrival,
                         toQString(ukCivilTime(now).time.toString()));
}

bool FastPathModel::checkStarted() {
    const QString refusal = timingRefusal({});
    if (refusal != notStarted_) {
        notStarted_ = refusal;
        emit notStartedChanged();
    }
    return notStarted_.isEmpty();
}

void FastPathModel::save() {
    if (saving_ != 0 || rows_.isEmpty())
        return;
    clearRowErrors();
    QVariantMap problems;
    QStringList inPageOrder;  // the summary lists them as the page shows them, top to bottom
    auto problem = [&](const QString& key, const QString& message) {
        if (problems.contains(key))
            return;
        problems.insert(key, message);
        if (!inPageOrder.contains(message))
            inPageOrder << message;
    };
    if (!checkStarted())
        problem(QStringLiteral("outcome.code"), notStarted_);
    const auto arrival = parseTimeOfDay(arrival_);
    const auto finish = parseTimeOfDay(finish_);
    if (!arrival)
        problem(QStringLiteral("outcome.arrival"),
                tr("Enter the time they arrived, for example 09:00."));
    if (!finish)
        problem(QStringLiteral("outcome.finish"),
                tr("Enter the time they finished, for example 16:00."));
    if (arrival && finish && *finish <= *arrival)
        problem(QStringLiteral("outcome.finish"),
                tr("Enter a finish time after the arrival time."));

    // The work the group did, checked once for everyone.
    WorkUndertaken work;
    const auto category = parseEnum<WorkCategory>(toStdString(workCategory_));
    if (!category)
        problem(QStringLiteral("work.category"), tr("Choose the kind of work the group did."));
    else
        work.category = *category;
    if (isBlank(workDescription_))
        problem(QStringLiteral("work.description"), tr("Describe the work the group did."));
    work.description = toStdString(workDescription_.trimmed());
    work.unit = toStdString(workUnit_.trimmed());
    if (!isBlank(workQuantity_)) {
        bool ok = false;
        const double amount = QLocale().toDouble(workQuantity_.trimmed(), &ok);
        const double plain = ok ? amount : workQuantity_.trimmed().toDouble(&ok);
        if (!ok || plain < 0)
            problem(QStringLiteral("work.quantity"),
                    tr("Enter the amount as a number, for example 12."));
        else
            work.quantity = plain;
        if (isBlank(workUnit_))
            problem(QStringLiteral("work.unit"),
                    tr("Enter what the amount counts, for example bags."));
    }

    QList<RecordRequest> requests;
    for (int row = 0; row < rows_.size(); ++row) {
        const Row& r = rows_[row];
        if (!r.attending)
            continue;
        const auto own = [&](const QString& text, const std::optional<TimeOfDay>& group) {
            return isBlank(text) ? group : parseTimeOfDay(text.trimmed());
        };
        const auto in = own(r.arrival, arrival);
        const auto out = own(r.finish, finish);
        QString error;
        if (!isBlank(r.arrival) && !in) {
            error = tr("%1: enter the time they arrived, for example 09:30.").arg(r.name);
        } else if (!isBlank(r.finish) && !out) {
            error = tr("%1: enter the time they finished, for example 15:30.").arg(r.name);
        } else if (in && out && *out <= *in && (!isBlank(r.arrival) || !isBlank(r.finish))) {
            error = tr("%1: enter a finish time after the arrival time.").arg(r.name);
        } else if (in && notStarted_.isEmpty()) {
            const QString refusal = timingRefusal(toQString(in->toString()));
            if (!refusal.isEmpty())
                error = tr("%1: %2").arg(r.name, refusal);
        }
        if (!r.skill.isEmpty() && !parseEnum<Skill>(toStdString(r.skill)))
            error = tr("%1: choose a skill from the list.").arg(r.name);
        if (!error.isEmpty()) {
            setRowError(row, error);
            problem(QStringLiteral("person.") + r.appointmentId, error);
        }
        RecordRequest q;
        q.appointmentId = r.appointmentId;
        q.outcome.code = Outcome(OutcomeCode::ATTC);
        q.outcome.arrival = in;
        q.outcome.finish = out;
        q.outcome.work_quality = parseEnum<Rating>(toStdString(workQuality_));
        q.outcome.behaviour = parseEnum<Rating>(toStdString(behaviour_));
        q.work = work;
        if (!r.skill.isEmpty()) {
            SkillObservation s;
            s.skill = parseEnum<Skill>(toStdString(r.skill)).value_or(Skill::Teamwork);
            s.level =
                parseEnum<SkillLevel>(toStdString(r.skillLevel)).value_or(SkillLevel::Practising);
            q.skills.push_back(s);
        }
        if (!isBlank(r.feedback)) {
            Feedback f;
            f.progress = toStdString(r.feedback.trimmed());
            q.feedback = f;
        }
        requests.push_back(q);
    }
    if (requests.isEmpty() && problems.isEmpty()) {
        setErrors({}, tr("Nobody is marked as here. Mark who attended, or go back to the "
                         "roster."));
        return;
    }
    if (!problems.isEmpty()) {
        setErrors(problems, tr("There is a problem. Nothing was saved.") + QLatin1Char('\n') +
                                inPageOrder.join(QLatin1Char('\n')));
        return;
    }
    setErrors({}, {});
    saving_ = storage_->saveGroup(requests);
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
    workCategory_.clear();
    workDescription_.clear();
    workQuantity_.clear();
    workUnit_.clear();
    sessionDate_ = {};
    if (!notStarted_.isEmpty()) {
        notStarted_.clear();
        emit notStartedChanged();
    }
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
