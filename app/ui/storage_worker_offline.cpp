// The maximum offline period, on the storage thread (see offline_period.h).

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

#include "offline_period.h"
#include "qt_text.h"
#include "sitebook/common/log.h"
#include "storage_worker.h"

namespace sitebook::ui {

namespace {

constexpr std::string_view kComponent = "offline";
// A plain copy of the last contact for the check at start, when the store cannot be read. It
// can only bring the shredding forward: editing it does not stop the check at unlock.
constexpr const char* kHintFile = "offline.json";

std::optional<std::int64_t> number(const Result<std::optional<std::string>>& text) {
    if (!text.ok() || !*text || (*text)->empty())
        return std::nullopt;
    try {
        return std::stoll(**text);
    } catch (...) {
        return std::nullopt;
    }
}

OfflinePolicy storedPolicy(store::LocalStore& store) {
    OfflinePolicy p;
    auto read = [&](const char* key, int& field) {
        if (auto v = number(store.syncValue(key)))
            field = static_cast<int>(*v);
    };
    read(kLockAfterDaysKey, p.lockAfterDays);
    read(kShredAfterDaysKey, p.shredAfterDays);
    read(kWarnDaysKey, p.warnDays);
    read(kBackgroundLockKey, p.backgroundLockSeconds);
    return p;
}

}  // namespace

Status StorageWorker::shredDeviceData() {
    // The same destruction as the server's wipe instruction: keys first, then the files.
    engine_.reset();
    {
        std::lock_guard lock(transportMutex_);
        transport_.reset();
    }
    store_.reset();
    Status wiped = sync::wipeDeviceFiles(databasePath(), [this] { return vault_->wipe(); });
    std::error_code ec;
    for (const char* file : {"device.json", "ca.pem", kHintFile})
        std::filesystem::remove(config_.dataDir / file, ec);
    return wiped;
}

void StorageWorker::assessOffline() {
    if (!store_)
        return;
    // The clock as the device has seen it at its highest: setting it back gains nothing.
    const std::int64_t now =
        std::max(clock_.nowMillis(), number(store_->syncValue(kClockHighWaterKey)).value_or(0));
    auto last = number(store_->syncValue(kLastContactKey));
    if (!last) {
        // A device set up by signing in: that sign-in was its first contact.
        last = now;
        (void)store_->setSyncValue(kLastContactKey, std::to_string(now));
    }
    (void)store_->setSyncValue(kClockHighWaterKey, std::to_string(now));
    const OfflinePolicy policy = storedPolicy(*store_);
    const OfflineVerdict verdict = judgeOffline(*last, now, policy);
    // The plain copy for the check at start.
    QJsonObject hint{{QStringLiteral("last_contact_ms"), static_cast<qint64>(*last)},
                     {QStringLiteral("high_water_ms"), static_cast<qint64>(now)},
                     {QStringLiteral("lock_after_days"), policy.lockAfterDays},
                     {QStringLiteral("shred_after_days"), policy.shredAfterDays}};
    QFile file(QString::fromStdString((config_.dataDir / kHintFile).string()));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QJsonDocument(hint).toJson(QJsonDocument::Compact));
    file.close();
    if (verdict.stage == OfflineStage::Shred) {
        log::warning(kComponent,
                     "no server contact within the offline period and its grace: "
                     "shredding this device's keys");
        Status shredded = shredDeviceData();
        if (!shredded.ok())
            log::error(kComponent, "shredding failed: " + shredded.error().toString());
        emit offlineShredded();
        emit closed();
        emit vaultInspected(status());
        return;
    }
    emit offlineAssessed(static_cast<int>(verdict.stage), verdict.daysLeft,
                         policy.backgroundLockSeconds);
}

void StorageWorker::noteServerContact() {
    if (!store_ || !engine_)
        return;
    // The answer to this call is the contact: a sync that ended a moment ago may have been the
    // last thing the server answered, and only a server that answers now resets the period.
    // The contact is dated when the call is made, not when its answer arrives.
    const std::int64_t now =
        std::max(clock_.nowMillis(), number(store_->syncValue(kClockHighWaterKey)).value_or(0));
    auto values = engine_->policyValues();
    if (!values.ok()) {
        log::info(kComponent, "no contact recorded: " + values.error().toString());
        return;
    }
    {
        const OfflinePolicy policy = offlinePolicyFrom(
            *values, domain::CivilDate::fromUnixMillis(clock_.nowMillis()), storedPolicy(*store_));
        (void)store_->setSyncValue(kLockAfterDaysKey, std::to_string(policy.lockAfterDays));
        (void)store_->setSyncValue(kShredAfterDaysKey, std::to_string(policy.shredAfterDays));
        (void)store_->setSyncValue(kWarnDaysKey, std::to_string(policy.warnDays));
        (void)store_->setSyncValue(kBackgroundLockKey,
                                   std::to_string(policy.backgroundLockSeconds));
    }
    (void)store_->setSyncValue(kLastContactKey, std::to_string(now));
    assessOffline();
}

void StorageWorker::checkOfflineAtStart() {
    if (store_)
        return;
    QFile file(QString::fromStdString((config_.dataDir / kHintFile).string()));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject hint = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (!hint.contains(QStringLiteral("last_contact_ms")))
        return;
    OfflinePolicy policy;
    policy.lockAfterDays = hint.value(QStringLiteral("lock_after_days")).toInt(14);
    policy.shredAfterDays = hint.value(QStringLiteral("shred_after_days")).toInt(7);
    const std::int64_t now = std::max<std::int64_t>(
        clock_.nowMillis(), hint.value(QStringLiteral("high_water_ms")).toInteger());
    const OfflineVerdict verdict =
        judgeOffline(hint.value(QStringLiteral("last_contact_ms")).toInteger(), now, policy);
    if (verdict.stage != OfflineStage::Shred) {
        emit offlineAssessed(static_cast<int>(verdict.stage), verdict.daysLeft,
                             policy.backgroundLockSeconds);
        return;
    }
    log::warning(kComponent,
                 "no server contact within the offline period and its grace: "
                 "shredding this device's keys");
    Status shredded = shredDeviceData();
    if (!shredded.ok())
        log::error(kComponent, "shredding failed: " + shredded.error().toString());
    emit offlineShredded();
    emit vaultInspected(status());
}

}  // namespace sitebook::ui
