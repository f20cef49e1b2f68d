#pragma once
// Small helpers shared by the command implementations.

#include <ostream>
#include <string>

#include "sitebook/common/result.h"
#include "sitebook/server/commands.h"

namespace sitebook::server {

// Prints "error: <field>: <message>" and returns the exit code for it.
inline int failCommand(std::ostream& err, const Error& error) {
    err << "error: " << (error.field.empty() ? "" : error.field + ": ") << error.message << "\n";
    return error.code == ErrorCode::InvalidArgument ? kExitUsage : kExitFailure;
}

inline const std::string kDataDirOptionHelp =
    "  --data-dir DIR     server data directory (default: $SITEBOOK_DATA_DIR or "
    "./sitebook-data)\n"
    "  --database URL     keep the data in PostgreSQL: postgresql://USER@HOST:PORT/DB\n"
    "                     (default: $SITEBOOK_DATABASE; password from ~/.pgpass or\n"
    "                     $PGPASSWORD; see docs/DEPLOY.md)\n"
    "  --db-pool-size N   PostgreSQL connections this process opens at most (default 8)\n";

// Registered by addDataCommands.
void addImportCommand(CommandTable& table);  // import_csv.cpp
void addReportCommand(CommandTable& table);  // report.cpp
// user disable|enable|unlock|reset-password|list, device list|revoke (account_commands.cpp);
// registered by addBuiltinCommands.
void addAccountCommands(CommandTable& table);

}  // namespace sitebook::server
