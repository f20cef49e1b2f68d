#pragma once
// An in-process sync server on 127.0.0.1 (port 0) over TLS with a CA and certificate made
// for the test, a seeded store, and a real gRPC client channel.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/hlc.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/server.h"
#include "sitebook/server/store/sqlite_store.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/server/tls.h"
#include "sitebook/storage/database.h"
#include "sitebook/v1/auth.grpc.pb.h"
#include "sitebook/v1/reference.grpc.pb.h"
#include "sitebook/v1/sync.grpc.pb.h"
#include "store_backends.h"

namespace sitebook::server::testing {

inline constexpr char kPassword[] = "correct horse battery staple";

struct Session {
    std::string userId;
    std::string deviceId;
    std::string accessToken;
    std::string refreshToken;
};

class ServerFixture : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // A context with a deadline and, if given, the bearer token.
    std::unique_ptr<grpc::ClientContext> context(const std::string& accessToken = {}) const;

    std::string newId() { return ids_.next().toString(); }
    std::string addUser(const std::string& username, Role role);
    // Logs in on a new device (or `deviceId`).
    Session login(const std::string& username, const std::string& deviceId = {});

    // Seeds a project supervised by `supervisorId` with one session, and a person of
    // `officerId` with an order and `appointments` appointments in that session.
    struct Seed {
        std::string projectId, sessionId, personId, orderId;
        std::vector<std::string> appointmentIds;
    };
    Seed seed(const std::string& supervisorId, const std::string& officerId, int appointments = 1);
    void putEntity(EntityType type, const std::string& id, const nlohmann::json& body);

    std::string hlcNow() const { return HlcTimestamp{clock_.nowMillis(), 0}.toString(); }
    nlohmann::json outcomeBody(const std::string& recordedBy, const std::string& code = "ATTC",
                               int penalty = 0) const;
    v1::Operation operation(EntityType type, const std::string& entityId, OpKind kind,
                            const std::string& payload, std::int64_t baseVersion = 0);
    grpc::Status upload(const Session& s, const std::vector<v1::Operation>& ops,
                        v1::UploadResponse* response,
                        std::multimap<std::string, std::string>* trailers = nullptr);

    // Every message of one Download from `checkpoint`, read to the end.
    struct Pulled {
        std::vector<v1::Change> changes;
        std::vector<std::string> purged;
        std::string checkpoint;
        grpc::Status status;
        // Live changes of one type (removed ones excluded).
        std::vector<v1::Change> live(v1::EntityType type) const;
        bool has(v1::EntityType type, const std::string& id) const;
        bool removed(v1::EntityType type, const std::string& id) const;
    };
    Pulled pull(const Session& s, const std::string& checkpoint = {});

    // Row count of one table, read through a separate connection.
    std::int64_t countRows(const std::string& table);
    // The SQLite file (when the backend is SQLite).
    std::string dbPath() const { return (dir_ / "server.db").string(); }
    bool onPostgres() const { return storeLocation_->backend() == Backend::Postgres; }

    std::filesystem::path dir_;
    // 2026-01-01T12:00:00Z: the seeded session (09:00 that day) has started.
    ManualClock clock_{1'767'268'800'000};
    SecureRandom& random_ = SecureRandom::instance();
    UuidGenerator ids_{clock_, random_};
    // The backend is $SITEBOOK_TEST_STORE's (store_backends.h): SQLite unless "postgres".
    std::unique_ptr<StoreLocation> storeLocation_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<TokenService> tokens_;
    // The reconciler the server runs; the default makes none (tests of the transport see no
    // derived records). Fixtures override makeReconciler() to run the real one.
    virtual std::unique_ptr<Reconciler> makeReconciler() {
        return std::make_unique<NoopReconciler>();
    }
    std::unique_ptr<Reconciler> reconciler_;
    PemPair ca_;
    std::unique_ptr<SyncServer> server_;
    std::shared_ptr<grpc::Channel> channel_;
    std::unique_ptr<v1::AuthService::Stub> auth_;
    std::unique_ptr<v1::SyncService::Stub> sync_;
    std::unique_ptr<v1::ReferenceService::Stub> reference_;
};

// The end-to-end suites' common start: the real reconciler, a supervisor "sam" and an officer
// "olu" signed in, and one session with `appointments` people on sam's project and olu's
// caseload (seedSamAndOlu, called from SetUp).
class ReconcilingServerFixture : public ServerFixture {
protected:
    std::unique_ptr<Reconciler> makeReconciler() override {
        return std::make_unique<PersonReconciler>(clock_, reconcile::ReconcilePolicy::defaults());
    }

    void seedSamAndOlu(int appointments) {
        supervisorId_ = addUser("sam", Role::Supervisor);
        officerId_ = addUser("olu", Role::Officer);
        seed_ = seed(supervisorId_, officerId_, appointments);
        sam_ = login("sam");
        olu_ = login("olu");
    }

    // Uploads one operation as `s`; the call must succeed with one result, which is returned.
    v1::OperationResult uploadOne(const Session& s, const v1::Operation& op) {
        v1::UploadResponse response;
        grpc::Status status = upload(s, {op}, &response);
        EXPECT_TRUE(status.ok()) << status.error_message();
        EXPECT_EQ(response.results_size(), 1);
        return response.results_size() == 1 ? response.results(0) : v1::OperationResult{};
    }

    std::string supervisorId_;
    std::string officerId_;
    Seed seed_;
    Session sam_;
    Session olu_;
};

}  // namespace sitebook::server::testing
