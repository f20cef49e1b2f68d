#include <gtest/gtest.h>

#include "grpc_status.h"
#include "sitebook/sync/transport.h"

namespace sitebook::sync {
namespace {

TEST(GrpcStatusTest, MapsEveryTransientCodeToARetryableError) {
    EXPECT_EQ(fromGrpcStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "down")).code,
              ErrorCode::Unavailable);
    EXPECT_EQ(fromGrpcStatus(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "")).code,
              ErrorCode::DeadlineExceeded);
    EXPECT_EQ(fromGrpcStatus(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "")).code,
              ErrorCode::ResourceExhausted);
    EXPECT_EQ(fromGrpcStatus(grpc::Status(grpc::StatusCode::INTERNAL, "")).code,
              ErrorCode::Internal);
    EXPECT_EQ(fromGrpcStatus(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "")).code,
              ErrorCode::Unauthenticated);
}

TEST(GrpcStatusTest, CarriesTheFieldAndTheWipeInstruction) {
    std::multimap<grpc::string_ref, grpc::string_ref> trailers;
    trailers.emplace("sitebook-field", "operations[2].payload");
    auto e = fromGrpcStatus(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad"), trailers);
    EXPECT_EQ(e.code, ErrorCode::InvalidArgument);
    EXPECT_EQ(e.field, "operations[2].payload");

    std::multimap<grpc::string_ref, grpc::string_ref> wipe;
    wipe.emplace("sitebook-action", "wipe");
    auto w = fromGrpcStatus(grpc::Status(grpc::StatusCode::PERMISSION_DENIED, "revoked"), wipe);
    EXPECT_EQ(w.code, ErrorCode::PermissionDenied);
    EXPECT_EQ(w.field, kWipeField);

    std::multimap<grpc::string_ref, grpc::string_ref> version;
    version.emplace("sitebook-error", "protocol_version");
    auto v = fromGrpcStatus(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "x"), version);
    EXPECT_EQ(v.field, "protocol_version");
}

}  // namespace
}  // namespace sitebook::sync
