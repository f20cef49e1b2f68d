#pragma once
// The client sync engine: sends the outbox, pulls the user's scope, and keeps the device's
// store consistent with the server under every interruption (docs/PROTOCOL.md).
//
//   1. Upload pending outbox entries in batches, oldest first, at most one change per record
//      per batch. Per result: ACCEPTED -> sent; ACCEPTED_WITH_CONFLICT -> sent, conflict kept
//      visible; REJECTED -> 'rejected' with the server's code and message (needs attention,
//      never blocks the rest); RETRY_LATER -> stays pending. Uploads are idempotent by op id,
//      so re-sending after a lost response is safe.
//   2. Download from the stored checkpoint. Each message is applied with its checkpoint in one
//      local transaction (LocalStore::applyRemoteBatch): an interrupted download resumes from
//      the last applied message. Partitions whose checksum differs are repaired on the next
//      pass. A wipe instruction erases the store and calls the wipe handler.
//   3. Every response's server time updates the measured clock offset (device minus server),
//      recorded with each later change; an offset beyond 5 minutes is flagged.
//
// Access tokens come from Login/Refresh; the refresh token is kept in the encrypted store's
// meta table, never in a plain file. An UNAUTHENTICATED answer triggers one refresh.
//
// Threading: sync(), login() and friends do blocking network and SQL work; call them from one
// worker thread, never the GUI thread. state() and setStateListener() may be used from any
// thread; the listener is called on the worker thread.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/store/local_store.h"
#include "sitebook/sync/backoff.h"
#include "sitebook/sync/transport.h"

namespace sitebook::sync {

enum class SyncPhase { Idle, Uploading, Downloading };
std::string_view syncPhaseName(SyncPhase phase);  // "idle" | "uploading" | "downloading"

// What the app shows. A snapshot: copy freely.
struct SyncState {
    bool online = false;  // the last call reached the server
    SyncPhase phase = SyncPhase::Idle;
    std::int64_t uploadedThisRun = 0;    // changes acknowledged in the current/last run
    std::int64_t downloadedThisRun = 0;  // records received in the current/last run
    std::int64_t pending = 0;            // changes waiting to be sent
    std::optional<std::int64_t> oldestPendingAgeMs;
    std::optional<UnixMillis> lastSuccessAt;  // device clock
    std::optional<Error> lastError;
    std::int64_t needsAttention = 0;            // rejected changes
    std::int64_t conflicts = 0;                 // changes accepted with a conflict
    std::optional<std::int64_t> clockOffsetMs;  // device minus server
    bool clockSkewed = false;                   // |offset| > 5 minutes
    int consecutiveFailures = 0;
    std::optional<UnixMillis> nextRetryAt;
    bool signedIn = false;
    bool wiped = false;
};

struct SyncReport {
    std::int64_t accepted = 0;
    std::int64_t conflicts = 0;
    std::int64_t rejected = 0;
    std::int64_t retryLater = 0;
    std::int64_t replayed = 0;
    std::int64_t messages = 0;
    std::int64_t recordsDownloaded = 0;
    std::int64_t keptLocal = 0;
    std::int64_t purgedRecords = 0;
    std::vector<std::string> repairedPartitions;
    bool complete = false;  // the download reached the end of the stream
    bool wiped = false;     // the server told this device to wipe; the store is now empty
    std::string wipeReason;
};

struct SyncOptions {
    std::size_t uploadBatchSize = 200;  // the server accepts up to 500
    // Changes per download message, each message one local transaction (one durable commit):
    // the server's maximum, so a new device's first download costs few commits.
    std::uint32_t downloadPageSize = 1000;
    int maxDownloadRounds = 20;  // streams ended early by the server's time bound
    BackoffPolicy backoff;
    // Refresh the access token this long before it expires (server clock).
    std::int64_t tokenRefreshMarginMs = 60'000;
};

// Called after the store was erased for a wipe instruction; it must destroy the vault keys
// and delete the database files (see wipeDeviceFiles()) once the store is closed. Called on
// the worker thread, after the engine stopped using the store.
using WipeHandler = std::function<void(const std::string& reason)>;

class SyncEngine {
public:
    // `store`, `transport`, `clock` and `random` must outlive the engine.
    SyncEngine(store::LocalStore& store, SyncTransport& transport, const Clock& clock,
               RandomSource& random, WipeHandler onWipe, SyncOptions options = {});

    // Signs in with a password (Login) and keeps the refresh token in the store. The signed-in
    // user must be the store's user (a first sign-in happens before a store exists: use the
    // transport's login() and then adoptCredentials()).
    Result<Credentials> signIn(const std::string& username, const std::string& password,
                               const std::string& deviceName);
    // Stores credentials obtained before the store could be opened (first sign-in).
    Status adoptCredentials(const Credentials& credentials);
    // Forgets the tokens (sign out). Pending changes stay on the device.
    Status signOut();
    // Ends the sign-in on the server too (the transport's signOut(): the device's refresh
    // tokens stop working there), then forgets the tokens here. The tokens are forgotten even
    // when the server cannot be told; its error is returned then (the server's tokens expire
    // by themselves). Pending changes stay on the device.
    Status signOutOfServer();

    // Upload, then download. Transient failures arm the backoff (state().nextRetryAt).
    Result<SyncReport> sync();
    Result<SyncReport> upload();
    Result<SyncReport> download();
    // The server's policy values (the transport's policyValues(), with the access token).
    Result<std::vector<PolicySetting>> policyValues();

    SyncState state() const;
    void setStateListener(std::function<void(const SyncState&)> listener);
    // Refreshes the counts in state() from the store (after local changes).
    Status refreshCounts();
    const Backoff& backoff() const { return backoff_; }

private:
    Result<std::string> accessToken(bool forceRefresh = false);
    template <typename Call>
    auto withToken(Call&& call) -> decltype(call(std::string()));
    void measureClock(UnixMillis sentAt, UnixMillis serverTime);
    Status uploadInto(SyncReport& report);
    Status downloadInto(SyncReport& report);
    Result<SyncReport> run(bool doUpload, bool doDownload);
    void fail(const Error& error);
    void publish();
    template <typename F>
    void update(F&& f);

    store::LocalStore& store_;
    SyncTransport& transport_;
    const Clock& clock_;
    WipeHandler onWipe_;
    SyncOptions options_;
    Backoff backoff_;

    std::string accessToken_;
    UnixMillis accessExpiresAt_ = 0;  // server clock
    bool wipeRequested_ = false;
    std::string wipeReason_;

    mutable std::mutex mutex_;
    SyncState state_;
    std::function<void(const SyncState&)> listener_;
};

// Deletes the database file and its -wal/-shm/-journal companions after destroying the vault
// keys (KeyVault::wipe), so nothing readable is left even if a file deletion fails.
Status wipeDeviceFiles(const std::filesystem::path& databasePath,
                       const std::function<Status()>& wipeVault);

// True for errors worth retrying with backoff (network, deadline, busy, server fault).
bool isTransient(const Error& error);

}  // namespace sitebook::sync
