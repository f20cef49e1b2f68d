#include "sitebook/server/commands.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "commands/command_support.h"
#include "sitebook/common/log.h"
#include "sitebook/common/uuid.h"
#include "sitebook/server/auth/token_keys.h"
#include "sitebook/server/auth/token_service.h"
#include "sitebook/server/file_util.h"
#include "sitebook/server/server.h"
#include "sitebook/server/store/postgres_store.h"
#include "sitebook/server/store/store_factory.h"
#include "sitebook/server/tls.h"

namespace sitebook::server {

namespace {

int fail(std::ostream& err, const Error& error) {
    err << "error: " << (error.field.empty() ? "" : error.field + ": ") << error.message << "\n";
    return error.code == ErrorCode::InvalidArgument ? kExitUsage : kExitFailure;
}

// Runs Reconciler::reconcileAll every `interval` on its own thread until stop().
class PeriodicReconcile {
public:
    PeriodicReconcile(Reconciler& reconciler, Store& store, std::chrono::minutes interval)
        : reconciler_(reconciler), store_(store), interval_(interval) {
        if (interval_.count() > 0)
            thread_ = std::thread([this] { loop(); });
    }
    ~PeriodicReconcile() { stop(); }

    void stop() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        if (thread_.joinable())
            thread_.join();
    }

private:
    void loop() {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
            lock.unlock();
            auto run = reconciler_.reconcileAll(store_);
            if (!run) {
                log::warning("reconcile", "periodic run failed: " + run.error().toString());
            } else {
                log::info("reconcile", "periodic run: " + std::to_string(run->people) +
                                           " people, " + std::to_string(run->recordsWritten) +
                                           " derived records changed");
            }
            lock.lock();
        }
    }

    Reconciler& reconciler_;
    Store& store_;
    std::chrono::minutes interval_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

const std::string kDataDirHelp = kDataDirOptionHelp;

// ------------------------------------------------------------------ init

const std::string kInitUsage =
    "usage: sitebook-server init [--data-dir DIR] [--dev-tls]\n"
    "\n"
    "Creates the data directory (mode 0700), the SQLite database and the token signing key.\n"
    "Safe to run again: existing files are kept.\n"
    "\n" +
    kDataDirHelp +
    "  --dev-tls          also write a development CA and a server certificate for\n"
    "                     localhost, 127.0.0.1 and ::1 into DIR/tls (give ca.pem to clients)\n";

int runInit(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {"--dev-tls"});
    if (!args)
        return fail(ctx.err, args.error());
    if (args->help) {
        ctx.out << kInitUsage;
        return kExitOk;
    }
    const DataDir dir = DataDir::fromArgs(*args);
    std::error_code ec;
    std::filesystem::create_directories(dir.root, ec);
    if (ec) {
        return fail(ctx.err,
                    makeError(ErrorCode::Io, "could not create " + dir.root + ": " + ec.message()));
    }
    ::chmod(dir.root.c_str(), 0700);
    auto store = dir.openStore();
    if (!store)
        return fail(ctx.err, store.error());
    auto keySetup = ensureTokenKey(**store, ctx.clock, ctx.random, dir.tokenKeyPath());
    if (!keySetup)
        return fail(ctx.err, keySetup.error());
    if (*keySetup != TokenKeySetup::AlreadyThere)
        ctx.out << "token signing key: in the database (`token-key list`)\n";
    if (args->has("--dev-tls")) {
        if (auto s = writeDevelopmentTls(dir.tlsDir()); !s)
            return fail(ctx.err, s.error());
        ctx.out << "development TLS: " << dir.tlsDir()
                << "/{ca.pem,server.pem,server.key} (for localhost only)\n";
    }
    ctx.out << "database: " << (dir.database.empty() ? dir.databasePath() : "PostgreSQL") << "\n";
    return kExitOk;
}

// ------------------------------------------------------------------ user add

const std::string kUserAddUsage =
    "usage: sitebook-server user add --username NAME --role ROLE [--display-name TEXT]\n"
    "                                [--data-dir DIR]\n"
    "\n"
    "Adds a user. The password is read from the first line of standard input (never from\n"
    "the command line), at least 12 characters, and stored as an Argon2id hash.\n"
    "\n"
    "  --username NAME    sign-in name\n"
    "  --role ROLE        supervisor | officer | admin | manager\n"
    "  --display-name T   name shown in the app (default: the username)\n" +
    kDataDirHelp;

int runUserAdd(CommandContext& ctx) {
    auto args = parseArgs(
        ctx.args,
        {"--data-dir", "--database", "--db-pool-size", "--username", "--role", "--display-name"},
        {});
    if (!args)
        return fail(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserAddUsage;
        return kExitOk;
    }
    auto username = args->value("--username");
    auto roleText = args->value("--role");
    if (!username || username->empty()) {
        return fail(ctx.err, makeError(ErrorCode::InvalidArgument, "is required", "--username"));
    }
    auto role = roleText ? parseRole(*roleText) : std::nullopt;
    if (!role) {
        return fail(ctx.err,
                    makeError(ErrorCode::InvalidArgument,
                              "must be one of supervisor, officer, admin, manager", "--role"));
    }
    if (isatty(STDIN_FILENO))
        ctx.err << "password: " << std::flush;
    std::string password;
    std::getline(ctx.in, password);
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    const DataDir dir = DataDir::fromArgs(*args);
    auto store = dir.openStore();
    if (!store)
        return fail(ctx.err, store.error());
    auto id = createUser(**store, ctx.clock, ctx.random, *username,
                         args->value("--display-name").value_or(*username), *role, password,
                         PasswordCost::interactive());
    std::fill(password.begin(), password.end(), '\0');
    if (!id)
        return fail(ctx.err, id.error());
    ctx.out << *id << "\n";
    return kExitOk;
}

// ------------------------------------------------------------------ serve

const std::string kServeUsage =
    "usage: sitebook-server serve [--data-dir DIR] [--listen HOST:PORT]\n"
    "                             [--tls-cert FILE --tls-key FILE] [--insecure-plaintext]\n"
    "\n"
    "Serves the Sitebook sync protocol (docs/PROTOCOL.md) until SIGINT or SIGTERM.\n"
    "\n" +
    kDataDirHelp +
    "  --listen HOST:PORT   address to listen on (default 127.0.0.1:50443)\n"
    "  --tls-cert FILE      certificate chain, PEM (default DIR/tls/server.pem)\n"
    "  --tls-key FILE       private key, PEM (default DIR/tls/server.key)\n"
    "  --insecure-plaintext no TLS; refused unless HOST is a loopback address\n"
    "  --reconcile-every MINUTES\n"
    "                       recompute every person's progress and RO items this often\n"
    "                       (default 60; 0: only at startup). Time-based items such as\n"
    "                       overdue outcomes and reviews due appear without any upload.\n"
    "\n"
    "Front the server with an HTTP/2-aware proxy in production: the gRPC library of\n"
    "Debian 12 lacks fixes for CVE-2023-44487 and others (see docs/PROTOCOL.md).\n";

int runServe(CommandContext& ctx) {
    auto args = parseArgs(ctx.args,
                          {"--data-dir", "--database", "--db-pool-size", "--listen", "--tls-cert",
                           "--tls-key", "--reconcile-every"},
                          {"--insecure-plaintext"});
    if (!args)
        return fail(ctx.err, args.error());
    if (args->help) {
        ctx.out << kServeUsage;
        return kExitOk;
    }
    const DataDir dir = DataDir::fromArgs(*args);
    int reconcileMinutes = 60;
    if (auto text = args->value("--reconcile-every")) {
        char* end = nullptr;
        const long value = std::strtol(text->c_str(), &end, 10);
        if (text->empty() || *end != '\0' || value < 0 || value > 7 * 24 * 60) {
            return fail(ctx.err, makeError(ErrorCode::InvalidArgument,
                                           "must be minutes from 0 to 10080", "--reconcile-every"));
        }
        reconcileMinutes = static_cast<int>(value);
    }
    ServerConfig config;
    config.listenAddress = args->value("--listen").value_or(config.listenAddress);
    config.insecurePlaintext = args->has("--insecure-plaintext");
    // Refuse plaintext on a public address before touching anything else.
    if (config.insecurePlaintext) {
        if (auto s = checkListenPolicy(config); !s)
            return fail(ctx.err, s.error());
    } else {
        auto cert = readFile(args->value("--tls-cert").value_or(dir.tlsCertificatePath()));
        if (!cert)
            return fail(ctx.err, cert.error());
        auto key = readFile(args->value("--tls-key").value_or(dir.tlsPrivateKeyPath()));
        if (!key)
            return fail(ctx.err, key.error());
        config.tlsCertificateChainPem = std::move(*cert);
        config.tlsPrivateKeyPem = std::move(*key);
    }
    auto store = dir.openStore();
    if (!store)
        return fail(ctx.err, store.error());
    // Before schema 4 the key was a file: the first start takes it into the database.
    auto keySetup = ensureTokenKey(**store, ctx.clock, ctx.random, dir.tokenKeyPath());
    if (!keySetup)
        return fail(ctx.err, keySetup.error());
    if (*keySetup == TokenKeySetup::ImportedFromFile)
        ctx.out << "token key: moved from " << dir.tokenKeyPath() << " into the database\n";
    auto tokens = TokenService::fromStore(**store, ctx.clock, ctx.random);
    if (!tokens)
        return fail(ctx.err, tokens.error());
    std::unique_ptr<Reconciler> reconciler = ctx.makeReconciler(ctx.clock);
    ServerDependencies deps{**store, *reconciler, ctx.clock, ctx.random, **tokens};

    // Bring derived records up to date before serving (time passed while stopped).
    if (auto run = reconciler->reconcileAll(**store); !run) {
        return fail(ctx.err, run.error());
    } else {
        ctx.out << "reconciled " << run->people << " people (" << run->recordsWritten
                << " derived records changed)\n";
    }

    // Block the stop signals in every thread (gRPC's included) and wait for them here.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    auto server = SyncServer::start(config, deps);
    if (!server)
        return fail(ctx.err, server.error());
    PeriodicReconcile periodic(*reconciler, **store, std::chrono::minutes(reconcileMinutes));
    ctx.out << "listening on " << config.listenAddress << " (port " << (*server)->port() << ", "
            << (config.insecurePlaintext ? "PLAINTEXT, loopback only" : "TLS") << ")\n"
            << std::flush;
    int signal = 0;
    sigwait(&stopSignals, &signal);
    ctx.out << "stopping\n" << std::flush;
    periodic.stop();
    (*server)->shutdown(std::chrono::seconds(10));
    (*server)->wait();
    return kExitOk;
}

// ------------------------------------------------------------------ reconcile

const std::string kReconcileUsage =
    "usage: sitebook-server reconcile [--data-dir DIR]\n"
    "\n"
    "Recomputes every person's derived progress and RO items as of today (UTC) and writes\n"
    "what changed, so officers' next sync brings them. `serve` does the same at startup and\n"
    "periodically; run this after restoring a backup or changing policy values.\n"
    "\n" +
    kDataDirHelp;

int runReconcile(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {});
    if (!args)
        return fail(ctx.err, args.error());
    if (args->help) {
        ctx.out << kReconcileUsage;
        return kExitOk;
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return fail(ctx.err, store.error());
    auto reconciler = ctx.makeReconciler(ctx.clock);
    auto run = reconciler->reconcileAll(**store);
    if (!run)
        return fail(ctx.err, run.error());
    ctx.out << "reconciled " << run->people << " people; " << run->recordsWritten
            << " derived records changed";
    if (run->failures > 0)
        ctx.out << "; " << run->failures << " people skipped (see the log)";
    ctx.out << "\n";
    return run->failures > 0 ? kExitFailure : kExitOk;
}

}  // namespace

// ------------------------------------------------------------------ table

void CommandTable::add(Command command) {
    commands_.push_back(std::move(command));
}

void CommandTable::printOverview(std::ostream& out) const {
    out << "usage: sitebook-server <command> [options]   (<command> --help for details)\n\n"
           "commands:\n";
    for (const auto& c : commands_) {
        out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ')
            << c.summary << "\n";
    }
}

int CommandTable::run(const std::vector<std::string>& argv, std::istream& in, std::ostream& out,
                      std::ostream& err, const Clock& clock, RandomSource& random) const {
    if (argv.size() < 2 || argv[1] == "help" || argv[1] == "--help" || argv[1] == "-h") {
        printOverview(argv.size() < 2 ? err : out);
        return argv.size() < 2 ? kExitUsage : kExitOk;
    }
    const Command* best = nullptr;
    std::size_t words = 0;
    for (const auto& c : commands_) {
        const bool twoWords = c.name.find(' ') != std::string::npos;
        if (twoWords && argv.size() >= 3 && c.name == argv[1] + " " + argv[2]) {
            best = &c;
            words = 2;
            break;
        }
        if (!twoWords && c.name == argv[1] && words == 0) {
            best = &c;
            words = 1;
        }
    }
    if (best == nullptr) {
        err << "error: unknown command '" << argv[1] << "'\n\n";
        printOverview(err);
        return kExitUsage;
    }
    const ReconcilerFactory noop = [](const Clock&) -> std::unique_ptr<Reconciler> {
        return std::make_unique<NoopReconciler>();
    };
    CommandContext ctx{{argv.begin() + 1 + static_cast<std::ptrdiff_t>(words), argv.end()},
                       in,
                       out,
                       err,
                       clock,
                       random,
                       makeReconciler_ ? makeReconciler_ : noop};
    return best->run(ctx);
}

void addBuiltinCommands(CommandTable& table) {
    table.add({"init", "create the data directory, database and keys", kInitUsage, runInit});
    table.add({"user add", "add a user (password from stdin)", kUserAddUsage, runUserAdd});
    addAccountCommands(table);
    table.add({"serve", "serve the sync protocol", kServeUsage, runServe});
    table.add({"reconcile", "recompute progress and RO items as of today", kReconcileUsage,
               runReconcile});
}

// ------------------------------------------------------------------ helpers

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end())
        return std::nullopt;
    return it->second;
}

Result<ParsedArgs> parseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& valueOptions,
                             const std::set<std::string>& flagOptions) {
    ParsedArgs out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            out.help = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0) {
            out.positional.push_back(arg);
            continue;
        }
        const auto eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        if (flagOptions.count(name) != 0 && eq == std::string::npos) {
            out.flags.insert(name);
        } else if (valueOptions.count(name) != 0) {
            if (eq != std::string::npos) {
                out.values[name] = arg.substr(eq + 1);
            } else if (i + 1 < args.size()) {
                out.values[name] = args[++i];
            } else {
                return makeError(ErrorCode::InvalidArgument, "needs a value", name);
            }
        } else {
            return makeError(ErrorCode::InvalidArgument, "unknown option (see --help)", name);
        }
    }
    return out;
}

namespace {
// The directory from --data-dir, else $SITEBOOK_DATA_DIR, else "./sitebook-data".
DataDir dataDirRoot(const ParsedArgs& args) {
    DataDir dir;
    if (auto given = args.value("--data-dir")) {
        dir.root = *given;
    } else if (const char* env = std::getenv("SITEBOOK_DATA_DIR"); env != nullptr && *env != '\0') {
        dir.root = env;
    } else {
        dir.root = "./sitebook-data";
    }
    return dir;
}

}  // namespace

DataDir DataDir::fromArgs(const ParsedArgs& args) {
    DataDir dir = dataDirRoot(args);
    if (auto url = args.value("--database")) {
        dir.database = *url;
    } else if (const char* env = std::getenv("SITEBOOK_DATABASE"); env != nullptr) {
        dir.database = env;
    }
    if (auto pool = args.value("--db-pool-size")) {
        char* end = nullptr;
        const long value = std::strtol(pool->c_str(), &end, 10);
        // A bad value leaves 0, which openStore refuses with the option's name.
        dir.poolSize = !pool->empty() && *end == '\0' && value > 0 && value <= 1000
                           ? static_cast<std::size_t>(value)
                           : 0;
    }
    return dir;
}

Result<std::unique_ptr<Store>> DataDir::openStore() const {
    if (poolSize == 0) {
        return makeError(ErrorCode::InvalidArgument,
                         "must be a number of connections from 1 to 1000", "--db-pool-size");
    }
    if (!database.empty()) {
        if (!PostgresStore::isUrl(database)) {
            return makeError(ErrorCode::InvalidArgument,
                             "give a postgresql:// URL (or leave it out for SQLite in the data "
                             "directory)",
                             "--database");
        }
        return server::openStore(database, StoreOptions{poolSize});
    }
    if (!std::filesystem::is_directory(root)) {
        return makeError(ErrorCode::NotFound,
                         "no data directory at " + root + "; run `sitebook-server init` first");
    }
    return server::openStore(databasePath());
}

Result<std::string> createUser(Store& store, const Clock& clock, RandomSource& random,
                               const std::string& username, const std::string& displayName,
                               Role role, const std::string& password, const PasswordCost& cost) {
    if (username.empty() || username.size() > 200) {
        return makeError(ErrorCode::InvalidArgument, "must be 1 to 200 characters", "username");
    }
    auto hash = hashPassword(password, cost);
    if (!hash)
        return hash.error();
    UuidGenerator ids(clock, random);
    UserRecord user;
    user.id = ids.next().toString();
    user.username = username;
    user.displayName = displayName;
    user.passwordHash = *hash;
    user.role = role;
    user.createdAtMillis = clock.nowMillis();
    auto uow = store.begin(AccessMode::ReadWrite);
    if (!uow)
        return uow.error();
    auto existing = (*uow)->findUserByName(username);
    if (!existing)
        return existing.error();
    if (*existing) {
        return makeError(ErrorCode::AlreadyExists, "a user with this username already exists",
                         "username");
    }
    SB_TRY((*uow)->insertUser(user));
    AuditEntry audit;
    audit.action = "user_added";
    audit.entityType = "user";
    audit.entityId = user.id;
    audit.serverTimeMillis = user.createdAtMillis;
    audit.after = nlohmann::json{{"username", username}, {"role", roleName(role)}}.dump();
    SB_TRY((*uow)->appendAudit(audit));
    SB_TRY((*uow)->commit());
    return user.id;
}

}  // namespace sitebook::server
