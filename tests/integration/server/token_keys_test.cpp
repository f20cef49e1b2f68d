// Token signing keys in the store: a key id in every access token, rotation that keeps issued
// tokens working until they expire, replicas that share the keys, the key file of older
// servers taken into the database, and `token-key rotate` through the real server.
#include <sodium.h>

#include <fstream>
#include <sstream>

#include "server_fixture.h"
#include "sitebook/server/auth/token_keys.h"

namespace sitebook::server::testing {
namespace {

// The key id of an "sb2.<kid>.<claims>.<mac>" token.
std::string kidOf(const std::string& token) {
    if (token.rfind("sb2.", 0) != 0)
        return {};
    return token.substr(4, token.find('.', 4) - 4);
}

class TokenKeysTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("sitebook-token-keys-" + UuidGenerator(clock_, random_).next().toString());
        std::filesystem::create_directories(dir_);
        auto store = SqliteStore::open((dir_ / "server.db").string());
        ASSERT_TRUE(store.ok()) << store.error().toString();
        store_ = std::move(*store);
    }
    void TearDown() override {
        store_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::unique_ptr<TokenService> replica() {
        auto service = TokenService::fromStore(*store_, clock_, random_);
        EXPECT_TRUE(service.ok()) << service.error().toString();
        return service.ok() ? std::move(*service) : nullptr;
    }
    std::string issue(const TokenService& tokens) {
        AccessClaims claims{"user-1", "device-1", Role::Supervisor, 0};
        return tokens.issueAccessToken(claims);
    }
    std::vector<TokenKeyRecord> keys() {
        auto uow = store_->begin(AccessMode::ReadOnly);
        EXPECT_TRUE(uow.ok());
        auto k = (*uow)->tokenKeys();
        EXPECT_TRUE(k.ok());
        return k.ok() ? *k : std::vector<TokenKeyRecord>{};
    }
    std::vector<AuditEntry> audit(const std::string& keyId) {
        auto uow = store_->begin(AccessMode::ReadOnly);
        auto entries = (*uow)->auditForEntity("token_key", keyId);
        EXPECT_TRUE(entries.ok());
        return entries.ok() ? *entries : std::vector<AuditEntry>{};
    }

    std::filesystem::path dir_;
    ManualClock clock_{1'767'268'800'000};
    SecureRandom& random_ = SecureRandom::instance();
    std::unique_ptr<SqliteStore> store_;
    const TokenPolicy policy_{};
};

TEST_F(TokenKeysTest, AStoreWithoutKeysHasNoTokenServiceUntilOneIsMade) {
    auto none = TokenService::fromStore(*store_, clock_, random_);
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, ErrorCode::NotFound);

    auto setup = ensureTokenKey(*store_, clock_, random_, (dir_ / "token.key").string());
    ASSERT_TRUE(setup.ok()) << setup.error().toString();
    EXPECT_EQ(*setup, TokenKeySetup::Created);
    auto again = ensureTokenKey(*store_, clock_, random_, (dir_ / "token.key").string());
    EXPECT_EQ(*again, TokenKeySetup::AlreadyThere);
    ASSERT_EQ(keys().size(), 1u);
    EXPECT_EQ(audit(keys()[0].keyId).at(0).action, "token_key_created");

    auto tokens = replica();
    const std::string token = issue(*tokens);
    EXPECT_EQ(kidOf(token), keys()[0].keyId);
    EXPECT_TRUE(tokens->verifyAccessToken(token).ok());
}

TEST_F(TokenKeysTest, RotationSignsWithTheNewKeyAndOldTokensWorkUntilTheyExpire) {
    ASSERT_TRUE(ensureTokenKey(*store_, clock_, random_, "").ok());
    auto a = replica();  // the replica that signs
    auto b = replica();  // another replica sharing the database
    const std::string before = issue(*a);
    const std::string oldKid = kidOf(before);

    auto rotation = rotateTokenKey(*store_, clock_, random_, policy_, false);
    ASSERT_TRUE(rotation.ok()) << rotation.error().toString();
    EXPECT_EQ(rotation->retiredKeyIds, std::vector<std::string>{oldKid});
    EXPECT_EQ(audit(rotation->newKeyId).at(0).action, "token_key_rotated");

    // Within the reload interval a replica still signs with the old key.
    clock_.advance(10'000);
    EXPECT_EQ(kidOf(issue(*a)), oldKid);
    // A replica started after the rotation signs with the new key at once; one that read the
    // keys 10 s ago meets the new kid and loads it there and then.
    auto fresh = replica();
    const std::string newer = issue(*fresh);
    EXPECT_EQ(kidOf(newer), rotation->newKeyId);
    EXPECT_TRUE(b->verifyAccessToken(newer).ok());
    // After the reload interval every replica signs with the new key.
    clock_.advance(policy_.keyReloadInterval.count());
    EXPECT_EQ(kidOf(issue(*a)), rotation->newKeyId);

    // The token signed before the rotation keeps working, on every replica, until it expires.
    auto claims = a->verifyAccessToken(before);
    ASSERT_TRUE(claims.ok()) << claims.error().toString();
    EXPECT_TRUE(b->verifyAccessToken(before).ok());
    clock_.set(claims->expiresAtMillis);
    auto expired = b->verifyAccessToken(before);
    ASSERT_FALSE(expired.ok());
    EXPECT_EQ(expired.error().code, ErrorCode::Unauthenticated);

    // Once its tokens can no longer be valid, the next rotation deletes the old key.
    clock_.advance(policy_.keyReloadInterval.count());
    auto next = rotateTokenKey(*store_, clock_, random_, policy_, false);
    ASSERT_TRUE(next.ok());
    EXPECT_EQ(next->deletedKeyIds, std::vector<std::string>{oldKid});
    EXPECT_EQ(keys().size(), 2u);
}

TEST_F(TokenKeysTest, UnknownKeyIdAndForgedTokensAreUnauthenticated) {
    ASSERT_TRUE(ensureTokenKey(*store_, clock_, random_, "").ok());
    auto tokens = replica();
    const std::string token = issue(*tokens);
    const std::string kid = kidOf(token);

    std::string unknown = token;
    unknown.replace(4, kid.size(), "AAAAAAAAAAA");
    auto refused = tokens->verifyAccessToken(unknown);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Unauthenticated);
    EXPECT_NE(refused.error().message.find("key"), std::string::npos);

    // The key id is signed too: the same claims and MAC under another known key id fail.
    ASSERT_TRUE(rotateTokenKey(*store_, clock_, random_, policy_, false).ok());
    clock_.advance(policy_.keyReloadInterval.count());
    const std::string otherKid = kidOf(issue(*tokens));
    ASSERT_NE(otherKid, kid);
    std::string swapped = token;
    swapped.replace(4, kid.size(), otherKid);
    auto forged = tokens->verifyAccessToken(swapped);
    ASSERT_FALSE(forged.ok());
    EXPECT_EQ(forged.error().code, ErrorCode::Unauthenticated);

    // A token signed with a key this database never had.
    TokenService stranger(TokenService::generateKey(random_), clock_, random_);
    auto foreign = tokens->verifyAccessToken(issue(stranger));
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, ErrorCode::Unauthenticated);
}

TEST_F(TokenKeysTest, RevokingThePreviousKeysRefusesTheirTokensAtOnce) {
    ASSERT_TRUE(ensureTokenKey(*store_, clock_, random_, "").ok());
    auto tokens = replica();
    const std::string before = issue(*tokens);
    auto rotation = rotateTokenKey(*store_, clock_, random_, policy_, true);
    ASSERT_TRUE(rotation.ok());
    EXPECT_EQ(rotation->deletedKeyIds, std::vector<std::string>{kidOf(before)});
    EXPECT_EQ(keys().size(), 1u);
    clock_.advance(policy_.keyReloadInterval.count());
    auto refused = tokens->verifyAccessToken(before);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Unauthenticated);
    EXPECT_TRUE(tokens->verifyAccessToken(issue(*tokens)).ok());
}

TEST_F(TokenKeysTest, TheKeyFileOfAnOlderServerMovesIntoTheDatabaseAndItsTokensStillWork) {
    // What `init` wrote before schema 5, and a token the older server signed with it.
    SecretBytes fileKey = TokenService::generateKey(random_);
    const std::string path = (dir_ / "token.key").string();
    std::ofstream(path) << toHex(fileKey.view()) << "\n";
    const std::string payload =
        "user-1\ndevice-1\nsupervisor\n" + std::to_string(clock_.nowMillis() + 10 * 60'000);
    unsigned char mac[crypto_auth_BYTES];
    crypto_auth(mac, reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                fileKey.data());
    const std::string oldToken =
        "sb1." + base64UrlEncode(payload) + "." +
        base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));

    auto setup = ensureTokenKey(*store_, clock_, random_, path);
    ASSERT_TRUE(setup.ok()) << setup.error().toString();
    EXPECT_EQ(*setup, TokenKeySetup::ImportedFromFile);
    EXPECT_FALSE(std::filesystem::exists(path)) << "the secret must not stay on disk twice";
    ASSERT_EQ(keys().size(), 1u);
    EXPECT_TRUE(keys()[0].key.equals(fileKey));
    EXPECT_EQ(audit(keys()[0].keyId).at(0).action, "token_key_imported");

    auto tokens = replica();
    auto claims = tokens->verifyAccessToken(oldToken);
    ASSERT_TRUE(claims.ok()) << claims.error().toString();
    EXPECT_EQ(claims->userId, "user-1");

    // A forged old-form token is refused.
    std::string forged = oldToken;
    forged.back() = forged.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(tokens->verifyAccessToken(forged).ok());
}

// The whole path: `init`, `serve`'s wiring, Login, `token-key rotate` and the next calls.
class TokenKeyRotationServerTest : public ServerFixture {};

TEST_F(TokenKeyRotationServerTest, SignedInDevicesKeepWorkingAcrossARotation) {
    // The fixture's server signs with a fixed key; this one uses the database's keys.
    server_->shutdown(std::chrono::milliseconds(0));
    server_.reset();
    CommandTable table;
    addBuiltinCommands(table);
    addTokenKeyCommands(table);
    std::istringstream in;
    std::ostringstream out, err;
    auto command = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "sitebook-server");
        args.push_back("--data-dir");
        args.push_back((dir_ / "data").string());
        return table.run(args, in, out, err, clock_, random_);
    };
    ASSERT_EQ(command({"init"}), 0) << err.str();
    auto store = DataDir{(dir_ / "data").string(), {}}.openStore();
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    auto tokens = TokenService::fromStore(*store_, clock_, random_);
    ASSERT_TRUE(tokens.ok()) << tokens.error().toString();
    tokens_ = std::move(*tokens);
    ServerConfig config;
    config.listenAddress = "127.0.0.1:0";
    config.insecurePlaintext = true;
    ServerDependencies deps{*store_, *reconciler_, clock_, random_, *tokens_};
    auto server = SyncServer::start(config, deps);
    ASSERT_TRUE(server.ok()) << server.error().toString();
    server_ = std::move(*server);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->port()),
                                   grpc::InsecureChannelCredentials());
    auth_ = v1::AuthService::NewStub(channel_);
    reference_ = v1::ReferenceService::NewStub(channel_);

    addUser("sam", Role::Supervisor);
    const Session before = login("sam");
    auto call = [&](const std::string& token) {
        v1::ReferenceDataRequest request;
        v1::ReferenceData response;
        auto ctx = context(token);
        return reference_->GetReferenceData(ctx.get(), request, &response);
    };
    ASSERT_TRUE(call(before.accessToken).ok());

    ASSERT_EQ(command({"token-key", "rotate"}), 0) << err.str();
    EXPECT_NE(out.str().find("new signing key: "), std::string::npos) << out.str();
    clock_.advance(TokenPolicy{}.keyReloadInterval.count());

    // The device signed in before keeps working with its token; a new sign-in gets the new kid.
    grpc::Status status = call(before.accessToken);
    EXPECT_TRUE(status.ok()) << status.error_message();
    const Session after = login("sam");
    EXPECT_NE(kidOf(after.accessToken), kidOf(before.accessToken));
    EXPECT_TRUE(call(after.accessToken).ok());

    // A token naming a key the server does not have is refused as unauthenticated.
    std::string unknown = after.accessToken;
    const std::string kid = kidOf(unknown);
    unknown.replace(4, kid.size(), "AAAAAAAAAAA");
    EXPECT_EQ(call(unknown).error_code(), grpc::StatusCode::UNAUTHENTICATED);

    out.str("");
    ASSERT_EQ(command({"token-key", "list"}), 0) << err.str();
    EXPECT_NE(out.str().find(kid + "  created"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("signing"), std::string::npos);
    EXPECT_NE(out.str().find("retired, verifies until"), std::string::npos);
}

}  // namespace
}  // namespace sitebook::server::testing
