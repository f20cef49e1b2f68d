#include "server_fixture.h"

#include <chrono>

namespace sitebook::server::testing {

using nlohmann::json;

void ServerFixture::SetUp() {
    dir_ =
        std::filesystem::temp_directory_path() / ("sitebook-server-test-" + ids_.next().toString());
    std::filesystem::create_directories(dir_);
    storeLocation_ = std::make_unique<StoreLocation>(backendFromEnvironment(), dir_);
    auto store = openStore(storeLocation_->location());
    ASSERT_TRUE(store.ok()) << store.error().toString();
    store_ = std::move(*store);
    tokens_ = std::make_unique<TokenService>(TokenService::generateKey(random_), clock_, random_);

    auto ca = generateCertificateAuthority("Sitebook test CA", 2);
    ASSERT_TRUE(ca.ok()) << ca.error().toString();
    ca_ = *ca;
    CertificateRequest request;
    request.commonName = "localhost";
    request.dnsNames = {"localhost"};
    request.ipAddresses = {"127.0.0.1"};
    request.validDays = 2;
    auto cert = generateServerCertificate(ca_, request);
    ASSERT_TRUE(cert.ok()) << cert.error().toString();

    ServerConfig config;
    config.listenAddress = "127.0.0.1:0";
    config.tlsCertificateChainPem = cert->certificatePem;
    config.tlsPrivateKeyPem = cert->privateKeyPem;
    config.limits.maxThreads = 16;
    reconciler_ = makeReconciler();
    ServerDependencies deps{*store_, *reconciler_, clock_, random_, *tokens_};
    auto server = SyncServer::start(config, deps);
    ASSERT_TRUE(server.ok()) << server.error().toString();
    server_ = std::move(*server);

    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ca_.certificatePem;
    grpc::ChannelArguments args;
    args.SetSslTargetNameOverride("localhost");
    channel_ = grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(server_->port()),
                                         grpc::SslCredentials(ssl), args);
    auth_ = v1::AuthService::NewStub(channel_);
    sync_ = v1::SyncService::NewStub(channel_);
    reference_ = v1::ReferenceService::NewStub(channel_);
}

void ServerFixture::TearDown() {
    if (server_)
        server_->shutdown(std::chrono::milliseconds(100));
    server_.reset();
    store_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<grpc::ClientContext> ServerFixture::context(const std::string& accessToken) const {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    if (!accessToken.empty())
        ctx->AddMetadata("authorization", "Bearer " + accessToken);
    return ctx;
}

std::string ServerFixture::addUser(const std::string& username, Role role) {
    auto id = createUser(*store_, clock_, random_, username, username, role, kPassword,
                         PasswordCost::minimumForTests());
    EXPECT_TRUE(id.ok()) << id.error().toString();
    return id.ok() ? *id : std::string();
}

Session ServerFixture::login(const std::string& username, const std::string& deviceId) {
    v1::LoginRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_username(username);
    request.set_password(kPassword);
    request.set_device_id(deviceId.empty() ? newId() : deviceId);
    request.set_device_name("test phone");
    v1::TokenResponse response;
    auto ctx = context();
    grpc::Status status = auth_->Login(ctx.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return Session{response.user_id(), response.device_id(), response.access_token(),
                   response.refresh_token()};
}

void ServerFixture::putEntity(EntityType type, const std::string& id, const json& body) {
    auto uow = store_->begin(AccessMode::ReadWrite);
    ASSERT_TRUE(uow.ok());
    auto written = EntityWriter::put(**uow, type, id, body.dump(), {clock_.nowMillis(), "", ""});
    ASSERT_TRUE(written.ok()) << written.error().toString();
    ASSERT_TRUE((*uow)->commit().ok());
}

ServerFixture::Seed ServerFixture::seed(const std::string& supervisorId,
                                        const std::string& officerId, int appointments) {
    Seed s{newId(), newId(), newId(), newId(), {}};
    putEntity(EntityType::Project, s.projectId,
              {{"id", s.projectId},
               {"code", "P-001"},
               {"name", "Riverside clean-up"},
               {"type", "GROUP"},
               {"location", "Riverside"},
               {"beneficiary", "Parks"},
               {"hi_vis_required", true},
               {"supervisor_ids", json::array({supervisorId})}});
    putEntity(EntityType::Session, s.sessionId,
              {{"id", s.sessionId},
               {"project_id", s.projectId},
               {"date", "2026-01-01"},
               {"start", "09:00"},
               {"end", "16:00"}});
    putEntity(EntityType::Person, s.personId,
              {{"id", s.personId},
               {"crn", "X123456"},
               {"forenames", "Alex"},
               {"surname", "Smith"},
               {"date_of_birth", "1990-05-01"},
               {"responsible_officer_id", officerId},
               {"placement_flags", json::array({"no lone working with children"})},
               {"restricted_access", false}});
    putEntity(EntityType::Order, s.orderId,
              {{"id", s.orderId},
               {"person_id", s.personId},
               {"sentence_date", "2025-10-01"},
               {"required_minutes", 6000},
               {"adjustments", json::array()}});
    for (int i = 0; i < appointments; ++i) {
        std::string id = newId();
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", s.personId},
                   {"order_id", s.orderId},
                   {"session_id", s.sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
        s.appointmentIds.push_back(id);
    }
    return s;
}

json ServerFixture::outcomeBody(const std::string& recordedBy, const std::string& code,
                                int penalty) const {
    return {{"code", code},
            {"arrival", "09:00"},
            {"finish", "16:00"},
            {"penalty_minutes", penalty},
            {"work_quality", "GOOD"},
            {"behaviour", "GOOD"},
            {"recorded_by", recordedBy},
            {"recorded_at", clock_.nowMillis()}};
}

v1::Operation ServerFixture::operation(EntityType type, const std::string& entityId, OpKind kind,
                                       const std::string& payload, std::int64_t baseVersion) {
    v1::Operation op;
    op.set_op_id(newId());
    op.set_entity_type(static_cast<v1::EntityType>(type));
    op.set_entity_id(entityId);
    op.set_kind(static_cast<v1::OpKind>(kind));
    op.set_payload(payload);
    op.set_hlc(hlcNow());
    op.set_device_time_ms(clock_.nowMillis());
    op.set_base_version(baseVersion);
    return op;
}

grpc::Status ServerFixture::upload(const Session& s, const std::vector<v1::Operation>& ops,
                                   v1::UploadResponse* response,
                                   std::multimap<std::string, std::string>* trailers) {
    v1::UploadRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_device_sent_at_ms(clock_.nowMillis() - 1500);  // device clock 1.5 s behind
    for (const auto& op : ops)
        *request.add_operations() = op;
    auto ctx = context(s.accessToken);
    grpc::Status status = sync_->Upload(ctx.get(), request, response);
    if (trailers) {
        // Copy: the metadata's string_refs point into ctx, which dies with this call.
        trailers->clear();
        for (const auto& [key, value] : ctx->GetServerTrailingMetadata()) {
            trailers->emplace(std::string(key.data(), key.size()),
                              std::string(value.data(), value.size()));
        }
    }
    return status;
}

std::vector<v1::Change> ServerFixture::Pulled::live(v1::EntityType type) const {
    std::vector<v1::Change> out;
    for (const auto& c : changes) {
        if (c.entity_type() == type && !c.removed())
            out.push_back(c);
    }
    return out;
}

bool ServerFixture::Pulled::has(v1::EntityType type, const std::string& id) const {
    for (const auto& c : changes) {
        if (c.entity_type() == type && c.entity_id() == id && !c.removed())
            return true;
    }
    return false;
}

bool ServerFixture::Pulled::removed(v1::EntityType type, const std::string& id) const {
    for (const auto& c : changes) {
        if (c.entity_type() == type && c.entity_id() == id && c.removed())
            return true;
    }
    return false;
}

ServerFixture::Pulled ServerFixture::pull(const Session& s, const std::string& checkpoint) {
    v1::DownloadRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_checkpoint(checkpoint);
    request.set_page_size(1000);
    auto ctx = context(s.accessToken);
    auto reader = sync_->Download(ctx.get(), request);
    Pulled out;
    out.checkpoint = checkpoint;
    v1::DownloadResponse page;
    while (reader->Read(&page)) {
        out.checkpoint = page.checkpoint();
        for (const auto& c : page.changes())
            out.changes.push_back(c);
        for (const auto& p : page.purged_partitions())
            out.purged.push_back(p);
    }
    out.status = reader->Finish();
    return out;
}

std::int64_t ServerFixture::countRows(const std::string& table) {
    auto count = storeLocation_->queryInt("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(count.has_value()) << table;
    return count.value_or(-1);
}

}  // namespace sitebook::server::testing
