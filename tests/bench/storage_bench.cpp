// Storage benchmark: the same workload on plain SQLite and on SQLCipher, in one run, so the
// ratios are meaningful on a shared, noisy machine. Writes a Markdown section.
//
//   storage_bench [--rows N] [--batch N] [--lookups N] [--output FILE]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sitebook/common/clock.h"
#include "sitebook/common/random.h"
#include "sitebook/common/uuid.h"
#include "sitebook/domain/json.h"
#include "sitebook/storage/client_schema.h"
#include "sitebook/storage/database.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/storage/memory_key_store.h"
#include "sitebook/storage/migrations.h"

namespace {

using namespace sitebook;
using Stopwatch = std::chrono::steady_clock;

struct Options {
    int rows = 100'000;
    int batch = 1'000;
    int lookups = 20'000;
    int opens = 30;
    int rounds = 3;
    std::string output;
    std::string jsonOutput;
    bool memorySecurity = true;  // --memory-security on|off: SQLCipher's cipher_memory_security
};

double millisSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

[[noreturn]] void fail(const std::string& what, const Error& e) {
    std::fprintf(stderr, "benchmark failed: %s: %s\n", what.c_str(), e.toString().c_str());
    std::exit(1);
}

template <typename T>
T check(Result<T> r, const char* what) {
    if (!r.ok())
        fail(what, r.error());
    return std::move(r).value();
}
void check(const Status& s, const char* what) {
    if (!s.ok())
        fail(what, s.error());
}

struct Row {
    std::string id, personId, sessionId, body;
};

std::vector<Row> makeRows(int n) {
    ManualClock clock;
    SeededRandom random(2026);
    UuidGenerator ids(clock, random);
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        if (i % 16 == 0)
            clock.advance(1);
        domain::Appointment a;
        a.id = ids.next().toString();
        a.person_id = ids.next().toString();
        a.order_id = ids.next().toString();
        a.session_id = ids.next().toString();
        a.scheduled_start = *domain::TimeOfDay::parse("09:00");
        a.scheduled_end = *domain::TimeOfDay::parse("16:00");
        domain::AppointmentOutcome o;
        o.code = domain::Outcome(domain::OutcomeCode::ATTC);
        o.arrival = a.scheduled_start;
        o.finish = a.scheduled_end;
        o.work_quality = domain::Rating::Good;
        o.behaviour = domain::Rating::Satisfactory;
        o.recorded_by = a.person_id;
        o.recorded_at = clock.nowMillis();
        a.outcome = o;
        rows.push_back({a.id, a.person_id, a.session_id, domain::toJson(a)});
    }
    return rows;
}

struct ModeResult {
    double insertMs = 0, scanMs = 0, lookupMs = 0, openMs = 0;
    std::uintmax_t fileBytes = 0;
};

bool gMemorySecurity = true;

std::unique_ptr<storage::Database> openMode(bool encrypted, const std::string& path,
                                            const SecretBytes& key) {
    storage::OpenOptions options;
    options.memorySecurity = gMemorySecurity;
    return encrypted ? check(storage::Database::open(path, key, options), "open")
                     : check(storage::Database::openUnencrypted(path), "open");
}

ModeResult runMode(bool encrypted, const std::vector<Row>& rows, const Options& opt,
                   const std::filesystem::path& dir, const SecretBytes& key) {
    ModeResult r;
    const std::string path = (dir / (encrypted ? "cipher.db" : "plain.db")).string();
    {
        auto db = openMode(encrypted, path, key);
        check(storage::migrate(*db, storage::clientMigrations()), "migrate");
        auto stmt = check(db->prepare("INSERT INTO appointments (id, person_id, order_id, "
                                      "session_id, scheduled_start, scheduled_end, outcome_code, "
                                      "body, updated_hlc) VALUES (?1, ?2, ?2, ?3, '09:00', "
                                      "'16:00', 'ATTC', ?4, '0000019a2b3c4d5e-0000')"),
                          "prepare insert");
        auto start = Stopwatch::now();
        for (std::size_t i = 0; i < rows.size(); i += static_cast<std::size_t>(opt.batch)) {
            check(db->beginImmediate(), "begin");
            std::size_t end = std::min(rows.size(), i + static_cast<std::size_t>(opt.batch));
            for (std::size_t j = i; j < end; ++j) {
                stmt.bind(1, rows[j].id).bind(2, rows[j].personId).bind(3, rows[j].sessionId);
                stmt.bind(4, rows[j].body);
                check(stmt.run(), "insert");
                stmt.reset();
            }
            check(db->commit(), "commit");
        }
        r.insertMs = millisSince(start);

        start = Stopwatch::now();
        auto scan = check(db->prepare("SELECT id, body FROM appointments"), "prepare scan");
        std::size_t bytes = 0, count = 0;
        while (check(scan.step(), "scan")) {
            bytes += scan.columnText(1).size();
            ++count;
        }
        r.scanMs = millisSince(start);
        if (count != rows.size()) {
            std::fprintf(stderr, "scan saw %zu rows, expected %zu\n", count, rows.size());
            std::exit(1);
        }

        std::mt19937 pick(7);
        auto lookup = check(db->prepare("SELECT body FROM appointments WHERE id = ?1"), "prepare");
        start = Stopwatch::now();
        for (int i = 0; i < opt.lookups; ++i) {
            lookup.bind(1, rows[pick() % rows.size()].id);
            if (!check(lookup.step(), "lookup")) {
                std::fprintf(stderr, "lookup missed a row\n");
                std::exit(1);
            }
            lookup.reset();
        }
        r.lookupMs = millisSince(start);
        check(db->checkpoint(), "checkpoint");
    }
    r.fileBytes = std::filesystem::file_size(path);
    std::vector<double> opens;
    for (int i = 0; i < opt.opens; ++i) {
        auto start = Stopwatch::now();
        auto db = openMode(encrypted, path, key);
        opens.push_back(millisSince(start));
    }
    r.openMs = median(opens);
    return r;
}

std::string machine() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line, model = "unknown CPU";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores";
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--rows")
            opt.rows = std::stoi(argv[i + 1]);
        else if (flag == "--batch")
            opt.batch = std::stoi(argv[i + 1]);
        else if (flag == "--lookups")
            opt.lookups = std::stoi(argv[i + 1]);
        else if (flag == "--opens")
            opt.opens = std::stoi(argv[i + 1]);
        else if (flag == "--rounds")
            opt.rounds = std::stoi(argv[i + 1]);
        else if (flag == "--output")
            opt.output = argv[i + 1];
        else if (flag == "--json")
            opt.jsonOutput = argv[i + 1];
        else if (flag == "--memory-security")
            opt.memorySecurity = std::string(argv[i + 1]) != "off";
        else {
            std::fprintf(stderr,
                         "unknown option %s\nusage: storage_bench [--rows N] [--batch N] "
                         "[--lookups N] [--opens N] [--output FILE] [--json FILE] "
                         "[--memory-security on|off]\n",
                         argv[i]);
            return 2;
        }
    }
    if (opt.rows < 1 || opt.batch < 1 || opt.lookups < 1 || opt.opens < 1 || opt.rounds < 1) {
        std::fprintf(stderr, "--rows, --batch, --lookups, --opens and --rounds must be positive\n");
        return 2;
    }

    gMemorySecurity = opt.memorySecurity;
    auto dir = std::filesystem::temp_directory_path() /
               ("sitebook-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    SecretBytes key(32);
    SecureRandom::instance().fill(key.span());

    std::fprintf(stderr, "generating %d appointment rows...\n", opt.rows);
    auto rows = makeRows(opt.rows);
    // Plain and encrypted runs alternate, and each figure is the median over the rounds, so a
    // burst of load from elsewhere on the machine skews neither side alone.
    std::vector<ModeResult> plainRuns, cipherRuns;
    for (int round = 0; round < opt.rounds; ++round) {
        std::fprintf(stderr, "round %d/%d: plain SQLite...\n", round + 1, opt.rounds);
        plainRuns.push_back(runMode(false, rows, opt, dir, key));
        std::fprintf(stderr, "round %d/%d: SQLCipher...\n", round + 1, opt.rounds);
        cipherRuns.push_back(runMode(true, rows, opt, dir, key));
        for (const char* name : {"plain.db", "cipher.db"}) {
            for (const char* suffix : {"", "-wal", "-shm"}) {
                std::filesystem::remove(dir / (std::string(name) + suffix));
            }
        }
    }
    auto medianOf = [](const std::vector<ModeResult>& runs) {
        auto pick = [&](double ModeResult::*field) {
            std::vector<double> v;
            for (const auto& r : runs)
                v.push_back(r.*field);
            return median(v);
        };
        ModeResult m = runs.back();
        m.insertMs = pick(&ModeResult::insertMs);
        m.scanMs = pick(&ModeResult::scanMs);
        m.lookupMs = pick(&ModeResult::lookupMs);
        m.openMs = pick(&ModeResult::openMs);
        return m;
    };
    const ModeResult plain = medianOf(plainRuns);
    const ModeResult cipher = medianOf(cipherRuns);

    // PIN unlock with the production Argon2id cost.
    std::fprintf(stderr, "PIN unlock (Argon2id, production cost)...\n");
    // With a keystore (the PIN key and the keystore's secret) and without one (PIN only, at
    // the higher cost).
    std::vector<double> pinMs, pinOnlyMs;
    storage::MemoryKeyStore keystore;
    for (storage::KeyStore* store :
         {static_cast<storage::KeyStore*>(&keystore), static_cast<storage::KeyStore*>(nullptr)}) {
        storage::KeyVault vault(dir / (store ? "vault" : "vault-pin-only"), store,
                                SystemClock::instance(), SecureRandom::instance());
        check(vault.create("48291673"), "vault create");
        for (int i = 0; i < 3; ++i) {
            auto start = Stopwatch::now();
            check(vault.unlockWithPin("48291673"), "PIN unlock");
            (store ? pinMs : pinOnlyMs).push_back(millisSince(start));
        }
    }
    std::filesystem::remove_all(dir);

    auto perSec = [](int n, double ms) { return n / (ms / 1000.0); };
    char buf[4096];
    std::string md;
    md += "## Local store: plain SQLite vs SQLCipher\n\n";
    md += "Machine: " + machine() +
          ". SQLCipher 4 (the same library, unkeyed, is the plain "
          "baseline). Rows: " +
          std::to_string(opt.rows) + " appointments (~" + std::to_string(rows[0].body.size()) +
          " bytes of JSON each), batches of " + std::to_string(opt.batch) +
          " per transaction, WAL, 8 MiB page cache, cipher_memory_security " +
          std::string(opt.memorySecurity ? "on" : "off") +
          ". Plain and encrypted "
          "runs alternate; each figure is the median of " +
          std::to_string(opt.rounds) + " rounds.\n\n";
    md += "| measure | plain SQLite | SQLCipher | ratio (SQLCipher speed / plain) |\n";
    md += "| --- | --- | --- | --- |\n";
    auto rowLine = [&](const char* name, int n, double p, double c) {
        std::snprintf(buf, sizeof buf,
                      "| %s | %.0f rows/s (%.0f ms) | %.0f rows/s (%.0f ms) | %.2fx |\n", name,
                      perSec(n, p), p, perSec(n, c), c, p / c);
        md += buf;
    };
    rowLine("bulk insert", opt.rows, plain.insertMs, cipher.insertMs);
    rowLine("full scan", opt.rows, plain.scanMs, cipher.scanMs);
    rowLine("random lookups by id", opt.lookups, plain.lookupMs, cipher.lookupMs);
    std::snprintf(buf, sizeof buf,
                  "| open (+ key proof, pragmas), median of %d | %.2f ms | %.2f ms | %.2fx |\n",
                  opt.opens, plain.openMs, cipher.openMs, plain.openMs / cipher.openMs);
    md += buf;
    std::snprintf(buf, sizeof buf, "| file size | %.1f MiB | %.1f MiB | |\n\n",
                  static_cast<double>(plain.fileBytes) / 1048576.0,
                  static_cast<double>(cipher.fileBytes) / 1048576.0);
    md += buf;
    std::snprintf(buf, sizeof buf,
                  "PIN unlock with a keystore (Argon2id, 3 passes, 64 MiB, the keystore's secret, "
                  "then unwrap): median %.0f ms of 3; without a keystore (4 passes, 128 MiB): "
                  "median %.0f ms of 3.\n\n",
                  median(pinMs), median(pinOnlyMs));
    md += buf;
    const double insertRatio = plain.insertMs / cipher.insertMs;
    std::snprintf(buf, sizeof buf,
                  "Targets: encrypted bulk insert >= 0.7x plain: **%s** (%.2fx); open with the raw "
                  "key < 20 ms: **%s** (%.2f ms).\n\n",
                  insertRatio >= 0.7 ? "met" : "missed", insertRatio,
                  cipher.openMs < 20 ? "met" : "missed", cipher.openMs);
    md += buf;

    if (!opt.jsonOutput.empty()) {
        // The same figures for tools: one JSON object.
        auto mode = [&](const ModeResult& m) {
            std::snprintf(buf, sizeof buf,
                          "{\"insert_ms\": %.1f, \"insert_rows_per_s\": %.0f, \"scan_ms\": %.1f, "
                          "\"lookup_ms\": %.1f, \"open_ms\": %.3f, \"file_bytes\": %ju}",
                          m.insertMs, perSec(opt.rows, m.insertMs), m.scanMs, m.lookupMs, m.openMs,
                          m.fileBytes);
            return std::string(buf);
        };
        std::ofstream out(opt.jsonOutput);
        out << "{\"rows\": " << opt.rows << ", \"lookups\": " << opt.lookups
            << ", \"rounds\": " << opt.rounds << ", \"plain\": " << mode(plain)
            << ", \"sqlcipher\": " << mode(cipher) << ", \"pin_unlock_ms\": " << median(pinMs)
            << ", \"pin_only_unlock_ms\": " << median(pinOnlyMs)
            << ", \"cipher_memory_security\": " << (opt.memorySecurity ? "true" : "false") << "}\n";
        if (!out) {
            std::fprintf(stderr, "could not write %s\n", opt.jsonOutput.c_str());
            return 1;
        }
    }
    std::fputs(md.c_str(), stdout);
    if (!opt.output.empty()) {
        std::ofstream out(opt.output);
        out << md;
        if (!out) {
            std::fprintf(stderr, "could not write %s\n", opt.output.c_str());
            return 1;
        }
    }
    return 0;
}
