#include "sitebook/server/audit/audit_chain.h"

#include <sodium.h>

#include <map>
#include <nlohmann/json.hpp>

#include "sitebook/common/secret.h"

namespace sitebook::server {

const std::string kAuditGenesisHash(64, '0');

namespace {

void appendField(std::string& out, const std::optional<std::string>& value) {
    out += value ? '\x01' : '\x00';
    const std::uint64_t size = value ? value->size() : 0;
    for (int shift = 56; shift >= 0; shift -= 8)
        out += static_cast<char>((size >> shift) & 0xff);
    if (value)
        out += *value;
}
void appendField(std::string& out, const std::string& value) {
    appendField(out, std::optional<std::string>(value));
}
void appendField(std::string& out, std::optional<std::int64_t> value) {
    appendField(out, value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt);
}

}  // namespace

std::string canonicalAuditEncoding(const AuditEntry& e, const std::string& prevHash) {
    std::string out = "sitebook-audit-v1";
    appendField(out, std::optional<std::int64_t>(e.seq));
    appendField(out, e.userId);
    appendField(out, e.deviceId);
    appendField(out, e.opId);
    appendField(out, e.action);
    appendField(out, e.entityType);
    appendField(out, e.entityId);
    appendField(out, e.deviceTimeMillis);
    appendField(out, std::optional<std::int64_t>(e.serverTimeMillis));
    appendField(out, e.clockSkewMillis);
    appendField(out, e.before);
    appendField(out, e.after);
    appendField(out, e.clientAddress);
    appendField(out, prevHash);
    return out;
}

std::string auditEntryHash(const AuditEntry& entry, const std::string& prevHash) {
    const std::string encoded = canonicalAuditEncoding(entry, prevHash);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(encoded.data()),
                       encoded.size());
    return toHex(digest);
}

std::string_view auditBreakName(AuditBreak kind) {
    switch (kind) {
        case AuditBreak::Changed:
            return "changed";
        case AuditBreak::Reordered:
            return "reordered";
        case AuditBreak::Deleted:
            return "deleted";
    }
    return "changed";
}

namespace {

// The seq of the entry whose stored hash is `hash`, if any (a second walk, only once a link
// is found broken).
Result<std::optional<std::int64_t>> findEntryWithHash(UnitOfWork& uow, const std::string& hash,
                                                      std::size_t pageSize) {
    std::int64_t after = 0;
    for (;;) {
        auto page = uow.auditPage(after, pageSize);
        if (!page)
            return page.error();
        for (const auto& e : *page) {
            if (e.entryHash == hash)
                return std::optional<std::int64_t>(e.seq);
        }
        if (page->size() < pageSize)
            return std::optional<std::int64_t>();
        after = page->back().seq;
    }
}

}  // namespace

Result<AuditChainReport> verifyAuditChain(Store& store, std::size_t pageSize) {
    // One snapshot for the whole walk: entries appended meanwhile are not half-seen.
    auto uow = store.begin(AccessMode::ReadOnly);
    if (!uow)
        return uow.error();
    AuditChainReport report;
    std::string prevHash = kAuditGenesisHash;
    std::int64_t expected = 1;
    auto broken = [&](std::int64_t seq, AuditBreak kind, std::string detail) {
        report.broken = AuditChainReport::Broken{seq, kind, std::move(detail)};
        return report;
    };
    std::int64_t after = 0;
    for (;;) {
        auto page = (*uow)->auditPage(after, pageSize);
        if (!page)
            return page.error();
        for (const AuditEntry& e : *page) {
            if (e.seq != expected) {
                return broken(expected, AuditBreak::Deleted,
                              e.seq == expected + 1
                                  ? "entry " + std::to_string(expected) + " is missing"
                                  : "entries " + std::to_string(expected) + " to " +
                                        std::to_string(e.seq - 1) + " are missing");
            }
            if (e.prevHash != prevHash) {
                auto owner = findEntryWithHash(**uow, e.prevHash, pageSize);
                if (!owner)
                    return owner.error();
                if (*owner && **owner != e.seq - 1) {
                    return broken(e.seq, AuditBreak::Reordered,
                                  "it was written after entry " + std::to_string(**owner) +
                                      " but is stored after entry " + std::to_string(e.seq - 1));
                }
                return broken(e.seq, AuditBreak::Deleted,
                              "the entry it was written after is gone (deleted, or rewritten "
                              "with a new hash); entry " +
                                  std::to_string(e.seq - 1) + " is not it");
            }
            if (auditEntryHash(e, e.prevHash) != e.entryHash) {
                return broken(e.seq, AuditBreak::Changed,
                              "its fields no longer match the hash written with it");
            }
            prevHash = e.entryHash;
            report.entries += 1;
            report.lastSeq = e.seq;
            report.headHash = e.entryHash;
            expected = e.seq + 1;
        }
        if (page->size() < pageSize)
            break;
        after = page->back().seq;
    }
    auto issued = (*uow)->auditSequenceValue();
    if (!issued)
        return issued.error();
    if (*issued > report.lastSeq) {
        return broken(report.lastSeq + 1, AuditBreak::Deleted,
                      *issued == report.lastSeq + 1
                          ? "the last entry (" + std::to_string(*issued) + ") is missing"
                          : "the last entries (" + std::to_string(report.lastSeq + 1) + " to " +
                                std::to_string(*issued) + ") are missing");
    }
    return report;
}

namespace {

std::string isoTime(UnixMillis millis) {
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(((millis % 1000) + 1000) % 1000));
    return text;
}

std::string csvCell(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

// A JSON value for a before/after text: the parsed object when it is JSON, else the text.
nlohmann::json jsonOrText(const std::optional<std::string>& text) {
    if (!text)
        return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
}

}  // namespace

Result<std::int64_t> exportAudit(Store& store, const AuditQuery& query, AuditExportFormat format,
                                 std::ostream& out) {
    auto uow = store.begin(AccessMode::ReadOnly);
    if (!uow)
        return uow.error();
    std::map<std::string, std::string> usernames;
    auto username = [&](const std::string& id) -> Result<std::string> {
        if (id.empty())
            return std::string();
        if (auto it = usernames.find(id); it != usernames.end())
            return it->second;
        auto user = (*uow)->findUserById(id);
        if (!user)
            return user.error();
        return usernames[id] = *user ? (*user)->username : std::string();
    };
    static const char* kColumns[] = {"seq",       "server_time", "user_id",     "username",
                                     "device_id", "client",      "action",      "entity_type",
                                     "entity_id", "op_id",       "device_time", "clock_skew_ms",
                                     "before",    "after",       "prev_hash",   "entry_hash"};
    if (format == AuditExportFormat::Csv) {
        for (std::size_t i = 0; i < std::size(kColumns); ++i)
            out << (i == 0 ? "" : ",") << kColumns[i];
        out << "\r\n";
    } else {
        out << "[";
    }
    std::int64_t count = 0;
    std::int64_t after = 0;
    constexpr std::size_t kPage = 1000;
    for (;;) {
        auto page = (*uow)->findAudit(query, after, kPage);
        if (!page)
            return page.error();
        for (const AuditEntry& e : *page) {
            auto name = username(e.userId);
            if (!name)
                return name.error();
            const std::string deviceTime = e.deviceTimeMillis ? isoTime(*e.deviceTimeMillis) : "";
            if (format == AuditExportFormat::Csv) {
                const std::string cells[] = {
                    std::to_string(e.seq),
                    isoTime(e.serverTimeMillis),
                    e.userId,
                    *name,
                    e.deviceId,
                    e.clientAddress.value_or(""),
                    e.action,
                    e.entityType,
                    e.entityId,
                    e.opId,
                    deviceTime,
                    e.clockSkewMillis ? std::to_string(*e.clockSkewMillis) : "",
                    e.before.value_or(""),
                    e.after.value_or(""),
                    e.prevHash,
                    e.entryHash};
                for (std::size_t i = 0; i < std::size(cells); ++i)
                    out << (i == 0 ? "" : ",") << csvCell(cells[i]);
                out << "\r\n";
            } else {
                nlohmann::json j{
                    {"seq", e.seq},
                    {"server_time", isoTime(e.serverTimeMillis)},
                    {"user_id", e.userId},
                    {"username", *name},
                    {"device_id", e.deviceId},
                    {"client",
                     e.clientAddress ? nlohmann::json(*e.clientAddress) : nlohmann::json(nullptr)},
                    {"action", e.action},
                    {"entity_type", e.entityType},
                    {"entity_id", e.entityId},
                    {"op_id", e.opId},
                    {"device_time",
                     e.deviceTimeMillis ? nlohmann::json(deviceTime) : nlohmann::json(nullptr)},
                    {"clock_skew_ms", e.clockSkewMillis ? nlohmann::json(*e.clockSkewMillis)
                                                        : nlohmann::json(nullptr)},
                    {"before", jsonOrText(e.before)},
                    {"after", jsonOrText(e.after)},
                    {"prev_hash", e.prevHash},
                    {"entry_hash", e.entryHash}};
                out << (count == 0 ? "\n" : ",\n") << j.dump();
            }
            ++count;
        }
        if (page->size() < kPage)
            break;
        after = page->back().seq;
    }
    if (format == AuditExportFormat::Json)
        out << (count == 0 ? "]\n" : "\n]\n");
    return count;
}

}  // namespace sitebook::server
