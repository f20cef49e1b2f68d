#pragma once
// Small RAII wrappers over libpq for the PostgreSQL store: a connection that prepares each
// statement once, text parameters, and a result whose errors become sitebook::Error.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitebook/common/result.h"

namespace sitebook::server::pg {

// Parameters in text format, $1, $2, ... in the order added.
class Params {
public:
    Params& add(std::string_view v) {
        values_.emplace_back(std::string(v));
        return *this;
    }
    Params& add(const std::string& v) { return add(std::string_view(v)); }
    Params& add(const char* v) { return add(std::string_view(v)); }
    Params& add(std::int64_t v) {
        values_.emplace_back(std::to_string(v));
        return *this;
    }
    Params& add(int v) { return add(static_cast<std::int64_t>(v)); }
    Params& add(std::uint64_t v) = delete;  // say which: checksums go in as signed
    Params& add(bool v) {
        values_.emplace_back(v ? "true" : "false");
        return *this;
    }
    Params& add(const std::optional<std::int64_t>& v) {
        values_.push_back(v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt);
        return *this;
    }
    Params& add(const std::optional<std::string>& v) {
        values_.push_back(v);
        return *this;
    }
    const std::vector<std::optional<std::string>>& values() const { return values_; }

private:
    std::vector<std::optional<std::string>> values_;
};

template <typename... Values>
Params params(const Values&... values) {
    Params p;
    (p.add(values), ...);
    return p;
}

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};

// Rows of a successful statement.
class Rows {
public:
    explicit Rows(PGresult* result) : result_(result) {}
    int size() const { return PQntuples(result_.get()); }
    bool empty() const { return size() == 0; }
    // Rows an INSERT / UPDATE / DELETE touched.
    std::int64_t affected() const;
    bool isNull(int row, int col) const { return PQgetisnull(result_.get(), row, col) != 0; }
    std::string text(int row, int col) const;
    std::int64_t integer(int row, int col) const;
    bool boolean(int row, int col) const;
    std::optional<std::int64_t> optionalInteger(int row, int col) const;
    std::optional<std::string> optionalText(int row, int col) const;

private:
    std::unique_ptr<PGresult, ResultDeleter> result_;
};

class Connection {
public:
    // Connects to `url`; a failure names the problem in one line (unreachable, password,
    // missing database, malformed URL).
    static sitebook::Result<std::unique_ptr<Connection>> connect(const std::string& url);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs one statement with parameters, preparing it on this connection the first time.
    sitebook::Result<Rows> run(std::string_view sql, const Params& params = {});
    // Runs one or more statements without parameters (transaction control, migrations).
    Status exec(std::string_view sql);
    // False once the connection to the server is lost.
    bool healthy() const;

private:
    explicit Connection(PGconn* conn) : conn_(conn) {}
    Error failure(PGresult* result) const;

    PGconn* conn_;
    std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

}  // namespace sitebook::server::pg
