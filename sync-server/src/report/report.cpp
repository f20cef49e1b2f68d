// `report`: management information from the reconciled records — per-order progress, the
// open RO items, and per-officer and region totals (hours delivered, feedback coverage,
// enforcement timeliness). Reads one consistent snapshot; writes nothing.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "commands/command_support.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/domain/codes.h"
#include "sitebook/domain/policy.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/derived/reconcile_queue.h"
#include "sitebook/server/sync/entity_types.h"
#include "sitebook/server/sync/entity_writer.h"

namespace sitebook::server {

namespace {

using nlohmann::json;

// Each officer-table measure and what it means, written once: `report --help` prints these
// words, docs/CLI.md ("What the numbers mean") repeats them, a test checks the two agree and
// recomputes every measure from the raw records by these words. "Outcome" is an
// appointment's recorded outcome, or the acceptable-absence code an absence_acceptable
// decision reclassified it as (as the reconciler reads it). Percentages have one decimal and
// are 100 when their denominator is 0.
struct Measure {
    const char* column;
    const char* meaning;
};
const std::vector<Measure> kMeasures{
    {"people", "people whose responsible officer is the officer"},
    {"orders", "their orders"},
    {"hours_required", "the orders' required hours after adjustments"},
    {"hours_delivered",
     "hours credited on the orders (attended time less penalty, capped at what the order and "
     "its ETE allowance leave)"},
    {"attended_appointments", "appointments whose outcome is ATTC, AFTC, ATSH or ATSS"},
    {"acceptable_absences",
     "appointments whose outcome is AASD, AAME, AAEM, AAFC or AACL, including absences the "
     "officer judged acceptable"},
    {"with_work", "attended appointments with at least one work undertaken record"},
    {"with_skills", "attended appointments with at least one skill observation"},
    {"with_feedback", "attended appointments with feedback for the officer"},
    {"fully_recorded", "attended appointments with work, skills and feedback all recorded"},
    {"work_recorded_percent", "with_work / attended_appointments x 100"},
    {"skills_recorded_percent", "with_skills / attended_appointments x 100"},
    {"feedback_recorded_percent", "with_feedback / attended_appointments x 100"},
    {"feedback_coverage_percent",
     "fully_recorded / attended_appointments x 100: an attended appointment is covered when "
     "its work, the skills seen and feedback for the officer are all recorded"},
    {"feedback_gaps",
     "open feedback_gap items (attended, and work missing or skills and feedback both "
     "missing; due 3 days after the appointment)"},
    {"enforceable_outcomes", "appointments whose outcome is AFTC, ATSH or UACP"},
    {"decided_on_time",
     "enforceable outcomes with a decision dated on or before the respond-by date (the "
     "session date + 7 days)"},
    {"decided_late", "enforceable outcomes with a decision dated after the respond-by date"},
    {"pending", "enforceable outcomes without a decision"},
    {"pending_past_due", "pending, with the respond-by date before today"},
    {"enforcement_on_time_percent",
     "decided_on_time / (decided_on_time + decided_late + pending_past_due) x 100; pending "
     "outcomes not yet due are left out"},
};

// "  column: meaning" wrapped at 78 columns, continuation lines indented.
std::string measuresHelp() {
    std::string out;
    for (const auto& m : kMeasures) {
        std::string line = std::string("  ") + m.column + ":";
        std::istringstream words(m.meaning);
        std::string word;
        while (words >> word) {
            if (line.size() + 1 + word.size() > 78) {
                out += line + "\n";
                line = "      ";
            } else {
                line += " ";
            }
            line += word;
        }
        out += line + "\n";
    }
    return out;
}

const std::string kReportUsage =
    "usage: sitebook-server report [--format csv|json] [--table orders|items|officers]\n"
    "                              [--output FILE] [--data-dir DIR]\n"
    "\n"
    "Management information for the region, from the reconciled records (run after\n"
    "`reconcile`, or against a running server's data directory):\n"
    "  orders    per order: officer, CRN, hours required, credited and remaining, percent,\n"
    "            projected completion\n"
    "  items     open RO items: officer, CRN, kind, created, due, overdue, breach referral\n"
    "  officers  per officer and for the region (officer \"(region)\"), the measures below\n"
    "JSON holds all three tables plus the region totals; CSV holds the one --table names\n"
    "(default orders). People appear by CRN only, never by name.\n"
    "\n"
    "What the numbers mean (officers table). An appointment's outcome is the one recorded, or\n"
    "the acceptable-absence code an absence_acceptable decision gave it. Percentages have one\n"
    "decimal and are 100 when there is nothing to count.\n" +
    measuresHelp() + "\n" + kDataDirOptionHelp +
    "  --format F         csv (default) or json\n"
    "  --table T          for csv: orders (default), items or officers\n"
    "  --output FILE      write to FILE instead of standard output\n";

struct Totals {
    std::string officer;  // username; "" for the region
    std::int64_t people = 0;
    std::int64_t orders = 0;
    std::int64_t requiredMinutes = 0;
    std::int64_t creditedMinutes = 0;
    std::int64_t attended = 0;
    std::int64_t acceptableAbsences = 0;
    std::int64_t withWork = 0;
    std::int64_t withSkills = 0;
    std::int64_t withFeedback = 0;
    std::int64_t fullyRecorded = 0;
    std::int64_t feedbackGaps = 0;
    std::int64_t enforceable = 0;
    std::int64_t decidedOnTime = 0;
    std::int64_t decidedLate = 0;
    std::int64_t pending = 0;
    std::int64_t pendingPastDue = 0;

    void add(const Totals& o) {
        people += o.people;
        orders += o.orders;
        requiredMinutes += o.requiredMinutes;
        creditedMinutes += o.creditedMinutes;
        attended += o.attended;
        acceptableAbsences += o.acceptableAbsences;
        withWork += o.withWork;
        withSkills += o.withSkills;
        withFeedback += o.withFeedback;
        fullyRecorded += o.fullyRecorded;
        feedbackGaps += o.feedbackGaps;
        enforceable += o.enforceable;
        decidedOnTime += o.decidedOnTime;
        decidedLate += o.decidedLate;
        pending += o.pending;
        pendingPastDue += o.pendingPastDue;
    }
    // part / whole x 100, one decimal; 100 when whole is 0 (kMeasures).
    static double percent(std::int64_t part, std::int64_t whole) {
        return whole == 0
                   ? 100.0
                   : std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) /
                         10.0;
    }
    double enforcementOnTime() const {
        return percent(decidedOnTime, decidedOnTime + decidedLate + pendingPastDue);
    }
    json toJson() const {
        return {{"officer", officer},
                {"people", people},
                {"orders", orders},
                {"hours_required", std::round(requiredMinutes / 6.0) / 10.0},
                {"hours_delivered", std::round(creditedMinutes / 6.0) / 10.0},
                {"attended_appointments", attended},
                {"acceptable_absences", acceptableAbsences},
                {"with_work", withWork},
                {"with_skills", withSkills},
                {"with_feedback", withFeedback},
                {"fully_recorded", fullyRecorded},
                {"work_recorded_percent", percent(withWork, attended)},
                {"skills_recorded_percent", percent(withSkills, attended)},
                {"feedback_recorded_percent", percent(withFeedback, attended)},
                {"feedback_coverage_percent", percent(fullyRecorded, attended)},
                {"feedback_gaps", feedbackGaps},
                {"enforceable_outcomes", enforceable},
                {"decided_on_time", decidedOnTime},
                {"decided_late", decidedLate},
                {"pending", pending},
                {"pending_past_due", pendingPastDue},
                {"enforcement_on_time_percent", enforcementOnTime()}};
    }
};

struct Report {
    std::string asOf;
    json orders = json::array();
    json items = json::array();
    std::vector<Totals> officers;
    Totals region;
};

std::string str(const json& body, const char* field) {
    auto it = body.find(field);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<Report> buildReport(UnitOfWork& uow, domain::CivilDate today) {
    const domain::Policy policy = domain::Policy::defaults();
    Report report;
    report.asOf = today.toString();
    auto people = allPersonIds(uow);
    if (!people)
        return people.error();
    std::map<std::string, Totals> byOfficer;
    std::map<std::string, std::string> usernames;
    std::map<std::string, std::optional<domain::CivilDate>> sessionDates;

    for (const auto& personId : *people) {
        json person;
        std::vector<json> progress, items;
        std::map<std::string, std::string> outcomeCodes;     // appointment -> code
        std::map<std::string, std::string> sessionOf;        // appointment -> session
        std::map<std::string, domain::CivilDate> decidedOn;  // appointment -> decision date
        std::map<std::string, std::string> reclassifiedAs;   // appointment -> acceptable code
        std::set<std::string> work, skills, feedback;        // appointments with each
        std::int64_t after = 0;
        for (;;) {
            auto rows = uow.changesSince(personPartition(personId), after, 500);
            if (!rows)
                return rows.error();
            for (const auto& row : *rows) {
                after = row.entry.seq;
                if (row.entry.removed)
                    continue;
                json body = json::parse(row.bodyJson, nullptr, false);
                if (!body.is_object())
                    continue;
                auto type = parseEntityType(row.entry.entityType);
                if (!type)
                    continue;
                switch (*type) {
                    case EntityType::Person:
                        person = body;
                        break;
                    case EntityType::Progress:
                        progress.push_back(body);
                        break;
                    case EntityType::RoItem:
                        items.push_back(body);
                        break;
                    case EntityType::AppointmentOutcome:
                        outcomeCodes[row.entry.entityId] = str(body, "code");
                        break;
                    case EntityType::Appointment:
                        sessionOf[row.entry.entityId] = str(body, "session_id");
                        break;
                    case EntityType::WorkUndertaken:
                        work.insert(str(body, "appointment_id"));
                        break;
                    case EntityType::SkillObservation:
                        skills.insert(str(body, "appointment_id"));
                        break;
                    case EntityType::Feedback:
                        feedback.insert(str(body, "appointment_id"));
                        break;
                    case EntityType::EnforcementDecision:
                        if (auto d = domain::CivilDate::parse(str(body, "decided_on")))
                            decidedOn[str(body, "appointment_id")] = *d;
                        // An absence judged acceptable: as the reconciler does, the
                        // reclassified code is the appointment's outcome.
                        if (str(body, "action") == "absence_acceptable" &&
                            !str(body, "reclassified_as").empty()) {
                            reclassifiedAs[str(body, "appointment_id")] =
                                str(body, "reclassified_as");
                        }
                        break;
                    default:
                        break;
                }
            }
            if (rows->size() < 500)
                break;
        }
        if (!person.is_object())
            continue;
        const std::string officerId = str(person, "responsible_officer_id");
        if (!usernames.contains(officerId)) {
            auto user = uow.findUserById(officerId);
            usernames[officerId] = user && *user ? (*user)->username : officerId;
        }
        const std::string& officer = usernames[officerId];
        const std::string crn = str(person, "crn");
        Totals& t = byOfficer[officer];
        t.officer = officer;
        ++t.people;

        for (const auto& p : progress) {
            ++t.orders;
            t.requiredMinutes += p.value("adjusted_required_minutes", 0);
            t.creditedMinutes += p.value("credited_minutes", 0);
            report.orders.push_back({{"officer", officer},
                                     {"crn", crn},
                                     {"order_id", str(p, "order_id")},
                                     {"sentence_date", str(p, "sentence_date")},
                                     {"required_minutes", p.value("adjusted_required_minutes", 0)},
                                     {"credited_minutes", p.value("credited_minutes", 0)},
                                     {"ete_credited_minutes", p.value("ete_credited_minutes", 0)},
                                     {"remaining_minutes", p.value("remaining_minutes", 0)},
                                     {"percent_complete", p.value("percent_complete", 0.0)},
                                     {"projected_completion", str(p, "projected_completion")},
                                     {"completed_on", str(p, "completed_on")}});
        }
        for (const auto& item : items) {
            const std::string kind = str(item, "kind");
            const std::string due = str(item, "due_on");
            const bool overdue = due < report.asOf;
            if (kind == "feedback_gap")
                ++t.feedbackGaps;
            report.items.push_back(
                {{"officer", officer},
                 {"crn", crn},
                 {"kind", kind},
                 {"created_on", str(item, "created_on")},
                 {"due_on", due},
                 {"overdue", overdue},
                 {"breach_referral_required", item.value("breach_referral_required", false)},
                 {"appointment_id", str(item, "appointment_id")},
                 {"message", str(item, "message")}});
        }
        // Attendance and enforcement from the outcomes and decisions.
        for (const auto& [appointmentId, recorded] : outcomeCodes) {
            const auto reclassified = reclassifiedAs.find(appointmentId);
            const domain::Outcome outcome = domain::Outcome::fromText(
                reclassified != reclassifiedAs.end() ? reclassified->second : recorded);
            if (outcome.isAttended()) {
                ++t.attended;
                const bool w = work.contains(appointmentId);
                const bool k = skills.contains(appointmentId);
                const bool f = feedback.contains(appointmentId);
                t.withWork += w ? 1 : 0;
                t.withSkills += k ? 1 : 0;
                t.withFeedback += f ? 1 : 0;
                t.fullyRecorded += w && k && f ? 1 : 0;
            }
            if (outcome.isAcceptableAbsence())
                ++t.acceptableAbsences;
            if (!outcome.isEnforceable())
                continue;
            ++t.enforceable;
            const std::string& session = sessionOf[appointmentId];
            if (!sessionDates.contains(session)) {
                auto s = uow.findEntity(entityTypeName(EntityType::Session), session);
                std::optional<domain::CivilDate> date;
                if (s && *s)
                    date = domain::CivilDate::parse(
                        str(json::parse((*s)->bodyJson, nullptr, false), "date"));
                sessionDates[session] = date;
            }
            const auto& date = sessionDates[session];
            const domain::CivilDate respondBy =
                date ? domain::respondByDate(*date, policy) : domain::CivilDate::max();
            if (auto d = decidedOn.find(appointmentId); d != decidedOn.end()) {
                (d->second <= respondBy ? t.decidedOnTime : t.decidedLate) += 1;
            } else {
                ++t.pending;
                if (respondBy < today)
                    ++t.pendingPastDue;
            }
        }
    }
    for (auto& [name, totals] : byOfficer) {
        report.region.add(totals);
        report.officers.push_back(totals);
    }
    return report;
}

// "officer" then every measure, in the order kMeasures defines them.
std::vector<std::string> officerColumns() {
    std::vector<std::string> columns{"officer"};
    for (const auto& m : kMeasures)
        columns.push_back(m.column);
    return columns;
}

std::string csvField(const json& value) {
    std::string text;
    if (value.is_string())
        text = value.get<std::string>();
    else if (value.is_boolean())
        text = value.get<bool>() ? "true" : "false";
    else
        text = value.dump();
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void writeCsv(std::ostream& out, const std::vector<std::string>& columns, const json& rows) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        out << (i ? "," : "") << columns[i];
    out << "\n";
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < columns.size(); ++i)
            out << (i ? "," : "") << csvField(row.value(columns[i], json()));
        out << "\n";
    }
}

int runReport(CommandContext& ctx) {
    auto args = parseArgs(
        ctx.args, {"--data-dir", "--database", "--db-pool-size", "--format", "--table", "--output"},
        {});
    if (!args)
        return failCommand(ctx.err, args.error());
    if (args->help) {
        ctx.out << kReportUsage;
        return kExitOk;
    }
    const std::string format = args->value("--format").value_or("csv");
    const std::string table = args->value("--table").value_or("orders");
    if (format != "csv" && format != "json") {
        return failCommand(
            ctx.err, makeError(ErrorCode::InvalidArgument, "must be csv or json", "--format"));
    }
    if (table != "orders" && table != "items" && table != "officers") {
        return failCommand(ctx.err, makeError(ErrorCode::InvalidArgument,
                                              "must be orders, items or officers", "--table"));
    }
    auto store = DataDir::fromArgs(*args).openStore();
    if (!store)
        return failCommand(ctx.err, store.error());
    // People a stopped server had not yet recomputed are brought up to date first.
    auto reconciler = ctx.makeReconciler(ctx.clock);
    if (auto drained = ReconcileQueue(**store, *reconciler).drainAll(); !drained)
        return failCommand(ctx.err, drained.error());
    auto uow = (*store)->begin(AccessMode::ReadOnly);
    if (!uow)
        return failCommand(ctx.err, uow.error());
    auto report = buildReport(**uow, domain::CivilDate::fromUnixMillis(ctx.clock.nowMillis()));
    if (!report)
        return failCommand(ctx.err, report.error());

    std::ostringstream text;
    if (format == "json") {
        json officers = json::array();
        for (const auto& o : report->officers)
            officers.push_back(o.toJson());
        json region = report->region.toJson();
        region.erase("officer");
        text << json{{"as_of", report->asOf},
                     {"region", region},
                     {"officers", officers},
                     {"orders", report->orders},
                     {"items", report->items}}
                    .dump(2)
             << "\n";
    } else if (table == "orders") {
        writeCsv(text,
                 {"officer", "crn", "order_id", "sentence_date", "required_minutes",
                  "credited_minutes", "ete_credited_minutes", "remaining_minutes",
                  "percent_complete", "projected_completion", "completed_on"},
                 report->orders);
    } else if (table == "items") {
        writeCsv(text,
                 {"officer", "crn", "kind", "created_on", "due_on", "overdue",
                  "breach_referral_required", "appointment_id", "message"},
                 report->items);
    } else {
        json rows = json::array();
        for (const auto& o : report->officers)
            rows.push_back(o.toJson());
        json region = report->region.toJson();
        region["officer"] = "(region)";
        rows.push_back(region);
        writeCsv(text, officerColumns(), rows);
    }
    if (auto output = args->value("--output")) {
        std::ofstream file(*output, std::ios::binary | std::ios::trunc);
        file << text.str();
        if (!file.good()) {
            return failCommand(ctx.err,
                               makeError(ErrorCode::Io, "could not write " + *output, "--output"));
        }
    } else {
        ctx.out << text.str();
    }
    return kExitOk;
}

}  // namespace

void addReportCommand(CommandTable& table) {
    table.add({"report", "progress, RO items and officer totals as CSV or JSON", kReportUsage,
               runReport});
}

}  // namespace sitebook::server
