#pragma once
// Devices with real encrypted stores and real sync engines, talking gRPC over TLS to an
// in-process sync server on 127.0.0.1 (the server test fixture: generated CA and certificate,
// seeded store).

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "../server/server_fixture.h"
#include "sitebook/store/local_store.h"
#include "sitebook/sync/grpc_transport.h"
#include "sitebook/sync/sync_engine.h"
#include "store_fixture.h"

namespace sitebook::sync::testing {

// Wraps a real transport to simulate network faults: a lost upload response (the server
// applied the batch, the device never hears), or a download stream cut after N messages.
class FaultyTransport final : public SyncTransport {
public:
    explicit FaultyTransport(SyncTransport& inner) : inner_(inner) {}

    bool loseNextUploadResponse = false;
    int cutDownloadAfterMessages = -1;  // -1: never
    int downloadMessagesSeen = 0;

    Result<Credentials> login(const LoginRequest& r) override { return inner_.login(r); }
    Result<Credentials> refresh(const std::string& t, const std::string& d) override {
        return inner_.refresh(t, d);
    }
    Result<UploadResponse> upload(const std::string& token, UnixMillis sentAt,
                                  const std::vector<UploadOperation>& ops) override {
        auto r = inner_.upload(token, sentAt, ops);
        if (loseNextUploadResponse) {
            loseNextUploadResponse = false;
            return makeError(ErrorCode::Unavailable, "connection lost (simulated)");
        }
        return r;
    }
    Status download(const std::string& token, const DownloadRequest& request,
                    const std::function<Status(const DownloadMessage&)>& onMessage) override {
        return inner_.download(token, request, [&](const DownloadMessage& m) -> Status {
            if (cutDownloadAfterMessages >= 0 && downloadMessagesSeen >= cutDownloadAfterMessages) {
                cutDownloadAfterMessages = -1;
                return makeError(ErrorCode::Unavailable, "connection lost (simulated)");
            }
            ++downloadMessagesSeen;
            return onMessage(m);
        });
    }

private:
    SyncTransport& inner_;
};

struct Device {
    sitebook::testing::TempDir dir;
    std::unique_ptr<SyncTransport> grpc;
    std::unique_ptr<FaultyTransport> transport;
    std::unique_ptr<store::LocalStore> store;
    std::unique_ptr<SyncEngine> engine;
    std::string deviceId;
    std::string userId;
    bool wipeCalled = false;
    std::string wipeReason;

    std::filesystem::path dbPath() const { return dir.path() / "device.db"; }
};

class SyncFixture : public server::testing::ServerFixture {
protected:
    // Signs `username` in on a new device whose clock is `clock` (default: the server's).
    // `localRole` overrides the role the device store enforces (to provoke server rejections).
    std::unique_ptr<Device> device(const std::string& username, const Clock* clock = nullptr,
                                   std::optional<domain::Role> localRole = std::nullopt,
                                   SyncOptions options = {});
    // The device's appointment, which must exist.
    domain::Appointment appointmentOn(Device& d, const std::string& id);
    std::int64_t rows(Device& d, const std::string& table);

    SeededRandom deviceRandom_{20260105};
};

}  // namespace sitebook::sync::testing
