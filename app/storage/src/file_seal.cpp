#include "sitebook/storage/file_seal.h"

#include <sodium.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "sitebook/common/log.h"

namespace sitebook::storage {

namespace {

constexpr std::string_view kLog = "storage.seal";
constexpr std::string_view kContext = "sitebook.device-files.v1";
constexpr int kFormat = 1;
constexpr std::size_t kMacBytes = crypto_generichash_BYTES;

Error changed() {
    return makeError(ErrorCode::Corrupt,
                     "the server address or the server's certificate kept on this device was "
                     "changed outside Sitebook, so it will not be used; sign out and sign in "
                     "again to set the server up afresh");
}

void absorb(crypto_generichash_state& state, std::string_view bytes) {
    std::uint8_t length[8];
    const std::uint64_t n = bytes.size();
    for (int i = 0; i < 8; ++i)
        length[i] = static_cast<std::uint8_t>(n >> (8 * i));
    crypto_generichash_update(&state, length, sizeof length);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

}  // namespace

FileSeal::FileSeal(std::filesystem::path sealPath, std::vector<std::filesystem::path> files)
    : sealPath_(std::move(sealPath)), files_(std::move(files)) {
    if (sodium_init() < 0)
        log::error(kLog, "libsodium failed to initialise");
}

bool FileSeal::exists() const {
    std::error_code ec;
    return std::filesystem::exists(sealPath_, ec);
}

Result<std::vector<std::uint8_t>> FileSeal::mac(const SecretBytes& dataKey) const {
    if (dataKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, "the database key must be 32 bytes", "key");
    // The MAC key: BLAKE2b keyed with the data key over a context string, so the data key
    // itself is never used for anything but the database.
    SecretBytes macKey(32);
    crypto_generichash(macKey.data(), macKey.size(),
                       reinterpret_cast<const unsigned char*>(kContext.data()), kContext.size(),
                       dataKey.data(), dataKey.size());
    crypto_generichash_state state;
    crypto_generichash_init(&state, macKey.data(), macKey.size(), kMacBytes);
    for (const auto& file : files_) {
        absorb(state, file.filename().string());
        auto text = detail::readSmallFile(file);
        if (!text.ok())
            return text.error();
        if (text->has_value()) {
            absorb(state, "present");
            absorb(state, **text);
        } else {
            absorb(state, "absent");
        }
    }
    std::vector<std::uint8_t> out(kMacBytes);
    crypto_generichash_final(&state, out.data(), out.size());
    sodium_memzero(&state, sizeof state);
    return out;
}

Status FileSeal::write(const SecretBytes& dataKey) const {
    auto sealed = mac(dataKey);
    SB_TRY(sealed);
    const nlohmann::json root = {{"format", kFormat}, {"mac", toHex(*sealed)}};
    SB_TRY(detail::writeFileAtomically(sealPath_, root.dump() + "\n"));
    log::info(kLog, "sealed the device's server settings");
    return okStatus();
}

Status FileSeal::check(const SecretBytes& dataKey) const {
    auto text = detail::readSmallFile(sealPath_);
    SB_TRY(text);
    if (!text->has_value()) {
        return makeError(ErrorCode::NotFound,
                         "the seal over the device's server settings is missing");
    }
    const nlohmann::json root = nlohmann::json::parse(**text, nullptr, false);
    std::vector<std::uint8_t> stored;
    if (root.is_discarded() || !root.is_object() || !root.contains("mac") ||
        !root["mac"].is_string() || !fromHex(root["mac"].get<std::string>(), stored) ||
        stored.size() != kMacBytes || root.value("format", 0) != kFormat) {
        log::warning(kLog, "the seal file is damaged or edited");
        return changed();
    }
    auto now = mac(dataKey);
    SB_TRY(now);
    if (sodium_memcmp(now->data(), stored.data(), kMacBytes) != 0) {
        log::warning(kLog, "the device's server settings do not match their seal");
        return changed();
    }
    return okStatus();
}

}  // namespace sitebook::storage
