#include "sync_fixture.h"

namespace sitebook::sync::testing {

std::unique_ptr<Device> SyncFixture::device(const std::string& username, const Clock* clock,
                                            std::optional<domain::Role> localRole,
                                            SyncOptions options) {
    auto d = std::make_unique<Device>();
    GrpcTransportConfig config;
    config.target = "127.0.0.1:" + std::to_string(server_->port());
    config.caCertificatePem = ca_.certificatePem;
    config.tlsServerName = "localhost";
    config.unaryDeadline = std::chrono::seconds(20);
    config.downloadDeadline = std::chrono::seconds(60);
    auto t = makeGrpcTransport(config);
    EXPECT_TRUE(t.ok()) << t.error().toString();
    d->grpc = std::move(t).value();
    d->transport = std::make_unique<FaultyTransport>(*d->grpc);
    d->deviceId = newId();
    auto creds =
        d->transport->login({username, server::testing::kPassword, d->deviceId, "test phone"});
    EXPECT_TRUE(creds.ok()) << creds.error().toString();
    if (!creds.ok())
        return d;
    d->userId = creds->userId;
    const Clock& c = clock ? *clock : static_cast<const Clock&>(clock_);
    auto opened = store::LocalStore::open(d->dbPath(), sitebook::testing::testKey(),
                                          {d->deviceId, d->userId, localRole.value_or(creds->role)},
                                          c, deviceRandom_);
    EXPECT_TRUE(opened.ok()) << opened.error().toString();
    d->store = std::move(opened).value();
    Device* raw = d.get();
    d->engine = std::make_unique<SyncEngine>(
        *d->store, *d->transport, c, deviceRandom_,
        [raw](const std::string& reason) {
            raw->wipeCalled = true;
            raw->wipeReason = reason;
        },
        options);
    EXPECT_TRUE(d->engine->adoptCredentials(*creds).ok());
    return d;
}

domain::Appointment SyncFixture::appointmentOn(Device& d, const std::string& id) {
    auto a = d.store->appointment(id);
    EXPECT_TRUE(a.ok() && a->has_value()) << "appointment " << id << " is not on the device";
    return a.ok() && a->has_value() ? **a : domain::Appointment{};
}

std::int64_t SyncFixture::rows(Device& d, const std::string& table) {
    auto stmt = d.store->database().prepare("SELECT count(*) FROM " + table);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(stmt->step().ok());
    return stmt->columnInt(0);
}

}  // namespace sitebook::sync::testing
