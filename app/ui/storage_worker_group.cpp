// The group path's save: a whole group's records in one transaction.
#include "qt_text.h"
#include "sitebook/common/log.h"
#include "storage_worker.h"

namespace sitebook::ui {

void StorageWorker::saveGroup(quint64 request, const QList<RecordRequest>& records) {
    if (!store_) {
        return emit saveFailed(request, {{}, {}, tr("The device is locked; nothing was saved.")});
    }
    QList<RecordRequest> checked = records;
    for (auto& r : checked) {
        FieldError error;
        if (!validate(r, error).ok())
            return emit saveFailed(request, error);
    }
    // Each part is written by the store, which also applies the rules that need the stored
    // records (e.g. no outcome before the session starts); the first refusal undoes them all.
    FieldError failure;
    const Status written = store_->atomically([&]() -> Status {
        for (const auto& r : checked) {
            auto fail = [&](std::string_view part, const Error& e) {
                failure.appointmentId = r.appointmentId;
                failure.field = toQString(part);
                if (!e.field.empty())
                    failure.field += QLatin1Char('.') + toQString(e.field);
                failure.message = toQString(e.message);
                return e;
            };
            if (r.work) {
                if (auto s = store_->addWorkUndertaken(*r.work); !s.ok())
                    return fail("work", s.error());
            }
            for (const auto& skill : r.skills) {
                if (auto s = store_->addSkillObservation(skill); !s.ok())
                    return fail("skill", s.error());
            }
            if (r.feedback) {
                if (auto s = store_->saveFeedback(*r.feedback); !s.ok())
                    return fail("feedback", s.error());
            }
            if (auto s = store_->recordOutcome(toStdString(r.appointmentId), r.outcome); !s.ok())
                return fail("outcome", s.error());
        }
        return okStatus();
    });
    if (!written.ok()) {
        if (failure.message.isEmpty()) {
            log::error("ui.storage", "saving a group failed: " + written.error().toString());
            failure.field = QStringLiteral("storage");
            failure.message = toQString(written.error().message);
        }
        return emit saveFailed(request, failure);
    }
    emit saved(request, static_cast<int>(checked.size()));
    emit dataChanged();
    emit localChange();
    countPending();
}

}  // namespace sitebook::ui
