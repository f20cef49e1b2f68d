#pragma once
// Where the server spends Argon2id: a fixed number of hashing threads and a short queue in
// front of them, so that the cost of unauthenticated callers is bounded. Each verification
// takes ~64 MiB and a core for ~0.1 s; without a bound, N concurrent wrong passwords cost
// N × 64 MiB and starve every other call of CPU (issue: 120 concurrent logins, 1.18 GB,
// a health check answered after 14.9 s).
//
// A job beyond the queue is refused at once (ResourceExhausted) with an estimate of when a
// place will be free, instead of waiting: the caller answers RESOURCE_EXHAUSTED and the
// client retries later. Hashing threads run at a lower CPU priority (nice), so health checks
// and sync calls are served first when the machine is busy.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "sitebook/common/result.h"

namespace sitebook::server {

struct PasswordPoolOptions {
    // Hashing threads; 0: half the machine's cores, at least 1. Peak hashing memory is
    // workers × 64 MiB (libsodium's INTERACTIVE limit).
    int workers = 0;
    // Jobs that may wait for a thread; beyond this, ResourceExhausted.
    std::size_t maxQueued = 16;
    // Added to the hashing threads' nice value (0 leaves it; Linux only).
    int niceIncrement = 10;
};

// Thread-safe. The destructor refuses queued jobs (Unavailable) and joins the threads.
class PasswordPool {
public:
    explicit PasswordPool(PasswordPoolOptions options = {});
    ~PasswordPool();
    PasswordPool(const PasswordPool&) = delete;
    PasswordPool& operator=(const PasswordPool&) = delete;

    // Runs `job` on a hashing thread and blocks until it has run; returns its answer.
    // ResourceExhausted at once when maxQueued jobs are already waiting. `abandoned` is asked
    // just before the job would start: a caller that has gone (cancelled, deadline passed) is
    // not worked for, and gets DeadlineExceeded.
    Result<bool> run(std::function<bool()> job, std::function<bool()> abandoned = {});

    // When a refused caller may expect a place: the queue's length times the recent average
    // job time, divided among the threads; at least 100 ms.
    std::chrono::milliseconds retryAfter() const;

    int workers() const { return static_cast<int>(threads_.size()); }
    // Jobs waiting for a thread now.
    std::size_t queued() const;
    // Jobs refused because the queue was full, since start.
    std::size_t refusedCount() const;

private:
    struct Job;
    void loop();

    PasswordPoolOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::shared_ptr<Job>> queue_;
    bool stopping_ = false;
    std::size_t refused_ = 0;
    double averageJobMillis_ = 100.0;  // moving average of finished jobs
    std::vector<std::thread> threads_;
};

}  // namespace sitebook::server
