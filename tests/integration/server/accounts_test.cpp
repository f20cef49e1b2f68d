// Accounts against a real server: login throttling kept in the store, immediate refusal of a
// disabled user, a revoked device and an ended session on every call (role x device state x
// user state x call), devices that belong to one user, and the absolute session lifetime.
// Admin changes go through the real `sitebook-server` commands on the server's database.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;

std::string trailer(const grpc::ClientContext& ctx, const std::string& key) {
    const auto& md = ctx.GetServerTrailingMetadata();
    auto it = md.find(key);
    return it == md.end() ? std::string() : std::string(it->second.data(), it->second.size());
}

class AccountsTest : public ServerFixture {
protected:
    void SetUp() override {
        ServerFixture::SetUp();
        // The commands find the server's database through a data directory of their own.
        adminDir_ = dir_ / "admin";
        std::filesystem::create_directories(adminDir_);
        std::filesystem::create_symlink(dbPath(), adminDir_ / "sitebook-server.db");
        addBuiltinCommands(commands_);
        addDeviceCommands(commands_);
    }

    // Runs `sitebook-server <args>` on the server's database; keeps stdout and stderr.
    int admin(std::vector<std::string> args, const std::string& input = {}) {
        std::vector<std::string> argv{"sitebook-server"};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("--data-dir");
        argv.push_back(adminDir_.string());
        std::istringstream in(input);
        std::ostringstream out, err;
        const int code = commands_.run(argv, in, out, err, clock_, random_);
        out_ = out.str();
        err_ = err.str();
        return code;
    }

    struct Answer {
        grpc::StatusCode code;
        std::string error;       // sitebook-error
        std::string retryAfter;  // sitebook-retry-after-ms
        std::string action;      // sitebook-action
        v1::TokenResponse tokens;
    };
    Answer loginAs(const std::string& username, const std::string& password,
                   const std::string& deviceId) {
        v1::LoginRequest request;
        request.set_protocol_version(v1::PROTOCOL_VERSION_1);
        request.set_username(username);
        request.set_password(password);
        request.set_device_id(deviceId);
        Answer a;
        auto ctx = context();
        a.code = auth_->Login(ctx.get(), request, &a.tokens).error_code();
        a.error = trailer(*ctx, "sitebook-error");
        a.retryAfter = trailer(*ctx, "sitebook-retry-after-ms");
        a.action = trailer(*ctx, "sitebook-action");
        return a;
    }
    Answer refresh(const Session& s) {
        v1::RefreshRequest request;
        request.set_refresh_token(s.refreshToken);
        request.set_device_id(s.deviceId);
        Answer a;
        auto ctx = context();
        a.code = auth_->Refresh(ctx.get(), request, &a.tokens).error_code();
        a.error = trailer(*ctx, "sitebook-error");
        a.action = trailer(*ctx, "sitebook-action");
        return a;
    }

    std::vector<std::string> auditActions() {
        auto db = storage::Database::openUnencrypted(dbPath());
        EXPECT_TRUE(db.ok());
        std::vector<std::string> actions;
        auto st = (*db)->prepare("SELECT action FROM audit_log ORDER BY seq");
        while (st && *st->step())
            actions.push_back(st->columnText(0));
        return actions;
    }
    std::int64_t countAudit(const std::string& action) {
        auto all = auditActions();
        return std::count(all.begin(), all.end(), action);
    }

    std::filesystem::path adminDir_;
    CommandTable commands_;
    std::string out_, err_;
};

// ------------------------------------------------------------------ throttling

TEST_F(AccountsTest, FiftyWrongPasswordsInARowAreSlowedAndTheRightOneWorksAfterTheLock) {
    addUser("sam", Role::Supervisor);
    const std::string device = newId();
    const UnixMillis start = clock_.nowMillis();
    std::vector<std::int64_t> waits;
    int checked = 0;
    while (checked < 50) {
        Answer a = loginAs("sam", "not the password at all", device);
        if (a.code == grpc::StatusCode::RESOURCE_EXHAUSTED) {
            EXPECT_EQ(a.error, "locked_out");
            ASSERT_FALSE(a.retryAfter.empty());
            const std::int64_t wait = std::stoll(a.retryAfter);
            ASSERT_GT(wait, 0);
            // While locked, even the right password is refused without being checked.
            EXPECT_EQ(loginAs("sam", kPassword, device).code, grpc::StatusCode::RESOURCE_EXHAUSTED);
            waits.push_back(wait);
            clock_.advance(wait);
            continue;
        }
        ASSERT_EQ(a.code, grpc::StatusCode::UNAUTHENTICATED);
        ++checked;
    }
    // Five free tries, then a lock after every further failure: 30 s, 1 min, 2 min ... 1 h.
    // (The lock after the 50th is waited out below.)
    ASSERT_EQ(waits.size(), 44u);
    EXPECT_EQ(waits.front(), 30'000);
    for (std::size_t i = 1; i < waits.size(); ++i) {
        EXPECT_GE(waits[i], waits[i - 1]) << i;
        if (waits[i - 1] < 60 * kMinute) {
            EXPECT_GT(waits[i], waits[i - 1]) << i;
        }
    }
    EXPECT_EQ(waits.back(), 60 * kMinute);
    // 50 guesses took the guesser more than a day and a half instead of a few seconds.
    EXPECT_GT(clock_.nowMillis() - start, 36 * 60 * kMinute);
    EXPECT_EQ(countAudit("login_failed"), 50);
    EXPECT_GE(countAudit("login_locked"), 45);

    // The last wrong password locked the account again: wait it out, then sign in.
    Answer locked = loginAs("sam", kPassword, device);
    ASSERT_EQ(locked.code, grpc::StatusCode::RESOURCE_EXHAUSTED);
    clock_.advance(std::stoll(locked.retryAfter));
    Answer right = loginAs("sam", kPassword, device);
    ASSERT_EQ(right.code, grpc::StatusCode::OK) << right.error;
    // The account's count restarts: one more slip is answered at once.
    EXPECT_EQ(loginAs("sam", "not the password at all", device).code,
              grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AccountsTest, UnknownUsernamesAreSlowedLikeRealOnes) {
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(loginAs("nobody", "not the password at all", newId()).code,
                  grpc::StatusCode::UNAUTHENTICATED);
    }
    Answer sixth = loginAs("nobody", "not the password at all", newId());
    EXPECT_EQ(sixth.code, grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(sixth.retryAfter, "30000");
    EXPECT_EQ(loginAs("nobody", "not the password at all", newId()).code,
              grpc::StatusCode::RESOURCE_EXHAUSTED);
}

TEST_F(AccountsTest, OneAddressGuessingManyAccountsIsSlowed) {
    for (int i = 0; i < 20; ++i) {
        EXPECT_EQ(loginAs("user" + std::to_string(i), "not the password at all", newId()).code,
                  grpc::StatusCode::UNAUTHENTICATED);
    }
    // The 21st failure from 127.0.0.1 locks the address, whichever account it tries next.
    EXPECT_EQ(loginAs("user20", "not the password at all", newId()).code,
              grpc::StatusCode::UNAUTHENTICATED);
    addUser("sam", Role::Supervisor);
    Answer a = loginAs("sam", kPassword, newId());
    EXPECT_EQ(a.code, grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_EQ(a.retryAfter, "30000");
}

TEST_F(AccountsTest, TheLockIsSharedByEveryServerOnTheSameDatabase) {
    addUser("sam", Role::Supervisor);
    for (int i = 0; i < 6; ++i)
        loginAs("sam", "not the password at all", newId());
    // A second replica (plaintext on loopback) over the same store refuses the locked account.
    ServerConfig config;
    config.listenAddress = "127.0.0.1:0";
    config.insecurePlaintext = true;
    ServerDependencies deps{*store_, *reconciler_, clock_, random_, *tokens_};
    auto replica = SyncServer::start(config, deps);
    ASSERT_TRUE(replica.ok()) << replica.error().toString();
    auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string((*replica)->port()),
                                       grpc::InsecureChannelCredentials());
    auto stub = v1::AuthService::NewStub(channel);
    v1::LoginRequest request;
    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
    request.set_username("sam");
    request.set_password(kPassword);
    request.set_device_id(newId());
    v1::TokenResponse response;
    auto ctx = context();
    EXPECT_EQ(stub->Login(ctx.get(), request, &response).error_code(),
              grpc::StatusCode::RESOURCE_EXHAUSTED);
    (*replica)->shutdown(std::chrono::milliseconds(100));
}

TEST_F(AccountsTest, AnAdminUnlocksALockedAccount) {
    addUser("sam", Role::Supervisor);
    for (int i = 0; i < 6; ++i)
        loginAs("sam", "not the password at all", newId());
    ASSERT_EQ(loginAs("sam", kPassword, newId()).code, grpc::StatusCode::RESOURCE_EXHAUSTED);
    ASSERT_EQ(admin({"user", "list"}), kExitOk) << err_;
    EXPECT_NE(out_.find("locked until"), std::string::npos) << out_;
    ASSERT_EQ(admin({"user", "unlock", "--username", "sam"}), kExitOk) << err_;
    EXPECT_EQ(loginAs("sam", kPassword, newId()).code, grpc::StatusCode::OK);
    EXPECT_EQ(countAudit("user_unlocked"), 1);
    EXPECT_EQ(admin({"user", "unlock", "--username", "sam"}), kExitFailure);
    EXPECT_EQ(err_, "error: --username: 'sam' is not locked out\n");
}

// ------------------------------------------------------------------ devices belong to users

TEST_F(AccountsTest, AnotherUsersDeviceIdIsRefusedNeverTakenOverAndAudited) {
    addUser("olu", Role::Officer);
    addUser("sam", Role::Supervisor);
    Session olu = login("olu");
    Answer taken = loginAs("sam", kPassword, olu.deviceId);
    EXPECT_EQ(taken.code, grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(taken.error, "device_of_another_user");
    EXPECT_EQ(countAudit("device_rebind_refused"), 1);
    // olu's sign-in is untouched.
    v1::ReferenceDataRequest ref;
    v1::ReferenceData data;
    auto ctx = context(olu.accessToken);
    EXPECT_TRUE(reference_->GetReferenceData(ctx.get(), ref, &data).ok());
    EXPECT_EQ(refresh(olu).code, grpc::StatusCode::OK);
    // A wrong password does not even reach the device check.
    EXPECT_EQ(loginAs("sam", "not the password at all", olu.deviceId).code,
              grpc::StatusCode::UNAUTHENTICATED);
}

// ------------------------------------------------------------------ session lifetime

TEST_F(AccountsTest, ASignInLastsSevenDaysOfRefreshingThenThePasswordIsAskedAgain) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    const UnixMillis signedIn = clock_.nowMillis();
    for (int day = 1; day < 7; ++day) {
        clock_.advance(kDay);
        Answer a = refresh(s);
        ASSERT_EQ(a.code, grpc::StatusCode::OK) << "day " << day;
        // The refresh token never outlives the sign-in.
        EXPECT_EQ(a.tokens.refresh_expires_at_ms(), signedIn + 7 * kDay);
        s.refreshToken = a.tokens.refresh_token();
        s.accessToken = a.tokens.access_token();
    }
    clock_.advance(kDay);
    Answer expired = refresh(s);
    EXPECT_EQ(expired.code, grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(expired.error, "session_ended");
    // A password sign-in starts a new seven days on the same device.
    Answer again = loginAs("sam", kPassword, s.deviceId);
    ASSERT_EQ(again.code, grpc::StatusCode::OK);
    EXPECT_EQ(again.tokens.refresh_expires_at_ms(), clock_.nowMillis() + 7 * kDay);
}

// ------------------------------------------------------------------ the state matrix

enum class DeviceState { Active, SessionEnded, Revoked };
enum class UserState { Enabled, Disabled };

const char* name(DeviceState d) {
    switch (d) {
        case DeviceState::Active:
            return "active";
        case DeviceState::SessionEnded:
            return "session ended";
        case DeviceState::Revoked:
            return "revoked";
    }
    return "";
}

TEST_F(AccountsTest, EveryCallRefusesEachStateWithOneStatus) {
    struct Expected {
        grpc::StatusCode code;
        std::string error;
    };
    int cases = 0;
    for (Role role : {Role::Supervisor, Role::Officer, Role::Admin, Role::Manager}) {
        for (DeviceState deviceState :
             {DeviceState::Active, DeviceState::SessionEnded, DeviceState::Revoked}) {
            for (UserState userState : {UserState::Enabled, UserState::Disabled}) {
                const std::string username = "u" + std::to_string(cases++);
                addUser(username, role);
                Session s = login(username);
                if (deviceState == DeviceState::SessionEnded) {
                    // A copied refresh token shows itself (the token it was exchanged for was
                    // used, then it comes back): the device's sessions end.
                    Answer first = refresh(s);
                    ASSERT_EQ(first.code, grpc::StatusCode::OK);
                    Session next = s;
                    next.refreshToken = first.tokens.refresh_token();
                    ASSERT_EQ(refresh(next).code, grpc::StatusCode::OK);
                    ASSERT_EQ(refresh(s).error, "session_ended");
                } else if (deviceState == DeviceState::Revoked) {
                    ASSERT_EQ(admin({"device", "revoke", "--device", s.deviceId}), kExitOk) << err_;
                }
                if (userState == UserState::Disabled) {
                    ASSERT_EQ(admin({"user", "disable", "--username", username}), kExitOk) << err_;
                }
                Expected want{grpc::StatusCode::OK, ""};
                if (deviceState == DeviceState::Revoked) {
                    want = {grpc::StatusCode::PERMISSION_DENIED, "device_revoked"};
                } else if (userState == UserState::Disabled) {
                    want = {grpc::StatusCode::PERMISSION_DENIED, "account_disabled"};
                } else if (deviceState == DeviceState::SessionEnded) {
                    want = {grpc::StatusCode::UNAUTHENTICATED, "session_ended"};
                }
                const std::string where =
                    std::string(roleName(role)) + ", " + name(deviceState) + ", " +
                    (userState == UserState::Disabled ? "disabled" : "enabled");
                auto check = [&](const char* call, grpc::StatusCode code,
                                 const grpc::ClientContext& ctx) {
                    EXPECT_EQ(code, want.code) << call << " / " << where;
                    if (want.code != grpc::StatusCode::OK) {
                        EXPECT_EQ(trailer(ctx, "sitebook-error"), want.error)
                            << call << " / " << where;
                    }
                    EXPECT_EQ(trailer(ctx, "sitebook-action"),
                              deviceState == DeviceState::Revoked ? "wipe" : "")
                        << call << " / " << where;
                };
                {
                    v1::ReferenceDataRequest request;
                    v1::ReferenceData response;
                    auto ctx = context(s.accessToken);
                    check("GetReferenceData",
                          reference_->GetReferenceData(ctx.get(), request, &response).error_code(),
                          *ctx);
                }
                {
                    v1::UploadRequest request;
                    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
                    request.set_device_sent_at_ms(clock_.nowMillis());
                    v1::UploadResponse response;
                    auto ctx = context(s.accessToken);
                    check("Upload", sync_->Upload(ctx.get(), request, &response).error_code(),
                          *ctx);
                }
                {
                    v1::RegisterDeviceRequest request;
                    request.set_device_name("phone");
                    v1::DeviceInfo response;
                    auto ctx = context(s.accessToken);
                    check("RegisterDevice",
                          auth_->RegisterDevice(ctx.get(), request, &response).error_code(), *ctx);
                }
                {
                    // A revoked device's Download is a wipe instruction (status OK).
                    v1::DownloadRequest request;
                    request.set_protocol_version(v1::PROTOCOL_VERSION_1);
                    auto ctx = context(s.accessToken);
                    auto reader = sync_->Download(ctx.get(), request);
                    v1::DownloadResponse page;
                    bool wiped = false;
                    while (reader->Read(&page))
                        wiped = wiped || page.has_wipe();
                    const auto code = reader->Finish().error_code();
                    EXPECT_EQ(wiped, deviceState == DeviceState::Revoked) << where;
                    if (deviceState == DeviceState::Revoked) {
                        EXPECT_EQ(code, grpc::StatusCode::OK) << where;
                    } else {
                        check("Download", code, *ctx);
                    }
                }
                {
                    // Refresh with the token last issued to the device.
                    Answer a = refresh(s);
                    if (deviceState == DeviceState::SessionEnded &&
                        userState == UserState::Enabled) {
                        EXPECT_EQ(a.code, grpc::StatusCode::UNAUTHENTICATED) << where;
                        EXPECT_EQ(a.error, "session_ended") << where;
                    } else {
                        EXPECT_EQ(a.code, want.code) << "Refresh / " << where;
                        EXPECT_EQ(a.error, want.error) << "Refresh / " << where;
                    }
                }
            }
        }
    }
}

TEST_F(AccountsTest, SigningOutEndsTheAccessTokenAtOnce) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    v1::SignOutRequest request;
    request.set_refresh_token(s.refreshToken);
    request.set_device_id(s.deviceId);
    v1::SignOutResponse response;
    {
        auto ctx = context();
        ASSERT_TRUE(auth_->SignOut(ctx.get(), request, &response).ok());
    }
    v1::ReferenceDataRequest ref;
    v1::ReferenceData data;
    auto ctx = context(s.accessToken);
    EXPECT_EQ(reference_->GetReferenceData(ctx.get(), ref, &data).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(trailer(*ctx, "sitebook-error"), "session_ended");
    // Signing in again on the device gives a token that works.
    Answer again = loginAs("sam", kPassword, s.deviceId);
    ASSERT_EQ(again.code, grpc::StatusCode::OK);
    auto ok = context(again.tokens.access_token());
    EXPECT_TRUE(reference_->GetReferenceData(ok.get(), ref, &data).ok());
}

// ------------------------------------------------------------------ admin commands

TEST_F(AccountsTest, DisableEndsTheSessionsAndEnableLetsTheUserSignInAgain) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    ASSERT_EQ(admin({"user", "disable", "--username", "sam", "--reason", "left"}), kExitOk) << err_;
    EXPECT_EQ(admin({"user", "disable", "--username", "sam"}), kExitFailure);
    EXPECT_EQ(err_, "error: --username: 'sam' is already disabled\n");
    EXPECT_EQ(loginAs("sam", kPassword, s.deviceId).error, "account_disabled");
    ASSERT_EQ(admin({"user", "list"}), kExitOk);
    EXPECT_NE(out_.find("disabled"), std::string::npos);
    ASSERT_EQ(admin({"user", "enable", "--username", "sam"}), kExitOk) << err_;
    EXPECT_EQ(admin({"user", "enable", "--username", "sam"}), kExitFailure);
    EXPECT_EQ(err_, "error: --username: 'sam' is not disabled\n");
    // The sessions ended by the disable stay ended; a password sign-in works.
    EXPECT_EQ(refresh(s).error, "session_ended");
    EXPECT_EQ(loginAs("sam", kPassword, s.deviceId).code, grpc::StatusCode::OK);
    EXPECT_EQ(countAudit("user_disabled"), 1);
    EXPECT_EQ(countAudit("user_enabled"), 1);
}

TEST_F(AccountsTest, ResetPasswordRefusesAWeakOneAndEndsTheSessions) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    EXPECT_EQ(admin({"user", "reset-password", "--username", "sam"}, "short\n"), kExitUsage);
    EXPECT_EQ(err_, "error: password: the password must have at least 12 characters\n");
    EXPECT_EQ(admin({"user", "reset-password", "--username", "nobody"}, "a long new password\n"),
              kExitFailure);
    EXPECT_EQ(err_, "error: --username: no user is called 'nobody' (see `user list`)\n");
    ASSERT_EQ(admin({"user", "reset-password", "--username", "sam"}, "a long new password\n"),
              kExitOk)
        << err_;
    EXPECT_EQ(refresh(s).error, "session_ended");
    EXPECT_EQ(loginAs("sam", kPassword, newId()).code, grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(loginAs("sam", "a long new password", newId()).code, grpc::StatusCode::OK);
    EXPECT_EQ(countAudit("password_reset"), 1);
}

TEST_F(AccountsTest, DeviceListShowsWhenARevokedDeviceWasToldToWipe) {
    addUser("sam", Role::Supervisor);
    Session s = login("sam");
    EXPECT_EQ(admin({"device", "revoke", "--device", "no-such-device"}), kExitFailure);
    EXPECT_EQ(err_, "error: --device: no device has the id 'no-such-device' (see `device list`)\n");
    clock_.advance(kMinute);  // 12:01
    ASSERT_EQ(admin({"device", "revoke", "--device", s.deviceId, "--reason", "lost"}), kExitOk);
    EXPECT_EQ(admin({"device", "revoke", "--device", s.deviceId}), kExitFailure);
    EXPECT_EQ(err_, "error: --device: the device was already revoked 2026-01-01 12:01 UTC\n");
    ASSERT_EQ(admin({"device", "list", "--username", "sam"}), kExitOk);
    EXPECT_NE(out_.find(s.deviceId), std::string::npos);
    EXPECT_NE(out_.find("sam"), std::string::npos);
    EXPECT_NE(out_.find("2026-01-01 12:01 UTC"), std::string::npos);
    EXPECT_EQ(out_.find("2026-01-01 12:07 UTC"), std::string::npos);

    clock_.advance(6 * kMinute);  // 12:07: the phone calls and is told to wipe
    v1::ReferenceDataRequest ref;
    v1::ReferenceData data;
    auto ctx = context(s.accessToken);
    EXPECT_EQ(reference_->GetReferenceData(ctx.get(), ref, &data).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    clock_.advance(kMinute);  // a second contact does not move the time
    auto again = context(s.accessToken);
    reference_->GetReferenceData(again.get(), ref, &data);
    ASSERT_EQ(admin({"device", "list"}), kExitOk);
    EXPECT_NE(out_.find("2026-01-01 12:07 UTC"), std::string::npos) << out_;
    EXPECT_EQ(out_.find("2026-01-01 12:08 UTC"), std::string::npos) << out_;
    EXPECT_EQ(countAudit("device_revoked"), 1);
    EXPECT_EQ(countAudit("device_wipe_instructed"), 1);
    EXPECT_EQ(admin({"device", "list", "--username", "nobody"}), kExitFailure);
}

}  // namespace
}  // namespace sitebook::server::testing
