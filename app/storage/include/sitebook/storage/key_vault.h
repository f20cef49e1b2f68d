#pragma once
// The key vault: envelope encryption of the database key.
//
// The database is keyed with a random 256-bit data key that is never stored in the clear.
// The vault keeps it only wrapped (XChaCha20-Poly1305), in `keys.json` in its own directory:
//  - always by a key derived from the user's PIN (Argon2id, random salt, parameters stored),
//    so the device unlocks offline;
//  - additionally by a random key-encryption key held in the platform keystore, when one is
//    reachable at creation.
// The associated data of each wrap binds the vault id and the wrap kind, so wraps cannot be
// swapped between vaults or kinds. Changing the PIN rewraps the data key; the database file is
// not touched. protection() states which of the two protections is in force.
//
// Wrong PINs back off: the first kFreeFailures consecutive failures cost nothing; each further
// failure imposes a delay that doubles from 30 s up to 1 h. The count and the time of the next
// allowed attempt are stored in keys.json (surviving restarts); an attempt is counted before
// the PIN is checked, so killing the app mid-check does not save an attempt. An attempt made
// during the delay returns LockedOut without checking the PIN. A correct PIN resets the count.
// (The backoff slows guessing through the app; the Argon2id cost and the keystore wrap are
// what protect a copied file.)
//
// Keys, PINs and their hex never appear in logs or error messages.
// Not thread-safe: one KeyVault per directory, used from one thread at a time. Every call does
// blocking file I/O and, for PIN operations, a deliberately slow key derivation: never call
// it on the GUI thread.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"
#include "sitebook/storage/keystore.h"

namespace sitebook::storage {

// Argon2id cost. The defaults are the production values (libsodium's "moderate" memory cost
// with three passes); tests pass small values.
struct KdfParams {
    std::uint64_t opsLimit = 3;
    std::size_t memLimitBytes = std::size_t{64} * 1024 * 1024;
};

// Wrong-PIN delays.
struct PinBackoff {
    int freeFailures = 3;
    std::int64_t firstDelayMillis = 30'000;
    std::int64_t maxDelayMillis = 3'600'000;

    // The delay imposed after `failures` consecutive wrong PINs: 0 for the free ones, then
    // firstDelay, 2 x firstDelay, ... capped at maxDelay.
    std::int64_t delayAfter(int failures) const;
};

enum class VaultProtection {
    NotSetUp,        // no keys.json yet
    PinOnly,         // the data key is wrapped by the PIN only
    PinAndKeystore,  // also wrapped by a key in the platform keystore
};

class KeyVault {
public:
    static constexpr std::string_view kFileName = "keys.json";
    static constexpr std::size_t kDataKeyBytes = 32;

    // Where the vault of a database lives: a directory beside it, "<database file>.keys".
    static std::filesystem::path directoryFor(const std::filesystem::path& databasePath);

    // `keyStore` may be null (no platform keystore on this device); it, `clock` and `random`
    // must outlive the vault. `random` must be cryptographically secure outside tests.
    KeyVault(std::filesystem::path directory, KeyStore* keyStore, const Clock& clock,
             RandomSource& random, KdfParams kdf = {}, PinBackoff backoff = {});

    // A PIN is 4 to 12 ASCII digits. InvalidArgument (field "pin") otherwise; the message never
    // repeats the PIN.
    static Status validatePin(std::string_view pin);

    // True if keys.json exists.
    bool exists() const;

    // Sets the vault up: a new random data key, wrapped by `pin` and, if the keystore accepts a
    // new key-encryption key, by that too. Returns the data key (to create the database with).
    // AlreadyExists if a vault is already there.
    Result<SecretBytes> create(std::string_view pin);

    // The data key. WrongKey for a wrong PIN, LockedOut (with the seconds to wait in the
    // message) during a backoff delay, NotFound if there is no vault.
    Result<SecretBytes> unlockWithPin(std::string_view pin);

    // The data key via the platform keystore, without the PIN. KeystoreUnavailable if no
    // keystore is reachable; NotFound if this vault has no keystore wrap or the keystore lost
    // its entry. Not subject to the PIN backoff.
    Result<SecretBytes> unlockWithKeystore();

    // Rewraps the data key under `newPin`; the keystore wrap and the database are unchanged.
    // `oldPin` is checked like unlockWithPin (and counts towards the backoff).
    Status changePin(std::string_view oldPin, std::string_view newPin);

    // Destroys the wrapped keys: keys.json and the keystore entry. The database can no longer
    // be opened by anyone. Succeeds if there was nothing to wipe.
    Status wipe();

    VaultProtection protectionLevel() const;
    // A sentence for the settings screen, e.g. "PIN and platform keystore (Secret Service)" or
    // "PIN only: no platform keystore is reachable".
    std::string protection() const;

    // Milliseconds before the next PIN attempt is allowed (0: now). For the lock screen.
    Result<std::int64_t> lockedOutForMillis() const;
    // Consecutive wrong PINs so far.
    Result<int> failedAttempts() const;

    const std::filesystem::path& directory() const { return directory_; }

private:
    std::filesystem::path filePath() const;

    std::filesystem::path directory_;
    KeyStore* keyStore_;
    const Clock& clock_;
    RandomSource& random_;
    KdfParams kdf_;
    PinBackoff backoff_;
};

}  // namespace sitebook::storage
