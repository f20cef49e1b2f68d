#include "pg_cluster.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

namespace sitebook::testing {

namespace {

constexpr const char* kUser = "sitebook";

[[noreturn]] void fail(const std::string& what) {
    std::cerr << "PostgreSQL test cluster: " << what << "\n";
    std::abort();
}

// A loopback port nobody listens on right now.
int freePort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
        fail("no free loopback port");
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

std::string binDir() {
    if (const char* env = std::getenv("SITEBOOK_PG_BIN"); env != nullptr && *env != '\0')
        return env;
    return "/usr/lib/postgresql/15/bin";
}

}  // namespace

PostgresCluster& PostgresCluster::shared() {
    static PostgresCluster cluster;
    return cluster;
}

PostgresCluster::PostgresCluster() : bin_(binDir()) {
    if (!std::filesystem::exists(bin_ + "/initdb"))
        fail("no initdb in " + bin_ + "; install postgresql-15 (scripts/install-deps.sh)");
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("sitebook-pg-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all);
    if (::geteuid() == 0) {
        // PostgreSQL refuses to run as root: the cluster belongs to `nobody`.
        const passwd* nobody = ::getpwnam("nobody");
        if (nobody == nullptr)
            fail("running as root and there is no user 'nobody' to run PostgreSQL as");
        if (::chown(dir_.c_str(), nobody->pw_uid, nobody->pw_gid) != 0)
            fail("cannot hand " + dir_.string() + " to nobody");
        asUser_ = "runuser -u nobody -- ";
    }
    {
        std::ofstream pw(dir_ / "pwfile");
        pw << password_ << "\n";
    }
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        [[maybe_unused]] const int owned =
            ::chown((dir_ / "pwfile").c_str(), nobody->pw_uid, nobody->pw_gid);
    }
    const std::string d = dir_.string();
    // initdb is most of the start-up time: it runs once per machine into a template that
    // every cluster copies (under a file lock, as ctest runs test binaries in parallel).
    const auto templateDir = std::filesystem::temp_directory_path() /
                             ("sitebook-pg-template-" + std::to_string(::geteuid()));
    {
        std::filesystem::create_directories(templateDir);
        const int lock = ::open((templateDir / "lock").c_str(), O_CREAT | O_RDWR, 0600);
        if (lock < 0 || ::flock(lock, LOCK_EX) != 0)
            fail("cannot lock " + templateDir.string());
        if (!std::filesystem::exists(templateDir / "ready")) {
            std::filesystem::remove_all(templateDir / "data");
            run(bin_ + "/initdb -D " + d + "/data -U " + kUser + " --pwfile=" + d +
                "/pwfile --auth-local=trust --auth-host=scram-sha-256 -E UTF8 "
                "--locale=C.UTF-8 --no-sync > " +
                d + "/initdb.log 2>&1");
            std::filesystem::copy(dir_ / "data", templateDir / "data",
                                  std::filesystem::copy_options::recursive);
            std::ofstream(templateDir / "ready") << "password " << password_ << "\n";
        }
        ::close(lock);  // releases the lock
    }
    if (!std::filesystem::exists(dir_ / "data")) {
        std::filesystem::copy(templateDir / "data", dir_ / "data",
                              std::filesystem::copy_options::recursive);
    }
    if (::geteuid() == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        const std::string owner =
            std::to_string(nobody->pw_uid) + ":" + std::to_string(nobody->pw_gid);
        if (std::system(("chown -R " + owner + " " + d + "/data").c_str()) != 0)
            fail("cannot hand the data directory to nobody");
    }
    std::filesystem::permissions(dir_ / "data", std::filesystem::perms::owner_all);
    // Starting can lose a race for the port with another process: try a few.
    for (int attempt = 0;; ++attempt) {
        port_ = freePort();
        const std::string options = "-p " + std::to_string(port_) + " -k " + d +
                                    " -c listen_addresses=127.0.0.1 -c fsync=off "
                                    "-c synchronous_commit=off -c full_page_writes=off "
                                    "-c max_connections=200";
        const std::string cmd = "cd " + d + " && " + asUser_ + bin_ + "/pg_ctl -D " + d +
                                "/data -w -t 60 -l " + d + "/server.log -o '" + options +
                                "' start > /dev/null 2>&1";
        if (std::system(cmd.c_str()) == 0)
            break;
        if (attempt == 3) {
            std::ifstream log(dir_ / "server.log");
            std::cerr << log.rdbuf();
            fail("pg_ctl start failed");
        }
    }
}

PostgresCluster::~PostgresCluster() {
    const std::string d = dir_.string();
    const std::string cmd = "cd " + d + " && " + asUser_ + bin_ + "/pg_ctl -D " + d +
                            "/data -m immediate -w stop > /dev/null 2>&1";
    [[maybe_unused]] const int stopped = std::system(cmd.c_str());
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

void PostgresCluster::run(const std::string& command) const {
    const std::string cmd = "cd " + dir_.string() + " && " + asUser_ + command;
    if (std::system(cmd.c_str()) != 0) {
        std::ifstream log(dir_ / "initdb.log");
        std::cerr << log.rdbuf();
        fail("command failed: " + command);
    }
}

std::string PostgresCluster::url(const std::string& name, const std::string& password) const {
    return std::string("postgresql://") + kUser + ":" + password +
           "@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

std::string PostgresCluster::createDatabase() {
    std::lock_guard lock(mutex_);
    const std::string name =
        "test_" + std::to_string(::getpid()) + "_" + std::to_string(++nextDatabase_);
    PGconn* conn = PQconnectdb(url("postgres").c_str());
    if (PQstatus(conn) != CONNECTION_OK)
        fail(std::string("cannot connect: ") + PQerrorMessage(conn));
    PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        fail(std::string("CREATE DATABASE failed: ") + PQerrorMessage(conn));
    PQclear(res);
    PQfinish(conn);
    return url(name);
}

}  // namespace sitebook::testing
