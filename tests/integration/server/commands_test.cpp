// The data commands (demo-data, import, report, reconcile) run through the command table
// against a temporary data directory, as `sitebook-server` runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/enrolment_code.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/civil_date.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/derived/person_reconciler.h"
#include "sitebook/server/store/sqlite_store.h"

#ifdef SITEBOOK_HAVE_ZXING
#define ZX_USE_UTF8 1  // Result::text() as UTF-8
#include <ZXing/ReadBarcode.h>
#include <zlib.h>

#include <cstdint>
#endif

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

#ifdef SITEBOOK_HAVE_ZXING
// The text of the QR code in an 8-bit greyscale PNG without filters (as `device enrol` writes
// it), read with a QR decoder; empty when none is found.
std::string decodeQrPng(const std::string& png) {
    auto be32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8 |
               static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3]));
    };
    const int side = static_cast<int>(be32(16));
    std::string packed;
    for (std::size_t at = 8; at + 8 <= png.size();) {
        const std::uint32_t length = be32(at);
        if (png.compare(at + 4, 4, "IDAT") == 0)
            packed += png.substr(at + 8, length);
        at += 12 + length;
    }
    std::vector<unsigned char> raw(static_cast<std::size_t>(side) * (side + 1));
    uLongf rawSize = raw.size();
    if (uncompress(raw.data(), &rawSize, reinterpret_cast<const Bytef*>(packed.data()),
                   packed.size()) != Z_OK) {
        return {};
    }
    std::vector<std::uint8_t> pixels;
    for (int y = 0; y < side; ++y) {
        const auto row = raw.begin() + static_cast<std::ptrdiff_t>(y) * (side + 1) + 1;
        pixels.insert(pixels.end(), row, row + side);
    }
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    const auto result =
        ZXing::ReadBarcode({pixels.data(), side, side, ZXing::ImageFormat::Lum}, hints);
    return result.isValid() ? result.text() : std::string();
}
#endif

class CommandsTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("sitebook-commands-test-" + ids_.next().toString());
        addBuiltinCommands(table_);
        addDataCommands(table_);
        addDeviceCommands(table_);
        table_.setReconcilerFactory([](const Clock& clock) -> std::unique_ptr<Reconciler> {
            return std::make_unique<PersonReconciler>(clock,
                                                      reconcile::ReconcilePolicy::defaults());
        });
        ASSERT_EQ(run({"init"}), kExitOk) << err_;
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Runs `sitebook-server <args> --data-dir DIR`; keeps stdout and stderr.
    int run(std::vector<std::string> args, const std::string& input = {}) {
        std::vector<std::string> argv{"sitebook-server"};
        argv.insert(argv.end(), args.begin(), args.end());
        argv.push_back("--data-dir");
        argv.push_back(dir_.string());
        std::istringstream in(input);
        std::ostringstream out;
        std::ostringstream err;
        const int code = table_.run(argv, in, out, err, clock_, SecureRandom::instance());
        out_ = out.str();
        err_ = err.str();
        return code;
    }

    std::string file(const std::string& name, const std::string& content) {
        const auto path = dir_ / name;
        std::ofstream(path) << content;
        return path.string();
    }

    std::string read(const std::string& name) {
        std::ifstream in(dir_ / name);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    std::int64_t count(const std::string& type) {
        auto store = SqliteStore::open((dir_ / "sitebook-server.db").string());
        EXPECT_TRUE(store.ok());
        auto uow = (*store)->begin(AccessMode::ReadOnly);
        EXPECT_TRUE(uow.ok());
        auto partitions = (*uow)->partitionsWithPrefix("");
        EXPECT_TRUE(partitions.ok());
        // Distinct records: one in several partitions counts once.
        std::set<std::string> ids;
        for (const auto& p : *partitions) {
            auto rows = (*uow)->changesSince(p, 0, 100000);
            for (const auto& row : *rows) {
                if (row.entry.entityType == type && !row.entry.removed)
                    ids.insert(row.entry.entityId);
            }
        }
        return static_cast<std::int64_t>(ids.size());
    }

    std::filesystem::path dir_;
    ManualClock clock_;
    UuidGenerator ids_{clock_, SecureRandom::instance()};
    CommandTable table_;
    std::string out_;
    std::string err_;
};

TEST_F(CommandsTest, DemoDataLoadsReconcilesAndIsIdempotent) {
    ASSERT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitOk) << err_;
    EXPECT_NE(out_.find("44 people"), std::string::npos) << out_;
    EXPECT_EQ(out_.find("demo password for tests"), std::string::npos);  // never echoed
    EXPECT_EQ(count("person"), 44);
    EXPECT_EQ(count("progress"), 44);
    EXPECT_GT(count("ro_item"), 0);

    // Again: nothing to do, nothing written.
    ASSERT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitOk) << err_;
    EXPECT_NE(out_.find("already loaded"), std::string::npos) << out_;
    EXPECT_EQ(count("person"), 44);

    // Without --password-stdin a generated password is shown once.
    std::filesystem::remove_all(dir_);
    ASSERT_EQ(run({"init"}), kExitOk);
    ASSERT_EQ(run({"demo-data"}), kExitOk) << err_;
    EXPECT_NE(out_.find("shown only now"), std::string::npos) << out_;
}

TEST_F(CommandsTest, DemoDataRefusesAServerWithOtherData) {
    ASSERT_EQ(run({"user", "add", "--username", "dmarsh", "--role", "supervisor"},
                  "a long enough password\n"),
              kExitOk)
        << err_;
    EXPECT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitFailure);
    EXPECT_NE(err_.find("already holds"), std::string::npos) << err_;
}

TEST_F(CommandsTest, DeviceEnrolPrintsACodeWithTheCaAndItsFingerprintAndWritesAQrImage) {
    ASSERT_EQ(run({"init", "--dev-tls"}), kExitOk) << err_;
    const std::string png = (dir_ / "enrol.png").string();
    ASSERT_EQ(run({"device", "enrol", "--address", "sync.example.org:8443", "--qr", png}), kExitOk)
        << err_;
    // The code is the second line; it carries the data directory's CA, whole.
    std::istringstream lines(out_);
    std::string heading, code;
    std::getline(lines, heading);
    std::getline(lines, code);
    auto parsed = parseEnrolmentCode(code);
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString() << "\n" << out_;
    EXPECT_EQ(parsed->server, "sync.example.org:8443");
    EXPECT_EQ(parsed->tlsName, "");
    auto ca = pemCertificateToDer(read("tls/ca.pem"));
    ASSERT_TRUE(ca.ok());
    EXPECT_EQ(parsed->caDer, *ca);
    EXPECT_NE(out_.find("CA certificate SHA-256: " + fingerprintText(certificateSha256(*ca))),
              std::string::npos)
        << out_;
    // Nothing secret: neither the CA's key nor the server's.
    EXPECT_EQ(out_.find("PRIVATE"), std::string::npos);

    // A PNG of the QR code: the signature, then a square greyscale header.
    const std::string image = read("enrol.png");
    ASSERT_GT(image.size(), 33u);
    EXPECT_EQ(image.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(image.substr(12, 4), "IHDR");
    EXPECT_EQ(image.substr(16, 4), image.substr(20, 4));
    EXPECT_EQ(image[24], 8);  // bit depth
    EXPECT_EQ(image[25], 0);  // greyscale
#ifdef SITEBOOK_HAVE_ZXING
    // A QR reader gets the code back from the image, whole.
    EXPECT_EQ(decodeQrPng(image), code);
#endif

    // Refused: no address, an address without a port, a file that is no certificate.
    EXPECT_EQ(run({"device", "enrol"}), kExitUsage);
    EXPECT_EQ(run({"device", "enrol", "--address", "sync.example.org"}), kExitUsage);
    EXPECT_NE(err_.find("--address"), std::string::npos) << err_;
    EXPECT_EQ(run({"device", "enrol", "--address", "h:1", "--ca", file("x.pem", "not a cert")}),
              kExitUsage);
}

TEST_F(CommandsTest, AccountCommandsListUsersAndRefuseBadInputInOneLine) {
    ASSERT_EQ(run({"user", "add", "--username", "sam", "--role", "supervisor", "--display-name",
                   "Sam Supervisor"},
                  "a long enough password\n"),
              kExitOk)
        << err_;
    ASSERT_EQ(run({"user", "list"}), kExitOk) << err_;
    EXPECT_NE(out_.find("sam"), std::string::npos);
    EXPECT_NE(out_.find("supervisor"), std::string::npos);
    EXPECT_NE(out_.find("active"), std::string::npos);
    EXPECT_NE(out_.find("Sam Supervisor"), std::string::npos);

    EXPECT_EQ(run({"user", "disable"}), kExitUsage);
    EXPECT_EQ(err_, "error: --username: give the user's sign-in name\n");
    EXPECT_EQ(run({"user", "disable", "--username", "nobody"}), kExitFailure);
    EXPECT_EQ(err_, "error: --username: no user is called 'nobody' (see `user list`)\n");
    EXPECT_EQ(run({"user", "enable", "--username", "sam"}), kExitFailure);
    EXPECT_EQ(err_, "error: --username: 'sam' is not disabled\n");
    EXPECT_EQ(run({"user", "reset-password", "--username", "sam"}, "sam\n"), kExitUsage);
    EXPECT_EQ(err_, "error: password: the password must not be the username\n");
    EXPECT_EQ(run({"device", "revoke"}), kExitUsage);
    EXPECT_EQ(err_, "error: --device: give the device id (see `device list`)\n");
    ASSERT_EQ(run({"device", "list"}), kExitOk);
    EXPECT_NE(out_.find("DEVICE"), std::string::npos);

    ASSERT_EQ(run({"user", "disable", "--username", "sam", "--reason", "left the service"}),
              kExitOk);
    EXPECT_EQ(out_, "disabled sam; their sessions have ended\n");
    ASSERT_EQ(run({"user", "list"}), kExitOk);
    EXPECT_NE(out_.find("disabled"), std::string::npos);
}

TEST_F(CommandsTest, ReconcileCommandRecomputesEveryone) {
    ASSERT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitOk);
    ASSERT_EQ(run({"reconcile"}), kExitOk) << err_;
    EXPECT_NE(out_.find("reconciled 44 people; 0 derived records changed"), std::string::npos)
        << out_;
    clock_.advance(30LL * 24 * 3600 * 1000);
    ASSERT_EQ(run({"reconcile"}), kExitOk) << err_;
    EXPECT_EQ(out_.find("; 0 derived"), std::string::npos) << out_;
}

// The example of docs/IMPORT.md.
const char* const kProjects =
    "code,name,type,location,beneficiary,hi_vis_required,supervisors\n"
    "NR-GRP-01,Riverside towpath clear-up,GROUP,Riverside Walk,Canal Trust,Y,sam\n"
    "NR-IND-02,\"Charity shop, High Street\",INDIVIDUAL,12 High Street,Hospice shop,N,\n";
const char* const kSessions =
    "project_code,date,start,end\n"
    "NR-GRP-01,2026-01-03,09:00,16:00\n"
    "NR-GRP-01,2026-01-10,09:00,16:00\n";
const char* const kPeople =
    "crn,forenames,surname,date_of_birth,responsible_officer,placement_flags,restricted_access\n"
    "X123456,Alex,Smith,1990-05-01,olu,no lone working with children,N\n"
    "Y654321,Jo,Bloggs,1985-11-30,olu,,N\n";
const char* const kOrders =
    "crn,order_ref,sentence_date,required_hours\n"
    "X123456,1,2025-11-15,100\n"
    "Y654321,1,2025-12-01,60\n";
const char* const kAllocations =
    "crn,order_ref,project_code,session_date,session_start,scheduled_start,scheduled_end\n"
    "X123456,1,NR-GRP-01,2026-01-03,09:00,09:00,16:00\n"
    "Y654321,1,NR-GRP-01,2026-01-03,09:00,09:00,16:00\n"
    "X123456,1,NR-GRP-01,2026-01-10,09:00,09:00,16:00\n";

class ImportTest : public CommandsTest {
protected:
    void SetUp() override {
        CommandsTest::SetUp();
        ASSERT_EQ(run({"user", "add", "--username", "sam", "--role", "supervisor"},
                      "a long enough password\n"),
                  kExitOk);
        ASSERT_EQ(run({"user", "add", "--username", "olu", "--role", "officer"},
                      "a long enough password\n"),
                  kExitOk);
        std::filesystem::create_directories(dir_ / "csv");
    }
    void write(const std::string& name, const std::string& content) {
        file("csv/" + name, content);
    }
    void writeAll() {
        write("projects.csv", kProjects);
        write("sessions.csv", kSessions);
        write("people.csv", kPeople);
        write("orders.csv", kOrders);
        write("allocations.csv", kAllocations);
    }
};

TEST_F(ImportTest, AGoodSetImportsAndReconciles) {
    writeAll();
    ASSERT_EQ(run({"import", "--from", (dir_ / "csv").string()}), kExitOk) << err_;
    EXPECT_NE(out_.find("imported 11 rows"), std::string::npos) << out_;
    EXPECT_EQ(count("person"), 2);
    EXPECT_EQ(count("order"), 2);
    EXPECT_EQ(count("project"), 2);
    EXPECT_EQ(count("session"), 2);
    EXPECT_EQ(count("appointment"), 3);
    EXPECT_EQ(count("progress"), 2);

    // The same extract again changes nothing.
    ASSERT_EQ(run({"import", "--from", (dir_ / "csv").string()}), kExitOk) << err_;
    EXPECT_NE(out_.find("(0 records created or changed)"), std::string::npos) << out_;
}

TEST_F(ImportTest, OneBadRowImportsNothingAndNamesFileLineAndField) {
    writeAll();
    write("people.csv", std::string(kPeople) + "Z12,Sam,Jones,1999-02-30,olu,,N\n");
    write("orders.csv", std::string(kOrders) + "X123456,2,2025-12-01,500\n");
    ASSERT_EQ(run({"import", "--from", (dir_ / "csv").string()}), kExitFailure);
    EXPECT_NE(err_.find("people.csv:4: date_of_birth: "), std::string::npos) << err_;
    EXPECT_NE(err_.find("orders.csv:4: required_hours: "), std::string::npos) << err_;
    EXPECT_NE(err_.find("nothing was imported"), std::string::npos) << err_;
    EXPECT_EQ(count("person"), 0);
    EXPECT_EQ(count("project"), 0);

    // A reference to an unknown officer, and a malformed CRN.
    writeAll();
    write("people.csv", std::string(kPeople) + "Z12,Sam,Jones,1999-02-03,nobody,,N\n" +
                            "Z12,Sam,Jones,1999-02-03,olu,,N\n");
    ASSERT_EQ(run({"import", "--from", (dir_ / "csv").string()}), kExitFailure);
    EXPECT_NE(err_.find("people.csv:4: responsible_officer: no user named 'nobody'"),
              std::string::npos)
        << err_;
    EXPECT_NE(err_.find("people.csv:5: crn: "), std::string::npos) << err_;
    EXPECT_EQ(count("person"), 0);
}

TEST_F(CommandsTest, DemoDataThenReportGivesProgressItemsAndOfficerTotals) {
    ASSERT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitOk);

    ASSERT_EQ(run({"report", "--format", "json"}), kExitOk) << err_;
    json report = json::parse(out_);
    EXPECT_EQ(report["as_of"], "2026-01-01");
    ASSERT_EQ(report["orders"].size(), 44u);
    EXPECT_FALSE(report["items"].empty());
    EXPECT_EQ(report["officers"].size(), 4u);
    for (const char* key : {"hours_delivered", "feedback_coverage_percent",
                            "enforcement_on_time_percent", "enforceable_outcomes"}) {
        EXPECT_TRUE(report["region"].contains(key)) << key;
    }
    EXPECT_GT(report["region"]["hours_delivered"].get<double>(), 0.0);
    const json& order = report["orders"][0];
    for (const char* key : {"officer", "crn", "order_id", "required_minutes", "credited_minutes",
                            "remaining_minutes", "percent_complete"}) {
        EXPECT_TRUE(order.contains(key)) << key;
    }
    EXPECT_FALSE(order.contains("surname"));  // managers see CRNs, not names

    ASSERT_EQ(run({"report", "--format", "csv", "--output", (dir_ / "orders.csv").string()}),
              kExitOk)
        << err_;
    const std::string csv = read("orders.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "officer,crn,order_id,sentence_date,required_minutes,credited_minutes,"
              "ete_credited_minutes,remaining_minutes,percent_complete,projected_completion,"
              "completed_on");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 45);

    ASSERT_EQ(run({"report", "--table", "items"}), kExitOk) << err_;
    EXPECT_EQ(out_.substr(0, out_.find('\n')),
              "officer,crn,kind,created_on,due_on,overdue,breach_referral_required,"
              "appointment_id,message");
    EXPECT_GT(std::count(out_.begin(), out_.end(), '\n'), 1);

    ASSERT_EQ(run({"report", "--table", "officers"}), kExitOk) << err_;
    EXPECT_NE(out_.find("(region)"), std::string::npos);
    EXPECT_EQ(run({"report", "--format", "xml"}), kExitUsage);
}

// Every record of `type` in the store (live, one per id, whatever partitions hold it).
std::map<std::string, json> recordsOf(UnitOfWork& uow, const std::string& type) {
    std::map<std::string, json> out;
    auto partitions = uow.partitionsWithPrefix("");
    EXPECT_TRUE(partitions.ok());
    for (const auto& p : *partitions) {
        auto rows = uow.changesSince(p, 0, 1000000);
        EXPECT_TRUE(rows.ok());
        for (const auto& row : *rows) {
            if (row.entry.entityType == type && !row.entry.removed)
                out[row.entry.entityId] = json::parse(row.bodyJson);
        }
    }
    return out;
}

std::string collapseSpaces(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

// The report's measures recomputed from the raw records by the words `report --help` and
// docs/CLI.md give them ("What the numbers mean").
TEST_F(CommandsTest, TheReportsMeasuresAreWhatTheirDefinitionsSay) {
    ASSERT_EQ(run({"demo-data", "--password-stdin"}, "demo password for tests\n"), kExitOk);
    ASSERT_EQ(run({"report", "--format", "json"}), kExitOk) << err_;
    const json report = json::parse(out_);
    const json& region = report["region"];

    auto store = SqliteStore::open((dir_ / "sitebook-server.db").string());
    ASSERT_TRUE(store.ok());
    auto uow = (*store)->begin(AccessMode::ReadOnly);
    ASSERT_TRUE(uow.ok());
    const auto outcomes = recordsOf(**uow, "appointment_outcome");  // id = the appointment's
    const auto appointments = recordsOf(**uow, "appointment");
    const auto sessions = recordsOf(**uow, "session");
    const auto decisions = recordsOf(**uow, "enforcement_decision");
    const auto progress = recordsOf(**uow, "progress");
    const auto items = recordsOf(**uow, "ro_item");
    std::map<std::string, std::set<std::string>> recorded;  // type -> appointments
    for (const char* type : {"work_undertaken", "skill_observation", "feedback"}) {
        for (const auto& [id, body] : recordsOf(**uow, type))
            recorded[type].insert(body["appointment_id"].get<std::string>());
    }
    std::map<std::string, json> decisionFor;
    for (const auto& [id, d] : decisions)
        decisionFor[d["appointment_id"].get<std::string>()] = d;

    const std::set<std::string> attendedCodes{"ATTC", "AFTC", "ATSH", "ATSS"};
    const std::set<std::string> acceptableCodes{"AASD", "AAME", "AAEM", "AAFC", "AACL"};
    const std::set<std::string> enforceableCodes{"AFTC", "ATSH", "UACP"};
    std::int64_t attended = 0, acceptable = 0, withWork = 0, withSkills = 0, withFeedback = 0,
                 fully = 0, enforceable = 0, onTime = 0, late = 0, pending = 0, pastDue = 0;
    const auto asOf = *domain::CivilDate::parse(report["as_of"].get<std::string>());
    for (const auto& [appointmentId, o] : outcomes) {
        std::string code = o["code"];
        auto d = decisionFor.find(appointmentId);
        if (d != decisionFor.end() && d->second["action"] == "absence_acceptable")
            code = d->second["reclassified_as"];
        if (attendedCodes.contains(code)) {
            ++attended;
            const bool w = recorded["work_undertaken"].contains(appointmentId);
            const bool k = recorded["skill_observation"].contains(appointmentId);
            const bool f = recorded["feedback"].contains(appointmentId);
            withWork += w;
            withSkills += k;
            withFeedback += f;
            fully += w && k && f;
        }
        acceptable += acceptableCodes.contains(code);
        if (!enforceableCodes.contains(code))
            continue;
        ++enforceable;
        const json& session = sessions.at(appointments.at(appointmentId)["session_id"]);
        const auto respondBy =
            domain::CivilDate::parse(session["date"].get<std::string>())->addDays(7);
        if (d != decisionFor.end()) {
            const auto decidedOn =
                *domain::CivilDate::parse(d->second["decided_on"].get<std::string>());
            (decidedOn <= respondBy ? onTime : late) += 1;
        } else {
            ++pending;
            pastDue += respondBy < asOf;
        }
    }
    std::int64_t credited = 0;
    for (const auto& [id, p] : progress)
        credited += p["credited_minutes"].get<std::int64_t>();
    std::int64_t gaps = 0;
    for (const auto& [id, i] : items)
        gaps += i["kind"] == "feedback_gap";
    const auto percent = [](std::int64_t part, std::int64_t whole) {
        return whole == 0 ? 100.0 : std::round(1000.0 * part / whole) / 10.0;
    };

    EXPECT_EQ(region["attended_appointments"], attended);
    EXPECT_EQ(region["acceptable_absences"], acceptable);
    EXPECT_EQ(region["with_work"], withWork);
    EXPECT_EQ(region["with_skills"], withSkills);
    EXPECT_EQ(region["with_feedback"], withFeedback);
    EXPECT_EQ(region["fully_recorded"], fully);
    EXPECT_DOUBLE_EQ(region["work_recorded_percent"].get<double>(), percent(withWork, attended));
    EXPECT_DOUBLE_EQ(region["skills_recorded_percent"].get<double>(),
                     percent(withSkills, attended));
    EXPECT_DOUBLE_EQ(region["feedback_recorded_percent"].get<double>(),
                     percent(withFeedback, attended));
    EXPECT_DOUBLE_EQ(region["feedback_coverage_percent"].get<double>(), percent(fully, attended));
    EXPECT_EQ(region["feedback_gaps"], gaps);
    EXPECT_EQ(region["enforceable_outcomes"], enforceable);
    EXPECT_EQ(region["decided_on_time"], onTime);
    EXPECT_EQ(region["decided_late"], late);
    EXPECT_EQ(region["pending"], pending);
    EXPECT_EQ(region["pending_past_due"], pastDue);
    EXPECT_DOUBLE_EQ(region["enforcement_on_time_percent"].get<double>(),
                     percent(onTime, onTime + late + pastDue));
    EXPECT_DOUBLE_EQ(region["hours_delivered"].get<double>(), std::round(credited / 6.0) / 10.0);
    // The demo region exercises the definitions: some attended appointments lack a part.
    EXPECT_GT(attended, 0);
    EXPECT_LT(fully, attended);
    EXPECT_GT(enforceable, 0);
}

// `report --help` and docs/CLI.md define each measure in the same words, and the officers
// table has exactly the measures defined.
TEST_F(CommandsTest, ReportHelpAndTheDocsDefineEveryMeasureAlike) {
    ASSERT_EQ(run({"report", "--help"}), kExitOk);
    const std::string help = out_;
    std::ifstream in(SITEBOOK_SOURCE_DIR "/docs/CLI.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string doc = collapseSpaces(text.str());
    ASSERT_FALSE(doc.empty());

    std::vector<std::pair<std::string, std::string>> measures;
    std::istringstream lines(help);
    bool inMeasure = false;  // a measure's definition runs on until a blank line
    for (std::string line; std::getline(lines, line);) {
        const auto colon = line.find(':');
        if (line.empty()) {
            inMeasure = false;
        } else if (line.rfind("  ", 0) == 0 && line[2] != ' ' && colon != std::string::npos &&
                   line.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", 2) == colon) {
            measures.emplace_back(line.substr(2, colon - 2), line.substr(colon + 1));
            inMeasure = true;
        } else if (inMeasure && line.rfind("      ", 0) == 0) {
            measures.back().second += " " + line;
        }
    }
    ASSERT_GE(measures.size(), 20u);
    std::string header = "officer";
    for (const auto& [name, meaning] : measures) {
        header += "," + name;
        const std::string entry = "`" + name + "`: " + collapseSpaces(meaning);
        EXPECT_NE(doc.find(entry), std::string::npos) << "docs/CLI.md lacks: " << entry;
    }
    ASSERT_EQ(run({"report", "--table", "officers"}), kExitOk) << err_;
    EXPECT_EQ(out_.substr(0, out_.find('\n')), header);
}

}  // namespace
}  // namespace sitebook::server::testing
