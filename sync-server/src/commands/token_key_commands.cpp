// `sitebook-server token-key rotate|list`: the access-token signing keys in the database
// (auth/token_keys.h; docs/SECURITY.md, "Token signing keys").

#include <ctime>
#include <ostream>
#include <string>

#include "command_support.h"
#include "sitebook/server/auth/token_keys.h"
#include "sitebook/server/commands.h"

namespace sitebook::server {

namespace {

// "2026-01-01 12:00:00 UTC".
std::string formatUtcMillis(UnixMillis millis) {
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &utc);
    return text;
}

const std::string kRotateUsage =
    "usage: sitebook-server token-key rotate [--revoke-previous] [--data-dir DIR]\n"
    "\n"
    "Adds a new access-token signing key; every server signs with it within 30 seconds.\n"
    "The keys it replaces still verify the tokens they signed until those expire (15\n"
    "minutes), so nobody notices. Audited as token_key_rotated.\n"
    "\n"
    "  --revoke-previous  a key may have leaked: delete the old keys now. Access tokens\n"
    "                     they signed are refused and devices refresh them (nobody has to\n"
    "                     sign in again).\n" +
    kDataDirOptionHelp;

const std::string kListUsage =
    "usage: sitebook-server token-key list [--data-dir DIR]\n"
    "\n"
    "Lists the access-token signing keys (ids and times, never the keys): the one that signs\n"
    "and the retired ones that still verify.\n"
    "\n" +
    kDataDirOptionHelp;

int runRotate(CommandContext& ctx) {
    auto args =
        parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {"--revoke-previous"});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kRotateUsage;
        return kExitOk;
    }
    const DataDir dir = DataDir::fromArgs(*args);
    auto store = dir.openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    // A deployment from before keys lived in the database: take its key in first, so that
    // the tokens it signed are retired like any other key's.
    if (auto setup = ensureTokenKey(**store, ctx.clock, ctx.random, dir.tokenKeyPath()); !setup)
        return failCommand(ctx.err, setup.error());
    auto rotation = rotateTokenKey(**store, ctx.clock, ctx.random, TokenPolicy{},
                                   args->has("--revoke-previous"));
    if (!rotation)
        return failCommand(ctx.err, rotation.error());
    ctx.out << "new signing key: " << rotation->newKeyId << "\n";
    for (const auto& id : rotation->retiredKeyIds) {
        ctx.out << "retired: " << id << " (verifies until "
                << formatUtcMillis(rotation->verifyUntilMillis) << ")\n";
    }
    for (const auto& id : rotation->deletedKeyIds)
        ctx.out << "deleted: " << id << "\n";
    return kExitOk;
}

int runList(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kListUsage;
        return kExitOk;
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    auto uow = (*store)->begin(AccessMode::ReadOnly);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    auto keys = (*uow)->tokenKeys();
    if (!keys)
        return failCommand(ctx.err, keys.error());
    if (keys->empty())
        ctx.out << "no keys yet: `serve` or `token-key rotate` makes the first\n";
    for (const auto& k : *keys) {
        ctx.out << k.keyId << "  created " << formatUtcMillis(k.createdAtMillis);
        if (!k.retiredAtMillis)
            ctx.out << "  signing";
        else if (k.verifyUntilMillis)
            ctx.out << "  retired, verifies until " << formatUtcMillis(*k.verifyUntilMillis);
        ctx.out << "\n";
    }
    return kExitOk;
}

}  // namespace

void addTokenKeyCommands(CommandTable& table) {
    table.add({"token-key rotate", "add a new token signing key; old ones verify until expiry",
               kRotateUsage, runRotate});
    table.add(
        {"token-key list", "list the token signing keys (ids and times)", kListUsage, runList});
}

}  // namespace sitebook::server
