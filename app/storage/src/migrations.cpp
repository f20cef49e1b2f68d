#include "sitebook/storage/migrations.h"

#include <string>

#include "sitebook/common/log.h"

namespace sitebook::storage {

namespace {

constexpr std::string_view kLog = "storage.migrations";

Status checkNumbering(std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1 || migrations[i].apply == nullptr) {
            return makeError(ErrorCode::Internal,
                             "schema migrations must be numbered 1..N in order (step " +
                                 std::to_string(i + 1) + " is not)");
        }
    }
    return okStatus();
}

Status applyStep(Database& db, const Migration& step) {
    log::info(kLog, "migrating schema to version " + std::to_string(step.version) + ": " +
                        std::string(step.description));
    Transaction transaction(db);
    SB_TRY(transaction.beginStatus());
    if (Status applied = step.apply(db); !applied.ok()) {
        Error error = applied.error();
        error.message = "schema migration to version " + std::to_string(step.version) + " (" +
                        std::string(step.description) +
                        ") failed and was rolled back: " + error.message;
        return error;
    }
    SB_TRY(db.setUserVersion(step.version));
    return transaction.commit();
}

}  // namespace

Status migrate(Database& db, std::span<const Migration> migrations, std::optional<int> target) {
    SB_TRY(checkNumbering(migrations));
    if (db.inTransaction()) {
        return makeError(ErrorCode::Internal, "migrate() was called inside a transaction");
    }
    const int newest = static_cast<int>(migrations.size());
    auto current = db.userVersion();
    if (!current.ok())
        return current.error();

    if (*current > newest) {
        return makeError(ErrorCode::SchemaTooNew,
                         "database schema version " + std::to_string(*current) +
                             " is newer than this version of Sitebook supports (" +
                             std::to_string(newest) + "); install the newer app");
    }
    const int goal = target.value_or(newest);
    if (goal < 0 || goal > newest) {
        return makeError(ErrorCode::InvalidArgument,
                         "schema version " + std::to_string(goal) + " does not exist (newest is " +
                             std::to_string(newest) + ")",
                         "target");
    }
    if (goal < *current) {
        return makeError(ErrorCode::InvalidArgument,
                         "the database is at schema version " + std::to_string(*current) +
                             " and cannot be taken back to " + std::to_string(goal),
                         "target");
    }
    for (int version = *current + 1; version <= goal; ++version) {
        SB_TRY(applyStep(db, migrations[static_cast<std::size_t>(version - 1)]));
    }
    return okStatus();
}

}  // namespace sitebook::storage
