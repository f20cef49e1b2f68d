#pragma once
// Shared fixture data for store tests: a temp dir, a fixed raw key and a small roster.

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/secret.h"
#include "sitebook/domain/types.h"
#include "sitebook/store/local_store.h"

namespace sitebook::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("sitebook-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline SecretBytes testKey(std::uint8_t seed = 7) {
    SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<std::uint8_t>(seed + i * 13);
    return key;
}

// Well-formed ids for fixtures (UUIDv7 shape).
inline std::string fixtureId(int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "0190f5e2-7c1a-7abc-8def-%012d", n);
    return buf;
}

struct Roster {
    domain::Project project;
    domain::Session session;
    domain::Order order;
    std::vector<domain::Person> people;
    std::vector<domain::Appointment> appointments;
};

// Puts a project, a session on 2026-01-05 09:00–16:00 and appointments for the given surnames.
Roster seedRoster(store::LocalStore& store, const std::vector<std::string>& surnames);

domain::AppointmentOutcome attendedOutcome(int arrivalHour = 9, int finishHour = 16,
                                           int penalty = 0);

}  // namespace sitebook::testing
