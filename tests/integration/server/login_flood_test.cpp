// An unauthenticated caller's cost is bounded: a flood of wrong-password logins against the
// real TLS server is answered from a fixed hashing pool, the excess is refused at once with
// RESOURCE_EXHAUSTED and a retry-after, and health checks stay fast meanwhile.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using LoginFloodTest = ServerFixture;

std::string trailer(const grpc::ClientContext& ctx, const std::string& key) {
    const auto& md = ctx.GetServerTrailingMetadata();
    auto it = md.find(key);
    return it == md.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

// `count` concurrent Login calls with a wrong password, on their own connection.
class Flood {
public:
    Flood(const std::shared_ptr<grpc::Channel>& channel, const std::string& username, int count)
        : stub_(v1::AuthService::NewStub(channel)), calls_(static_cast<std::size_t>(count)) {
        for (auto& call : calls_) {
            call.request.set_protocol_version(v1::PROTOCOL_VERSION_1);
            call.request.set_username(username);
            call.request.set_password("not the password at all");
            call.request.set_device_id("5b0c3f1e-8a43-4f0e-9d39-6d1d3f1b2a77");
            call.context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        }
        for (auto& call : calls_) {
            stub_->async()->Login(&call.context, &call.request, &call.response,
                                  [this, &call](grpc::Status status) {
                                      std::lock_guard lock(mutex_);
                                      call.status = std::move(status);
                                      ++finished_;
                                      done_.notify_all();
                                  });
        }
    }
    int finished() {
        std::lock_guard lock(mutex_);
        return finished_;
    }
    void waitAll() {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return finished_ == static_cast<int>(calls_.size()); });
    }
    struct Call {
        v1::LoginRequest request;
        v1::TokenResponse response;
        grpc::ClientContext context;
        grpc::Status status;
    };
    std::vector<Call>& calls() { return calls_; }

private:
    std::unique_ptr<v1::AuthService::Stub> stub_;
    std::vector<Call> calls_;
    std::mutex mutex_;
    std::condition_variable done_;
    int finished_ = 0;
};

std::shared_ptr<grpc::Channel> newConnection(const PemPair& ca, int port) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ca.certificatePem;
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride("localhost");
    // A channel argument of its own keeps gRPC from sharing one connection between channels.
    args.SetInt("sitebook.test.connection", port);
    return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port), grpc::SslCredentials(ssl),
                                     args);
}

TEST_F(LoginFloodTest, HealthStaysFastAndTheExcessIsRefusedAtOnce) {
    // The production cost (64 MiB, libsodium INTERACTIVE): what a real flood makes the server do.
    auto id = createUser(*store_, clock_, random_, "flooded", "Flooded", Role::Supervisor,
                         kPassword, PasswordCost::interactive());
    ASSERT_TRUE(id.ok()) << id.error().toString();

    auto health = grpc::health::v1::Health::NewStub(newConnection(ca_, server_->port()));
    auto check = [&] {
        grpc::ClientContext ctx;
        ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        grpc::health::v1::HealthCheckRequest request;
        grpc::health::v1::HealthCheckResponse response;
        const auto start = std::chrono::steady_clock::now();
        grpc::Status status = health->Check(&ctx, request, &response);
        EXPECT_TRUE(status.ok()) << status.error_message();
        EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
        return std::chrono::steady_clock::now() - start;
    };
    // The probe's connection is up before the flood, and the machine's own noise is known: on
    // a machine shared with other work a check can wait for a CPU with or without the flood.
    std::chrono::steady_clock::duration slowestIdle{};
    for (int i = 0; i < 20; ++i)
        slowestIdle = std::max(slowestIdle, check());

    constexpr int kCalls = 200;
    Flood flood(newConnection(ca_, server_->port()), "flooded", kCalls);
    std::chrono::steady_clock::duration slowest{};
    int checksDuringFlood = 0;
    for (int i = 0; i < 20 && flood.finished() < kCalls; ++i) {
        slowest = std::max(slowest, check());
        ++checksDuringFlood;
    }
    const bool floodStillRunning = flood.finished() < kCalls;
    flood.waitAll();

    int refused = 0, refusedByPool = 0, wrongPassword = 0;
    for (auto& call : flood.calls()) {
        if (call.status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
            ++refused;
            // The hashing pool says when to come back; gRPC itself refuses calls that find no
            // free call thread (ResourceQuota), without trailers.
            const std::string retryAfter = trailer(call.context, "sitebook-retry-after-ms");
            if (!retryAfter.empty()) {
                ++refusedByPool;
                EXPECT_EQ(trailer(call.context, "sitebook-error"), "resource_exhausted");
                EXPECT_GE(std::stoll(retryAfter), 100);
            }
        } else {
            EXPECT_EQ(call.status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
                << call.status.error_message();
            ++wrongPassword;
        }
    }
    EXPECT_TRUE(floodStillRunning) << "the health checks must run while the flood does";
    EXPECT_GT(checksDuringFlood, 0);
    // The flood adds less than 100 ms to the slowest check (on an idle machine: < 100 ms).
    using std::chrono::milliseconds;
    EXPECT_LT(std::chrono::duration_cast<milliseconds>(slowest - slowestIdle).count(), 100)
        << "slowest check during the flood "
        << std::chrono::duration_cast<milliseconds>(slowest).count() << " ms, before it "
        << std::chrono::duration_cast<milliseconds>(slowestIdle).count() << " ms";
    // The pool took what its threads and queue hold and refused the rest at once.
    EXPECT_GT(refused, kCalls / 2);
    EXPECT_GT(refusedByPool, 0);
    EXPECT_GT(wrongPassword, 0);
    EXPECT_EQ(refused + wrongPassword, kCalls);

    // Once the flood has passed, the right password signs in.
    v1::LoginRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_username("flooded");
    request.set_password(kPassword);
    request.set_device_id(newId());
    v1::TokenResponse response;
    auto ctx = context();
    grpc::Status status = auth_->Login(ctx.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST(PasswordPoolTest, RefusesBeyondTheQueueAndSkipsAbandonedCallers) {
    PasswordPoolOptions options;
    options.workers = 1;
    options.maxQueued = 1;
    PasswordPool pool(options);
    std::mutex mutex;
    std::condition_variable cv;
    bool release = false, started = false;
    // One job holds the thread until released; one waits in the queue.
    std::thread first([&] {
        auto r = pool.run([&] {
            std::unique_lock lock(mutex);
            started = true;
            cv.notify_all();
            cv.wait(lock, [&] { return release; });
            return true;
        });
        EXPECT_TRUE(r.ok() && *r);
    });
    {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return started; });
    }
    std::thread second([&] {
        auto r = pool.run([] { return true; }, [] { return true; });  // caller has gone
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, ErrorCode::DeadlineExceeded);
    });
    // The queue holds one: once the second job waits in it, a third is refused at once.
    while (pool.queued() == 0)
        std::this_thread::yield();
    Result<bool> third = pool.run([] { return true; });
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, ErrorCode::ResourceExhausted);
    EXPECT_GE(pool.retryAfter().count(), 100);
    EXPECT_GE(pool.refusedCount(), 1u);
    {
        std::lock_guard lock(mutex);
        release = true;
    }
    cv.notify_all();
    first.join();
    second.join();
}

}  // namespace
}  // namespace sitebook::server::testing
