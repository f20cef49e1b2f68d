#pragma once
// The one mapping from a gRPC call result to Sitebook's error vocabulary.

#include <grpcpp/grpcpp.h>

#include <map>

#include "sitebook/common/error.h"

namespace sitebook::sync {

// Maps `status` (with the call's trailing metadata, if any) to an Error. The message is the
// server's sentence where it sent one; `field` carries `sitebook-field`, or kWipeField when
// the server said `sitebook-action: wipe`. Never called with an OK status.
Error fromGrpcStatus(const grpc::Status& status,
                     const std::multimap<grpc::string_ref, grpc::string_ref>& trailers = {});

}  // namespace sitebook::sync
