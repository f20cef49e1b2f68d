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
    Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
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

inline Status okStatus() { return {}; }

}  // namespace sitebook

// Propagates an error from an expression yielding Status/Result.
#define SB_TRY(expr)                                     \
    do {                                                 \
        auto&& sb_try_result_ = (expr);                  \
        if (!sb_try_result_.ok()) {                      \
            return sb_try_result_.error();               \
        }                                                \
    } while (false)
