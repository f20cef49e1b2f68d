#pragma once
// The key vault: envelope encryption of the database key.
//
// The database is keyed with a random 256-bit data key that is never stored in the clear.
// The vault keeps it only wrapped (XChaCha20-Poly1305), in `keys.json` in its own directory.
// The key-encryption key depends on the mode, fixed at creation and recorded in the file:
//  - PinAndKeystore: BLAKE2b keyed with a random 256-bit secret held in the platform keystore,
//    over the key derived from the PIN (Argon2id, random salt, parameters stored). Both are
//    needed: a copy of the files cannot be opened by guessing PINs without the keystore's
//    secret, and the keystore's secret opens nothing without the PIN.
//  - PinOnly, where no keystore is reachable at creation: the PIN-derived key alone, with a
//    higher Argon2id cost (KdfParams::withoutKeystore) and a longer PIN (8 digits or more).
//    A copy of the files can then be attacked offline; the app says so at set-up.
// The associated data of the wrap binds the vault id and the mode, so wraps cannot be swapped
// between vaults or modes. Changing the PIN rewraps the data key; the database is not touched.
//
// File format: keys.json carries "format" (kFormat). A format-1 file (PIN-only wrap, plus an
// optional keystore wrap that opened the data key without the PIN) is read and migrated on its
// next successful unlock: to PinAndKeystore where a keystore is reachable, else to PinOnly with
// the higher cost. A newer format is refused (SchemaTooNew) with words asking for the newer app.
//
// Wrong PINs: the first freeFailures consecutive failures cost nothing; each further failure
// imposes a delay that doubles from 30 s up to 1 h; after wipeAfter consecutive failures the
// vault shreds itself (wipe()): the database can no longer be opened by anyone and the device
// must be signed in again. An attempt is counted before the PIN is checked, so killing the app
// mid-check does not save an attempt. A correct PIN resets the count.
// Where the count lives: in PinAndKeystore mode in the platform keystore (entry
// "<secret entry>-attempts"), so editing or restoring keys.json does not reset it; in PinOnly
// mode in keys.json (nothing on the device can protect it there, and the files can be attacked
// offline anyway). Times are never-decreasing: the latest time seen is stored with the count,
// and a clock set back counts as that time, so it does not shorten (or stretch) a wait.
//
// Keys, PINs and their hex never appear in logs or error messages.
// Not thread-safe: one KeyVault per directory, used from one thread at a time. Every call does
// blocking file I/O and keystore calls and, for PIN operations, a deliberately slow key
// derivation: never call it on the GUI thread.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
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

    // The cost used when no platform keystore protects the vault: twice the memory (capped at
    // 256 MiB, or kept if already above) and one more pass.
    KdfParams withoutKeystore() const;
};

// Wrong-PIN delays.
struct PinBackoff {
    int freeFailures = 3;
    std::int64_t firstDelayMillis = 30'000;
    std::int64_t maxDelayMillis = 3'600'000;
    // Consecutive wrong PINs after which the vault shreds itself (0: never).
    int wipeAfter = 10;

    // The delay imposed after `failures` consecutive wrong PINs: 0 for the free ones, then
    // firstDelay, 2 x firstDelay, ... capped at maxDelay.
    std::int64_t delayAfter(int failures) const;
};

enum class VaultProtection {
    NotSetUp,        // no keys.json yet
    PinOnly,         // the data key is wrapped by the PIN only
    PinAndKeystore,  // the key-encryption key needs the PIN and a secret in the keystore
};

// Why a PIN is refused by the PIN policy (KeyVault::checkPin).
enum class PinProblem {
    None,
    NotDigits,  // anything but ASCII digits
    TooShort,   // fewer than minPinLength digits
    TooLong,    // more than kMaxPinLength digits
    Trivial,    // one digit repeated, a run up or down (123456, 654321, 890123), a short
                // block repeated (121212, 123123)
};

class KeyVault {
public:
    static constexpr std::string_view kFileName = "keys.json";
    static constexpr std::size_t kDataKeyBytes = 32;
    // The keys.json format this version writes; older ones are migrated, newer ones refused.
    static constexpr int kFormat = 2;
    static constexpr std::size_t kMaxPinLength = 16;

    // Where the vault of a database lives: a directory beside it, "<database file>.keys".
    static std::filesystem::path directoryFor(const std::filesystem::path& databasePath);

    // `keyStore` may be null (no platform keystore on this device); it, `clock` and `random`
    // must outlive the vault. `random` must be cryptographically secure outside tests.
    KeyVault(std::filesystem::path directory, KeyStore* keyStore, const Clock& clock,
             RandomSource& random, KdfParams kdf = {}, PinBackoff backoff = {});

    // The PIN policy: ASCII digits only, at least minPinLength(protection) and at most
    // kMaxPinLength of them, not trivial (see PinProblem).
    static PinProblem checkPin(std::string_view pin, VaultProtection protection);
    // 6 with a keystore, 8 without (the files can then be attacked offline).
    static int minPinLength(VaultProtection protection);
    // checkPin as a Status: InvalidArgument (field "pin") with a sentence that never repeats
    // the PIN. `protection` NotSetUp counts as PinAndKeystore.
    static Status validatePin(std::string_view pin,
                              VaultProtection protection = VaultProtection::PinAndKeystore);

    // True if keys.json exists.
    bool exists() const;

    // The mode create() would use now: PinAndKeystore if the platform keystore answers, else
    // PinOnly. Asks the keystore once per KeyVault and remembers the answer.
    VaultProtection protectionForNewVault() const;

    // Sets the vault up: a new random data key, wrapped as the mode requires (see above); `pin`
    // must pass the policy of that mode. Returns the data key (to create the database with).
    // AlreadyExists if a vault is already there.
    Result<SecretBytes> create(std::string_view pin);

    // The data key. WrongKey for a wrong PIN (the message warns when few tries are left before
    // the wipe), LockedOut (with the seconds to wait in the message) during a backoff delay or
    // once the vault has shredded itself (then exists() is false and wasShredded() true),
    // KeystoreUnavailable if the keystore that holds this vault's secret does not answer (no
    // attempt is counted), NotFound if there is no vault. A format-1 vault is migrated after
    // its PIN opened it (a failed migration is logged and leaves the old file working).
    Result<SecretBytes> unlockWithPin(std::string_view pin);

    // Rewraps the data key under `newPin`, which must pass the policy of the vault's mode; the
    // database is unchanged. `oldPin` is checked like unlockWithPin (and counts towards the
    // backoff and the wipe).
    Status changePin(std::string_view oldPin, std::string_view newPin);

    // Shreds the vault: overwrites and removes keys.json and removes the keystore's secret and
    // wrong-PIN count. The database can no longer be opened by anyone. Succeeds if there was
    // nothing to wipe. For sign-out, a server's wipe instruction, the wrong-PIN limit and any
    // other policy that must make this device's data unreadable at once.
    Status wipe();

    // True once this object shredded the vault because of the wrong-PIN limit.
    bool wasShredded() const { return shredded_; }
    // True if the last successful unlock found a file of an older format (a device set up by
    // an older version, now migrated): its other files may lack what this version adds.
    bool openedOlderFormat() const { return openedOlderFormat_; }

    VaultProtection protectionLevel() const;
    // A sentence for the settings screen, e.g. "PIN and platform keystore (Secret Service)" or
    // "PIN only: no platform keystore is reachable".
    std::string protection() const;

    // Milliseconds before the next PIN attempt is allowed (0: now). For the lock screen.
    Result<std::int64_t> lockedOutForMillis() const;
    // Consecutive wrong PINs so far.
    Result<int> failedAttempts() const;
    // Wrong PINs left before the vault shreds itself (-1: the policy never wipes).
    Result<int> attemptsBeforeWipe() const;

    const std::filesystem::path& directory() const { return directory_; }

    // The parsed file and wrong-PIN count (defined in the implementation).
    struct Attempts;
    struct Loaded;

private:
    std::filesystem::path filePath() const;
    Result<Loaded> load() const;
    Status saveAttempts(const Loaded& loaded, const Attempts& attempts);
    Result<SecretBytes> migrate(Loaded& loaded, const SecretBytes& dataKey, std::string_view pin);

    std::filesystem::path directory_;
    KeyStore* keyStore_;
    const Clock& clock_;
    RandomSource& random_;
    KdfParams kdf_;
    PinBackoff backoff_;
    mutable std::optional<bool> keystoreReachable_;
    bool shredded_ = false;
    bool openedOlderFormat_ = false;
};

}  // namespace sitebook::storage
