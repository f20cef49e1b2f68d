#pragma once
// The tamper-evident audit log (docs/SECURITY.md, "Audit chain"). Every entry carries the
// SHA-256 of the entry before it and its own SHA-256 over a canonical encoding of every field,
// so an entry changed, reordered or deleted outside the server shows as a broken link. Both
// backends compute the hashes with these functions, inside the transaction that appends the
// entry; appends are serialised by the audit sequence counter row (see store.h).

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sitebook/common/result.h"
#include "sitebook/server/store/store.h"

namespace sitebook::server {

// The previous-entry hash of the first entry: 64 zeros.
extern const std::string kAuditGenesisHash;

// The canonical encoding of `entry` as chained after `prevHash`: a version tag, then every
// field in a fixed order, each as a presence byte and a length-prefixed (8-byte big-endian)
// value; integers in decimal. entryHash is not part of it.
std::string canonicalAuditEncoding(const AuditEntry& entry, const std::string& prevHash);
// Hex SHA-256 of the canonical encoding.
std::string auditEntryHash(const AuditEntry& entry, const std::string& prevHash);

enum class AuditBreak { Changed, Reordered, Deleted };
std::string_view auditBreakName(AuditBreak kind);

struct AuditChainReport {
    std::int64_t entries = 0;
    std::int64_t lastSeq = 0;
    std::string headHash;  // entry hash of the last entry walked
    // The first broken link, if any.
    struct Broken {
        std::int64_t seq = 0;
        AuditBreak kind = AuditBreak::Changed;
        std::string detail;
    };
    std::optional<Broken> broken;
};

// Walks the whole chain in sequence order and stops at the first broken link.
Result<AuditChainReport> verifyAuditChain(Store& store, std::size_t pageSize = 1000);

enum class AuditExportFormat { Csv, Json };
// Writes the selected entries in sequence order; returns how many.
Result<std::int64_t> exportAudit(Store& store, const AuditQuery& query, AuditExportFormat format,
                                 std::ostream& out);

}  // namespace sitebook::server
