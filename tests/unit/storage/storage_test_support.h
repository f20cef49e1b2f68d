#pragma once
// Helpers shared by the storage unit and integration tests.

#include <sodium.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sitebook/common/log.h"
#include "sitebook/common/secret.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/storage/keystore.h"

namespace sitebook::storage::testing {

// A fresh directory per test, removed afterwards.
class TempDir {
public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "sitebook-storage-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string file(std::string_view name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A deterministic 32-byte key, different for each `seed`.
inline SecretBytes testKey(std::uint8_t seed) {
    SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i) {
        key.data()[i] = static_cast<std::uint8_t>(seed * 31 + i * 7 + 1);
    }
    return key;
}

// A PIN every policy accepts (8 digits, no run or repeat), and another one.
inline constexpr const char* kTestPin = "24681357";
inline constexpr const char* kOtherPin = "97531864";

// Argon2id at its minimum cost, so PIN tests take milliseconds.
inline KdfParams fastKdf() {
    return KdfParams{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

// A keystore that is never reachable, like a desktop without a Secret Service.
class UnavailableKeyStore final : public KeyStore {
public:
    Result<std::optional<SecretBytes>> read(std::string_view) override { return error(); }
    Status write(std::string_view, const SecretBytes&) override { return error(); }
    Status remove(std::string_view) override { return error(); }
    std::string description() const override { return "unreachable test keystore"; }

private:
    static Error error() {
        return makeError(ErrorCode::KeystoreUnavailable, "no keystore backend in this test");
    }
};

// Captures every log line at every level while alive.
class LogCapture {
public:
    LogCapture() {
        log::setMinimumLevel(log::Level::Debug);
        previous_ =
            log::setSink([this](log::Level, std::string_view component, std::string_view message) {
                std::lock_guard lock(mutex_);
                lines_.push_back(std::string(component) + ": " + std::string(message));
            });
    }
    ~LogCapture() {
        log::setSink(std::move(previous_));
        log::setMinimumLevel(log::Level::Info);
    }
    LogCapture(const LogCapture&) = delete;
    LogCapture& operator=(const LogCapture&) = delete;

    std::vector<std::string> lines() const {
        std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
    log::Sink previous_;
};

}  // namespace sitebook::storage::testing
