#include "services/grpc_services.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "sitebook/common/hlc.h"
#include "sitebook/common/log.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/codes.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/text.h"
#include "sitebook/server/auth/password.h"
#include "sitebook/server/reconcile/reconcile_policy.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server {

namespace {

constexpr std::uint32_t kProtocolVersion = v1::PROTOCOL_VERSION_1;
// 2020-01-01T00:00:00Z: no Sitebook record is older.
constexpr UnixMillis kEarliestMillis = 1'577'836'800'000;

grpc::StatusCode grpcCode(ErrorCode code) {
    switch (code) {
        case ErrorCode::Ok:
            return grpc::StatusCode::OK;
        case ErrorCode::InvalidArgument:
            return grpc::StatusCode::INVALID_ARGUMENT;
        case ErrorCode::NotFound:
            return grpc::StatusCode::NOT_FOUND;
        case ErrorCode::AlreadyExists:
            return grpc::StatusCode::ALREADY_EXISTS;
        case ErrorCode::Conflict:
            return grpc::StatusCode::ABORTED;
        case ErrorCode::PermissionDenied:
            return grpc::StatusCode::PERMISSION_DENIED;
        case ErrorCode::Unauthenticated:
        case ErrorCode::WrongKey:
            return grpc::StatusCode::UNAUTHENTICATED;
        case ErrorCode::LockedOut:
        case ErrorCode::ResourceExhausted:
            return grpc::StatusCode::RESOURCE_EXHAUSTED;
        case ErrorCode::Unavailable:
        case ErrorCode::KeystoreUnavailable:
        case ErrorCode::Io:
            return grpc::StatusCode::UNAVAILABLE;
        case ErrorCode::DeadlineExceeded:
            return grpc::StatusCode::DEADLINE_EXCEEDED;
        case ErrorCode::SchemaTooNew:
            return grpc::StatusCode::FAILED_PRECONDITION;
        case ErrorCode::Corrupt:
        case ErrorCode::Internal:
            return grpc::StatusCode::INTERNAL;
    }
    return grpc::StatusCode::INTERNAL;
}

Error invalid(std::string field, std::string message) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

grpc::Status protocolMismatch(grpc::ServerContext* context, std::uint32_t version) {
    context->AddTrailingMetadata("sitebook-error", "protocol_version");
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "protocol_version " + std::to_string(version) +
                            " is not supported; this server speaks version " +
                            std::to_string(kProtocolVersion) + ". Update the app.");
}

std::string bearerToken(const grpc::ServerContext* context) {
    const auto& metadata = context->client_metadata();
    auto it = metadata.find("authorization");
    if (it == metadata.end())
        return {};
    std::string_view value(it->second.data(), it->second.size());
    constexpr std::string_view kPrefix = "Bearer ";
    if (value.substr(0, kPrefix.size()) != kPrefix)
        return {};
    return std::string(value.substr(kPrefix.size()));
}

v1::Role toWire(Role role) {
    switch (role) {
        case Role::Supervisor:
            return v1::ROLE_SUPERVISOR;
        case Role::Officer:
            return v1::ROLE_OFFICER;
        case Role::Admin:
            return v1::ROLE_ADMIN;
        case Role::Manager:
            return v1::ROLE_MANAGER;
    }
    return v1::ROLE_UNSPECIFIED;
}

void toWire(const DeviceRecord& d, v1::DeviceInfo* out) {
    out->set_device_id(d.id);
    out->set_user_id(d.userId);
    out->set_device_name(d.name);
    out->set_registered_at_ms(d.registeredAtMillis);
    out->set_revoked_at_ms(d.revokedAtMillis.value_or(0));
}

Status checkText(std::string_view value, const std::string& field, std::size_t maxBytes,
                 bool required) {
    if (required && value.empty())
        return invalid(field, field + " is required");
    if (value.size() > maxBytes) {
        return invalid(field, field + " is longer than " + std::to_string(maxBytes) + " bytes");
    }
    if (!domain::isValidUtf8(value))
        return invalid(field, field + " is not valid UTF-8");
    return okStatus();
}

Status checkUuid(std::string_view value, const std::string& field) {
    if (!Uuid::isValid(value))
        return invalid(field, field + " must be a canonical UUID");
    return okStatus();
}

// --- download checkpoints ---

// Opaque to clients: base64url of {"v":1,"p":{"<partition>":<last seq>,...}}.
struct Checkpoint {
    std::map<std::string, std::int64_t> partitions;
};

std::string encodeCheckpoint(const Checkpoint& c) {
    nlohmann::json j;
    j["v"] = 1;
    j["p"] = nlohmann::json::object();
    for (const auto& [p, seq] : c.partitions)
        j["p"][p] = seq;
    return base64UrlEncode(j.dump());
}

Result<Checkpoint> decodeCheckpoint(const std::string& text) {
    Checkpoint c;
    if (text.empty())
        return c;
    std::string raw;
    if (text.size() > 1024 * 1024 || !base64UrlDecode(text, raw)) {
        return invalid("checkpoint", "checkpoint is not one this server issued");
    }
    nlohmann::json j = nlohmann::json::parse(raw, nullptr, false);
    if (!j.is_object() || j.value("v", 0) != 1 || !j.contains("p") || !j["p"].is_object()) {
        return invalid("checkpoint", "checkpoint is not one this server issued");
    }
    for (const auto& [p, seq] : j["p"].items()) {
        if (!seq.is_number_integer() || seq.get<std::int64_t>() < 0) {
            return invalid("checkpoint", "checkpoint is not one this server issued");
        }
        c.partitions[p] = seq.get<std::int64_t>();
    }
    return c;
}

}  // namespace

grpc::Status toGrpcStatus(grpc::ServerContext* context, const Error& error) {
    if (context != nullptr) {
        context->AddTrailingMetadata("sitebook-error", std::string(errorCodeName(error.code)));
        if (!error.field.empty())
            context->AddTrailingMetadata("sitebook-field", error.field);
    }
    std::string message = error.message;
    if (error.code == ErrorCode::Internal || error.code == ErrorCode::Io ||
        error.code == ErrorCode::Corrupt) {
        log::error("server", error.toString());
        message = "the server could not complete the request; try again later";
    }
    if (!error.field.empty())
        message = error.field + ": " + message;
    return grpc::Status(grpcCode(error.code), message);
}

grpc::Status deviceRevokedStatus(grpc::ServerContext* context) {
    context->AddTrailingMetadata("sitebook-error", "device_revoked");
    context->AddTrailingMetadata("sitebook-action", "wipe");
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                        "this device was revoked; all Sitebook data on it must be deleted");
}

grpc::Status accountDisabledStatus(grpc::ServerContext* context) {
    context->AddTrailingMetadata("sitebook-error", "account_disabled");
    return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                        "this account is disabled; ask an administrator");
}

grpc::Status sessionEndedStatus(grpc::ServerContext* context) {
    context->AddTrailingMetadata("sitebook-error", "session_ended");
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "this sign-in has ended; sign in again with your password");
}

namespace {

// The first contact of a revoked device after its revocation: it is told to wipe itself now.
Status recordWipeContact(UnitOfWork& uow, const DeviceRecord& device, UnixMillis now) {
    if (!device.revokedAtMillis || device.wipedAtMillis)
        return okStatus();
    DeviceRecord wiped = device;
    wiped.wipedAtMillis = now;
    SB_TRY(uow.updateDevice(wiped));
    AuditEntry audit;
    audit.userId = device.userId;
    audit.deviceId = device.id;
    audit.action = "device_wipe_instructed";
    audit.entityType = "device";
    audit.entityId = device.id;
    audit.serverTimeMillis = now;
    audit.after = nlohmann::json{{"wiped_at_ms", now}}.dump();
    auto seq = uow.appendAudit(audit);
    if (!seq)
        return seq.error();
    return okStatus();
}

}  // namespace

grpc::Status Authenticator::Outcome::refusal(grpc::ServerContext* context) const {
    switch (refusal_) {
        case Refusal::SessionEnded:
            return sessionEndedStatus(context);
        case Refusal::AccountDisabled:
            return accountDisabledStatus(context);
        case Refusal::None:
        case Refusal::Unauthenticated:
            break;
    }
    return toGrpcStatus(context, error_);
}

void Authenticator::noteRevokedContact(const DeviceRecord& device) const {
    if (!device.revokedAtMillis || device.wipedAtMillis)
        return;
    auto uow = store_.begin(AccessMode::ReadWrite);
    if (!uow) {
        log::warning("auth", "could not record the wipe of device " + device.id);
        return;
    }
    auto current = (*uow)->findDevice(device.id);
    if (!current || !*current)
        return;
    if (!recordWipeContact(**uow, **current, clock_.nowMillis()) || !(*uow)->commit())
        log::warning("auth", "could not record the wipe of device " + device.id);
}

Authenticator::Outcome Authenticator::authenticate(const grpc::ServerContext* context) const {
    using Refusal = Outcome::Refusal;
    const std::string token = bearerToken(context);
    if (token.empty()) {
        return {Refusal::Unauthenticated,
                makeError(ErrorCode::Unauthenticated,
                          "missing `authorization: Bearer <access token>`; log in first")};
    }
    auto claims = tokens_.verifyAccessToken(token);
    if (!claims)
        return {Refusal::Unauthenticated, claims.error()};
    std::optional<DeviceRecord> revoked;
    Authenticated out;
    {
        auto uow = store_.begin(AccessMode::ReadOnly);
        if (!uow)
            return {Refusal::Unauthenticated, uow.error()};
        auto user = (*uow)->findUserById(claims->userId);
        if (!user)
            return {Refusal::Unauthenticated, user.error()};
        if (!*user) {
            return {Refusal::Unauthenticated,
                    makeError(ErrorCode::Unauthenticated, "this account no longer exists")};
        }
        auto device = (*uow)->findDevice(claims->deviceId);
        if (!device)
            return {Refusal::Unauthenticated, device.error()};
        if (!*device || (*device)->userId != (*user)->id) {
            return {Refusal::Unauthenticated,
                    makeError(ErrorCode::Unauthenticated, "this device is not registered; log in")};
        }
        out.caller.user = std::move(**user);
        out.caller.device = std::move(**device);
        out.deviceRevoked = out.caller.device.revokedAtMillis.has_value();
        // A revoked device is told to wipe whatever its user's state; then a disabled user;
        // then a session that has ended.
        if (out.deviceRevoked) {
            revoked = out.caller.device;
        } else if (out.caller.user.disabled) {
            return {Refusal::AccountDisabled, makeError(ErrorCode::PermissionDenied, "disabled")};
        } else if (claims->sessionEpoch != out.caller.device.sessionEpoch) {
            return {Refusal::SessionEnded, makeError(ErrorCode::Unauthenticated, "ended")};
        }
    }
    if (revoked)
        noteRevokedContact(*revoked);
    return out;
}

// ---------------------------------------------------------------- security events

namespace {

// Security events (docs/SECURITY.md, "Security events"): sign-ins and their failures, token
// refusals, refused writes, device registration, re-binding and revocation, sign-outs and
// which user downloaded which person. Each is an audit entry (in `uow` when given, else in a
// transaction of its own) and one structured log line, both with the client's address as
// gRPC saw it ("ipv4:203.0.113.7:52110"). The log line is JSON on one line; it never holds a
// password, a token or record content.
void recordSecurityEvent(const ServerDependencies& deps, const grpc::ServerContext* context,
                         AuditEntry event, UnitOfWork* uow = nullptr) {
    if (context != nullptr)
        event.clientAddress = context->peer();
    if (event.serverTimeMillis == 0)
        event.serverTimeMillis = deps.clock.nowMillis();
    auto append = [&event](UnitOfWork& into) -> Status {
        auto seq = into.appendAudit(event);
        return seq ? okStatus() : Status(seq.error());
    };
    Status written = okStatus();
    if (uow != nullptr) {
        written = append(*uow);
    } else if (auto own = deps.store.begin(AccessMode::ReadWrite); !own) {
        written = own.error();
    } else if (written = append(**own); written) {
        written = (*own)->commit();
    }
    nlohmann::json line{{"event", event.action},
                        {"at_ms", event.serverTimeMillis},
                        {"client", event.clientAddress.value_or("")},
                        {"user", event.userId},
                        {"device", event.deviceId}};
    if (!event.entityType.empty() && event.entityType != "user" && event.entityType != "device") {
        line["entity_type"] = event.entityType;
        line["entity_id"] = event.entityId;
    }
    if (event.after) {
        auto detail = nlohmann::json::parse(*event.after, nullptr, false);
        if (detail.is_object()) {
            for (const auto& [key, value] : detail.items())
                line[key] = value;
        }
    }
    if (!written)
        line["audit_write_failed"] = written.error().toString();
    const bool refusal = event.action.ends_with("_failed") || event.action.ends_with("_refused") ||
                         event.action.ends_with("_reused") || !written;
    log::write(refusal ? log::Level::Warning : log::Level::Info, "security",
               line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

AuditEntry securityEvent(std::string action, std::string userId, std::string deviceId,
                         std::string entityType, std::string entityId,
                         nlohmann::json detail = nlohmann::json::object()) {
    AuditEntry e;
    e.action = std::move(action);
    e.userId = std::move(userId);
    e.deviceId = std::move(deviceId);
    e.entityType = std::move(entityType);
    e.entityId = std::move(entityId);
    if (!detail.empty())
        e.after = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return e;
}

// A call refused for its access token: recorded, then answered with `error`.
grpc::Status refuseToken(const ServerDependencies& deps, grpc::ServerContext* context,
                         const Authenticator::Outcome& who) {
    const Error& error = who.error();
    if (error.code == ErrorCode::Unauthenticated || error.code == ErrorCode::PermissionDenied) {
        recordSecurityEvent(
            deps, context,
            securityEvent("token_refused", "", "", "", "", {{"reason", error.message}}));
    }
    return who.refusal(context);
}

// Every operation of an upload the server refused, with its reason code, in one transaction.
void recordRefusedWrites(const ServerDependencies& deps, const grpc::ServerContext* context,
                         const Caller& caller, const std::vector<IncomingOperation>& ops,
                         const std::vector<OperationResultValue>& results) {
    std::vector<AuditEntry> refused;
    for (const OperationResultValue& r : results) {
        if (r.result != OpResultKind::Rejected)
            continue;
        auto op = std::find_if(ops.begin(), ops.end(),
                               [&](const IncomingOperation& o) { return o.opId == r.opId; });
        AuditEntry e =
            securityEvent("write_refused", caller.user.id, caller.device.id,
                          op == ops.end() ? "" : std::string(entityTypeName(op->type)),
                          op == ops.end() ? "" : op->entityId,
                          {{"reason", r.reasonCode}, {"field", r.field}, {"message", r.message}});
        e.opId = r.opId;
        refused.push_back(std::move(e));
    }
    if (refused.empty())
        return;
    auto uow = deps.store.begin(AccessMode::ReadWrite);
    for (const AuditEntry& e : refused)
        recordSecurityEvent(deps, context, e, uow ? uow->get() : nullptr);
    if (uow) {
        if (auto s = (*uow)->commit(); !s)
            log::error("security", "refused writes not audited: " + s.error().toString());
    }
}

// Which people's records one Download sent: one event per person, in one transaction.
void recordPeopleDownloaded(const ServerDependencies& deps, const grpc::ServerContext* context,
                            const Caller& caller, const std::map<std::string, int>& people) {
    if (people.empty())
        return;
    auto uow = deps.store.begin(AccessMode::ReadWrite);
    for (const auto& [personId, records] : people) {
        recordSecurityEvent(deps, context,
                            securityEvent("person_downloaded", caller.user.id, caller.device.id,
                                          "person", personId, {{"records", records}}),
                            uow ? uow->get() : nullptr);
    }
    if (uow) {
        if (auto s = (*uow)->commit(); !s)
            log::error("security", "downloads not audited: " + s.error().toString());
    }
}

}  // namespace

// ---------------------------------------------------------------- AuthService

Status AuthServiceImpl::issueTokens(UnitOfWork& uow, const UserRecord& user,
                                    const DeviceRecord& device, v1::TokenResponse* response,
                                    UnixMillis signedInAt,
                                    const std::optional<std::string>& parentHash) const {
    AccessClaims claims{user.id, device.id, user.role, 0, device.sessionEpoch};
    const std::string access = deps_.tokens.issueAccessToken(claims);
    IssuedRefreshToken refresh = deps_.tokens.issueRefreshToken(signedInAt);
    RefreshTokenRecord record;
    record.tokenHash = refresh.hash;
    record.deviceId = device.id;
    record.userId = user.id;
    record.issuedAtMillis = deps_.clock.nowMillis();
    record.expiresAtMillis = refresh.expiresAtMillis;
    record.parentHash = parentHash;
    record.signedInAtMillis = signedInAt;
    SB_TRY(uow.insertRefreshToken(record));
    response->set_access_token(access);
    response->set_access_expires_at_ms(claims.expiresAtMillis);
    response->set_refresh_token(refresh.token);
    response->set_refresh_expires_at_ms(refresh.expiresAtMillis);
    response->set_user_id(user.id);
    response->set_role(toWire(user.role));
    response->set_device_id(device.id);
    response->set_server_time_ms(deps_.clock.nowMillis());
    response->set_display_name(user.displayName);
    return okStatus();
}

namespace {

// RESOURCE_EXHAUSTED, `sitebook-error: locked_out`, `sitebook-retry-after-ms: <ms>`.
grpc::Status lockedOutStatus(grpc::ServerContext* context, std::chrono::milliseconds wait) {
    const auto seconds = (wait.count() + 999) / 1000;
    context->AddTrailingMetadata("sitebook-error", "locked_out");
    context->AddTrailingMetadata("sitebook-retry-after-ms", std::to_string(wait.count()));
    return grpc::Status(
        grpc::StatusCode::RESOURCE_EXHAUSTED,
        "too many failed sign-ins; try again in " + std::to_string(seconds) + " seconds");
}

}  // namespace

Result<std::chrono::milliseconds> AuthServiceImpl::recordFailedLogin(
    const std::string& username, const UserRecord* user, const std::string& address) const {
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return uow.error();
    const UnixMillis now = deps_.clock.nowMillis();
    const auto& policy = throttle_.policy();
    auto account = throttle_.recordFailure(**uow, accountThrottleSubject(username), policy.account);
    if (!account)
        return account.error();
    auto byAddress = throttle_.recordFailure(**uow, "address:" + address, policy.address);
    if (!byAddress)
        return byAddress.error();
    AuditEntry audit;
    audit.userId = user != nullptr ? user->id : std::string();
    audit.action = "login_failed";
    audit.entityType = user != nullptr ? "user" : "account";
    audit.entityId = user != nullptr ? user->id : username;
    audit.serverTimeMillis = now;
    audit.after = nlohmann::json{{"username", username},
                                 {"address", address},
                                 {"account_failures", account->failures},
                                 {"address_failures", byAddress->failures}}
                      .dump();
    if (auto s = (*uow)->appendAudit(audit); !s)
        return s.error();
    for (const auto* locked : {&*account, &*byAddress}) {
        if (locked->lockedUntilMillis <= now)
            continue;
        AuditEntry lock = audit;
        lock.action = "login_locked";
        lock.after = nlohmann::json{{"subject", locked->subject},
                                    {"failures", locked->failures},
                                    {"locked_until_ms", locked->lockedUntilMillis}}
                         .dump();
        if (auto s = (*uow)->appendAudit(lock); !s)
            return s.error();
        log::warning("auth", "sign-in locked for " + locked->subject + " after " +
                                 std::to_string(locked->failures) + " failures");
    }
    SB_TRY((*uow)->commit());
    return std::chrono::milliseconds(std::max<UnixMillis>(
        0, std::max(account->lockedUntilMillis, byAddress->lockedUntilMillis) - now));
}

grpc::Status AuthServiceImpl::Login(grpc::ServerContext* context, const v1::LoginRequest* request,
                                    v1::TokenResponse* response) {
    if (request->protocol_version() != kProtocolVersion) {
        return protocolMismatch(context, request->protocol_version());
    }
    for (const auto& check : {checkText(request->username(), "username", 200, true),
                              checkText(request->password(), "password", 1024, true),
                              checkUuid(request->device_id(), "device_id"),
                              checkText(request->device_name(), "device_name", 200, false)}) {
        if (!check)
            return toGrpcStatus(context, check.error());
    }
    const std::string address = clientAddress(context->peer());
    const std::vector<std::string> subjects{accountThrottleSubject(request->username()),
                                            "address:" + address};
    std::optional<UserRecord> user;
    {
        auto uow = deps_.store.begin(AccessMode::ReadOnly);
        if (!uow)
            return toGrpcStatus(context, uow.error());
        // A locked account or address is refused before its password is looked at.
        auto wait = throttle_.waitFor(**uow, subjects);
        if (!wait)
            return toGrpcStatus(context, wait.error());
        if (wait->count() > 0) {
            log::warning("auth",
                         "sign-in refused while locked: " + subjects[0] + " from " + address);
            return lockedOutStatus(context, *wait);
        }
        auto found = (*uow)->findUserByName(request->username());
        if (!found)
            return toGrpcStatus(context, found.error());
        user = std::move(*found);
    }
    // Verify outside any transaction and in the bounded hashing pool: Argon2id is
    // deliberately slow. An unknown username costs the same as a wrong password.
    auto verified = passwords_.run(
        [&] {
            if (!user) {
                burnPasswordVerification(request->password());
                return false;
            }
            return verifyPassword(user->passwordHash, request->password());
        },
        [context] { return context->IsCancelled(); });
    if (!verified) {
        if (verified.error().code == ErrorCode::ResourceExhausted) {
            context->AddTrailingMetadata("sitebook-retry-after-ms",
                                         std::to_string(passwords_.retryAfter().count()));
        }
        return toGrpcStatus(context, verified.error());
    }
    if (!*verified) {
        recordSecurityEvent(
            deps_, context,
            user ? securityEvent("sign_in_failed", user->id, request->device_id(), "user", user->id,
                                 {{"username", user->username}, {"reason", "wrong_password"}})
                 : securityEvent(
                       "sign_in_failed", "", request->device_id(), "", "",
                       {{"username", request->username()}, {"reason", "unknown_username"}}));
        auto wait = recordFailedLogin(request->username(), user ? &*user : nullptr, address);
        if (!wait)
            return toGrpcStatus(context, wait.error());
        // The wrong password is answered as such; a lock it started is announced with it.
        if (wait->count() > 0)
            context->AddTrailingMetadata("sitebook-retry-after-ms", std::to_string(wait->count()));
        return toGrpcStatus(context,
                            makeError(ErrorCode::Unauthenticated, "wrong username or password"));
    }
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return toGrpcStatus(context, uow.error());
    const UnixMillis now = deps_.clock.nowMillis();
    auto existing = (*uow)->findDevice(request->device_id());
    if (!existing)
        return toGrpcStatus(context, existing.error());
    DeviceRecord device;
    if (*existing) {
        device = **existing;
        if (device.revokedAtMillis) {
            if (auto s = recordWipeContact(**uow, device, now); !s || !(*uow)->commit())
                log::warning("auth", "could not record the wipe of device " + device.id);
            recordSecurityEvent(
                deps_, context,
                securityEvent("sign_in_refused", user->id, device.id, "device", device.id,
                              {{"username", user->username}, {"reason", "device_revoked"}}));
            return deviceRevokedStatus(context);
        }
    }
    if (user->disabled) {
        recordSecurityEvent(
            deps_, context,
            securityEvent("sign_in_refused", user->id, request->device_id(), "user", user->id,
                          {{"username", user->username}, {"reason", "account_disabled"}}));
        return accountDisabledStatus(context);
    }
    if (*existing) {
        if (device.userId != user->id) {
            // Devices belong to users: another user's device id is never taken over. The app
            // makes a new device id when it is set up for a new person.
            AuditEntry audit;
            audit.userId = user->id;
            audit.action = "device_rebind_refused";
            audit.entityType = "device";
            audit.entityId = device.id;
            audit.serverTimeMillis = now;
            audit.after =
                nlohmann::json{{"owner_user_id", device.userId}, {"address", address}}.dump();
            if (auto s = (*uow)->appendAudit(audit); !s)
                return toGrpcStatus(context, s.error());
            if (auto s = (*uow)->commit(); !s)
                return toGrpcStatus(context, s.error());
            log::warning(
                "auth", "user " + user->id + " presented device " + device.id + " of another user");
            context->AddTrailingMetadata("sitebook-error", "device_of_another_user");
            return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                "this device is registered to another user; set the app up "
                                "again to sign in as yourself");
        }
        if (!request->device_name().empty())
            device.name = request->device_name();
        device.lastSeenAtMillis = now;
        if (auto s = (*uow)->updateDevice(device); !s)
            return toGrpcStatus(context, s.error());
    } else {
        device.id = request->device_id();
        device.userId = user->id;
        device.name = request->device_name();
        device.registeredAtMillis = now;
        device.lastSeenAtMillis = now;
        if (auto s = (*uow)->insertDevice(device); !s)
            return toGrpcStatus(context, s.error());
        AuditEntry audit;
        audit.userId = user->id;
        audit.deviceId = device.id;
        audit.action = "device_registered";
        audit.entityType = "device";
        audit.entityId = device.id;
        audit.serverTimeMillis = now;
        recordSecurityEvent(deps_, context, audit, &**uow);
    }
    // A correct password ends the account's count of failures (the address keeps its own).
    if (auto s = (*uow)->clearLoginThrottle(subjects[0]); !s)
        return toGrpcStatus(context, s.error());
    recordSecurityEvent(deps_, context,
                        securityEvent("sign_in_succeeded", user->id, device.id, "user", user->id,
                                      {{"username", user->username}}),
                        &**uow);
    if (auto s = issueTokens(**uow, *user, device, response, now); !s) {
        return toGrpcStatus(context, s.error());
    }
    if (auto s = (*uow)->commit(); !s)
        return toGrpcStatus(context, s.error());
    log::info("auth", "login: user " + user->id + " on device " + device.id);
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::Refresh(grpc::ServerContext* context,
                                      const v1::RefreshRequest* request,
                                      v1::TokenResponse* response) {
    if (auto s = checkUuid(request->device_id(), "device_id"); !s) {
        return toGrpcStatus(context, s.error());
    }
    if (request->refresh_token().empty() || request->refresh_token().size() > 256) {
        return toGrpcStatus(context, invalid("refresh_token", "refresh_token is malformed"));
    }
    const Error expired =
        makeError(ErrorCode::Unauthenticated, "the refresh token is not valid; log in again");
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return toGrpcStatus(context, uow.error());
    const UnixMillis now = deps_.clock.nowMillis();
    auto token = (*uow)->findRefreshToken(TokenService::hashRefreshToken(request->refresh_token()));
    if (!token)
        return toGrpcStatus(context, token.error());
    if (!*token || (*token)->deviceId != request->device_id()) {
        recordSecurityEvent(
            deps_, context,
            securityEvent("token_refused", "", request->device_id(), "device", request->device_id(),
                          {{"reason", "refresh token unknown to this device"}}));
        return toGrpcStatus(context, expired);
    }
    auto device = (*uow)->findDevice((*token)->deviceId);
    if (!device)
        return toGrpcStatus(context, device.error());
    if (!*device)
        return toGrpcStatus(context, expired);
    if ((*device)->revokedAtMillis) {
        if (auto s = recordWipeContact(**uow, **device, now); !s || !(*uow)->commit())
            log::warning("auth", "could not record the wipe of device " + (*device)->id);
        return deviceRevokedStatus(context);
    }
    auto user = (*uow)->findUserById((*token)->userId);
    if (!user)
        return toGrpcStatus(context, user.error());
    if (!*user)
        return toGrpcStatus(context, expired);
    if ((*user)->disabled)
        return accountDisabledStatus(context);
    // A device whose refresh answer was lost on the way (a dropped connection) comes back with
    // the token it had just exchanged. If the token issued for it was never used, the answer
    // never arrived: that successor is withdrawn and the exchange is answered again. If the
    // successor was used, two parties hold the chain: it was copied.
    bool lostAnswerRetry = false;
    if ((*token)->rotated) {
        auto successor = (*uow)->findUnusedSuccessor((*token)->tokenHash);
        if (!successor)
            return toGrpcStatus(context, successor.error());
        if (*successor) {
            lostAnswerRetry = true;
            if (auto s = (*uow)->revokeRefreshToken((*successor)->tokenHash, now); !s)
                return toGrpcStatus(context, s.error());
        }
    }
    if ((*token)->rotated && !lostAnswerRetry) {
        // A rotated token came back: it was copied. End every session of the device.
        if (auto s = (*uow)->revokeDeviceTokens((*token)->deviceId, now); !s) {
            return toGrpcStatus(context, s.error());
        }
        recordSecurityEvent(deps_, context,
                            securityEvent("refresh_token_reused", (*token)->userId,
                                          (*token)->deviceId, "device", (*token)->deviceId),
                            &**uow);
        if (auto s = (*uow)->commit(); !s)
            return toGrpcStatus(context, s.error());
        log::warning("auth", "reused refresh token for device " + (*token)->deviceId);
        return sessionEndedStatus(context);
    }
    if ((*device)->userId != (*token)->userId)
        return toGrpcStatus(context, expired);
    // Revoked (signed out, a copy detected, the account disabled) or past its lifetime, which
    // never reaches beyond TokenPolicy::sessionLifetime after the password sign-in.
    if (((*token)->revokedAtMillis && !lostAnswerRetry) || now >= (*token)->expiresAtMillis) {
        recordSecurityEvent(
            deps_, context,
            securityEvent("token_refused", (*token)->userId, (*token)->deviceId, "device",
                          (*token)->deviceId, {{"reason", "refresh token revoked or expired"}}));
        return sessionEndedStatus(context);
    }
    if (!lostAnswerRetry) {
        if (auto s = (*uow)->markRefreshTokenRotated((*token)->tokenHash, now); !s)
            return toGrpcStatus(context, s.error());
    }
    DeviceRecord seen = **device;
    seen.lastSeenAtMillis = now;
    if (auto s = (*uow)->updateDevice(seen); !s)
        return toGrpcStatus(context, s.error());
    if (auto s = issueTokens(**uow, **user, seen, response, (*token)->signedInAtMillis,
                             (*token)->tokenHash);
        !s) {
        return toGrpcStatus(context, s.error());
    }
    if (auto s = (*uow)->commit(); !s)
        return toGrpcStatus(context, s.error());
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::RegisterDevice(grpc::ServerContext* context,
                                             const v1::RegisterDeviceRequest* request,
                                             v1::DeviceInfo* response) {
    auto who = auth_.authenticate(context);
    if (!who)
        return refuseToken(deps_, context, who);
    if (who->deviceRevoked)
        return deviceRevokedStatus(context);
    for (const auto& check : {checkText(request->device_name(), "device_name", 200, false),
                              checkText(request->platform(), "platform", 200, false),
                              checkText(request->app_version(), "app_version", 100, false)}) {
        if (!check)
            return toGrpcStatus(context, check.error());
    }
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return toGrpcStatus(context, uow.error());
    DeviceRecord device = who->caller.device;
    if (!request->device_name().empty())
        device.name = request->device_name();
    device.platform = request->platform();
    device.appVersion = request->app_version();
    device.lastSeenAtMillis = deps_.clock.nowMillis();
    if (auto s = (*uow)->updateDevice(device); !s)
        return toGrpcStatus(context, s.error());
    if (auto s = (*uow)->commit(); !s)
        return toGrpcStatus(context, s.error());
    toWire(device, response);
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::RevokeDevice(grpc::ServerContext* context,
                                           const v1::RevokeDeviceRequest* request,
                                           v1::DeviceInfo* response) {
    auto who = auth_.authenticate(context);
    if (!who)
        return refuseToken(deps_, context, who);
    if (who->deviceRevoked)
        return deviceRevokedStatus(context);
    if (who->caller.user.role != Role::Admin) {
        recordSecurityEvent(
            deps_, context,
            securityEvent("write_refused", who->caller.user.id, who->caller.device.id, "device",
                          request->device_id(), {{"reason", "only an admin revokes devices"}}));
        return toGrpcStatus(
            context, makeError(ErrorCode::PermissionDenied, "only an admin revokes devices"));
    }
    if (auto s = checkUuid(request->device_id(), "device_id"); !s) {
        return toGrpcStatus(context, s.error());
    }
    if (auto s = checkText(request->reason(), "reason", 500, false); !s) {
        return toGrpcStatus(context, s.error());
    }
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return toGrpcStatus(context, uow.error());
    auto device = (*uow)->findDevice(request->device_id());
    if (!device)
        return toGrpcStatus(context, device.error());
    if (!*device) {
        return toGrpcStatus(context, makeError(ErrorCode::NotFound, "no such device", "device_id"));
    }
    const UnixMillis now = deps_.clock.nowMillis();
    DeviceRecord revoked = **device;
    if (!revoked.revokedAtMillis) {
        revoked.revokedAtMillis = now;
        if (auto s = (*uow)->updateDevice(revoked); !s)
            return toGrpcStatus(context, s.error());
        if (auto s = (*uow)->revokeDeviceTokens(revoked.id, now); !s) {
            return toGrpcStatus(context, s.error());
        }
        AuditEntry audit;
        audit.userId = who->caller.user.id;
        audit.deviceId = who->caller.device.id;
        audit.action = "device_revoked";
        audit.entityType = "device";
        audit.entityId = revoked.id;
        audit.serverTimeMillis = now;
        nlohmann::json after{{"revoked_at_ms", now}, {"reason", request->reason()}};
        audit.after = after.dump();
        recordSecurityEvent(deps_, context, audit, &**uow);
        if (auto s = (*uow)->commit(); !s)
            return toGrpcStatus(context, s.error());
    }
    toWire(revoked, response);
    return grpc::Status::OK;
}

grpc::Status AuthServiceImpl::SignOut(grpc::ServerContext* context,
                                      const v1::SignOutRequest* request,
                                      v1::SignOutResponse* /*response*/) {
    if (auto s = checkUuid(request->device_id(), "device_id"); !s)
        return toGrpcStatus(context, s.error());
    if (request->refresh_token().empty() || request->refresh_token().size() > 256) {
        return toGrpcStatus(context, invalid("refresh_token", "refresh_token is malformed"));
    }
    auto uow = deps_.store.begin(AccessMode::ReadWrite);
    if (!uow)
        return toGrpcStatus(context, uow.error());
    auto token = (*uow)->findRefreshToken(TokenService::hashRefreshToken(request->refresh_token()));
    if (!token)
        return toGrpcStatus(context, token.error());
    // Any token the device ever held identifies it, even one already rotated or revoked: a
    // device signing out after a lost refresh answer still ends its sign-in.
    if (!*token || (*token)->deviceId != request->device_id()) {
        return toGrpcStatus(context, makeError(ErrorCode::Unauthenticated,
                                               "the refresh token is not this device's"));
    }
    const UnixMillis now = deps_.clock.nowMillis();
    if (auto s = (*uow)->revokeDeviceTokens((*token)->deviceId, now); !s)
        return toGrpcStatus(context, s.error());
    AuditEntry audit;
    audit.userId = (*token)->userId;
    audit.deviceId = (*token)->deviceId;
    audit.action = "signed_out";
    audit.entityType = "device";
    audit.entityId = (*token)->deviceId;
    audit.serverTimeMillis = now;
    recordSecurityEvent(deps_, context, audit, &**uow);
    if (auto s = (*uow)->commit(); !s)
        return toGrpcStatus(context, s.error());
    return grpc::Status::OK;
}

// ---------------------------------------------------------------- SyncService

grpc::Status SyncServiceImpl::Upload(grpc::ServerContext* context, const v1::UploadRequest* request,
                                     v1::UploadResponse* response) {
    auto who = auth_.authenticate(context);
    if (!who)
        return refuseToken(deps_, context, who);
    if (who->deviceRevoked)
        return deviceRevokedStatus(context);
    if (request->protocol_version() != kProtocolVersion) {
        return protocolMismatch(context, request->protocol_version());
    }
    const UnixMillis now = deps_.clock.nowMillis();
    const UnixMillis latest = now + limits_.maxClockAhead.count();
    if (static_cast<std::size_t>(request->operations_size()) > limits_.maxOperationsPerUpload) {
        return toGrpcStatus(
            context,
            invalid("operations", "at most " + std::to_string(limits_.maxOperationsPerUpload) +
                                      " operations per upload"));
    }
    if (request->device_sent_at_ms() < kEarliestMillis || request->device_sent_at_ms() > latest) {
        return toGrpcStatus(context, invalid("device_sent_at_ms",
                                             "device_sent_at_ms is outside the accepted range; "
                                             "check the device clock"));
    }
    const std::int64_t skew = now - request->device_sent_at_ms();

    // Validate every envelope before applying anything: a malformed request changes nothing.
    std::vector<IncomingOperation> ops;
    ops.reserve(static_cast<std::size_t>(request->operations_size()));
    for (int i = 0; i < request->operations_size(); ++i) {
        const v1::Operation& in = request->operations(i);
        const std::string at = "operations[" + std::to_string(i) + "].";
        IncomingOperation op;
        if (auto s = checkUuid(in.op_id(), at + "op_id"); !s)
            return toGrpcStatus(context, s.error());
        auto type = entityTypeFromWire(in.entity_type());
        if (!type) {
            return toGrpcStatus(context,
                                invalid(at + "entity_type",
                                        "unknown entity_type " + std::to_string(in.entity_type())));
        }
        if (!isClientWritable(*type)) {
            return toGrpcStatus(
                context, invalid(at + "entity_type", std::string(entityTypeName(*type)) +
                                                         " records are maintained by the server"));
        }
        if (auto s = checkUuid(in.entity_id(), at + "entity_id"); !s) {
            return toGrpcStatus(context, s.error());
        }
        auto kind = opKindFromWire(in.kind());
        if (!kind) {
            return toGrpcStatus(context,
                                invalid(at + "kind", "unknown kind " + std::to_string(in.kind())));
        }
        if (in.payload().size() > limits_.maxPayloadBytes) {
            return toGrpcStatus(
                context,
                invalid(at + "payload", "payload is larger than " +
                                            std::to_string(limits_.maxPayloadBytes) + " bytes"));
        }
        if (!domain::isValidUtf8(in.payload())) {
            return toGrpcStatus(context, invalid(at + "payload", "payload is not valid UTF-8"));
        }
        if (*kind != OpKind::Delete || !in.payload().empty()) {
            auto parsed = nlohmann::json::parse(in.payload(), nullptr, false);
            if (parsed.is_discarded() || !parsed.is_object()) {
                return toGrpcStatus(context,
                                    invalid(at + "payload", "payload is not a JSON object"));
            }
        }
        auto hlc = HlcTimestamp::parse(in.hlc());
        if (!hlc || hlc->millis < kEarliestMillis || hlc->millis > latest) {
            return toGrpcStatus(context, invalid(at + "hlc",
                                                 "hlc is malformed or outside the accepted "
                                                 "range; check the device clock"));
        }
        if (in.device_time_ms() < kEarliestMillis || in.device_time_ms() > latest) {
            return toGrpcStatus(context, invalid(at + "device_time_ms",
                                                 "device_time_ms is outside the accepted range"));
        }
        if (in.base_version() < 0) {
            return toGrpcStatus(context,
                                invalid(at + "base_version", "base_version must not be negative"));
        }
        op.opId = in.op_id();
        op.type = *type;
        op.entityId = in.entity_id();
        op.kind = *kind;
        op.payload = in.payload();
        op.hlc = in.hlc();
        op.deviceTimeMillis = in.device_time_ms();
        op.baseVersion = in.base_version();
        ops.push_back(std::move(op));
    }

    {
        auto uow = deps_.store.begin(AccessMode::ReadWrite);
        if (!uow)
            return toGrpcStatus(context, uow.error());
        DeviceRecord device = who->caller.device;
        device.lastSeenAtMillis = now;
        device.lastClockSkewMillis = skew;
        if (auto s = (*uow)->updateDevice(device); !s)
            return toGrpcStatus(context, s.error());
        if (auto s = (*uow)->commit(); !s)
            return toGrpcStatus(context, s.error());
    }

    const auto results =
        processor_.applyBatch(who->caller, ops, skew, [context] { return context->IsCancelled(); });
    recordRefusedWrites(deps_, context, who->caller, ops, results);
    for (const OperationResultValue& r : results) {
        v1::OperationResult* out = response->add_results();
        out->set_op_id(r.opId);
        switch (r.result) {
            case OpResultKind::Accepted:
                out->set_result(v1::OP_RESULT_ACCEPTED);
                break;
            case OpResultKind::AcceptedWithConflict:
                out->set_result(v1::OP_RESULT_ACCEPTED_WITH_CONFLICT);
                break;
            case OpResultKind::Rejected:
                out->set_result(v1::OP_RESULT_REJECTED);
                break;
            case OpResultKind::RetryLater:
                out->set_result(v1::OP_RESULT_RETRY_LATER);
                break;
        }
        out->set_reason_code(r.reasonCode);
        out->set_field(r.field);
        out->set_message(r.message);
        out->set_version(r.version);
        out->set_replayed(r.replayed);
    }
    response->set_server_time_ms(deps_.clock.nowMillis());
    return grpc::Status::OK;
}

grpc::Status SyncServiceImpl::Download(grpc::ServerContext* context,
                                       const v1::DownloadRequest* request,
                                       grpc::ServerWriter<v1::DownloadResponse>* writer) {
    auto who = auth_.authenticate(context);
    if (!who)
        return refuseToken(deps_, context, who);
    if (who->deviceRevoked) {
        v1::DownloadResponse wipe;
        wipe.mutable_wipe()->set_reason("this device was revoked by an administrator");
        wipe.set_complete(true);
        wipe.set_server_time_ms(deps_.clock.nowMillis());
        writer->Write(wipe);
        return grpc::Status::OK;
    }
    if (request->protocol_version() != kProtocolVersion) {
        return protocolMismatch(context, request->protocol_version());
    }
    auto checkpoint = decodeCheckpoint(request->checkpoint());
    if (!checkpoint)
        return toGrpcStatus(context, checkpoint.error());
    const std::uint32_t pageSize = request->page_size() == 0
                                       ? limits_.defaultPageSize
                                       : std::min(request->page_size(), limits_.maxPageSize);
    const auto started = std::chrono::steady_clock::now();

    // The caller's scope now.
    std::vector<std::string> scope;
    {
        auto uow = deps_.store.begin(AccessMode::ReadOnly);
        if (!uow)
            return toGrpcStatus(context, uow.error());
        const UserRecord& user = who->caller.user;
        Result<std::vector<std::string>> partitions = std::vector<std::string>{};
        if (user.role == Role::Admin) {
            partitions = (*uow)->partitionsWithPrefix("project/");
        } else if (user.role == Role::Supervisor || user.role == Role::Officer) {
            partitions = (*uow)->grantedPartitions(user.id);
        }
        if (!partitions)
            return toGrpcStatus(context, partitions.error());
        scope = std::move(*partitions);
    }
    std::sort(scope.begin(), scope.end());

    // The derived records of the people in scope must be current before they are read: those
    // still queued since an upload are recomputed now (usually none; the worker is quick).
    std::vector<std::string> people;
    for (const auto& partition : scope) {
        if (partition.starts_with(kPersonPartitionPrefix))
            people.push_back(partition.substr(kPersonPartitionPrefix.size()));
    }
    if (!people.empty()) {
        if (auto drained = queue_.drainPeople(people); !drained)
            return toGrpcStatus(context, drained.error());
    }

    Checkpoint cursor = std::move(*checkpoint);
    // Whose records this download sends (person records, and the records of person
    // partitions), recorded as person_downloaded security events when it ends.
    std::map<std::string, int> peopleSent;
    v1::DownloadResponse pending;
    std::size_t pendingChanges = 0;
    // Bodies may be up to maxPayloadBytes each: a message also ends once it holds half the
    // message limit, so a page of large records never exceeds what the client accepts.
    std::size_t pendingBytes = 0;
    const std::size_t byteBudget = static_cast<std::size_t>(limits_.maxMessageBytes) / 2;
    auto flush = [&](bool complete) {
        pending.set_checkpoint(encodeCheckpoint(cursor));
        pending.set_complete(complete);
        pending.set_server_time_ms(deps_.clock.nowMillis());
        const bool ok = writer->Write(pending);
        pending.Clear();
        pendingChanges = 0;
        pendingBytes = 0;
        return ok;
    };

    // Partitions that left the scope are purged first.
    for (auto it = cursor.partitions.begin(); it != cursor.partitions.end();) {
        if (std::binary_search(scope.begin(), scope.end(), it->first)) {
            ++it;
            continue;
        }
        pending.add_purged_partitions(it->first);
        it = cursor.partitions.erase(it);
        if (pending.purged_partitions_size() >= 500 && !flush(false)) {
            return grpc::Status(grpc::StatusCode::CANCELLED, "client went away");
        }
    }
    // Repairs start the partition again from nothing.
    std::set<std::string> resets;
    for (const auto& p : request->repair_partitions()) {
        if (std::binary_search(scope.begin(), scope.end(), p) && cursor.partitions.count(p) != 0) {
            resets.insert(p);
        }
    }

    for (const auto& partition : scope) {
        auto known = cursor.partitions.find(partition);
        std::int64_t since = known == cursor.partitions.end() ? 0 : known->second;
        if (resets.count(partition) != 0) {
            since = 0;
            pending.add_reset_partitions(partition);
        }
        cursor.partitions[partition] = since;
        for (;;) {
            if (context->IsCancelled()) {
                return grpc::Status(grpc::StatusCode::CANCELLED, "the client cancelled");
            }
            if (std::chrono::steady_clock::now() - started > limits_.maxDownloadDuration) {
                // Bounded server time: the client resumes from the last checkpoint.
                flush(false);
                recordPeopleDownloaded(deps_, context, who->caller, peopleSent);
                return grpc::Status::OK;
            }
            std::size_t room = pageSize > pendingChanges && pendingBytes < byteBudget
                                   ? pageSize - pendingChanges
                                   : 0;
            if (room == 0) {
                if (!flush(false))
                    return grpc::Status(grpc::StatusCode::CANCELLED, "gone");
                room = pageSize;
            }
            // One snapshot for the page and, if it is the last page, the checksum.
            auto uow = deps_.store.begin(AccessMode::ReadOnly);
            if (!uow)
                return toGrpcStatus(context, uow.error());
            auto rows = (*uow)->changesSince(partition, since, room + 1);
            if (!rows)
                return toGrpcStatus(context, rows.error());
            bool last = rows->size() <= room;
            std::size_t take = std::min(rows->size(), room);
            for (std::size_t i = 0; i < take; ++i) {
                const ChangeRow& row = (*rows)[i];
                v1::Change* change = pending.add_changes();
                change->set_partition(partition);
                auto type = parseEntityType(row.entry.entityType);
                change->set_entity_type(type ? static_cast<v1::EntityType>(*type)
                                             : v1::ENTITY_TYPE_UNSPECIFIED);
                change->set_entity_id(row.entry.entityId);
                change->set_version(row.entry.version);
                change->set_removed(row.entry.removed);
                if (!row.entry.removed)
                    change->set_body_json(row.bodyJson);
                if (partition.starts_with(kPersonPartitionPrefix)) {
                    peopleSent[partition.substr(kPersonPartitionPrefix.size())] += 1;
                } else if (row.entry.entityType == "person" && !row.entry.removed) {
                    peopleSent[row.entry.entityId] += 1;
                }
                since = row.entry.seq;
                pendingBytes += row.bodyJson.size() + row.entry.entityId.size() + 64;
                if (pendingBytes >= byteBudget && i + 1 < take) {
                    take = i + 1;  // the rest go in the next message
                    last = false;
                    break;
                }
            }
            pendingChanges += take;
            cursor.partitions[partition] = since;
            if (last) {
                auto summary = (*uow)->partitionSummary(partition);
                if (!summary)
                    return toGrpcStatus(context, summary.error());
                v1::PartitionChecksum* sum = pending.add_checksums();
                sum->set_partition(partition);
                sum->set_checksum(*summary ? (*summary)->checksum : 0);
                sum->set_count(*summary ? static_cast<std::uint64_t>((*summary)->count) : 0);
                // Checksum-only entries are small; cap them per message too.
                if (pending.checksums_size() >= 500 && !flush(false)) {
                    return grpc::Status(grpc::StatusCode::CANCELLED, "gone");
                }
                break;
            }
        }
    }
    flush(true);
    recordPeopleDownloaded(deps_, context, who->caller, peopleSent);
    return grpc::Status::OK;
}

// ---------------------------------------------------------------- ReferenceService

grpc::Status ReferenceServiceImpl::GetReferenceData(grpc::ServerContext* context,
                                                    const v1::ReferenceDataRequest* request,
                                                    v1::ReferenceData* response) {
    auto who = auth_.authenticate(context);
    if (!who)
        return who.refusal(context);
    if (who->deviceRevoked)
        return deviceRevokedStatus(context);

    for (auto code : domain::allValues<domain::OutcomeCode>()) {
        v1::OutcomeCode* out = response->add_outcome_codes();
        out->set_code(std::string(domain::wireText(code)));
        out->set_description(std::string(domain::label(code)));
        out->set_attended(domain::isAttended(code));
        out->set_enforceable(domain::isEnforceable(code));
        out->set_supervisor_may_record(domain::mayRecordOutcome(domain::Role::Supervisor, code));
        out->set_admin_may_record(domain::mayRecordOutcome(domain::Role::Admin, code));
    }
    for (auto skill : domain::allValues<domain::Skill>()) {
        v1::Skill* out = response->add_skills();
        out->set_code(std::string(domain::wireText(skill)));
        out->set_label(std::string(domain::label(skill)));
    }
    for (auto level : domain::allValues<domain::SkillLevel>()) {
        response->add_skill_levels(std::string(domain::wireText(level)));
    }
    for (auto category : domain::allValues<domain::WorkCategory>()) {
        response->add_work_categories(std::string(domain::wireText(category)));
    }
    const domain::Policy policy = domain::Policy::defaults();
    auto addPolicy = [&](const std::string& key, const auto& value) {
        for (const auto& entry : value.history()) {
            v1::PolicyValue* out = response->add_policy_values();
            out->set_key(key);
            out->set_value(std::to_string(entry.value));
            out->set_effective_from(entry.effective_from.toString());
        }
    };
    addPolicy("ete_allowance_percent", policy.ete_allowance_percent);
    addPolicy("enforcement_respond_by_days", policy.enforcement_respond_by_days);
    addPolicy("overdue_outcome_after_days", policy.overdue_outcome_after_days);
    addPolicy("warning_window_months", policy.warning_window_months);
    addPolicy("case_note_max_chars", policy.case_note_max_chars);
    addPolicy("clock_skew_allowance_minutes", policy.clock_skew_allowance_minutes);
    // Device privacy: the offline period, its grace and warning, the background lock.
    addPolicy("max_offline_days", policy.max_offline_days);
    addPolicy("offline_shred_grace_days", policy.offline_shred_grace_days);
    addPolicy("offline_warning_days", policy.offline_warning_days);
    addPolicy("background_lock_seconds", policy.background_lock_seconds);
    // The RO inbox's due dates, as the reconciler applies them (reconcile_policy.h).
    const reconcile::ReconcilePolicy inbox = reconcile::ReconcilePolicy::defaults();
    addPolicy("feedback_due_days", inbox.feedback_due_days);
    addPolicy("review_notice_days", inbox.review_notice_days);
    addPolicy("conflict_respond_by_days", inbox.conflict_respond_by_days);
    addPolicy("alert_respond_by_days", inbox.alert_respond_by_days);

    // The version is a hash of the content, so clients can ask "has anything changed?".
    std::string content;
    response->SerializeToString(&content);
    const std::string version = TokenService::hashRefreshToken(content).substr(0, 16);
    if (request->known_version() == version) {
        response->Clear();
        response->set_unchanged(true);
    }
    response->set_version(version);
    return grpc::Status::OK;
}

}  // namespace sitebook::server
