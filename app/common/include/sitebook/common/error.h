#pragma once
// The one error vocabulary of Sitebook. Expected failures (wrong PIN, validation, conflicts)
// are values of this type; exceptions never cross a library boundary.

#include <string>
#include <string_view>

namespace sitebook {

enum class ErrorCode {
    Ok = 0,
    InvalidArgument,  // input broke a rule; `field` names what was wrong
    NotFound,
    AlreadyExists,
    Conflict,      // e.g. same operation id with another body
    WrongKey,      // wrong PIN or key; nothing was changed
    LockedOut,     // too many wrong PINs; retry after the delay in the message
    Corrupt,       // database failed an integrity/authentication check
    SchemaTooNew,  // database written by a newer Sitebook
    PermissionDenied,
    Unauthenticated,
    Unavailable,  // transient: network or busy; retry later
    DeadlineExceeded,
    ResourceExhausted,
    KeystoreUnavailable,
    Io,
    Internal,
};

// Stable lower-case name of a code, e.g. "wrong_key"; used in logs, CLI output and the protocol.
std::string_view errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;  // a sentence a person can act on; never contains keys or PINs
    std::string field;    // for InvalidArgument: the offending field, e.g. "penalty_minutes"

    // "invalid_argument: penalty_minutes 500 exceeds the appointment's 420 minutes"
    std::string toString() const;
};

Error makeError(ErrorCode code, std::string message, std::string field = {});

}  // namespace sitebook
