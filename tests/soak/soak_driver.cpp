// The fault soak (docs/SOAK.md): a sitebook-server child process behind a fault proxy, three
// devices driven through the sitebook-cli code (two synced by `sitebook-cli sync` child
// processes killed at random, one with a clock seven minutes fast), the server killed and
// restarted at random, connections dropped, truncated, stalled and reset. At the end every
// device syncs and the run checks convergence, lost and duplicated changes, and prints one
// summary line. Exit code 0 only on PASS.
//
// usage: sitebook_soak --cli PATH --server PATH [--seconds N] [--seed N]
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "fault_proxy.h"
#include "sitebook/cli/cli.h"
#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/server/store/sqlite_store.h"
#include "sitebook/server/sync/entity_writer.h"
#include "sitebook/storage/database.h"

extern char** environ;

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using namespace sitebook;
using sitebook::testing::Child;
using sitebook::testing::freeLoopbackPort;
using sitebook::testing::killChild;
using sitebook::testing::spawnChild;
using sitebook::testing::waitFor;

constexpr char kPassword[] = "correct horse battery staple";

class OffsetClock final : public Clock {
public:
    explicit OffsetClock(std::int64_t offsetMs) : offset_(offsetMs) {}
    UnixMillis nowMillis() const override { return SystemClock::instance().nowMillis() + offset_; }

private:
    std::int64_t offset_;
};

struct Options {
    std::string cli, server;
    int seconds = 25;
    std::uint64_t seed = 0;
};

struct SoakDevice {
    std::string username;
    fs::path dir;
    const Clock* clock = nullptr;
    bool killable = true;  // synced by a child process that may be killed
};

class Soak {
public:
    explicit Soak(Options o) : opt_(std::move(o)), rng_(opt_.seed) {
        root_ = fs::temp_directory_path() /
                ("sitebook-soak-" + std::to_string(opt_.seed) + "-" + std::to_string(::getpid()));
        fs::create_directories(root_);
        log_ = (root_ / "soak.log").string();
    }
    ~Soak() {
        killChild(server_);
        proxy_.reset();
        if (!keep_) {
            std::error_code ec;
            fs::remove_all(root_, ec);
        }
    }

    int run();

private:
    bool serverCommand(std::vector<std::string> args, const std::string& input = {}) {
        args.insert(args.begin(), opt_.server);
        args.push_back("--data-dir");
        args.push_back((root_ / "server").string());
        const std::string in = (root_ / "stdin").string();
        std::ofstream(in) << input;
        Child c = spawnChild(args, {}, log_, in);
        auto code = waitFor(c, std::chrono::seconds(60));
        killChild(c);
        return code && *code == 0;
    }
    void startServer() {
        server_ =
            spawnChild({opt_.server, "serve", "--data-dir", (root_ / "server").string(), "--listen",
                        "127.0.0.1:" + std::to_string(port_), "--reconcile-every", "0"},
                       {}, log_);
    }
    int cli(SoakDevice& d, std::vector<std::string> args, const std::string& input = {},
            std::string* out = nullptr, std::string* err = nullptr) {
        args.push_back("--data-dir");
        args.push_back(d.dir.string());
        std::istringstream in(input);
        std::ostringstream o, e;
        cli::Environment env{
            in, o, e, *d.clock, random_, [](const std::string& name) -> std::optional<std::string> {
                if (name == "SITEBOOK_PIN")
                    return std::string("24681357");
                return std::nullopt;
            }};
        env.kdfOpsLimit = 1;
        env.kdfMemLimitBytes = 8192;
        const int code = cli::run(args, env);
        if (out)
            *out = o.str();
        if (err)
            *err = e.str();
        return code;
    }
    bool seed();
    bool finalCheck();

    Options opt_;
    std::mt19937_64 rng_;
    SecureRandom& random_ = SecureRandom::instance();
    fs::path root_;
    std::string log_;
    bool keep_ = false;
    int port_ = 0;
    Child server_;
    std::unique_ptr<testing::FaultProxy> proxy_;
    std::vector<SoakDevice> devices_;
    std::map<std::string, std::vector<std::string>> appointmentsOf_;  // username -> appointments
    std::map<std::string, std::vector<std::string>> peopleOf_;
    OffsetClock skewed_{7 * 60'000};
    std::int64_t ops_ = 0, kills_ = 0, serverKills_ = 0;
    std::int64_t lost_ = 0, duplicated_ = 0, rejected_ = 0;
};

bool Soak::seed() {
    if (!serverCommand({"init", "--dev-tls"}))
        return false;
    std::map<std::string, std::string> ids;
    for (const auto& [name, role] : std::vector<std::pair<std::string, std::string>>{
             {"sam", "supervisor"}, {"kim", "supervisor"}, {"olu", "officer"}}) {
        if (!serverCommand({"user", "add", "--username", name, "--role", role},
                           std::string(kPassword) + "\n"))
            return false;
    }
    auto store = server::SqliteStore::open((root_ / "server" / "sitebook-server.db").string());
    if (!store)
        return false;
    auto uow = (*store)->begin(server::AccessMode::ReadWrite);
    if (!uow)
        return false;
    for (const char* name : {"sam", "kim", "olu"}) {
        auto user = (*uow)->findUserByName(name);
        if (!user || !user->has_value())
            return false;
        ids[name] = (*user)->id;
    }
    UuidGenerator gen(SystemClock::instance(), random_);
    auto id = [&] { return gen.next().toString(); };
    bool ok = true;
    auto put = [&](server::EntityType type, const std::string& entityId, const json& body) {
        ok = ok && server::EntityWriter::put(**uow, type, entityId, body.dump(),
                                             {SystemClock::instance().nowMillis(), "", ""})
                       .ok();
    };
    // One project shared by both supervisors (conflicting outcomes), a session each day.
    const std::string project = id(), session = id();
    put(server::EntityType::Project, project,
        {{"id", project},
         {"code", "P-1"},
         {"name", "Riverside"},
         {"type", "GROUP"},
         {"supervisor_ids", json::array({ids["sam"], ids["kim"]})}});
    put(server::EntityType::Session, session,
        {{"id", session},
         {"project_id", project},
         {"date", "2026-01-01"},
         {"start", "09:00"},
         {"end", "16:00"}});
    for (int p = 0; p < 6; ++p) {
        const std::string person = id(), order = id();
        put(server::EntityType::Person, person,
            {{"id", person},
             {"crn", "X" + std::to_string(100 + p)},
             {"forenames", "Alex"},
             {"surname", "Person" + std::to_string(p)},
             {"date_of_birth", "1990-05-01"},
             {"responsible_officer_id", ids["olu"]},
             {"placement_flags", json::array()},
             {"restricted_access", false}});
        put(server::EntityType::Order, order,
            {{"id", order},
             {"person_id", person},
             {"sentence_date", "2025-10-01"},
             {"required_minutes", 6000},
             {"adjustments", json::array()}});
        peopleOf_["olu"].push_back(person);
        for (int a = 0; a < 4; ++a) {
            const std::string appt = id();
            put(server::EntityType::Appointment, appt,
                {{"id", appt},
                 {"person_id", person},
                 {"order_id", order},
                 {"session_id", session},
                 {"scheduled_start", "09:00"},
                 {"scheduled_end", "16:00"}});
            appointmentsOf_["sam"].push_back(appt);
            appointmentsOf_["kim"].push_back(appt);
        }
    }
    return ok && (*uow)->commit().ok();
}

int Soak::run() {
    std::cout << "soak: seed " << opt_.seed << " (replay with --seed " << opt_.seed << "), "
              << opt_.seconds << " s, data in " << root_.string() << std::endl;
    if (!seed()) {
        std::cerr << "soak: could not set up the server; see " << log_ << "\n";
        keep_ = true;
        return 1;
    }
    port_ = freeLoopbackPort();
    startServer();
    testing::FaultProxyOptions po;
    po.seed = rng_();
    po.faultRate = 0.3;
    po.maxStall = std::chrono::milliseconds(1000);
    proxy_ = testing::FaultProxy::start(port_, po);
    if (!proxy_)
        return 1;

    devices_ = {{"sam", root_ / "sam", &SystemClock::instance(), true},
                {"kim", root_ / "kim", &SystemClock::instance(), true},
                {"olu", root_ / "olu", &skewed_, false}};
    const std::string ca = (root_ / "server" / "tls" / "ca.pem").string();
    for (auto& d : devices_) {
        if (cli(d,
                {"init", "--server", "127.0.0.1:" + std::to_string(proxy_->port()), "--ca", ca,
                 "--tls-name", "localhost"},
                "24681357\n") != 0)
            return 1;
        // Signing in is set-up, retried across faults and a server still starting (bounded).
        bool in = false;
        for (int i = 0; i < 200 && !in; ++i) {
            in = cli(d, {"login", "--user", d.username}, std::string(kPassword) + "\n24681357\n") ==
                 0;
            if (!in)
                ::poll(nullptr, 0, 25);
        }
        if (!in) {
            std::cerr << "soak: " << d.username << " could not sign in\n";
            keep_ = true;
            return 1;
        }
    }

    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(opt_.seconds);
    std::uniform_int_distribution<int> percent(0, 99);
    for (int step = 0; step < 1'000'000 && std::chrono::steady_clock::now() < end; ++step) {
        auto& d =
            devices_[std::uniform_int_distribution<std::size_t>(0, devices_.size() - 1)(rng_)];
        const int roll = percent(rng_);
        if (roll < 70) {
            int code = 1;
            if (d.username == "olu") {
                const auto& people = peopleOf_["olu"];
                code = cli(
                    d,
                    {"note", "--person",
                     people[std::uniform_int_distribution<std::size_t>(0, people.size() - 1)(rng_)],
                     "--text", "Note " + std::to_string(step)});
            } else {
                const auto& appts = appointmentsOf_[d.username];
                const std::string appt =
                    appts[std::uniform_int_distribution<std::size_t>(0, appts.size() - 1)(rng_)];
                if (roll % 2 == 0) {
                    code = cli(
                        d, {"record-outcome", "--appointment", appt, "--code", "ATTC", "--arrival",
                            "09:00", "--finish", std::to_string(12 + roll % 4) + ":00", "--quality",
                            "GOOD", "--behaviour", "GOOD"});
                } else {
                    code = cli(d, {"add-work", "--appointment", appt, "--category", "cleaning",
                                   "--description", "Step " + std::to_string(step)});
                }
            }
            if (code == 0)
                ++ops_;
        } else if (roll < 92) {
            if (!d.killable) {
                (void)cli(d, {"sync"});
            } else {
                Child c = spawnChild({opt_.cli, "sync", "--data-dir", d.dir.string()},
                                     {"SITEBOOK_PIN=24681357"}, log_);
                const auto delay =
                    std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 600)(rng_));
                if (!waitFor(c, delay)) {
                    killChild(c);
                    ++kills_;
                }
            }
        } else if (roll < 97) {
            proxy_->resetAll();
        } else {
            killChild(server_);
            ++serverKills_;
            startServer();
        }
    }

    // Quiet network; every device syncs to the end.
    proxy_->setFaultRate(0.0);
    for (int round = 0; round < 3; ++round) {
        for (auto& d : devices_) {
            bool done = false;
            std::string lastError;
            for (int i = 0; i < 100 && !done; ++i) {
                const int code = cli(d, {"sync"}, {}, nullptr, &lastError);
                done = code == 0 || code == cli::kExitNeedsAttention;
                if (!done)
                    ::poll(nullptr, 0, 50);  // the restarted server may still be starting
            }
            if (!done) {
                std::cerr << "soak: " << d.username << " could not finish a sync: " << lastError;
                keep_ = true;
                return 1;
            }
        }
    }
    const bool converged = finalCheck();
    const auto stats = proxy_->stats();
    const bool pass = converged && lost_ == 0 && duplicated_ == 0;
    std::cout << "soak: " << opt_.seconds << " s, " << devices_.size() << " devices, " << ops_
              << " ops, " << stats.faults() << " faults, " << kills_ + serverKills_ << " kills ("
              << serverKills_ << " server), " << lost_ << " lost, " << duplicated_
              << " duplicated, " << rejected_ << " rejected, "
              << (converged ? "converged" : "DIVERGED") << ": " << (pass ? "PASS" : "FAIL")
              << std::endl;
    if (!pass)
        keep_ = true;
    return pass ? 0 : 1;
}

bool Soak::finalCheck() {
    std::set<std::string> sent;
    std::vector<json> exports;
    for (auto& d : devices_) {
        std::string out;
        if (cli(d, {"export", "--json"}, {}, &out) != 0)
            return false;
        exports.push_back(json::parse(out));
        for (const auto& e : exports.back()["outbox"]) {
            if (e["state"] == "rejected" || e["state"] == "discarded") {
                ++rejected_;  // refused by the server, kept for the user: never acknowledged
                continue;
            }
            if (e["state"] != "sent") {
                std::cerr << "soak: " << d.username << " still has " << e["state"] << " "
                          << e["op_id"] << "\n";
                ++lost_;
            }
            sent.insert(e["op_id"].get<std::string>());
        }
    }
    killChild(server_);  // read the server's database at rest
    auto db =
        storage::Database::openUnencrypted((root_ / "server" / "sitebook-server.db").string());
    if (!db)
        return false;
    std::map<std::string, std::int64_t> audited;
    auto audit =
        (*db)->prepare("SELECT op_id, COUNT(*) FROM audit_log WHERE op_id != '' GROUP BY op_id");
    if (!audit)
        return false;
    for (int i = 0; i < 10'000'000; ++i) {
        auto row = audit->step();
        if (!row || !*row)
            break;
        audited[audit->columnText(0)] = audit->columnInt(1);
    }
    for (const auto& op : sent) {
        if (!audited.count(op))
            ++lost_;
        else if (audited[op] != 1)
            ++duplicated_;
    }
    if (audited.size() != sent.size())
        ++duplicated_;
    // Convergence: every device's server copies are the server's current records (same
    // version and body), and the two supervisors of the shared project hold the same set.
    std::map<std::string, std::pair<std::int64_t, std::string>> current;
    auto entities = (*db)->prepare(
        "SELECT entity_type, entity_id, version, body_json FROM entities WHERE deleted = 0");
    if (!entities) {
        std::cerr << "soak: " << entities.error().toString() << "\n";
        return false;
    }
    for (int i = 0; i < 10'000'000; ++i) {
        auto row = entities->step();
        if (!row || !*row)
            break;
        current[entities->columnText(0) + "/" + entities->columnText(1)] = {
            entities->columnInt(2), json::parse(entities->columnText(3)).dump()};
    }
    bool ok = true;
    std::set<std::string> samRecords, kimRecords;
    for (std::size_t i = 0; i < devices_.size(); ++i) {
        for (const auto& r : exports[i]["server_records"]) {
            const std::string key =
                r["entity_type"].get<std::string>() + "/" + r["entity_id"].get<std::string>();
            auto it = current.find(key);
            if (it == current.end() || it->second.first != r["version"].get<std::int64_t>() ||
                it->second.second != r["body"].dump()) {
                std::cerr << "soak: " << devices_[i].username << " holds a stale " << key << "\n";
                ok = false;
            }
            auto& set = devices_[i].username == "sam" ? samRecords : kimRecords;
            if (devices_[i].username != "olu")
                set.insert(key + "@" + r["version"].dump());
        }
        if (!exports[i]["device"]["partitions_to_repair"].empty())
            ok = false;
    }
    return ok && samRecords == kimRecords;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    std::random_device rd;
    o.seed = (std::uint64_t{rd()} << 32) ^ rd();
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--cli")
            o.cli = value;
        else if (flag == "--server")
            o.server = value;
        else if (flag == "--seconds")
            o.seconds = std::max(5, std::atoi(value.c_str()));
        else if (flag == "--seed")
            o.seed = std::strtoull(value.c_str(), nullptr, 10);
        else {
            std::cerr << "usage: sitebook_soak --cli PATH --server PATH [--seconds N] [--seed N]\n";
            return 2;
        }
    }
    if (o.cli.empty() || o.server.empty()) {
        std::cerr << "usage: sitebook_soak --cli PATH --server PATH [--seconds N] [--seed N]\n";
        return 2;
    }
    ::signal(SIGPIPE, SIG_IGN);
    Soak soak(o);
    return soak.run();
}
