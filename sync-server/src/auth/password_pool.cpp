#include "sitebook/server/auth/password_pool.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace sitebook::server {

struct PasswordPool::Job {
    std::function<bool()> work;
    std::function<bool()> abandoned;
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    Result<bool> answer = false;
};

PasswordPool::PasswordPool(PasswordPoolOptions options) : options_(options) {
    int workers = options_.workers;
    if (workers <= 0) {
        const unsigned cores = std::thread::hardware_concurrency();
        workers = std::max(1, static_cast<int>(cores / 2));
    }
    threads_.reserve(static_cast<std::size_t>(workers));
    for (int i = 0; i < workers; ++i)
        threads_.emplace_back([this] { loop(); });
}

PasswordPool::~PasswordPool() {
    std::deque<std::shared_ptr<Job>> left;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        left.swap(queue_);
    }
    wake_.notify_all();
    for (auto& job : left) {
        std::lock_guard lock(job->mutex);
        job->answer = makeError(ErrorCode::Unavailable, "the server is stopping; try again");
        job->finished = true;
        job->done.notify_all();
    }
    for (auto& t : threads_)
        t.join();
}

Result<bool> PasswordPool::run(std::function<bool()> work, std::function<bool()> abandoned) {
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    job->abandoned = std::move(abandoned);
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return makeError(ErrorCode::Unavailable, "the server is stopping; try again");
        if (queue_.size() >= options_.maxQueued) {
            ++refused_;
            return makeError(ErrorCode::ResourceExhausted,
                             "the server is busy signing people in; try again shortly");
        }
        queue_.push_back(job);
    }
    wake_.notify_one();
    std::unique_lock lock(job->mutex);
    job->done.wait(lock, [&] { return job->finished; });
    return job->answer;
}

std::chrono::milliseconds PasswordPool::retryAfter() const {
    std::lock_guard lock(mutex_);
    const double waiting = static_cast<double>(queue_.size() + threads_.size());
    const double millis = waiting * averageJobMillis_ / static_cast<double>(threads_.size());
    return std::chrono::milliseconds(std::max<long long>(100, static_cast<long long>(millis)));
}

std::size_t PasswordPool::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

std::size_t PasswordPool::refusedCount() const {
    std::lock_guard lock(mutex_);
    return refused_;
}

void PasswordPool::loop() {
    if (options_.niceIncrement > 0) {
        // Per thread on Linux: only the hashing threads yield the CPU to other calls.
        const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
        const int current = ::getpriority(PRIO_PROCESS, tid);
        (void)::setpriority(PRIO_PROCESS, tid, std::min(19, current + options_.niceIncrement));
    }
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_)
                return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        Result<bool> answer = false;
        if (job->abandoned && job->abandoned()) {
            answer = makeError(ErrorCode::DeadlineExceeded, "the caller gave up before its turn");
        } else {
            const auto start = std::chrono::steady_clock::now();
            answer = job->work();
            const double took =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            std::lock_guard lock(mutex_);
            averageJobMillis_ = 0.8 * averageJobMillis_ + 0.2 * took;
        }
        std::lock_guard lock(job->mutex);
        job->answer = std::move(answer);
        job->finished = true;
        job->done.notify_all();
    }
}

}  // namespace sitebook::server
