#include "sitebook/common/error.h"

namespace sitebook {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::Ok:
            return "ok";
        case ErrorCode::InvalidArgument:
            return "invalid_argument";
        case ErrorCode::NotFound:
            return "not_found";
        case ErrorCode::AlreadyExists:
            return "already_exists";
        case ErrorCode::Conflict:
            return "conflict";
        case ErrorCode::WrongKey:
            return "wrong_key";
        case ErrorCode::LockedOut:
            return "locked_out";
        case ErrorCode::Corrupt:
            return "corrupt";
        case ErrorCode::SchemaTooNew:
            return "schema_too_new";
        case ErrorCode::PermissionDenied:
            return "permission_denied";
        case ErrorCode::Unauthenticated:
            return "unauthenticated";
        case ErrorCode::Unavailable:
            return "unavailable";
        case ErrorCode::DeadlineExceeded:
            return "deadline_exceeded";
        case ErrorCode::ResourceExhausted:
            return "resource_exhausted";
        case ErrorCode::KeystoreUnavailable:
            return "keystore_unavailable";
        case ErrorCode::Io:
            return "io";
        case ErrorCode::Internal:
            return "internal";
    }
    return "unknown";
}

std::string Error::toString() const {
    std::string out(errorCodeName(code));
    out += ": ";
    out += message;
    return out;
}

Error makeError(ErrorCode code, std::string message, std::string field) {
    return Error{code, std::move(message), std::move(field)};
}

}  // namespace sitebook
