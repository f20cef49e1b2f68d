// Account administration: `sitebook-server user disable|enable|unlock|list|reset-password` and
// `device list|revoke`. Each change is audited; each refuses bad input with one line naming
// what to fix. Disabling a user, resetting a password and revoking a device end the sessions
// concerned at once (their access tokens are refused on the next call).

#include <unistd.h>

#include <ctime>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "commands/command_support.h"
#include "sitebook/server/auth/login_throttle.h"
#include "sitebook/server/commands.h"

namespace sitebook::server {

namespace {

Error usage(std::string message, std::string option) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(option));
}

// "2026-01-05 09:30 UTC"; "-" for none.
std::string timeText(std::optional<UnixMillis> at) {
    if (!at || *at <= 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(*at / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
    return text;
}

Status audit(UnitOfWork& uow, const std::string& action, const std::string& entityType,
             const std::string& entityId, UnixMillis now, const nlohmann::json& after) {
    AuditEntry entry;
    entry.action = action;
    entry.entityType = entityType;
    entry.entityId = entityId;
    entry.serverTimeMillis = now;
    entry.after = after.dump();
    auto seq = uow.appendAudit(entry);
    if (!seq)
        return seq.error();
    return okStatus();
}

// The user named by --username inside `uow`, or the error to print.
Result<UserRecord> namedUser(UnitOfWork& uow, const ParsedArgs& args) {
    auto username = args.value("--username");
    if (!username || username->empty())
        return usage("give the user's sign-in name", "--username");
    auto user = uow.findUserByName(*username);
    if (!user)
        return user.error();
    if (!*user) {
        return makeError(ErrorCode::NotFound,
                         "no user is called '" + *username + "' (see `user list`)", "--username");
    }
    return **user;
}

// Ends every session of every device of `userId`.
Status endUserSessions(UnitOfWork& uow, const std::string& userId, UnixMillis now) {
    auto devices = uow.listDevices(userId);
    if (!devices)
        return devices.error();
    for (const auto& device : *devices)
        SB_TRY(uow.revokeDeviceTokens(device.id, now));
    return okStatus();
}

// Opens the store, begins a write, runs `change` and commits; prints errors.
template <typename Change>
int changeAccounts(CommandContext& ctx, const ParsedArgs& args, Change change) {
    auto store = DataDir::fromArgs(args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    auto uow = (*store)->begin(AccessMode::ReadWrite);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    auto message = change(**uow, ctx.clock.nowMillis());
    if (!message)
        return failCommand(ctx.err, message.error());
    if (auto s = (*uow)->commit(); !s)
        return failCommand(ctx.err, s.error());
    ctx.out << *message << "\n";
    return kExitOk;
}

// ------------------------------------------------------------------ user disable | enable

const std::string kUserDisableUsage =
    "usage: sitebook-server user disable --username NAME [--reason TEXT] [--data-dir DIR]\n"
    "\n"
    "Disables a user: every session on every device of theirs ends at once, their next call\n"
    "is refused (PERMISSION_DENIED, `account_disabled`) and they cannot sign in until\n"
    "`user enable`. Their devices keep their data (revoke a lost device with `device revoke`).\n"
    "\n"
    "  --username NAME    the user's sign-in name\n"
    "  --reason TEXT      why, kept in the audit log\n" +
    kDataDirOptionHelp;

int runUserDisable(CommandContext& ctx) {
    auto args = parseArgs(
        ctx.args, {"--data-dir", "--database", "--db-pool-size", "--username", "--reason"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserDisableUsage;
        return kExitOk;
    }
    return changeAccounts(ctx, *args, [&](UnitOfWork& uow, UnixMillis now) -> Result<std::string> {
        auto user = namedUser(uow, *args);
        if (!user)
            return user.error();
        if (user->disabled) {
            return makeError(ErrorCode::AlreadyExists,
                             "'" + user->username + "' is already disabled", "--username");
        }
        user->disabled = true;
        SB_TRY(uow.updateUser(*user));
        SB_TRY(endUserSessions(uow, user->id, now));
        SB_TRY(audit(
            uow, "user_disabled", "user", user->id, now,
            {{"username", user->username}, {"reason", args->value("--reason").value_or("")}}));
        return "disabled " + user->username + "; their sessions have ended";
    });
}

const std::string kUserEnableUsage =
    "usage: sitebook-server user enable --username NAME [--data-dir DIR]\n"
    "\n"
    "Enables a disabled user again and lifts any sign-in lock on the account. They sign in\n"
    "again with their password.\n"
    "\n"
    "  --username NAME    the user's sign-in name\n" +
    kDataDirOptionHelp;

int runUserEnable(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--username"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserEnableUsage;
        return kExitOk;
    }
    return changeAccounts(ctx, *args, [&](UnitOfWork& uow, UnixMillis now) -> Result<std::string> {
        auto user = namedUser(uow, *args);
        if (!user)
            return user.error();
        if (!user->disabled) {
            return makeError(ErrorCode::AlreadyExists, "'" + user->username + "' is not disabled",
                             "--username");
        }
        user->disabled = false;
        SB_TRY(uow.updateUser(*user));
        SB_TRY(uow.clearLoginThrottle(accountThrottleSubject(user->username)));
        SB_TRY(audit(uow, "user_enabled", "user", user->id, now, {{"username", user->username}}));
        return "enabled " + user->username;
    });
}

// ------------------------------------------------------------------ user unlock

const std::string kUserUnlockUsage =
    "usage: sitebook-server user unlock --username NAME [--data-dir DIR]\n"
    "\n"
    "Lifts the sign-in lock that failed passwords put on an account (docs/SECURITY.md), so\n"
    "the user can try again at once. A lock on a client address ends by itself.\n"
    "\n"
    "  --username NAME    the user's sign-in name\n" +
    kDataDirOptionHelp;

int runUserUnlock(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--username"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserUnlockUsage;
        return kExitOk;
    }
    return changeAccounts(ctx, *args, [&](UnitOfWork& uow, UnixMillis now) -> Result<std::string> {
        auto user = namedUser(uow, *args);
        if (!user)
            return user.error();
        const std::string subject = accountThrottleSubject(user->username);
        auto throttle = uow.findLoginThrottle(subject);
        if (!throttle)
            return throttle.error();
        if (!*throttle || (*throttle)->lockedUntilMillis <= now) {
            return makeError(ErrorCode::NotFound, "'" + user->username + "' is not locked out",
                             "--username");
        }
        SB_TRY(uow.clearLoginThrottle(subject));
        SB_TRY(audit(
            uow, "user_unlocked", "user", user->id, now,
            {{"username", user->username}, {"locked_until_ms", (*throttle)->lockedUntilMillis}}));
        return "unlocked " + user->username;
    });
}

// ------------------------------------------------------------------ user reset-password

const std::string kUserResetPasswordUsage =
    "usage: sitebook-server user reset-password --username NAME [--data-dir DIR]\n"
    "\n"
    "Sets a new password, read from the first line of standard input (never from the command\n"
    "line; at least 12 characters). Every session of the user ends and any sign-in lock on\n"
    "the account is lifted.\n"
    "\n"
    "  --username NAME    the user's sign-in name\n" +
    kDataDirOptionHelp;

int runUserResetPassword(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--username"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserResetPasswordUsage;
        return kExitOk;
    }
    if (isatty(STDIN_FILENO))
        ctx.err << "new password: " << std::flush;
    std::string password;
    std::getline(ctx.in, password);
    if (!password.empty() && password.back() == '\r')
        password.pop_back();
    const int code =
        changeAccounts(ctx, *args, [&](UnitOfWork& uow, UnixMillis now) -> Result<std::string> {
            auto user = namedUser(uow, *args);
            if (!user)
                return user.error();
            if (password == user->username) {
                return makeError(ErrorCode::InvalidArgument,
                                 "the password must not be the username", "password");
            }
            auto hash = hashPassword(password, PasswordCost::interactive());
            if (!hash)
                return hash.error();
            user->passwordHash = *hash;
            SB_TRY(uow.updateUser(*user));
            SB_TRY(endUserSessions(uow, user->id, now));
            SB_TRY(uow.clearLoginThrottle(accountThrottleSubject(user->username)));
            SB_TRY(audit(uow, "password_reset", "user", user->id, now,
                         {{"username", user->username}}));
            return "new password set for " + user->username + "; their sessions have ended";
        });
    std::fill(password.begin(), password.end(), '\0');
    return code;
}

// ------------------------------------------------------------------ user list

const std::string kUserListUsage =
    "usage: sitebook-server user list [--data-dir DIR]\n"
    "\n"
    "Lists every user: sign-in name, role, state (active, disabled, or locked out until a\n"
    "time after failed passwords), devices in use, and display name.\n"
    "\n" +
    kDataDirOptionHelp;

int runUserList(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kUserListUsage;
        return kExitOk;
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    auto uow = (*store)->begin(AccessMode::ReadOnly);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    auto users = (*uow)->listUsers();
    if (!users)
        return failCommand(ctx.err, users.error());
    const UnixMillis now = ctx.clock.nowMillis();
    ctx.out << std::left << std::setw(20) << "USERNAME" << std::setw(12) << "ROLE" << std::setw(32)
            << "STATE" << std::setw(9) << "DEVICES"
            << "NAME\n";
    for (const auto& user : *users) {
        std::string state = user.disabled ? "disabled" : "active";
        auto throttle = (*uow)->findLoginThrottle(accountThrottleSubject(user.username));
        if (!throttle)
            return failCommand(ctx.err, throttle.error());
        if (!user.disabled && *throttle && (*throttle)->lockedUntilMillis > now)
            state = "locked until " + timeText((*throttle)->lockedUntilMillis);
        auto devices = (*uow)->listDevices(user.id);
        if (!devices)
            return failCommand(ctx.err, devices.error());
        int inUse = 0;
        for (const auto& d : *devices)
            inUse += d.revokedAtMillis ? 0 : 1;
        ctx.out << std::setw(20) << user.username << std::setw(12) << roleName(user.role)
                << std::setw(32) << state << std::setw(9) << inUse << user.displayName << "\n";
    }
    return kExitOk;
}

// ------------------------------------------------------------------ device list | revoke

const std::string kDeviceListUsage =
    "usage: sitebook-server device list [--username NAME] [--data-dir DIR]\n"
    "\n"
    "Lists devices (of one user, or all): id, owner, name, when it last reached the server,\n"
    "when it was revoked, and when the revoked device was told to wipe itself (its first\n"
    "contact after the revocation; '-' while it has not called since).\n"
    "\n"
    "  --username NAME    only this user's devices\n" +
    kDataDirOptionHelp;

int runDeviceList(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--username"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kDeviceListUsage;
        return kExitOk;
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    auto uow = (*store)->begin(AccessMode::ReadOnly);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    std::string userId;
    if (args->value("--username")) {
        auto user = namedUser(**uow, *args);
        if (!user)
            return failCommand(ctx.err, user.error());
        userId = user->id;
    }
    auto devices = (*uow)->listDevices(userId);
    if (!devices)
        return failCommand(ctx.err, devices.error());
    ctx.out << std::left << std::setw(38) << "DEVICE" << std::setw(20) << "OWNER" << std::setw(22)
            << "LAST SEEN" << std::setw(22) << "REVOKED" << std::setw(22) << "WIPED"
            << "NAME\n";
    for (const auto& d : *devices) {
        auto owner = (*uow)->findUserById(d.userId);
        if (!owner)
            return failCommand(ctx.err, owner.error());
        ctx.out << std::setw(38) << d.id << std::setw(20)
                << (*owner ? (*owner)->username : d.userId) << std::setw(22)
                << timeText(d.lastSeenAtMillis) << std::setw(22) << timeText(d.revokedAtMillis)
                << std::setw(22) << timeText(d.wipedAtMillis) << d.name << "\n";
    }
    return kExitOk;
}

const std::string kDeviceRevokeUsage =
    "usage: sitebook-server device revoke --device ID [--reason TEXT] [--data-dir DIR]\n"
    "\n"
    "Revokes a device (lost, stolen, or leaving service): its sessions end at once, every\n"
    "call from it is refused, and on its next contact it is told to delete all Sitebook data\n"
    "(`device list` shows when). Cannot be undone; the person signs in on another device.\n"
    "\n"
    "  --device ID        the device id (see `device list`)\n"
    "  --reason TEXT      why, kept in the audit log\n" +
    kDataDirOptionHelp;

int runDeviceRevoke(CommandContext& ctx) {
    auto args = parseArgs(
        ctx.args, {"--data-dir", "--database", "--db-pool-size", "--device", "--reason"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kDeviceRevokeUsage;
        return kExitOk;
    }
    const auto id = args->value("--device");
    if (!id || id->empty())
        return failCommand(ctx.err, usage("give the device id (see `device list`)", "--device"));
    return changeAccounts(ctx, *args, [&](UnitOfWork& uow, UnixMillis now) -> Result<std::string> {
        auto device = uow.findDevice(*id);
        if (!device)
            return device.error();
        if (!*device) {
            return makeError(ErrorCode::NotFound,
                             "no device has the id '" + *id + "' (see `device list`)", "--device");
        }
        DeviceRecord revoked = **device;
        if (revoked.revokedAtMillis) {
            return makeError(ErrorCode::AlreadyExists,
                             "the device was already revoked " + timeText(revoked.revokedAtMillis),
                             "--device");
        }
        revoked.revokedAtMillis = now;
        SB_TRY(uow.updateDevice(revoked));
        SB_TRY(uow.revokeDeviceTokens(revoked.id, now));
        SB_TRY(audit(uow, "device_revoked", "device", revoked.id, now,
                     {{"revoked_at_ms", now},
                      {"owner_user_id", revoked.userId},
                      {"reason", args->value("--reason").value_or("")}}));
        return "revoked device " + revoked.id + "; it wipes itself on its next contact";
    });
}

}  // namespace

void addAccountCommands(CommandTable& table) {
    table.add({"user disable", "disable a user and end their sessions", kUserDisableUsage,
               runUserDisable});
    table.add({"user enable", "enable a disabled user", kUserEnableUsage, runUserEnable});
    table.add({"user unlock", "lift a sign-in lock after failed passwords", kUserUnlockUsage,
               runUserUnlock});
    table.add({"user reset-password", "set a user's password (from stdin)", kUserResetPasswordUsage,
               runUserResetPassword});
    table.add({"user list", "list users and their state", kUserListUsage, runUserList});
    table.add({"device list", "list devices: owner, last seen, revoked, wiped", kDeviceListUsage,
               runDeviceList});
    table.add({"device revoke", "revoke a device; it wipes itself on its next contact",
               kDeviceRevokeUsage, runDeviceRevoke});
}

}  // namespace sitebook::server
