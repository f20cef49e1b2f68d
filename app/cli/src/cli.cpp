#include "sitebook/cli/cli.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "sitebook/common/uuid.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/uk_time.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/store/local_store.h"
#include "sitebook/sync/grpc_transport.h"
#include "sitebook/sync/sync_engine.h"

namespace sitebook::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr char kUsage[] = R"(usage: sitebook-cli <command> [options]

Commands:
  init --server HOST:PORT --ca FILE [--tls-name NAME] [--device-name NAME]
                         set up this device's data directory and its PIN
  login --user NAME      sign in (password from SITEBOOK_PASSWORD or the first line of stdin)
  unlock                 check the PIN
  roster [--date YYYY-MM-DD]
  record-outcome --appointment ID --code CODE [--arrival HH:MM] [--finish HH:MM]
                 [--penalty MIN] [--quality RATING] [--behaviour RATING]
  add-work --appointment ID --category CAT --description TEXT [--quantity N] [--unit U]
  add-skill --appointment ID --skill SKILL --level LEVEL [--note TEXT]
  feedback --appointment ID [--progress T] [--strengths T] [--concerns T]
           [--support-needs T] [--incidents T] [--alert-reason T]
  note --person ID --text TEXT [--appointment ID] [--sensitive] [--amends NOTE_ID]
  sync                   send queued changes, then fetch what changed
  status [--json]        sync state, queue and clock
  pending                changes waiting to be sent
  attention              changes the server rejected (need a decision)
  discard OP_ID [--reason TEXT]
  resubmit OP_ID --file FILE   send a corrected version of a rejected change (domain JSON)
  export --json          everything this device holds (docs/CLI.md)

Officer commands (a responsible officer's device; docs/CLI.md):
  inbox [--json]         items awaiting a decision, as the app's inbox shows them
  decide --appointment ID --action ACTION [--reason TEXT] [--date YYYY-MM-DD]
         [--reclassify-as CODE]
                         record an enforcement decision: warning_issued, refer_for_breach,
                         no_further_action (needs --reason) or absence_acceptable (needs
                         --reason and --reclassify-as AAME|AAEM|AAFC|AACL|AASD); --date
                         defaults to today (UK)
  acknowledge-alert --feedback ID [--note TEXT]
  confirm-outcome --appointment ID --version N
                         settle a conflict: version N (1 = oldest) of the conflict item is right

Every command takes --data-dir DIR (default $SITEBOOK_DATA_DIR, else ./sitebook-data).
The PIN comes from SITEBOOK_PIN or the next line of stdin; never from the command line.
Exit codes: 0 ok, 1 failed, 2 usage, 3 synced but some changes need attention.
)";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::set<std::string> flags;

    std::optional<std::string> value(const std::string& k) const {
        auto it = values.find(k);
        if (it == values.end())
            return std::nullopt;
        return it->second;
    }
};

const std::set<std::string> kFlagOptions = {"json", "sensitive", "help"};

struct UsageError {
    std::string message;
};

Result<Args> parse(const std::vector<std::string>& argv) {
    Args a;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string& arg = argv[i];
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                a.values[name.substr(0, eq)] = name.substr(eq + 1);
            } else if (kFlagOptions.count(name) != 0) {
                a.flags.insert(name);
            } else if (i + 1 < argv.size()) {
                a.values[name] = argv[++i];
            } else {
                return makeError(ErrorCode::InvalidArgument, "--" + name + " needs a value", name);
            }
        } else if (a.command.empty()) {
            a.command = arg;
        } else {
            a.positional.push_back(arg);
        }
    }
    if (a.values.count("password") != 0 || a.values.count("pin") != 0) {
        return makeError(ErrorCode::InvalidArgument,
                         "passwords and PINs are never taken from the command line; use "
                         "SITEBOOK_PASSWORD / SITEBOOK_PIN or stdin");
    }
    return a;
}

struct DeviceConfig {
    std::string server;
    std::string tlsName;
    std::string deviceId;
    std::string deviceName;
    std::string userId;
    std::string username;
    std::string displayName;
    std::string role;
};

class Cli {
public:
    Cli(Environment& env, Args args) : env_(env), args_(std::move(args)) {
        if (auto d = args_.value("data-dir")) {
            dataDir_ = *d;
        } else if (auto e = env_.getenv("SITEBOOK_DATA_DIR")) {
            dataDir_ = *e;
        } else {
            dataDir_ = "sitebook-data";
        }
    }

    int dispatch() {
        const std::string& c = args_.command;
        if (c.empty() || c == "help" || args_.flags.count("help") != 0) {
            env_.out << kUsage;
            return c.empty() ? kExitUsage : kExitOk;
        }
        if (c == "init")
            return report(init());
        if (c == "login")
            return report(login());
        if (c == "unlock")
            return report(withStore([&]() -> Status {
                env_.out << "Unlocked.\n";
                return okStatus();
            }));
        if (c == "roster")
            return report(withStore([&] { return roster(); }));
        if (c == "record-outcome")
            return report(withStore([&] { return recordOutcome(); }));
        if (c == "add-work")
            return report(withStore([&] { return addWork(); }));
        if (c == "add-skill")
            return report(withStore([&] { return addSkill(); }));
        if (c == "feedback")
            return report(withStore([&] { return feedback(); }));
        if (c == "note")
            return report(withStore([&] { return note(); }));
        if (c == "sync") {
            int code = kExitOk;
            auto s = withStore([&] { return sync(code); });
            return s.ok() ? code : report(s);
        }
        if (c == "status")
            return report(withStore([&] { return status(); }));
        if (c == "pending")
            return report(withStore([&] { return listOutbox("pending"); }));
        if (c == "attention")
            return report(withStore([&] { return listOutbox("rejected"); }));
        if (c == "discard")
            return report(withStore([&] { return discard(); }));
        if (c == "resubmit")
            return report(withStore([&] { return resubmit(); }));
        if (c == "export")
            return report(withStore([&] { return exportAll(); }));
        if (c == "inbox")
            return report(withStore([&] { return inbox(); }));
        if (c == "decide")
            return report(withStore([&] { return decide(); }));
        if (c == "acknowledge-alert")
            return report(withStore([&] { return acknowledgeAlert(); }));
        if (c == "confirm-outcome")
            return report(withStore([&] { return confirmOutcome(); }));
        env_.err << "sitebook-cli: unknown command '" << c << "'\n" << kUsage;
        return kExitUsage;
    }

private:
    int report(const Status& s) {
        if (s.ok())
            return kExitOk;
        env_.err << "sitebook-cli: " << s.error().toString() << "\n";
        return s.code() == ErrorCode::InvalidArgument && usageError_ ? kExitUsage : kExitFailure;
    }

    Error usage(std::string message) {
        usageError_ = true;
        return makeError(ErrorCode::InvalidArgument, std::move(message));
    }

    Result<std::string> required(const std::string& name) {
        auto v = args_.value(name);
        if (!v || v->empty())
            return usage("--" + name + " is required");
        return *v;
    }

    // A secret from the environment, else the next line of stdin.
    Result<std::string> secret(const std::string& envName, const std::string& what) {
        if (auto v = env_.getenv(envName); v && !v->empty())
            return *v;
        std::string line;
        if (!std::getline(env_.in, line) || line.empty()) {
            return makeError(ErrorCode::InvalidArgument,
                             what + " needed: set " + envName + " or pass it on stdin");
        }
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return line;
    }

    fs::path configPath() const { return dataDir_ / "device.json"; }
    fs::path dbPath() const { return dataDir_ / "sitebook.db"; }
    fs::path caPath() const { return dataDir_ / "ca.pem"; }

    storage::KeyVault vault() const {
        storage::KdfParams kdf;
        if (env_.kdfOpsLimit != 0)
            kdf.opsLimit = env_.kdfOpsLimit;
        if (env_.kdfMemLimitBytes != 0)
            kdf.memLimitBytes = env_.kdfMemLimitBytes;
        return storage::KeyVault(storage::KeyVault::directoryFor(dbPath()), nullptr, env_.clock,
                                 env_.random, kdf);
    }

    Result<DeviceConfig> loadConfig() {
        std::ifstream f(configPath());
        if (!f) {
            return makeError(ErrorCode::NotFound, "no Sitebook device in " + dataDir_.string() +
                                                      "; run `sitebook-cli init` first");
        }
        json j = json::parse(f, nullptr, false);
        if (!j.is_object()) {
            return makeError(ErrorCode::Corrupt, configPath().string() + " is not valid JSON");
        }
        DeviceConfig c;
        c.server = j.value("server", "");
        c.tlsName = j.value("tls_name", "");
        c.deviceId = j.value("device_id", "");
        c.deviceName = j.value("device_name", "");
        c.userId = j.value("user_id", "");
        c.username = j.value("username", "");
        c.displayName = j.value("display_name", "");
        c.role = j.value("role", "");
        return c;
    }

    Status saveConfig(const DeviceConfig& c) {
        json j = {{"server", c.server},
                  {"tls_name", c.tlsName},
                  {"device_id", c.deviceId},
                  {"device_name", c.deviceName},
                  {"user_id", c.userId},
                  {"username", c.username},
                  {"display_name", c.displayName},
                  {"role", c.role}};
        const fs::path tmp = configPath().string() + ".tmp";
        {
            std::ofstream f(tmp, std::ios::trunc);
            if (!f)
                return makeError(ErrorCode::Io, "cannot write " + tmp.string());
            f << j.dump(2) << "\n";
        }
        std::error_code ec;
        fs::rename(tmp, configPath(), ec);
        if (ec)
            return makeError(ErrorCode::Io, "cannot write " + configPath().string());
        return okStatus();
    }

    Result<std::unique_ptr<sync::SyncTransport>> transport(const DeviceConfig& c) {
        std::ifstream f(caPath());
        std::stringstream ca;
        ca << f.rdbuf();
        sync::GrpcTransportConfig t;
        t.target = c.server;
        t.caCertificatePem = ca.str();
        t.tlsServerName = c.tlsName;
        return sync::makeGrpcTransport(t);
    }

    Status init() {
        auto server = required("server");
        SB_TRY(server);
        auto ca = required("ca");
        SB_TRY(ca);
        if (fs::exists(configPath())) {
            return makeError(ErrorCode::AlreadyExists,
                             dataDir_.string() + " already holds a Sitebook device");
        }
        std::ifstream caFile(*ca);
        if (!caFile)
            return makeError(ErrorCode::NotFound, "cannot read the CA file " + *ca, "ca");
        std::stringstream pem;
        pem << caFile.rdbuf();
        if (pem.str().find("BEGIN CERTIFICATE") == std::string::npos) {
            return makeError(ErrorCode::InvalidArgument, *ca + " is not a PEM certificate", "ca");
        }
        DeviceConfig c;
        c.server = *server;
        c.tlsName = args_.value("tls-name").value_or("");
        c.deviceName = args_.value("device-name").value_or("sitebook-cli");
        // Checked before anything is written.
        sync::GrpcTransportConfig probe{c.server, pem.str(), c.tlsName};
        SB_TRY(sync::makeGrpcTransport(probe));
        // The CLI's vault has no platform keystore: the PIN-only policy (8 digits or more).
        auto pin = secret("SITEBOOK_PIN", "a PIN (8 to 16 digits)");
        SB_TRY(pin);
        SB_TRY(storage::KeyVault::validatePin(*pin, storage::VaultProtection::PinOnly));

        std::error_code ec;
        fs::create_directories(dataDir_, ec);
        if (ec)
            return makeError(ErrorCode::Io, "cannot create " + dataDir_.string());
        fs::permissions(dataDir_, fs::perms::owner_all, fs::perm_options::replace, ec);
        {
            std::ofstream out(caPath(), std::ios::trunc);
            out << pem.str();
        }
        fs::permissions(caPath(), fs::perms::owner_read | fs::perms::owner_write,
                        fs::perm_options::replace, ec);
        c.deviceId = UuidGenerator(env_.clock, env_.random).next().toString();
        auto v = vault();
        auto key = v.create(*pin);
        SB_TRY(key);
        SB_TRY(saveConfig(c));
        env_.out << "Device " << c.deviceId << " set up in " << dataDir_.string() << " ("
                 << v.protection() << ").\nNext: sitebook-cli login --user NAME\n";
        return okStatus();
    }

    Status login() {
        auto user = required("user");
        SB_TRY(user);
        auto config = loadConfig();
        SB_TRY(config);
        auto password = secret("SITEBOOK_PASSWORD", "a password");
        SB_TRY(password);
        auto pin = secret("SITEBOOK_PIN", "the PIN");
        SB_TRY(pin);
        auto key = vault().unlockWithPin(*pin);
        SB_TRY(key);
        auto t = transport(*config);
        SB_TRY(t);
        auto creds = (*t)->login({*user, *password, config->deviceId, config->deviceName});
        password->assign(password->size(), '\0');
        SB_TRY(creds);
        if (!config->userId.empty() && config->userId != creds->userId && fs::exists(dbPath())) {
            // A shared device moves to the new user: the previous user's data must go, but
            // never while it still holds changes that were not sent.
            {
                auto old = store::LocalStore::open(
                    dbPath(), *key, {config->deviceId, config->userId, domain::Role::Supervisor},
                    env_.clock, env_.random);
                SB_TRY(old);
                auto pending = (*old)->outboxCount("pending");
                SB_TRY(pending);
                auto rejected = (*old)->outboxCount("rejected");
                SB_TRY(rejected);
                if (*pending + *rejected > 0) {
                    return makeError(ErrorCode::PermissionDenied,
                                     "this device still holds " +
                                         std::to_string(*pending + *rejected) + " change(s) of " +
                                         config->username +
                                         "; sync them (or discard rejected ones) first");
                }
            }
            SB_TRY(sync::wipeDeviceFiles(dbPath(), nullptr));
        }
        auto opened =
            store::LocalStore::open(dbPath(), *key, {config->deviceId, creds->userId, creds->role},
                                    env_.clock, env_.random);
        SB_TRY(opened);
        sync::SyncEngine engine(**opened, **t, env_.clock, env_.random, nullptr);
        SB_TRY(engine.adoptCredentials(*creds));
        config->userId = creds->userId;
        config->username = *user;
        config->displayName = creds->displayName;
        config->role = std::string(domain::wireText(creds->role));
        SB_TRY(saveConfig(*config));
        env_.out << "Signed in as " << (creds->displayName.empty() ? *user : creds->displayName)
                 << " (" << config->role << ").\n";
        return okStatus();
    }

    template <typename F>
    Status withStore(F&& body) {
        auto config = loadConfig();
        SB_TRY(config);
        if (config->userId.empty()) {
            return makeError(ErrorCode::Unauthenticated,
                             "nobody has signed in on this device; run `sitebook-cli login`");
        }
        config_ = *config;
        auto pin = secret("SITEBOOK_PIN", "the PIN");
        SB_TRY(pin);
        auto key = vault().unlockWithPin(*pin);
        SB_TRY(key);
        auto role =
            domain::parseEnum<domain::Role>(config->role).value_or(domain::Role::Supervisor);
        auto opened = store::LocalStore::open(
            dbPath(), *key, {config->deviceId, config->userId, role}, env_.clock, env_.random);
        SB_TRY(opened);
        store_ = std::move(*opened);
        Status s = body();
        store_.reset();
        return s;
    }

    Result<domain::CivilDate> dateArg() {
        if (auto d = args_.value("date")) {
            auto parsed = domain::CivilDate::parse(*d);
            if (!parsed)
                return usage("--date must be YYYY-MM-DD");
            return *parsed;
        }
        return domain::CivilDate::fromUnixMillis(env_.clock.nowMillis());
    }

    Status roster() {
        auto date = dateArg();
        SB_TRY(date);
        auto sessions = store_->sessionsOn(*date);
        SB_TRY(sessions);
        if (sessions->empty())
            env_.out << "No sessions on " << date->toString() << ".\n";
        for (const auto& s : *sessions) {
            env_.out << "Session " << s.id << "  " << s.date.toString() << " " << s.start.toString()
                     << "-" << s.end.toString() << "\n";
            auto entries = store_->roster(s.id);
            SB_TRY(entries);
            for (const auto& e : *entries) {
                const auto& a = e.appointment;
                env_.out << "  " << e.person.surname << ", " << e.person.forenames << "  "
                         << e.person.crn << "  appointment " << a.id << "  "
                         << (a.outcome ? std::string(a.outcome->code.text()) : "no outcome");
                for (const auto& flag : e.person.placement_flags)
                    env_.out << "  [" << flag << "]";
                env_.out << "\n";
            }
        }
        return okStatus();
    }

    template <typename E>
    Result<std::optional<E>> enumArg(const std::string& name) {
        auto v = args_.value(name);
        if (!v)
            return std::optional<E>{};
        auto parsed = domain::parseEnum<E>(*v);
        if (!parsed) {
            std::string allowed;
            for (E e : domain::allValues<E>())
                allowed += " " + std::string(domain::wireText(e));
            return usage("--" + name + " must be one of:" + allowed);
        }
        return std::optional<E>(*parsed);
    }

    Result<std::optional<domain::TimeOfDay>> timeArg(const std::string& name) {
        auto v = args_.value(name);
        if (!v)
            return std::optional<domain::TimeOfDay>{};
        auto t = domain::TimeOfDay::parse(*v);
        if (!t)
            return usage("--" + name + " must be HH:MM");
        return std::optional<domain::TimeOfDay>(*t);
    }

    Status printReceipt(const Result<store::ChangeReceipt>& r) {
        SB_TRY(r);
        env_.out << "Saved " << r->entityId << " (change " << r->opId << ", queued for sync).\n";
        return okStatus();
    }

    Status recordOutcome() {
        auto appt = required("appointment");
        SB_TRY(appt);
        auto code = required("code");
        SB_TRY(code);
        domain::AppointmentOutcome o;
        o.code = domain::Outcome::fromText(*code);
        auto arrival = timeArg("arrival");
        SB_TRY(arrival);
        auto finish = timeArg("finish");
        SB_TRY(finish);
        o.arrival = *arrival;
        o.finish = *finish;
        if (auto p = args_.value("penalty")) {
            try {
                o.penalty_minutes = std::stoi(*p);
            } catch (...) {
                return usage("--penalty must be a number of minutes");
            }
        }
        auto quality = enumArg<domain::Rating>("quality");
        SB_TRY(quality);
        auto behaviour = enumArg<domain::Rating>("behaviour");
        SB_TRY(behaviour);
        o.work_quality = *quality;
        o.behaviour = *behaviour;
        return printReceipt(store_->recordOutcome(*appt, o));
    }

    Status addWork() {
        domain::WorkUndertaken w;
        auto appt = required("appointment");
        SB_TRY(appt);
        w.appointment_id = *appt;
        auto category = enumArg<domain::WorkCategory>("category");
        SB_TRY(category);
        if (!*category)
            return usage("--category is required");
        w.category = **category;
        auto description = required("description");
        SB_TRY(description);
        w.description = *description;
        if (auto q = args_.value("quantity")) {
            try {
                w.quantity = std::stod(*q);
            } catch (...) {
                return usage("--quantity must be a number");
            }
        }
        w.unit = args_.value("unit").value_or("");
        return printReceipt(store_->addWorkUndertaken(w));
    }

    Status addSkill() {
        domain::SkillObservation s;
        auto appt = required("appointment");
        SB_TRY(appt);
        s.appointment_id = *appt;
        auto skill = enumArg<domain::Skill>("skill");
        SB_TRY(skill);
        auto level = enumArg<domain::SkillLevel>("level");
        SB_TRY(level);
        if (!*skill || !*level)
            return usage("--skill and --level are required");
        s.skill = **skill;
        s.level = **level;
        s.note = args_.value("note").value_or("");
        return printReceipt(store_->addSkillObservation(s));
    }

    Status feedback() {
        domain::Feedback f;
        auto appt = required("appointment");
        SB_TRY(appt);
        f.appointment_id = *appt;
        f.progress = args_.value("progress").value_or("");
        f.strengths = args_.value("strengths").value_or("");
        f.concerns = args_.value("concerns").value_or("");
        f.support_needs = args_.value("support-needs").value_or("");
        f.incidents = args_.value("incidents").value_or("");
        if (auto reason = args_.value("alert-reason")) {
            f.alert_officer = true;
            f.alert_reason = *reason;
        }
        return printReceipt(store_->saveFeedback(f));
    }

    Status note() {
        domain::CaseNote n;
        auto person = required("person");
        SB_TRY(person);
        n.person_id = *person;
        auto text = required("text");
        SB_TRY(text);
        n.text = *text;
        if (auto a = args_.value("appointment"))
            n.appointment_id = *a;
        if (auto a = args_.value("amends"))
            n.amends_note_id = *a;
        n.sensitive = args_.flags.count("sensitive") != 0;
        return printReceipt(store_->addCaseNote(n));
    }

    Status sync(int& exitCode) {
        auto t = transport(config_);
        SB_TRY(t);
        bool wiped = false;
        sync::SyncEngine engine(*store_, **t, env_.clock, env_.random,
                                [&](const std::string&) { wiped = true; });
        auto report = engine.sync();
        if (wiped) {
            store_.reset();
            auto v = vault();
            SB_TRY(sync::wipeDeviceFiles(dbPath(), [&] { return v.wipe(); }));
            std::error_code ec;
            fs::remove(configPath(), ec);
            env_.out << "This device was revoked; all Sitebook data on it has been deleted.\n";
            return okStatus();
        }
        SB_TRY(report);
        const auto state = engine.state();
        env_.out << "Sent " << report->accepted + report->conflicts << " change(s)";
        if (report->conflicts > 0)
            env_.out << " (" << report->conflicts << " with a conflict)";
        if (report->rejected > 0)
            env_.out << ", " << report->rejected << " rejected";
        if (report->retryLater > 0)
            env_.out << ", " << report->retryLater << " to retry";
        env_.out << "; received " << report->recordsDownloaded << " record(s)";
        if (report->purgedRecords > 0) {
            env_.out << "; removed " << report->purgedRecords << " no longer in your scope";
        }
        env_.out << ".\n";
        if (state.clockSkewed) {
            env_.out << "Warning: this device's clock is " << *state.clockOffsetMs / 1000
                     << " s off the server's; check the date and time settings.\n";
        }
        if (state.needsAttention > 0) {
            env_.out << state.needsAttention
                     << " change(s) need attention: see `sitebook-cli attention`.\n";
            exitCode = kExitNeedsAttention;
        }
        return okStatus();
    }

    Result<json> statusJson() {
        auto pending = store_->outboxCount("pending");
        SB_TRY(pending);
        auto rejected = store_->outboxCount("rejected");
        SB_TRY(rejected);
        auto conflicts = store_->conflicts();
        SB_TRY(conflicts);
        auto oldest = store_->oldestPendingAt();
        SB_TRY(oldest);
        auto last = store_->syncValue("last_success_at_ms");
        SB_TRY(last);
        auto signedIn = store_->syncValue("refresh_token");
        SB_TRY(signedIn);
        auto repair = store_->partitionsToRepair();
        SB_TRY(repair);
        const auto offset = store_->clockOffset();
        json j;
        j["device_id"] = config_.deviceId;
        j["user_id"] = config_.userId;
        j["username"] = config_.username;
        j["role"] = config_.role;
        j["server"] = config_.server;
        j["signed_in"] = signedIn->has_value();
        j["pending"] = *pending;
        j["oldest_pending_age_ms"] =
            *oldest ? json(env_.clock.nowMillis() - **oldest) : json(nullptr);
        j["needs_attention"] = *rejected;
        j["conflicts"] = conflicts->size();
        j["last_sync_at_ms"] = *last ? json(std::stoll(**last)) : json(nullptr);
        j["clock_offset_ms"] = offset ? json(*offset) : json(nullptr);
        j["clock_skewed"] =
            offset && (*offset > store::kClockSkewLimitMs || *offset < -store::kClockSkewLimitMs);
        j["partitions_to_repair"] = *repair;
        return j;
    }

    Status status() {
        auto j = statusJson();
        SB_TRY(j);
        if (args_.flags.count("json") != 0) {
            env_.out << j->dump(2) << "\n";
            return okStatus();
        }
        const json& s = *j;
        env_.out << "User:            " << config_.username << " (" << config_.role << ")"
                 << (s["signed_in"].get<bool>() ? "" : " - signed out") << "\n";
        env_.out << "Server:          " << config_.server << "\n";
        env_.out << "Pending changes: " << s["pending"].get<std::int64_t>();
        if (!s["oldest_pending_age_ms"].is_null()) {
            env_.out << " (oldest " << s["oldest_pending_age_ms"].get<std::int64_t>() / 60000
                     << " min)";
        }
        env_.out << "\nNeed attention:  " << s["needs_attention"].get<std::int64_t>() << "\n";
        env_.out << "Conflicts:       " << s["conflicts"].get<std::size_t>() << "\n";
        env_.out << "Last sync:       ";
        if (s["last_sync_at_ms"].is_null()) {
            env_.out << "never\n";
        } else {
            const auto age = (env_.clock.nowMillis() - s["last_sync_at_ms"].get<std::int64_t>());
            env_.out << age / 60000 << " min ago\n";
        }
        if (s["clock_skewed"].get<bool>()) {
            env_.out << "Clock:           " << s["clock_offset_ms"].get<std::int64_t>() / 1000
                     << " s off the server (changes are flagged)\n";
        }
        return okStatus();
    }

    Status listOutbox(const std::string& state) {
        auto entries = store_->outbox(state);
        SB_TRY(entries);
        if (entries->empty()) {
            env_.out << (state == "pending" ? "Nothing waiting to be sent.\n"
                                            : "Nothing needs attention.\n");
            return okStatus();
        }
        for (const auto& e : *entries) {
            env_.out << e.opId << "  " << store::entityTypeName(e.entityType) << " " << e.entityId
                     << "  " << e.op;
            if (e.clockSkewed())
                env_.out << "  [clock off by " << *e.clockOffsetMs / 1000 << " s]";
            if (state == "rejected") {
                env_.out << "\n    " << e.rejectCode << ": " << e.rejectMessage
                         << "\n    correct: sitebook-cli resubmit " << e.opId
                         << " --file FILE   or   sitebook-cli discard " << e.opId;
            }
            env_.out << "\n";
        }
        return okStatus();
    }

    Status discard() {
        if (args_.positional.empty())
            return usage("discard needs the change id (see `attention`)");
        SB_TRY(store_->discard(args_.positional[0], args_.value("reason").value_or("")));
        env_.out << "Discarded " << args_.positional[0] << " (recorded in the device audit).\n";
        return okStatus();
    }

    Status resubmit() {
        if (args_.positional.empty())
            return usage("resubmit needs the change id");
        auto file = required("file");
        SB_TRY(file);
        std::ifstream f(*file);
        if (!f)
            return makeError(ErrorCode::NotFound, "cannot read " + *file, "file");
        std::stringstream text;
        text << f.rdbuf();
        return printReceipt(store_->resubmit(args_.positional[0], text.str()));
    }

    // --- Officer commands: the same store calls, rules and refusals as the app's officer screens.

    // The newest server copy of each record of `type` (derived records: ro_item, progress).
    Result<std::vector<json>> serverCopies(const std::string& type) {
        auto stmt = store_->database().prepare(
            "SELECT body, MAX(version) FROM sync_records WHERE entity_type = ?1 "
            "GROUP BY entity_id ORDER BY entity_id");
        SB_TRY(stmt);
        stmt->bind(1, type);
        std::vector<json> out;
        for (;;) {
            auto row = stmt->step();
            SB_TRY(row);
            if (!*row)
                break;
            out.push_back(json::parse(stmt->columnText(0), nullptr, false));
        }
        return out;
    }

    // Open items, due date first, without those this device has already acted on (a decision
    // or acknowledgement queued here), as the app's inbox hides them.
    Status inbox() {
        auto items = serverCopies("ro_item");
        SB_TRY(items);
        auto acknowledged = store_->acknowledgedAlerts();
        SB_TRY(acknowledged);
        const std::set<std::string> acked(acknowledged->begin(), acknowledged->end());
        std::set<std::string> decided;
        {
            auto stmt =
                store_->database().prepare("SELECT appointment_id FROM enforcement_decisions");
            SB_TRY(stmt);
            for (;;) {
                auto row = stmt->step();
                SB_TRY(row);
                if (!*row)
                    break;
                decided.insert(stmt->columnText(0));
            }
        }
        std::vector<json> open;
        for (const auto& i : *items) {
            if (!i.is_object())
                continue;
            const std::string kind = i.value("kind", "");
            if (kind == "enforcement_due" && decided.count(i.value("appointment_id", "")) != 0)
                continue;
            if (kind == "supervisor_alert" && acked.count(i.value("feedback_id", "")) != 0)
                continue;
            open.push_back(i);
        }
        std::sort(open.begin(), open.end(), [](const json& a, const json& b) {
            return std::make_pair(a.value("due_on", ""), a.value("id", "")) <
                   std::make_pair(b.value("due_on", ""), b.value("id", ""));
        });
        if (args_.flags.count("json") != 0) {
            env_.out << json(open).dump(2) << "\n";
            return okStatus();
        }
        if (open.empty()) {
            env_.out << "Nothing needs a decision.\n";
            return okStatus();
        }
        for (const auto& i : open) {
            env_.out << i.value("kind", "") << "  due " << i.value("due_on", "");
            if (i.contains("appointment_id"))
                env_.out << "  appointment " << i.value("appointment_id", "");
            if (i.contains("feedback_id"))
                env_.out << "  feedback " << i.value("feedback_id", "");
            if (i.value("breach_referral_required", false))
                env_.out << "  [breach referral required]";
            env_.out << "\n    " << i.value("message", "") << "\n";
            if (i.contains("versions") && i["versions"].is_array()) {
                int n = 0;
                for (const auto& v : i["versions"]) {
                    const json& o = v.value("outcome", json::object());
                    env_.out << "    version " << ++n << ": " << o.value("code", "");
                    if (o.contains("arrival") && o.contains("finish"))
                        env_.out << " " << o.value("arrival", "") << "-" << o.value("finish", "");
                    env_.out << "\n";
                }
            }
        }
        return okStatus();
    }

    Status decide() {
        auto appt = required("appointment");
        SB_TRY(appt);
        auto action = enumArg<domain::EnforcementAction>("action");
        SB_TRY(action);
        if (!*action) {
            return usage(
                "--action is required: warning_issued, refer_for_breach, no_further_action or "
                "absence_acceptable");
        }
        domain::EnforcementDecision d;
        d.action = **action;
        d.note = args_.value("reason").value_or("");
        if (auto text = args_.value("date")) {
            auto date = domain::CivilDate::parse(*text);
            if (!date)
                return usage("--date must be YYYY-MM-DD");
            d.decided_on = *date;
        } else {
            d.decided_on = domain::ukCivilTime(env_.clock.nowMillis()).date;
        }
        if (auto code = args_.value("reclassify-as")) {
            if (d.action != domain::EnforcementAction::AbsenceAcceptable)
                return usage("--reclassify-as is only for --action absence_acceptable");
            d.reclassified_as = domain::Outcome::fromText(*code);
        }
        auto appointment = store_->appointment(*appt);
        SB_TRY(appointment);
        if (!*appointment) {
            return makeError(ErrorCode::NotFound,
                             "appointment " + *appt + " is not on this device; sync first",
                             "appointment");
        }
        d.appointment_id = (*appointment)->id;
        d.order_id = (*appointment)->order_id;
        return printReceipt(store_->recordEnforcementDecision(d));
    }

    Status acknowledgeAlert() {
        auto feedback = required("feedback");
        SB_TRY(feedback);
        return printReceipt(store_->acknowledgeAlert(*feedback, args_.value("note").value_or("")));
    }

    // The conflict item's version N (1 = oldest) recorded again by the officer: the server
    // accepts it as the settled outcome ("Settling a conflict", docs/PROTOCOL.md).
    Status confirmOutcome() {
        auto appt = required("appointment");
        SB_TRY(appt);
        auto number = required("version");
        SB_TRY(number);
        int n = 0;
        try {
            n = std::stoi(*number);
        } catch (const std::exception&) {
            return usage("--version must be a number (see `sitebook-cli inbox`)");
        }
        auto items = serverCopies("ro_item");
        SB_TRY(items);
        const json* versions = nullptr;
        for (const auto& i : *items) {
            if (i.is_object() && i.value("kind", "") == "conflict" &&
                i.value("appointment_id", "") == *appt && i.contains("versions")) {
                versions = &i["versions"];
            }
        }
        if (versions == nullptr) {
            return makeError(ErrorCode::NotFound,
                             "there is no conflict to settle for appointment " + *appt,
                             "appointment");
        }
        if (n < 1 || n > static_cast<int>(versions->size())) {
            return usage("--version must be between 1 and " + std::to_string(versions->size()));
        }
        auto appointment = store_->appointment(*appt);
        SB_TRY(appointment);
        if (!*appointment) {
            return makeError(ErrorCode::NotFound, "appointment " + *appt + " is not on this device",
                             "appointment");
        }
        json merged = json::parse(domain::toJson(**appointment));
        merged["outcome"] = (*versions)[static_cast<std::size_t>(n - 1)].value("outcome", json());
        auto parsed = domain::fromJson<domain::Appointment>(merged.dump());
        SB_TRY(parsed);
        if (!parsed->outcome)
            return makeError(ErrorCode::InvalidArgument, "that version has no outcome", "version");
        return printReceipt(store_->recordOutcome(parsed->id, *parsed->outcome));
    }

    Result<json> bodies(const std::string& table) {
        auto stmt = store_->database().prepare("SELECT body FROM " + table + " ORDER BY id");
        SB_TRY(stmt);
        json out = json::array();
        for (;;) {
            auto row = stmt->step();
            SB_TRY(row);
            if (!*row)
                break;
            out.push_back(json::parse(stmt->columnText(0), nullptr, false));
        }
        return out;
    }

    Status exportAll() {
        if (args_.flags.count("json") == 0)
            return usage("export supports --json only");
        json doc;
        doc["format"] = "sitebook-device-export";
        doc["format_version"] = 1;
        doc["exported_at_ms"] = env_.clock.nowMillis();
        auto status = statusJson();
        SB_TRY(status);
        doc["device"] = *status;
        json records;
        for (const auto& [name, table] : std::vector<std::pair<std::string, std::string>>{
                 {"people", "people"},
                 {"orders", "orders"},
                 {"projects", "projects"},
                 {"sessions", "sessions"},
                 {"appointments", "appointments"},
                 {"work_undertaken", "work_items"},
                 {"skill_observations", "skill_observations"},
                 {"feedback", "feedback"},
                 {"case_notes", "case_notes"},
                 {"enforcement_decisions", "enforcement_decisions"}}) {
            auto b = bodies(table);
            SB_TRY(b);
            records[name] = *b;
        }
        doc["records"] = records;
        json outbox = json::array();
        for (const char* state : {"pending", "rejected", "sent", "discarded"}) {
            auto entries = store_->outbox(state, 1'000'000);
            SB_TRY(entries);
            for (const auto& e : *entries) {
                outbox.push_back(
                    {{"seq", e.seq},
                     {"op_id", e.opId},
                     {"entity_type", store::entityTypeName(e.entityType)},
                     {"entity_id", e.entityId},
                     {"op", e.op},
                     {"state", e.state},
                     {"payload", json::parse(e.payload, nullptr, false)},
                     {"hlc", e.hlc},
                     {"device_time_ms", e.deviceTime},
                     {"base_version", e.baseVersion},
                     {"clock_offset_ms", e.clockOffsetMs ? json(*e.clockOffsetMs) : json(nullptr)},
                     {"clock_skewed", e.clockSkewed()},
                     {"reject_code", e.rejectCode},
                     {"reject_message", e.rejectMessage}});
            }
        }
        std::sort(outbox.begin(), outbox.end(), [](const json& a, const json& b) {
            return a["seq"].get<std::int64_t>() < b["seq"].get<std::int64_t>();
        });
        doc["outbox"] = outbox;
        auto audit = store_->localAudit();
        SB_TRY(audit);
        json auditJson = json::array();
        for (const auto& a : *audit) {
            auditJson.push_back({{"seq", a.seq},
                                 {"at_ms", a.at},
                                 {"action", a.action},
                                 {"op_id", a.opId},
                                 {"user_id", a.userId},
                                 {"detail", a.detail}});
        }
        doc["audit"] = auditJson;
        // Server copies as downloaded (including derived records such as RO items).
        auto stmt = store_->database().prepare(
            "SELECT partition, entity_type, entity_id, version, body FROM sync_records "
            "ORDER BY partition, entity_type, entity_id");
        SB_TRY(stmt);
        json server = json::array();
        for (;;) {
            auto row = stmt->step();
            SB_TRY(row);
            if (!*row)
                break;
            server.push_back({{"partition", stmt->columnText(0)},
                              {"entity_type", stmt->columnText(1)},
                              {"entity_id", stmt->columnText(2)},
                              {"version", stmt->columnInt(3)},
                              {"body", json::parse(stmt->columnText(4), nullptr, false)}});
        }
        doc["server_records"] = server;
        env_.out << doc.dump(2) << "\n";
        return okStatus();
    }

    Environment& env_;
    Args args_;
    fs::path dataDir_;
    DeviceConfig config_;
    std::unique_ptr<store::LocalStore> store_;
    bool usageError_ = false;
};

}  // namespace

int run(const std::vector<std::string>& args, Environment& env) {
    auto parsed = parse(args);
    if (!parsed.ok()) {
        env.err << "sitebook-cli: " << parsed.error().message << "\n";
        return kExitUsage;
    }
    Cli cli(env, std::move(parsed).value());
    return cli.dispatch();
}

}  // namespace sitebook::cli
