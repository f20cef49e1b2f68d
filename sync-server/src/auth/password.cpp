#include "sitebook/server/auth/password.h"

#include <sodium.h>

namespace sitebook::server {

PasswordCost PasswordCost::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::minimumForTests() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost) {
    if (password.size() < 12) {
        return makeError(ErrorCode::InvalidArgument,
                         "the password must have at least 12 characters", "password");
    }
    if (password.size() > 1024) {
        return makeError(ErrorCode::InvalidArgument, "the password is longer than 1024 bytes",
                         "password");
    }
    if (sodium_init() < 0)
        return makeError(ErrorCode::Internal, "libsodium failed to initialise");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opsLimit, cost.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(ErrorCode::ResourceExhausted,
                         "not enough memory to hash the password with Argon2id");
    }
    return std::string(out);
}

bool verifyPassword(const std::string& hash, std::string_view password) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void burnPasswordVerification(std::string_view password) {
    static const std::string kDummy = [] {
        auto h = hashPassword("sitebook-timing-equaliser", PasswordCost::interactive());
        return h.ok() ? h.value() : std::string();
    }();
    (void)verifyPassword(kDummy, password);
}

}  // namespace sitebook::server
