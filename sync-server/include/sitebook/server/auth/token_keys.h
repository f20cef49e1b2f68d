#pragma once
// Managing the token signing keys in the store (TokenService reads them): the first key,
// importing the key file of servers before schema 5, and rotation.
//
// Rotation: a new key is added and signs from then on; each key it replaces is retired and
// still verifies until the tokens it signed have expired (accessTtl), plus keyReloadInterval
// for replicas that have not yet seen the new key. With `revokePrevious` (a key may have
// leaked) the old keys are deleted at once: their access tokens are refused and devices
// refresh (refresh tokens are not signed with these keys, so nobody is signed out).

#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/store/store.h"

namespace sitebook::server {

enum class TokenKeySetup { AlreadyThere, ImportedFromFile, Created };

// Makes sure the store has a signing key: if it has none, imports `legacyKeyFile` (32-byte
// hex, written by `init` before schema 5) when it exists, else makes a new key; audited.
// The file is deleted once the store holds its key. Several processes may call it at once.
Result<TokenKeySetup> ensureTokenKey(Store& store, const Clock& clock, RandomSource& random,
                                     const std::string& legacyKeyFile);

struct TokenKeyRotation {
    std::string newKeyId;
    std::vector<std::string> retiredKeyIds;  // still verifying until verifyUntilMillis
    std::vector<std::string> deletedKeyIds;  // no longer verify anything
    UnixMillis verifyUntilMillis = 0;
};

// Adds a new signing key and retires the others (see above); audited as
// "token_key_rotated". Keys whose verify-until time has passed are deleted.
Result<TokenKeyRotation> rotateTokenKey(Store& store, const Clock& clock, RandomSource& random,
                                        const TokenPolicy& policy, bool revokePrevious);

// A new key id: 8 random bytes, base64url.
std::string newTokenKeyId(RandomSource& random);

}  // namespace sitebook::server
