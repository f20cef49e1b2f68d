#include "sitebook/server/derived/reconcile_queue.h"

#include <algorithm>

#include "sitebook/common/log.h"

namespace sitebook::server {

namespace {

// Records that do not hang together must not keep a person queued for ever: logged, and the
// periodic full run tries again. Store failures roll the transaction back instead.
bool isDataError(const Error& error) {
    return error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::NotFound ||
           error.code == ErrorCode::Corrupt;
}

void add(DrainRun& total, const DrainRun& part) {
    total.people += part.people;
    total.recordsWritten += part.recordsWritten;
    total.failures += part.failures;
}

}  // namespace

ReconcileQueue::ReconcileQueue(Store& store, Reconciler& reconciler, ReconcileQueueOptions options)
    : store_(store), reconciler_(reconciler), options_(options) {}

ReconcileQueue::~ReconcileQueue() {
    stop();
}

void ReconcileQueue::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable())
        return;
    stopping_ = false;
    ++notified_;  // whatever an earlier run left queued
    thread_ = std::thread([this] { loop(); });
}

void ReconcileQueue::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void ReconcileQueue::notify() {
    {
        std::lock_guard lock(mutex_);
        ++notified_;
    }
    wake_.notify_all();
}

void ReconcileQueue::loop() {
    std::unique_lock lock(mutex_);
    std::uint64_t seen = 0;
    bool retry = false;
    while (!stopping_) {
        if (retry) {
            wake_.wait_for(lock, options_.retryAfter, [this] { return stopping_; });
        } else {
            wake_.wait(lock, [&] { return stopping_ || notified_ != seen; });
        }
        if (stopping_)
            break;
        // Coalesce a burst: wait for a pause in uploads, but no longer than maxDelay.
        const auto first = std::chrono::steady_clock::now();
        for (;;) {
            const std::uint64_t before = notified_;
            const auto until = std::min(std::chrono::steady_clock::now() + options_.quiet,
                                        first + options_.maxDelay);
            wake_.wait_until(lock, until, [&] { return stopping_ || notified_ != before; });
            if (stopping_)
                return;
            if (notified_ == before ||
                std::chrono::steady_clock::now() >= first + options_.maxDelay)
                break;
        }
        seen = notified_;
        busy_ = true;
        lock.unlock();
        auto run = drainAll();
        lock.lock();
        busy_ = false;
        retry = !run.ok();
        if (!run) {
            log::warning("reconcile",
                         "queued recomputation failed, trying again: " + run.error().toString());
        } else if (run->people > 0) {
            log::info("reconcile", "recomputed " + std::to_string(run->people) + " people (" +
                                       std::to_string(run->recordsWritten) +
                                       " derived records changed)");
        }
        idle_.notify_all();
    }
}

Result<DrainRun> ReconcileQueue::drainOnce(const std::vector<std::string>* only) {
    auto uowResult = store_.begin(AccessMode::ReadWrite);
    if (!uowResult)
        return uowResult.error();
    UnitOfWork& uow = **uowResult;
    DrainRun run;
    std::vector<std::string> todo;
    if (only == nullptr) {
        auto queued = uow.queuedReconciles(options_.peoplePerTransaction);
        if (!queued)
            return queued.error();
        todo = std::move(*queued);
    } else {
        for (const auto& id : *only) {
            auto queued = uow.isReconcileQueued(id);
            if (!queued)
                return queued.error();
            if (*queued)
                todo.push_back(id);
        }
    }
    for (const auto& id : todo) {
        SB_TRY(uow.savepoint());
        auto changed = reconciler_.reconcilePeople(uow, {id});
        if (changed) {
            SB_TRY(uow.releaseSavepoint());
            run.recordsWritten += *changed;
            ++run.people;
        } else if (isDataError(changed.error())) {
            SB_TRY(uow.rollbackToSavepoint());
            log::warning("reconcile",
                         "person " + id + " not reconciled: " + changed.error().toString());
            ++run.failures;
        } else {
            return changed.error();
        }
        SB_TRY(uow.dequeueReconcile(id));
    }
    SB_TRY(uow.commit());
    return run;
}

Result<DrainRun> ReconcileQueue::drainAll() {
    DrainRun total;
    for (;;) {
        auto run = drainOnce(nullptr);
        if (!run)
            return run.error();
        add(total, *run);
        const auto handled = static_cast<std::size_t>(run->people + run->failures);
        if (handled < options_.peoplePerTransaction)
            return total;
    }
}

Result<DrainRun> ReconcileQueue::drainPeople(const std::vector<std::string>& personIds) {
    // Usually nobody is queued: find out under a read snapshot, without the write lock.
    std::vector<std::string> queued;
    {
        auto uow = store_.begin(AccessMode::ReadOnly);
        if (!uow)
            return uow.error();
        for (const auto& id : personIds) {
            auto isQueued = (*uow)->isReconcileQueued(id);
            if (!isQueued)
                return isQueued.error();
            if (*isQueued)
                queued.push_back(id);
        }
    }
    DrainRun total;
    const std::size_t step = std::max<std::size_t>(1, options_.peoplePerTransaction);
    for (std::size_t i = 0; i < queued.size(); i += step) {
        const auto first = queued.begin() + static_cast<std::ptrdiff_t>(i);
        const std::vector<std::string> chunk(
            first, first + static_cast<std::ptrdiff_t>(std::min(step, queued.size() - i)));
        auto run = drainOnce(&chunk);
        if (!run)
            return run.error();
        add(total, *run);
    }
    return total;
}

bool ReconcileQueue::waitUntilIdle(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            idle_.wait_until(lock, deadline, [this] { return !busy_; });
            if (busy_)
                return false;
        }
        auto uow = store_.begin(AccessMode::ReadOnly);
        if (uow) {
            auto depth = (*uow)->reconcileQueueDepth();
            if (depth && *depth == 0) {
                std::lock_guard lock(mutex_);
                if (!busy_)
                    return true;
            }
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace sitebook::server
