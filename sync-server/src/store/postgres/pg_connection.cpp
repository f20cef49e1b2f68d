#include "pg_connection.h"

#include <cstdlib>
#include <cstring>

namespace sitebook::server::pg {

namespace {

std::string firstLine(const char* text) {
    std::string s = text != nullptr ? text : "";
    if (auto nl = s.find('\n'); nl != std::string::npos)
        s.resize(nl);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r'))
        s.pop_back();
    return s;
}

bool contains(const std::string& haystack, const char* needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

std::int64_t Rows::affected() const {
    const char* n = PQcmdTuples(result_.get());
    return n != nullptr && *n != '\0' ? std::strtoll(n, nullptr, 10) : 0;
}

std::string Rows::text(int row, int col) const {
    return std::string(PQgetvalue(result_.get(), row, col),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, col)));
}

std::int64_t Rows::integer(int row, int col) const {
    return std::strtoll(PQgetvalue(result_.get(), row, col), nullptr, 10);
}

bool Rows::boolean(int row, int col) const {
    return PQgetvalue(result_.get(), row, col)[0] == 't';
}

std::optional<std::int64_t> Rows::optionalInteger(int row, int col) const {
    if (isNull(row, col))
        return std::nullopt;
    return integer(row, col);
}

std::optional<std::string> Rows::optionalText(int row, int col) const {
    if (isNull(row, col))
        return std::nullopt;
    return text(row, col);
}

sitebook::Result<std::unique_ptr<Connection>> Connection::connect(const std::string& url) {
    PGconn* conn = PQconnectdb(url.c_str());
    if (conn == nullptr)
        return makeError(ErrorCode::ResourceExhausted, "out of memory connecting to the database");
    if (PQstatus(conn) == CONNECTION_OK) {
        // Errors and notices stay out of the server's stderr; they come back as Error values.
        PQsetNoticeProcessor(
            conn, [](void*, const char*) {}, nullptr);
        return std::unique_ptr<Connection>(new Connection(conn));
    }
    const std::string why = firstLine(PQerrorMessage(conn));
    PQfinish(conn);
    if (contains(why, "password authentication failed") || contains(why, "no password supplied"))
        return makeError(ErrorCode::Unauthenticated,
                         "the database refused the user name or password: " + why);
    if (contains(why, "database \"") && contains(why, "does not exist"))
        return makeError(ErrorCode::NotFound,
                         "the database does not exist (create it with createdb): " + why);
    if (contains(why, "invalid") || contains(why, "URI") || contains(why, "missing"))
        return makeError(ErrorCode::InvalidArgument, "the database URL is not valid: " + why);
    return makeError(ErrorCode::Unavailable, "cannot reach the database: " + why);
}

Connection::~Connection() {
    PQfinish(conn_);
}

bool Connection::healthy() const {
    return PQstatus(conn_) == CONNECTION_OK;
}

Error Connection::failure(PGresult* result) const {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state != nullptr ? state : "";
    std::string message = firstLine(result != nullptr ? PQresultErrorMessage(result) : nullptr);
    if (message.empty())
        message = firstLine(PQerrorMessage(conn_));
    if (!healthy() || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0)
        return makeError(ErrorCode::Unavailable, "lost the connection to the database: " + message);
    if (code == "40001" || code == "40P01" || code == "55P03")
        return makeError(ErrorCode::Unavailable,
                         "the database was busy with a concurrent change; try again: " + message);
    if (code == "23505")
        return makeError(ErrorCode::AlreadyExists, message);
    if (code == "23503")
        return makeError(ErrorCode::InvalidArgument, message);
    if (code == "P0001")
        return makeError(ErrorCode::PermissionDenied, message);
    if (code == "25006")
        return makeError(ErrorCode::PermissionDenied, message);
    return makeError(ErrorCode::Internal, "database error: " + message);
}

sitebook::Result<Rows> Connection::run(std::string_view sql, const Params& params) {
    const std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
        std::string name = "s" + std::to_string(prepared_.size() + 1);
        std::unique_ptr<PGresult, ResultDeleter> prep(
            PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr));
        if (PQresultStatus(prep.get()) != PGRES_COMMAND_OK)
            return failure(prep.get());
        it = prepared_.emplace(key, std::move(name)).first;
    }
    const auto& values = params.values();
    std::vector<const char*> raw;
    raw.reserve(values.size());
    for (const auto& v : values)
        raw.push_back(v ? v->c_str() : nullptr);
    PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(raw.size()),
                                      raw.data(), nullptr, nullptr, 0);
    const auto status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        Error error = failure(result);
        PQclear(result);
        return error;
    }
    return Rows(result);
}

Status Connection::exec(std::string_view sql) {
    const std::string text(sql);
    std::unique_ptr<PGresult, ResultDeleter> result(PQexec(conn_, text.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return failure(result.get());
    return okStatus();
}

}  // namespace sitebook::server::pg
