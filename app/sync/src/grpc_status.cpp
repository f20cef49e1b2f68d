#include "grpc_status.h"

#include <string>

#include "sitebook/sync/transport.h"

namespace sitebook::sync {

namespace {

std::string trailer(const std::multimap<grpc::string_ref, grpc::string_ref>& trailers,
                    std::string_view key) {
    for (const auto& [k, v] : trailers) {
        if (std::string_view(k.data(), k.size()) == key)
            return std::string(v.data(), v.size());
    }
    return {};
}

}  // namespace

Error fromGrpcStatus(const grpc::Status& status,
                     const std::multimap<grpc::string_ref, grpc::string_ref>& trailers) {
    const std::string serverMessage = status.error_message();
    const std::string field = trailer(trailers, "sitebook-field");
    const bool wipe = trailer(trailers, "sitebook-action") == "wipe";
    auto said = [&](std::string fallback) {
        return serverMessage.empty() ? fallback : "the server said: " + serverMessage;
    };
    switch (status.error_code()) {
        case grpc::StatusCode::OK:
            return makeError(ErrorCode::Internal, "a successful call was treated as a failure");
        case grpc::StatusCode::INVALID_ARGUMENT:
        case grpc::StatusCode::OUT_OF_RANGE:
            return makeError(ErrorCode::InvalidArgument, said("the server refused the request"),
                             field);
        case grpc::StatusCode::FAILED_PRECONDITION:
            if (trailer(trailers, "sitebook-error") == "protocol_version") {
                return makeError(ErrorCode::InvalidArgument,
                                 "this version of Sitebook is too old for the server; update "
                                 "the app",
                                 "protocol_version");
            }
            return makeError(ErrorCode::InvalidArgument, said("the server refused the request"),
                             field);
        case grpc::StatusCode::NOT_FOUND:
            return makeError(ErrorCode::NotFound, said("not found on the server"), field);
        case grpc::StatusCode::ALREADY_EXISTS:
            return makeError(ErrorCode::AlreadyExists, said("already exists on the server"), field);
        case grpc::StatusCode::ABORTED:
            return makeError(ErrorCode::Conflict, said("the request conflicted; try again"));
        case grpc::StatusCode::PERMISSION_DENIED:
            return makeError(ErrorCode::PermissionDenied,
                             wipe ? "this device was revoked; its Sitebook data must be deleted"
                                  : said("you are not allowed to do this"),
                             wipe ? std::string(kWipeField) : field);
        case grpc::StatusCode::UNAUTHENTICATED:
            return makeError(ErrorCode::Unauthenticated,
                             said("the server did not accept your sign-in; sign in again"));
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            return makeError(ErrorCode::ResourceExhausted,
                             said("the server is busy; Sitebook will try again"));
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            return makeError(ErrorCode::DeadlineExceeded,
                             "the server did not answer in time; Sitebook will try again");
        case grpc::StatusCode::UNAVAILABLE:
        case grpc::StatusCode::CANCELLED:
            return makeError(ErrorCode::Unavailable, "the server cannot be reached (" +
                                                         serverMessage +
                                                         "); your changes are kept on this device");
        case grpc::StatusCode::DATA_LOSS:
            return makeError(ErrorCode::Corrupt, said("the server reported data loss"));
        case grpc::StatusCode::UNIMPLEMENTED:
            return makeError(ErrorCode::Internal,
                             "the server does not support this request; check the server version");
        case grpc::StatusCode::UNKNOWN:
        case grpc::StatusCode::INTERNAL:
        default:
            return makeError(ErrorCode::Internal,
                             said("the server had a problem; Sitebook will try again later"));
    }
}

}  // namespace sitebook::sync
