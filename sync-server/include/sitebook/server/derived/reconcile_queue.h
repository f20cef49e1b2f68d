#pragma once
// Recomputes the people uploads queued (UnitOfWork::queueReconcile), after the uploads commit.
//
// A busy upload touches the same person in batch after batch; recomputing them inside every
// batch cost far more than applying the operations. The queue coalesces: a worker thread
// waits until uploads pause for `quiet` (or `maxDelay` has passed since the first wake-up),
// then recomputes every queued person once, `peoplePerTransaction` to a transaction so
// uploads get the write lock in between. Each person leaves the queue in the transaction that
// recomputes them, so a crash leaves them queued and `serve` recomputes them at startup.
//
// Reads stay exact: an officer's download first recomputes, on its own thread, whichever
// people of its scope are still queued (drainPeople), so no officer sees progress or RO items
// older than the operations the server has acknowledged.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/store/store.h"

namespace sitebook::server {

struct ReconcileQueueOptions {
    // Uploads must pause this long before the worker starts (coalescing a burst)...
    std::chrono::milliseconds quiet{250};
    // ...unless this long has passed since it was first woken.
    std::chrono::milliseconds maxDelay{30000};
    std::size_t peoplePerTransaction = 32;
    // After a store failure the worker waits this long before trying again.
    std::chrono::milliseconds retryAfter{1000};
};

// What a drain did.
struct DrainRun {
    std::int64_t people = 0;          // people recomputed and taken off the queue
    std::int64_t recordsWritten = 0;  // derived records created, changed or removed
    std::int64_t failures = 0;        // people whose records did not hang together (logged)
};

// Thread-safe.
class ReconcileQueue {
public:
    ReconcileQueue(Store& store, Reconciler& reconciler, ReconcileQueueOptions options = {});
    ~ReconcileQueue();
    ReconcileQueue(const ReconcileQueue&) = delete;
    ReconcileQueue& operator=(const ReconcileQueue&) = delete;

    // Starts the worker thread; it drains whatever is queued already, then waits for notify().
    void start();
    // Stops the worker (an unfinished person stays queued). Idempotent.
    void stop();
    // Tells the worker that an upload committed with people queued.
    void notify();

    // Recomputes every queued person now, on the calling thread.
    Result<DrainRun> drainAll();
    // Recomputes those of `personIds` that are queued, now, on the calling thread.
    Result<DrainRun> drainPeople(const std::vector<std::string>& personIds);

    // Waits until nothing is queued and the worker is idle; false if `timeout` passed first.
    bool waitUntilIdle(std::chrono::milliseconds timeout);

private:
    void loop();
    // One transaction: recomputes and dequeues those of `*only` still queued, or (null) the
    // oldest peoplePerTransaction queued people.
    Result<DrainRun> drainOnce(const std::vector<std::string>* only);

    Store& store_;
    Reconciler& reconciler_;
    ReconcileQueueOptions options_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    bool stopping_ = false;
    bool busy_ = false;
    std::uint64_t notified_ = 0;  // notify() calls so far
    std::thread thread_;
};

}  // namespace sitebook::server
