#pragma once
// An in-process sync server for the app's tests: a SyncServer with the real PersonReconciler
// over TLS on 127.0.0.1 (a CA and a certificate made for the test, the CA written beside the
// server's database), its own manual clock, and helpers to add users, seed records and read
// what the server holds. Used by ui_sync_tests and qml_sync_tests.

#include <QFile>
#include <QString>
#include <QtGlobal>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sitebook/server/auth/password.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/server.h"
#include "sitebook/server/store/sqlite_store.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/server/sync/upload_processor.h"
#include "sitebook/server/tls.h"
#include "ui_test_core.h"

namespace sitebook::ui::testing {

// Every user of the test server has this password.
inline constexpr const char* kSyncTestPassword = "correct horse battery staple";

// The sync server of one test, with a project of today's session for `sam` and one person of
// `olu` with two appointments in it.
class SyncTestServer {
public:
    explicit SyncTestServer(const std::filesystem::path& dir) : dir_(dir) {}

    bool start() {
        auto store = server::SqliteStore::open((dir_ / "server.db").string());
        if (!store.ok())
            return fail(store.error());
        store_ = std::move(*store);
        tokens_ = std::make_unique<server::TokenService>(server::TokenService::generateKey(random_),
                                                         clock_, random_);
        reconciler_ = std::make_unique<server::PersonReconciler>(
            clock_, server::reconcile::ReconcilePolicy::defaults());
        auto ca = server::generateCertificateAuthority("Sitebook test CA", 2);
        if (!ca.ok())
            return fail(ca.error());
        server::CertificateRequest request;
        request.commonName = "localhost";
        request.dnsNames = {"localhost"};
        request.ipAddresses = {"127.0.0.1"};
        request.validDays = 2;
        auto cert = server::generateServerCertificate(*ca, request);
        if (!cert.ok())
            return fail(cert.error());
        caFile_ = QString::fromStdString((dir_ / "ca.pem").string());
        QFile file(caFile_);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QByteArray::fromStdString(ca->certificatePem));
        file.close();

        config_.listenAddress = "127.0.0.1:0";
        config_.tlsCertificateChainPem = cert->certificatePem;
        config_.tlsPrivateKeyPem = cert->privateKeyPem;
        config_.limits.maxThreads = 8;
        return listen();
    }

    // Stops serving: connections are refused until restart(), which listens again on the same
    // port with the same store, users and signing key (a server restarted by its operator).
    void stop() {
        if (!server_)
            return;
        port_ = server_->port();
        server_->shutdown(std::chrono::milliseconds(100));
        server_.reset();
    }
    bool restart() {
        config_.listenAddress = "127.0.0.1:" + std::to_string(port_);
        return listen();
    }
    int port() const { return server_ ? server_->port() : port_; }

    ~SyncTestServer() {
        if (server_)
            server_->shutdown(std::chrono::milliseconds(100));
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(port()); }
    QString caFile() const { return caFile_; }

    std::string addUser(const std::string& username, server::Role role) {
        auto id = server::createUser(*store_, clock_, random_, username, username, role,
                                     kSyncTestPassword, server::PasswordCost::minimumForTests());
        return id.ok() ? *id : std::string();
    }

    bool put(server::EntityType type, const std::string& id, const nlohmann::json& body) {
        auto uow = store_->begin(server::AccessMode::ReadWrite);
        if (!uow.ok())
            return false;
        auto written =
            server::EntityWriter::put(**uow, type, id, body.dump(), {clock_.nowMillis(), "", ""});
        return written.ok() && (*uow)->commit().ok();
    }

    std::string newId() { return ids_.next().toString(); }

    // The server's current body of a record, or null when it holds none.
    nlohmann::json entity(server::EntityType type, const std::string& id) {
        auto uow = store_->begin(server::AccessMode::ReadOnly);
        if (!uow.ok())
            return nullptr;
        auto found = (*uow)->findEntity(server::entityTypeName(type), id);
        if (!found.ok() || !*found || (*found)->deleted)
            return nullptr;
        return nlohmann::json::parse((*found)->bodyJson, nullptr, false);
    }

    // Applies one operation as `userId` (with `role`) from a device of its own, through the
    // server's real upload path, as another person's device would. Returns the result.
    server::OperationResultValue uploadAs(const std::string& userId, server::Role role,
                                          server::EntityType type, const std::string& entityId,
                                          server::OpKind kind, const nlohmann::json& payload,
                                          std::int64_t baseVersion = 0) {
        server::Caller caller;
        caller.user.id = userId;
        caller.user.role = role;
        caller.device.id = newId();
        caller.device.userId = userId;
        server::IncomingOperation op;
        op.opId = newId();
        op.type = type;
        op.entityId = entityId;
        op.kind = kind;
        op.payload = payload.dump();
        op.hlc = HlcTimestamp{clock_.nowMillis(), 0}.toString();
        op.deviceTimeMillis = clock_.nowMillis();
        op.baseVersion = baseVersion;
        server::UploadProcessor processor(*store_, *reconciler_, clock_);
        auto results = processor.applyBatch(caller, {op}, 0);
        return results.empty() ? server::OperationResultValue{} : results.front();
    }

    // Ends every sign-in of a device, as an administrator revoking its session would.
    bool endSessions(const std::string& deviceId) {
        auto uow = store_->begin(server::AccessMode::ReadWrite);
        if (!uow.ok())
            return false;
        return (*uow)->revokeDeviceTokens(deviceId, clock_.nowMillis()).ok() &&
               (*uow)->commit().ok();
    }

    void advance(std::int64_t millis) { clock_.advance(millis); }

    // Whether the server's audit log holds `action` for the record.
    bool audited(const std::string& type, const std::string& id, const std::string& action) {
        auto uow = store_->begin(server::AccessMode::ReadOnly);
        if (!uow.ok())
            return false;
        auto entries = (*uow)->auditForEntity(type, id);
        if (!entries.ok())
            return false;
        for (const auto& e : *entries) {
            if (e.action == action)
                return true;
        }
        return false;
    }

    struct Seed {
        std::string projectId, sessionId, personId, orderId;
        std::vector<std::string> appointmentIds;
    };
    bool seed(const std::string& supervisorId, const std::string& officerId, Seed& s) {
        s = {newId(), newId(), newId(), newId(), {newId(), newId()}};
        bool ok = put(server::EntityType::Project, s.projectId, project(s, supervisorId));
        ok = ok && put(server::EntityType::Session, s.sessionId,
                       {{"id", s.sessionId},
                        {"project_id", s.projectId},
                        {"date", "2026-01-05"},
                        {"start", "09:00"},
                        {"end", "16:00"}});
        ok = ok && put(server::EntityType::Person, s.personId,
                       {{"id", s.personId},
                        {"crn", "X123456"},
                        {"forenames", "Alex"},
                        {"surname", "Smith"},
                        {"date_of_birth", "1990-05-01"},
                        {"responsible_officer_id", officerId},
                        {"placement_flags", nlohmann::json::array()},
                        {"restricted_access", false}});
        ok = ok && put(server::EntityType::Order, s.orderId,
                       {{"id", s.orderId},
                        {"person_id", s.personId},
                        {"sentence_date", "2025-10-01"},
                        {"required_minutes", 6000},
                        {"adjustments", nlohmann::json::array()}});
        for (const auto& id : s.appointmentIds) {
            ok = ok && put(server::EntityType::Appointment, id,
                           {{"id", id},
                            {"person_id", s.personId},
                            {"order_id", s.orderId},
                            {"session_id", s.sessionId},
                            {"scheduled_start", "09:00"},
                            {"scheduled_end", "16:00"}});
        }
        return ok;
    }

    static nlohmann::json project(const Seed& s, const std::string& supervisorId) {
        return {{"id", s.projectId},
                {"code", "P-001"},
                {"name", "Riverside clean-up"},
                {"type", "GROUP"},
                {"location", "Riverside"},
                {"beneficiary", "Parks"},
                {"hi_vis_required", true},
                {"supervisor_ids", nlohmann::json::array({supervisorId})}};
    }

private:
    bool listen() {
        server::ServerDependencies deps{*store_, *reconciler_, clock_, random_, *tokens_};
        auto started = server::SyncServer::start(config_, deps);
        if (!started.ok())
            return fail(started.error());
        server_ = std::move(*started);
        port_ = server_->port();
        return true;
    }

    bool fail(const Error& e) {
        qWarning("test server: %s", e.toString().c_str());
        return false;
    }

    std::filesystem::path dir_;
    ManualClock clock_{kFixtureNoon};
    SecureRandom& random_ = SecureRandom::instance();
    UuidGenerator ids_{clock_, random_};
    std::unique_ptr<server::SqliteStore> store_;
    std::unique_ptr<server::TokenService> tokens_;
    std::unique_ptr<server::Reconciler> reconciler_;
    std::unique_ptr<server::SyncServer> server_;
    server::ServerConfig config_;
    int port_ = 0;
    QString caFile_;
};

}  // namespace sitebook::ui::testing
