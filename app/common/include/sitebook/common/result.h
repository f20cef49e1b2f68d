#pragma once
// Result<T>: a value or an Error. Status is Result<void>. Both are [[nodiscard]] so an
// expected failure cannot be ignored by accident.

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "sitebook/common/error.h"

namespace sitebook {

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    const T& value() const& {
        assert(ok());
        return std::get<T>(data_);
    }
    T& value() & {
        assert(ok());
        return std::get<T>(data_);
    }
    T&& value() && {
        assert(ok());
        return std::get<T>(std::move(data_));
    }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const {
        assert(!ok());
        return std::get<Error>(data_);
    }
    ErrorCode code() const { return ok() ? ErrorCode::Ok : error().code; }

private:
    std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const {
        assert(!ok());
        return *error_;
    }
    ErrorCode code() const { return ok() ? ErrorCode::Ok : error_->code; }

private:
    std::optional<Error> error_;
};

using Status = Result<void>;

inline Status okStatus() {
    return {};
}

}  // namespace sitebook

// Propagates an error from an expression yielding Status/Result. Each use gets its own
// variable name, so SB_TRY may be nested (e.g. inside a lambda passed to SB_TRY).
#define SB_TRY_CONCAT_INNER_(a, b) a##b
#define SB_TRY_CONCAT_(a, b) SB_TRY_CONCAT_INNER_(a, b)
#define SB_TRY_WITH_NAME_(expr, name) \
    do {                              \
        auto&& name = (expr);         \
        if (!name.ok()) {             \
            return name.error();      \
        }                             \
    } while (false)
#define SB_TRY(expr) SB_TRY_WITH_NAME_(expr, SB_TRY_CONCAT_(sb_try_result_, __COUNTER__))
