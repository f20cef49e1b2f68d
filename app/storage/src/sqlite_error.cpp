#include "sqlite_error.h"

#include <sqlite3.h>

#include <string>

namespace sitebook::storage::detail {

ErrorCode errorCodeFor(int rc) {
    switch (rc & 0xFF) {
        case SQLITE_OK:
        case SQLITE_ROW:
        case SQLITE_DONE:
            return ErrorCode::Ok;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return ErrorCode::Corrupt;
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return ErrorCode::Unavailable;
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
        case SQLITE_PROTOCOL:
            return ErrorCode::Io;
        case SQLITE_NOMEM:
            return ErrorCode::ResourceExhausted;
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return ErrorCode::PermissionDenied;
        case SQLITE_CONSTRAINT:
            switch (rc) {
                case SQLITE_CONSTRAINT_PRIMARYKEY:
                case SQLITE_CONSTRAINT_UNIQUE:
                case SQLITE_CONSTRAINT_ROWID:
                    return ErrorCode::Conflict;
                default:
                    return ErrorCode::InvalidArgument;  // NOT NULL, CHECK, FOREIGN KEY, ...
            }
        case SQLITE_TOOBIG:
        case SQLITE_RANGE:
        case SQLITE_MISMATCH:
            return ErrorCode::InvalidArgument;
        default:
            return ErrorCode::Internal;
    }
}

Error sqliteError(sqlite3* db, int rc, std::string_view doing) {
    const ErrorCode code = errorCodeFor(rc);
    std::string message(doing);
    switch (code) {
        case ErrorCode::Corrupt:
            message += ": the database file is damaged or has been tampered with";
            break;
        case ErrorCode::Unavailable:
            message += ": the database is busy; try again";
            break;
        case ErrorCode::Io:
            message += ": the database file could not be read or written";
            break;
        default:
            break;
    }
    // Prefer the connection's message when it describes this failure; fall back to the
    // generic text for the code.
    const char* detail = nullptr;
    if (db != nullptr && (sqlite3_extended_errcode(db) & 0xFF) == (rc & 0xFF)) {
        detail = sqlite3_errmsg(db);
    }
    if (detail == nullptr)
        detail = sqlite3_errstr(rc);
    message += " (";
    message += detail;
    message += ")";
    Error error = makeError(code, std::move(message));
    return error;
}

}  // namespace sitebook::storage::detail
