#pragma once
// The `sitebook-server` command line as a table of commands, so further commands
// (demo-data, import, report) are added by registering one entry each:
//
//   table.add({"import", "Import people, orders and sessions from CSV", importUsage,
//              [](CommandContext& ctx) { ... return 0; }});
//
// Names may have two words ("user add"); the longest match wins. Every command gets
// `--help` for free (it prints `usage`). Commands return a process exit code.

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/result.h"
#include "sitebook/common/secret.h"
#include "sitebook/server/auth/password.h"
#include "sitebook/server/derived/reconciler.h"
#include "sitebook/server/store/sqlite_store.h"

namespace sitebook::server {

struct CommandContext {
    std::vector<std::string> args;  // after the command name
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    const Clock& clock;
    RandomSource& random;
    // Makes the reconciler for `serve` and the commands that write records (wired in main).
    const ReconcilerFactory& makeReconciler;
};

struct Command {
    std::string name;     // "serve", "user add"
    std::string summary;  // one line for the overview
    std::string usage;    // full --help text
    std::function<int(CommandContext&)> run;
};

class CommandTable {
public:
    void add(Command command);
    // The reconciler commands get; without one they get a NoopReconciler.
    void setReconcilerFactory(ReconcilerFactory factory) { makeReconciler_ = std::move(factory); }
    // Dispatches argv[1..]; prints the overview for no command, "help" or "--help".
    int run(const std::vector<std::string>& argv, std::istream& in, std::ostream& out,
            std::ostream& err, const Clock& clock, RandomSource& random) const;
    void printOverview(std::ostream& out) const;

private:
    std::vector<Command> commands_;
    ReconcilerFactory makeReconciler_;
};

// init, user add, serve, reconcile.
void addBuiltinCommands(CommandTable& table);
// demo-data, import, report (data_commands.cpp, import_csv.cpp, report.cpp).
void addDataCommands(CommandTable& table);
// device enrol (device_commands.cpp).
void addDeviceCommands(CommandTable& table);
// token-key rotate|list (token_key_commands.cpp).
void addTokenKeyCommands(CommandTable& table);
// audit verify, audit export (audit_commands.cpp).
void addAuditCommands(CommandTable& table);
// A QR code of `text` as a greyscale PNG, `scale` pixels per module, with its quiet zone;
// `modules` (optional) receives the code's width in modules.
Result<std::string> qrCodePng(const std::string& text, int scale, int* modules = nullptr);

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// --- helpers for commands ---

// "--name value", "--name=value" and boolean "--flag". Unknown options and missing values
// are InvalidArgument naming the option.
struct ParsedArgs {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;
    std::vector<std::string> positional;
    bool help = false;

    std::optional<std::string> value(const std::string& name) const;
    bool has(const std::string& flag) const { return flags.count(flag) != 0; }
};
Result<ParsedArgs> parseArgs(const std::vector<std::string>& args,
                             const std::set<std::string>& valueOptions,
                             const std::set<std::string>& flagOptions);

// Layout of a server data directory.
struct DataDir {
    std::string root;
    // A postgresql:// URL (--database, else $SITEBOOK_DATABASE); empty: SQLite in `root`.
    std::string database;
    std::size_t poolSize = 8;  // --db-pool-size: PostgreSQL connections of this process
    std::string databasePath() const { return root + "/sitebook-server.db"; }
    // The token key file of servers before schema 5; imported into the database and deleted
    // (auth/token_keys.h).
    std::string tokenKeyPath() const { return root + "/token.key"; }
    std::string tlsDir() const { return root + "/tls"; }
    std::string tlsCertificatePath() const { return tlsDir() + "/server.pem"; }
    std::string tlsPrivateKeyPath() const { return tlsDir() + "/server.key"; }
    std::string tlsCaPath() const { return tlsDir() + "/ca.pem"; }

    // The directory from --data-dir, else $SITEBOOK_DATA_DIR, else "./sitebook-data".
    // --database and --db-pool-size are read too.
    static DataDir fromArgs(const ParsedArgs& args);
    // PostgreSQL when `database` is set, else the SQLite file in the data directory.
    Result<std::unique_ptr<Store>> openStore() const;
};

// Creates a user (password hashed with Argon2id). AlreadyExists if the username is taken.
// Returns the new user's id.
Result<std::string> createUser(Store& store, const Clock& clock, RandomSource& random,
                               const std::string& username, const std::string& displayName,
                               Role role, const std::string& password, const PasswordCost& cost);

}  // namespace sitebook::server
