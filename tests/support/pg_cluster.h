#pragma once
// A throwaway PostgreSQL 15 cluster for tests: initdb + pg_ctl in a temp dir on a free
// loopback port, run as `nobody` when the tests run as root, stopped and removed when the
// test binary exits (initdb runs once per machine into a template each cluster copies). One
// cluster per test binary; a fresh database per test.

#include <filesystem>
#include <mutex>
#include <string>

namespace sitebook::testing {

class PostgresCluster {
public:
    // The binary's cluster, started on first use. Aborts the test binary with a message when
    // PostgreSQL cannot be started (the tests need it; see README "Tests").
    static PostgresCluster& shared();
    ~PostgresCluster();

    // Creates an empty database and returns its URL (postgresql://user:password@host:port/db).
    std::string createDatabase();
    // The URL of database `name` with `password` (to test a wrong one).
    std::string url(const std::string& name, const std::string& password) const;
    std::string url(const std::string& name) const { return url(name, password_); }
    int port() const { return port_; }

private:
    PostgresCluster();
    void run(const std::string& command) const;

    std::filesystem::path dir_;
    std::string bin_;
    std::string asUser_;  // "runuser -u nobody -- " when root, else ""
    std::string password_ = "sitebook-test";
    int port_ = 0;
    int nextDatabase_ = 0;
    std::mutex mutex_;
};

}  // namespace sitebook::testing
