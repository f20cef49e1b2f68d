// `import`: people, orders, projects, sessions and allocations from CSV files as an nDelius
// extract gives them (docs/IMPORT.md). Everything is parsed and validated first; any bad row
// means nothing is written. Then one transaction writes every record through EntityWriter and
// reconciles the people it touched.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "commands/command_support.h"
#include "sitebook/domain/json.h"
#include "sitebook/domain/policy.h"
#include "sitebook/domain/validation.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server {

namespace {

using nlohmann::json;

const std::string kImportUsage =
    "usage: sitebook-server import --from DIR [--data-dir DIR]\n"
    "\n"
    "Imports people.csv, orders.csv, projects.csv, sessions.csv and allocations.csv from DIR\n"
    "(each optional; columns in docs/IMPORT.md). Records are keyed by their nDelius keys\n"
    "(CRN, order reference, project code, session date and start), so importing a newer\n"
    "extract updates them in place. Every row is checked against the domain rules and the\n"
    "records it names; if any row is bad, each problem is reported as FILE:LINE: FIELD: RULE\n"
    "and nothing is written (exit status 1). Otherwise everything is written in one\n"
    "transaction and the people imported are reconciled.\n"
    "\n" +
    kDataDirOptionHelp + "  --from DIR         directory holding the CSV files\n";

struct Row {
    std::size_t line = 0;  // of the row's first character
    std::map<std::string, std::string> fields;
    const std::string& at(const std::string& column) const {
        static const std::string kEmpty;
        auto it = fields.find(column);
        return it == fields.end() ? kEmpty : it->second;
    }
};

struct Problem {
    std::string file;
    std::size_t line = 0;
    std::string field;
    std::string message;
};

// RFC 4180: comma-separated, fields optionally in double quotes ("" inside quotes is a quote;
// quoted fields may span lines), CRLF or LF line ends, a header row naming the columns.
struct CsvFile {
    std::string name;
    std::vector<std::string> header;
    std::vector<Row> rows;
};

Result<CsvFile> parseCsv(const std::string& name, const std::string& text,
                         const std::vector<std::string>& required, std::vector<Problem>& problems) {
    CsvFile file;
    file.name = name;
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> lines;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    std::size_t line = 1;
    std::size_t recordLine = 1;
    auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(record.size() == 1 && record[0].empty())) {  // skip blank lines
            records.push_back(std::move(record));
            lines.push_back(recordLine);
        }
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        problems.push_back({name, recordLine, "", "a quoted field is not closed"});
        return file;
    }
    if (!field.empty() || !record.empty())
        endRecord();
    if (records.empty()) {
        problems.push_back({name, 1, "", "the file has no header row"});
        return file;
    }
    file.header = records[0];
    for (auto& h : file.header) {
        h.erase(0, h.find_first_not_of(" \t\xEF\xBB\xBF"));  // BOM and padding
        h.erase(h.find_last_not_of(" \t") + 1);
    }
    bool headerOk = true;
    for (const auto& column : required) {
        if (std::find(file.header.begin(), file.header.end(), column) == file.header.end()) {
            problems.push_back({name, 1, column, "required column is missing"});
            headerOk = false;
        }
    }
    if (!headerOk)
        return file;
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != file.header.size()) {
            problems.push_back({name, lines[r], "",
                                "has " + std::to_string(records[r].size()) +
                                    " fields; the header has " +
                                    std::to_string(file.header.size())});
            continue;
        }
        Row row;
        row.line = lines[r];
        for (std::size_t c = 0; c < file.header.size(); ++c)
            row.fields[file.header[c]] = records[r][c];
        file.rows.push_back(std::move(row));
    }
    return file;
}

std::string trim(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ';')) {
        part = trim(part);
        if (!part.empty())
            out.push_back(part);
    }
    return out;
}

std::optional<bool> parseBool(const std::string& text) {
    const std::string t = trim(text);
    if (t.empty() || t == "N" || t == "n" || t == "false" || t == "0" || t == "No")
        return false;
    if (t == "Y" || t == "y" || t == "true" || t == "1" || t == "Yes")
        return true;
    return std::nullopt;
}

// Ids from natural keys.
std::string personId(const std::string& crn) {
    return nameBasedId("sitebook.import.person\n" + crn);
}
std::string orderId(const std::string& crn, const std::string& ref) {
    return nameBasedId("sitebook.import.order\n" + crn + "\n" + ref);
}
std::string projectId(const std::string& code) {
    return nameBasedId("sitebook.import.project\n" + code);
}
std::string sessionId(const std::string& projectCode, const std::string& date,
                      const std::string& start) {
    return nameBasedId("sitebook.import.session\n" + projectCode + "\n" + date + "\n" + start);
}
std::string appointmentId(const std::string& crn, const std::string& session) {
    return nameBasedId("sitebook.import.appointment\n" + crn + "\n" + session);
}

struct Pending {
    EntityType type;
    std::string id;
    std::string body;
    std::string file;
    std::size_t line;
};

class Importer {
public:
    Importer(UnitOfWork& uow, std::vector<Problem>& problems) : uow_(uow), problems_(problems) {}

    void problem(const std::string& file, const Row& row, std::string field, std::string message) {
        problems_.push_back({file, row.line, std::move(field), std::move(message)});
    }

    // Reports an Error from a domain rule against the row; false if there was one.
    bool check(const std::string& file, const Row& row, const Status& status,
               const std::map<std::string, std::string>& columnOf = {}) {
        if (status)
            return true;
        std::string field = status.error().field;
        if (auto it = columnOf.find(field); it != columnOf.end())
            field = it->second;
        problem(file, row, field, status.error().message);
        return false;
    }

    std::optional<std::string> userOfRole(const std::string& file, const Row& row,
                                          const std::string& column, const std::string& username,
                                          Role role) {
        auto user = uow_.findUserByName(username);
        if (!user || !*user) {
            problem(file, row, column, "no user named '" + username + "'");
            return std::nullopt;
        }
        if ((*user)->role != role) {
            problem(file, row, column,
                    "user '" + username + "' is not a " + std::string(roleName(role)));
            return std::nullopt;
        }
        return (*user)->id;
    }

    bool exists(EntityType type, const std::string& id) {
        if (std::any_of(pending_.begin(), pending_.end(),
                        [&](const Pending& p) { return p.type == type && p.id == id; })) {
            return true;
        }
        auto found = uow_.findEntity(entityTypeName(type), id);
        return found && *found && !(*found)->deleted;
    }

    std::optional<domain::CivilDate> date(const std::string& file, const Row& row,
                                          const std::string& column) {
        auto d = domain::CivilDate::parse(trim(row.at(column)));
        if (!d)
            problem(file, row, column, "must be a date YYYY-MM-DD");
        return d;
    }
    std::optional<domain::TimeOfDay> time(const std::string& file, const Row& row,
                                          const std::string& column) {
        auto t = domain::TimeOfDay::parse(trim(row.at(column)));
        if (!t)
            problem(file, row, column, "must be a time HH:MM");
        return t;
    }

    void add(EntityType type, std::string id, std::string body, const std::string& file,
             const Row& row) {
        pending_.push_back({type, std::move(id), std::move(body), file, row.line});
    }

    void projects(const CsvFile& f) {
        for (const auto& row : f.rows) {
            domain::Project p;
            p.code = trim(row.at("code"));
            p.id = projectId(p.code);
            p.name = trim(row.at("name"));
            auto type = domain::parseEnum<domain::ProjectType>(trim(row.at("type")));
            if (!type) {
                problem(f.name, row, "type", "must be one of GROUP, INDIVIDUAL, INDUCTION, ETE");
                continue;
            }
            p.type = *type;
            p.location = trim(row.at("location"));
            p.beneficiary = trim(row.at("beneficiary"));
            auto hiVis = parseBool(row.at("hi_vis_required"));
            if (!hiVis) {
                problem(f.name, row, "hi_vis_required", "must be Y or N");
                continue;
            }
            p.hi_vis_required = *hiVis;
            bool ok = true;
            for (const auto& name : splitList(row.at("supervisors"))) {
                auto id = userOfRole(f.name, row, "supervisors", name, Role::Supervisor);
                ok &= id.has_value();
                if (id)
                    p.supervisor_ids.push_back(*id);
            }
            if (!ok || !check(f.name, row, domain::validateProject(p)))
                continue;
            add(EntityType::Project, p.id, domain::toJson(p), f.name, row);
        }
    }

    void sessions(const CsvFile& f) {
        for (const auto& row : f.rows) {
            const std::string code = trim(row.at("project_code"));
            auto d = date(f.name, row, "date");
            auto start = time(f.name, row, "start");
            auto end = time(f.name, row, "end");
            if (!d || !start || !end)
                continue;
            if (!exists(EntityType::Project, projectId(code))) {
                problem(f.name, row, "project_code", "no project with code '" + code + "'");
                continue;
            }
            domain::Session s{sessionId(code, d->toString(), start->toString()), projectId(code),
                              *d, *start, *end};
            if (!check(f.name, row, domain::validateSession(s)))
                continue;
            add(EntityType::Session, s.id, domain::toJson(s), f.name, row);
        }
    }

    void people(const CsvFile& f) {
        for (const auto& row : f.rows) {
            domain::Person p;
            p.crn = trim(row.at("crn"));
            p.id = personId(p.crn);
            p.forenames = trim(row.at("forenames"));
            p.surname = trim(row.at("surname"));
            auto dob = date(f.name, row, "date_of_birth");
            auto officer = userOfRole(f.name, row, "responsible_officer",
                                      trim(row.at("responsible_officer")), Role::Officer);
            auto restricted = parseBool(row.at("restricted_access"));
            if (!restricted)
                problem(f.name, row, "restricted_access", "must be Y or N");
            if (!dob || !officer || !restricted)
                continue;
            p.date_of_birth = *dob;
            p.responsible_officer_id = *officer;
            p.placement_flags = splitList(row.at("placement_flags"));
            p.restricted_access = *restricted;
            if (!check(f.name, row, domain::validatePerson(p),
                       {{"responsible_officer_id", "responsible_officer"}})) {
                continue;
            }
            add(EntityType::Person, p.id, domain::toJson(p), f.name, row);
            people_.insert(p.id);
        }
    }

    void orders(const CsvFile& f) {
        for (const auto& row : f.rows) {
            const std::string crn = trim(row.at("crn"));
            const std::string ref = trim(row.at("order_ref"));
            auto sentence = date(f.name, row, "sentence_date");
            const std::string hoursText = trim(row.at("required_hours"));
            char* end = nullptr;
            const double hours = std::strtod(hoursText.c_str(), &end);
            if (hoursText.empty() || *end != '\0') {
                problem(f.name, row, "required_hours", "must be a number of hours");
                continue;
            }
            if (!sentence)
                continue;
            if (ref.empty()) {
                problem(f.name, row, "order_ref", "is required");
                continue;
            }
            if (!exists(EntityType::Person, personId(crn))) {
                problem(f.name, row, "crn", "no person with CRN '" + crn + "'");
                continue;
            }
            domain::Order o;
            o.id = orderId(crn, ref);
            o.person_id = personId(crn);
            o.sentence_date = *sentence;
            o.required_minutes = static_cast<int>(std::lround(hours * 60));
            if (!check(f.name, row, domain::validateOrder(o, policy_),
                       {{"required_minutes", "required_hours"}})) {
                continue;
            }
            add(EntityType::Order, o.id, domain::toJson(o), f.name, row);
            people_.insert(o.person_id);
        }
    }

    void allocations(const CsvFile& f) {
        for (const auto& row : f.rows) {
            const std::string crn = trim(row.at("crn"));
            const std::string ref = trim(row.at("order_ref"));
            const std::string code = trim(row.at("project_code"));
            auto d = date(f.name, row, "session_date");
            auto sessionStart = time(f.name, row, "session_start");
            auto start = time(f.name, row, "scheduled_start");
            auto finish = time(f.name, row, "scheduled_end");
            if (!d || !sessionStart || !start || !finish)
                continue;
            const std::string session = sessionId(code, d->toString(), sessionStart->toString());
            bool ok = true;
            if (!exists(EntityType::Person, personId(crn))) {
                problem(f.name, row, "crn", "no person with CRN '" + crn + "'");
                ok = false;
            } else if (!exists(EntityType::Order, orderId(crn, ref))) {
                problem(f.name, row, "order_ref", "no order '" + ref + "' for CRN '" + crn + "'");
                ok = false;
            }
            if (!exists(EntityType::Session, session)) {
                problem(f.name, row, "session_date",
                        "no session of project '" + code + "' on " + d->toString() + " at " +
                            sessionStart->toString());
                ok = false;
            }
            if (!ok)
                continue;
            domain::Appointment a;
            a.id = appointmentId(crn, session);
            a.person_id = personId(crn);
            a.order_id = orderId(crn, ref);
            a.session_id = session;
            a.scheduled_start = *start;
            a.scheduled_end = *finish;
            if (!check(f.name, row, domain::validateAppointment(a)))
                continue;
            add(EntityType::Appointment, a.id, domain::toJson(a), f.name, row);
            people_.insert(a.person_id);
        }
    }

    // Writes every pending record; problems for records the store refuses.
    void write(const WriteContext& context) {
        for (const auto& p : pending_) {
            auto written = EntityWriter::put(uow_, p.type, p.id, p.body, context);
            if (!written) {
                problems_.push_back(
                    {p.file, p.line, written.error().field, written.error().message});
            } else if (written->changed) {
                ++written_;
            }
        }
    }

    std::size_t pendingCount() const { return pending_.size(); }
    std::size_t writtenCount() const { return written_; }
    std::vector<std::string> people() const { return {people_.begin(), people_.end()}; }

private:
    UnitOfWork& uow_;
    std::vector<Problem>& problems_;
    std::vector<Pending> pending_;
    std::set<std::string> people_;
    std::size_t written_ = 0;
    const domain::Policy policy_ = domain::Policy::defaults();
};

struct FileSpec {
    const char* name;
    std::vector<std::string> required;
    void (Importer::*load)(const CsvFile&);
};

int runImport(CommandContext& ctx) {
    auto args = parseArgs(ctx.args, {"--data-dir", "--database", "--db-pool-size", "--from"}, {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kImportUsage;
        return kExitOk;
    }
    auto from = args->value("--from");
    if (!from || !std::filesystem::is_directory(*from)) {
        return failCommand(ctx.err, makeError(ErrorCode::InvalidArgument,
                                              "must name a directory of CSV files", "--from"));
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());

    // In dependency order: later files may name records of earlier ones.
    const std::vector<FileSpec> specs = {
        {"projects.csv",
         {"code", "name", "type", "location", "beneficiary", "hi_vis_required", "supervisors"},
         &Importer::projects},
        {"sessions.csv", {"project_code", "date", "start", "end"}, &Importer::sessions},
        {"people.csv",
         {"crn", "forenames", "surname", "date_of_birth", "responsible_officer", "placement_flags",
          "restricted_access"},
         &Importer::people},
        {"orders.csv", {"crn", "order_ref", "sentence_date", "required_hours"}, &Importer::orders},
        {"allocations.csv",
         {"crn", "order_ref", "project_code", "session_date", "session_start", "scheduled_start",
          "scheduled_end"},
         &Importer::allocations},
    };

    auto uow = (*store)->begin(AccessMode::ReadWrite);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    std::vector<Problem> problems;
    Importer importer(**uow, problems);
    int files = 0;
    for (const auto& spec : specs) {
        const auto path = std::filesystem::path(*from) / spec.name;
        if (!std::filesystem::exists(path))
            continue;
        ++files;
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto csv = parseCsv(spec.name, text.str(), spec.required, problems);
        if (csv)
            (importer.*spec.load)(*csv);
    }
    if (files == 0) {
        return failCommand(ctx.err, makeError(ErrorCode::InvalidArgument,
                                              "holds none of projects.csv, sessions.csv, "
                                              "people.csv, orders.csv, allocations.csv",
                                              "--from"));
    }
    const UnixMillis now = ctx.clock.nowMillis();
    if (problems.empty())
        importer.write(WriteContext{now, "", ""});
    if (!problems.empty()) {
        for (const auto& p : problems) {
            ctx.err << p.file << ":" << p.line << ": " << (p.field.empty() ? "" : p.field + ": ")
                    << p.message << "\n";
        }
        ctx.err << "error: " << problems.size()
                << " problem(s) found; nothing was imported. Correct the rows and run the "
                   "import again.\n";
        return kExitFailure;  // the unit of work rolls back
    }
    auto reconciler = ctx.makeReconciler(ctx.clock);
    auto derived = reconciler->reconcilePeople(**uow, importer.people());
    if (!derived)
        return failCommand(ctx.err, derived.error());
    AuditEntry audit;
    audit.action = "import";
    audit.entityType = "import";
    audit.entityId = *from;
    audit.serverTimeMillis = now;
    audit.after =
        json{{"rows", importer.pendingCount()}, {"changed", importer.writtenCount()}}.dump();
    if (auto s = (*uow)->appendAudit(audit); !s)
        return failCommand(ctx.err, s.error());
    if (auto s = (*uow)->commit(); !s)
        return failCommand(ctx.err, s.error());
    ctx.out << "imported " << importer.pendingCount() << " rows (" << importer.writtenCount()
            << " records created or changed); " << *derived << " derived records updated\n";
    return kExitOk;
}

}  // namespace

void addImportCommand(CommandTable& table) {
    table.add({"import", "import people, orders, projects, sessions, allocations (CSV)",
               kImportUsage, runImport});
}

}  // namespace sitebook::server
