#pragma once
// Password hashing: Argon2id via libsodium's crypto_pwhash_str (salt and parameters are
// encoded in the returned string, so verification needs nothing else).

#include <string>
#include <string_view>

#include "sitebook/common/result.h"

namespace sitebook::server {

struct PasswordCost {
    unsigned long long opsLimit;
    std::size_t memLimit;
    // libsodium's INTERACTIVE limits (2 passes, 64 MiB): the production default.
    static PasswordCost interactive();
    // The minimum libsodium allows: for tests only.
    static PasswordCost minimumForTests();
};

// Refuses passwords shorter than 12 or longer than 1024 bytes (InvalidArgument, "password").
Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost);
// Constant-time with respect to the password; false for any malformed hash.
bool verifyPassword(const std::string& hash, std::string_view password);
// Runs one verification against a fixed hash so that an unknown username costs the same
// time as a wrong password.
void burnPasswordVerification(std::string_view password);

}  // namespace sitebook::server
