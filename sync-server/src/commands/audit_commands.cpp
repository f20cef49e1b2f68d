// `sitebook-server audit verify` and `audit export`: the tamper-evident audit log
// (audit/audit_chain.h, docs/SECURITY.md) checked and written out for an investigation.

#include <filesystem>
#include <sstream>

#include "commands/command_support.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/server/audit/audit_chain.h"
#include "sitebook/server/file_util.h"

namespace sitebook::server {

namespace {

const std::string kVerifyUsage =
    "usage: sitebook-server audit verify [--data-dir DIR]\n"
    "\n"
    "Walks the audit log's hash chain from the first entry to the last and names the first\n"
    "broken link: an entry changed, entries reordered, or entries deleted outside the server.\n"
    "Prints the number of entries and the last entry's hash; keep that hash somewhere else\n"
    "(a ticket, a notebook) to show later that no entry before it was rewritten.\n"
    "Exit status 0 when the chain is intact, 1 when it is broken.\n"
    "\n" +
    kDataDirOptionHelp;

int runAuditVerify(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kVerifyUsage;
        return kExitOk;
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    auto report = verifyAuditChain(**store);
    if (!report)
        return failCommand(ctx.err, report.error());
    if (report->broken) {
        ctx.out << "audit chain BROKEN at entry " << report->broken->seq << ": "
                << auditBreakName(report->broken->kind) << " (" << report->broken->detail << ")\n"
                << "entries before it are intact: " << report->entries << "\n";
        return kExitFailure;
    }
    ctx.out << "audit chain intact: " << report->entries << " entries";
    if (report->entries > 0)
        ctx.out << ", last entry " << report->lastSeq << " hash " << report->headHash;
    ctx.out << "\n";
    return kExitOk;
}

const std::string kExportUsage =
    "usage: sitebook-server audit export (--person ID | --user NAME | --from DATE --to DATE)\n"
    "                                    [--format csv|json] [--out FILE] [--data-dir DIR]\n"
    "\n"
    "Writes the audit entries an investigation asks for, oldest first, with their chain\n"
    "hashes: record changes, sign-ins and their failures, refusals, device events and\n"
    "which user downloaded which person's records. Criteria combine (all must hold).\n"
    "\n"
    "  --person ID        the person and every record of theirs (appointments, outcomes,\n"
    "                     case notes, decisions), and who downloaded them\n"
    "  --user NAME        what this user did (sign-in name)\n"
    "  --from DATE        from this day (YYYY-MM-DD, UTC), inclusive\n"
    "  --to DATE          to this day (YYYY-MM-DD, UTC), inclusive\n"
    "  --format F         csv (default) or json\n"
    "  --out FILE         write to FILE (created with mode 0600; an existing file is kept)\n"
    "                     instead of standard output\n" +
    kDataDirOptionHelp;

Error usage(std::string message, std::string field) {
    return makeError(ErrorCode::InvalidArgument, std::move(message), std::move(field));
}

Result<UnixMillis> dayStart(const std::string& text, const std::string& field) {
    auto date = domain::CivilDate::parse(text);
    if (!date || date->toString() != text)
        return usage("must be a date like 2026-03-01", field);
    return date->dayNumber() * 86'400'000;
}

int runAuditExport(CommandContext& ctx) {
    auto args = parseArgs(ctx.args,
                          {"--data-dir", "--database", "--db-pool-size", "--person", "--user",
                           "--from", "--to", "--format", "--out"},
                          {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kExportUsage;
        return kExitOk;
    }
    if (!args->positional.empty()) {
        return failCommand(
            ctx.err,
            usage("unexpected argument '" + args->positional.front() + "' (see --help)", ""));
    }
    AuditQuery query;
    if (auto person = args->value("--person")) {
        if (!Uuid::isValid(*person))
            return failCommand(ctx.err, usage("must be a person's id (a UUID)", "--person"));
        query.personId = *person;
    }
    if (auto from = args->value("--from")) {
        auto millis = dayStart(*from, "--from");
        if (!millis)
            return failCommand(ctx.err, millis.error());
        query.fromMillis = *millis;
    }
    if (auto to = args->value("--to")) {
        auto millis = dayStart(*to, "--to");
        if (!millis)
            return failCommand(ctx.err, millis.error());
        query.toMillis = *millis + 86'400'000;  // the whole day
    }
    if (query.fromMillis && query.toMillis && *query.fromMillis >= *query.toMillis)
        return failCommand(ctx.err, usage("must not be after --to", "--from"));
    const auto user = args->value("--user");
    if (user && user->empty())
        return failCommand(ctx.err, usage("give a sign-in name", "--user"));
    if (!query.personId && !user && !query.fromMillis && !query.toMillis) {
        return failCommand(ctx.err,
                           usage("say what to export: --person ID, --user NAME or --from DATE "
                                 "--to DATE (see --help)",
                                 ""));
    }
    const std::string formatText = args->value("--format").value_or("csv");
    if (formatText != "csv" && formatText != "json")
        return failCommand(ctx.err, usage("must be csv or json", "--format"));
    const auto format = formatText == "csv" ? AuditExportFormat::Csv : AuditExportFormat::Json;
    const auto outPath = args->value("--out");
    if (outPath && (outPath->empty() || std::filesystem::exists(*outPath))) {
        return failCommand(ctx.err,
                           usage(outPath->empty() ? "give a file name"
                                                  : *outPath + " already exists; choose a new file",
                                 "--out"));
    }

    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    if (user) {
        auto uow = (*store)->begin(AccessMode::ReadOnly);
        if (!uow)
            return failCommand(ctx.err, uow.error());
        auto found = (*uow)->findUserByName(*user);
        if (!found)
            return failCommand(ctx.err, found.error());
        if (!*found)
            return failCommand(ctx.err, usage("no user is called '" + *user + "'", "--user"));
        query.userId = (*found)->id;
    }
    std::ostringstream buffer;
    auto count = exportAudit(**store, query, format, outPath ? buffer : ctx.out);
    if (!count)
        return failCommand(ctx.err, count.error());
    if (outPath) {
        if (auto written = writeFileAtomically(*outPath, buffer.str(), true); !written)
            return failCommand(ctx.err, written.error());
        ctx.out << "exported " << *count << " audit entries to " << *outPath << "\n";
    } else {
        ctx.err << "exported " << *count << " audit entries\n";
    }
    return kExitOk;
}

}  // namespace

void addAuditCommands(CommandTable& table) {
    table.add({"audit verify", "check the audit log's hash chain; name the first broken link",
               kVerifyUsage, runAuditVerify});
    table.add({"audit export", "write audit entries for a person, a user or dates (CSV/JSON)",
               kExportUsage, runAuditExport});
}

}  // namespace sitebook::server
