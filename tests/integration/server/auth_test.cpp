// Authentication, device revocation, transport policy and health, against a real server.
#include "grpc/health/v1/health.grpc.pb.h"
#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using AuthTest = ServerFixture;

std::string trailer(const grpc::ClientContext& ctx, const std::string& key) {
    const auto& md = ctx.GetServerTrailingMetadata();
    auto it = md.find(key);
    return it == md.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

TEST_F(AuthTest, HealthServiceReportsServingOverTls) {
    auto stub = grpc::health::v1::Health::NewStub(channel_);
    grpc::health::v1::HealthCheckRequest request;
    grpc::health::v1::HealthCheckResponse response;
    auto ctx = context();
    ASSERT_TRUE(stub->Check(ctx.get(), request, &response).ok());
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST_F(AuthTest, LoginIssuesShortLivedAccessAndDeviceBoundRefreshToken) {
    addUser("sam", Role::Supervisor);
    v1::LoginRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_username("sam");
    request.set_password(kPassword);
    request.set_device_id(newId());
    v1::TokenResponse response;
    auto ctx = context();
    ASSERT_TRUE(auth_->Login(ctx.get(), request, &response).ok());
    EXPECT_EQ(response.access_expires_at_ms(), clock_.nowMillis() + 15 * 60 * 1000);
    EXPECT_EQ(response.role(), v1::ROLE_SUPERVISOR);
    EXPECT_EQ(response.device_id(), request.device_id());
    EXPECT_FALSE(response.refresh_token().empty());
    EXPECT_EQ(countRows("devices"), 1);
    EXPECT_EQ(countRows("refresh_tokens"), 1);
}

TEST_F(AuthTest, WrongPasswordAndUnknownUserAreIndistinguishable) {
    addUser("sam", Role::Supervisor);
    for (const std::string user : {"sam", "nobody"}) {
        v1::LoginRequest request;
        request.set_protocol_version(v1::PROTOCOL_VERSION_1);
        request.set_username(user);
        request.set_password("not the password at all");
        request.set_device_id(newId());
        v1::TokenResponse response;
        auto ctx = context();
        auto status = auth_->Login(ctx.get(), request, &response);
        EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
        EXPECT_EQ(status.error_message(), "wrong username or password");
    }
}

TEST_F(AuthTest, OldProtocolVersionIsRefused) {
    v1::LoginRequest request;
    request.set_protocol_version(99);
    v1::TokenResponse response;
    auto ctx = context();
    EXPECT_EQ(auth_->Login(ctx.get(), request, &response).error_code(),
              grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(AuthTest, RefreshRotatesAndAReusedRefreshTokenEndsTheDeviceSessions) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    auto refresh = [&](const std::string& token, v1::TokenResponse* out) {
        v1::RefreshRequest request;
        request.set_refresh_token(token);
        request.set_device_id(s.deviceId);
        auto ctx = context();
        return auth_->Refresh(ctx.get(), request, out).error_code();
    };
    v1::TokenResponse fresh;
    ASSERT_EQ(refresh(s.refreshToken, &fresh), grpc::StatusCode::OK);
    EXPECT_NE(fresh.refresh_token(), s.refreshToken);

    // The same token again while its successor is unused: the answer was lost on the way.
    // It is answered again, and the lost successor stops working.
    v1::TokenResponse retry;
    ASSERT_EQ(refresh(s.refreshToken, &retry), grpc::StatusCode::OK);
    EXPECT_NE(retry.refresh_token(), fresh.refresh_token());
    v1::TokenResponse unused;
    EXPECT_EQ(refresh(fresh.refresh_token(), &unused), grpc::StatusCode::UNAUTHENTICATED);

    // The device goes on with the answer it did receive.
    v1::TokenResponse next;
    ASSERT_EQ(refresh(retry.refresh_token(), &next), grpc::StatusCode::OK);

    // The first token once more, now that its successor has been used: it was copied. Every
    // session of the device ends, including the newest token.
    v1::TokenResponse again;
    EXPECT_EQ(refresh(s.refreshToken, &again), grpc::StatusCode::UNAUTHENTICATED);
    v1::TokenResponse after;
    EXPECT_EQ(refresh(next.refresh_token(), &after), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthTest, RefreshTokenIsBoundToItsDevice) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    v1::RefreshRequest request;
    request.set_refresh_token(s.refreshToken);
    request.set_device_id(newId());
    v1::TokenResponse response;
    auto ctx = context();
    EXPECT_EQ(auth_->Refresh(ctx.get(), request, &response).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthTest, SignOutEndsTheDeviceSignInAndTheDeviceSignsInAgainWithAPassword) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    auto signOut = [&](const std::string& token, const std::string& deviceId) {
        v1::SignOutRequest request;
        request.set_refresh_token(token);
        request.set_device_id(deviceId);
        v1::SignOutResponse response;
        auto ctx = context();
        return auth_->SignOut(ctx.get(), request, &response).error_code();
    };
    auto refresh = [&](const std::string& token) {
        v1::RefreshRequest request;
        request.set_refresh_token(token);
        request.set_device_id(s.deviceId);
        v1::TokenResponse response;
        auto ctx = context();
        return auth_->Refresh(ctx.get(), request, &response).error_code();
    };
    // Another device's id, or a token the server never issued, ends nothing.
    EXPECT_EQ(signOut(s.refreshToken, newId()), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(signOut("not-a-token", s.deviceId), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(signOut(s.refreshToken, "not-a-uuid"), grpc::StatusCode::INVALID_ARGUMENT);

    ASSERT_EQ(signOut(s.refreshToken, s.deviceId), grpc::StatusCode::OK);
    EXPECT_EQ(refresh(s.refreshToken), grpc::StatusCode::UNAUTHENTICATED);
    // Signing out twice (an answer lost on the way) is answered the same.
    EXPECT_EQ(signOut(s.refreshToken, s.deviceId), grpc::StatusCode::OK);

    // The device is not revoked: the next person signs in on it with their password.
    Session again = login("sam", s.deviceId);
    EXPECT_EQ(again.deviceId, s.deviceId);
    EXPECT_EQ(refresh(again.refreshToken), grpc::StatusCode::OK);
}

TEST_F(AuthTest, UnauthenticatedCallsAreRefused) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    // A signature with one character changed (well inside it: the last character of base64
    // may carry only padding bits, so changing it need not change the signature).
    std::string tampered = s.accessToken;
    char& c = tampered[tampered.size() - 10];
    c = c == 'A' ? 'B' : 'A';
    for (const std::string& token : {std::string(), std::string("garbage"), tampered}) {
        v1::UploadRequest upload;
        upload.set_protocol_version(v1::PROTOCOL_VERSION_1);
        v1::UploadResponse uploadResponse;
        auto ctx = context(token);
        EXPECT_EQ(sync_->Upload(ctx.get(), upload, &uploadResponse).error_code(),
                  grpc::StatusCode::UNAUTHENTICATED);

        v1::DownloadRequest download;
        download.set_protocol_version(v1::PROTOCOL_VERSION_1);
        auto dctx = context(token);
        auto reader = sync_->Download(dctx.get(), download);
        v1::DownloadResponse page;
        EXPECT_FALSE(reader->Read(&page));
        EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);

        v1::ReferenceDataRequest ref;
        v1::ReferenceData data;
        auto rctx = context(token);
        EXPECT_EQ(reference_->GetReferenceData(rctx.get(), ref, &data).error_code(),
                  grpc::StatusCode::UNAUTHENTICATED);
    }
}

TEST_F(AuthTest, AccessTokenExpiresAfterFifteenMinutes) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    v1::ReferenceDataRequest ref;
    v1::ReferenceData data;
    {
        auto ctx = context(s.accessToken);
        ASSERT_TRUE(reference_->GetReferenceData(ctx.get(), ref, &data).ok());
        EXPECT_GT(data.outcome_codes_size(), 0);
    }
    clock_.advance(15 * 60 * 1000);
    auto ctx = context(s.accessToken);
    EXPECT_EQ(reference_->GetReferenceData(ctx.get(), ref, &data).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthTest, RevokedDeviceIsToldToWipe) {
    addUser("sam", Role::Supervisor);
    addUser("ada", Role::Admin);
    Session sam = login("sam");
    Session admin = login("ada");

    {
        // Only admins revoke.
        v1::RevokeDeviceRequest request;
        request.set_device_id(admin.deviceId);
        v1::DeviceInfo info;
        auto ctx = context(sam.accessToken);
        EXPECT_EQ(auth_->RevokeDevice(ctx.get(), request, &info).error_code(),
                  grpc::StatusCode::PERMISSION_DENIED);
    }
    v1::RevokeDeviceRequest request;
    request.set_device_id(sam.deviceId);
    request.set_reason("phone lost");
    v1::DeviceInfo info;
    {
        auto ctx = context(admin.accessToken);
        ASSERT_TRUE(auth_->RevokeDevice(ctx.get(), request, &info).ok());
        EXPECT_EQ(info.revoked_at_ms(), clock_.nowMillis());
    }

    // Download: a wipe instruction, not an error.
    {
        v1::DownloadRequest download;
        download.set_protocol_version(v1::PROTOCOL_VERSION_1);
        auto ctx = context(sam.accessToken);
        auto reader = sync_->Download(ctx.get(), download);
        v1::DownloadResponse page;
        ASSERT_TRUE(reader->Read(&page));
        EXPECT_TRUE(page.has_wipe());
        EXPECT_TRUE(page.complete());
        EXPECT_TRUE(page.changes().empty());
        EXPECT_TRUE(reader->Finish().ok());
    }
    // Other calls, refresh and a new login on the device: PERMISSION_DENIED + wipe trailer.
    {
        v1::UploadRequest upload;
        upload.set_protocol_version(v1::PROTOCOL_VERSION_1);
        v1::UploadResponse response;
        auto ctx = context(sam.accessToken);
        EXPECT_EQ(sync_->Upload(ctx.get(), upload, &response).error_code(),
                  grpc::StatusCode::PERMISSION_DENIED);
        EXPECT_EQ(trailer(*ctx, "sitebook-action"), "wipe");
    }
    {
        v1::RefreshRequest refresh;
        refresh.set_refresh_token(sam.refreshToken);
        refresh.set_device_id(sam.deviceId);
        v1::TokenResponse response;
        auto ctx = context();
        EXPECT_EQ(auth_->Refresh(ctx.get(), refresh, &response).error_code(),
                  grpc::StatusCode::PERMISSION_DENIED);
        EXPECT_EQ(trailer(*ctx, "sitebook-action"), "wipe");
    }
    {
        v1::LoginRequest again;
        again.set_protocol_version(v1::PROTOCOL_VERSION_1);
        again.set_username("sam");
        again.set_password(kPassword);
        again.set_device_id(sam.deviceId);
        v1::TokenResponse response;
        auto ctx = context();
        EXPECT_EQ(auth_->Login(ctx.get(), again, &response).error_code(),
                  grpc::StatusCode::PERMISSION_DENIED);
        EXPECT_EQ(trailer(*ctx, "sitebook-action"), "wipe");
    }
}

TEST(ListenPolicyTest, PlaintextIsRefusedOffLoopback) {
    ManualClock clock;
    NoopReconciler reconciler;
    auto dir =
        std::filesystem::temp_directory_path() /
        ("sitebook-listen-" + UuidGenerator(clock, SecureRandom::instance()).next().toString());
    std::filesystem::create_directories(dir);
    auto store = SqliteStore::open((dir / "s.db").string());
    ASSERT_TRUE(store.ok());
    TokenService tokens(TokenService::generateKey(SecureRandom::instance()), clock,
                        SecureRandom::instance());
    ServerDependencies deps{**store, reconciler, clock, SecureRandom::instance(), tokens};

    for (const char* address : {"0.0.0.0:0", "[::]:0", "192.0.2.10:0", "example.org:50443"}) {
        ServerConfig config;
        config.listenAddress = address;
        config.insecurePlaintext = true;
        auto server = SyncServer::start(config, deps);
        ASSERT_FALSE(server.ok()) << address;
        EXPECT_EQ(server.error().code, ErrorCode::PermissionDenied) << address;
        EXPECT_NE(server.error().message.find("loopback"), std::string::npos);
    }
    for (const char* address : {"127.0.0.1:0", "[::1]:0", "localhost:0"}) {
        ServerConfig config;
        config.listenAddress = address;
        config.insecurePlaintext = true;
        EXPECT_TRUE(checkListenPolicy(config).ok()) << address;
    }
    ServerConfig loopback;
    loopback.listenAddress = "127.0.0.1:0";
    loopback.insecurePlaintext = true;
    auto server = SyncServer::start(loopback, deps);
    ASSERT_TRUE(server.ok()) << server.error().toString();
    EXPECT_GT((*server)->port(), 0);
    (*server)->shutdown(std::chrono::milliseconds(0));
    server->reset();
    store->reset();
    std::filesystem::remove_all(dir);
}

TEST(ListenPolicyTest, TlsWithoutACertificateIsRefused) {
    ServerConfig config;
    config.listenAddress = "0.0.0.0:0";
    auto s = checkListenPolicy(config);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "tls");
}

}  // namespace
}  // namespace sitebook::server::testing
