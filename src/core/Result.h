#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace cnap {

/// What went wrong, in terms a caller can branch on.  The message is for people
/// (already translated, Ukrainian by default); the code is for programs.
enum class ErrorCode {
    InvalidArgument,   ///< bad input: the field names which one
    NotFound,
    AlreadyExists,
    Conflict,          ///< optimistic lock lost, or a concurrent change won
    IllegalTransition, ///< a workflow rule forbids it
    PermissionDenied,  ///< role check failed in the service layer
    Unauthenticated,
    Database,
    SchemaTooNew,      ///< the database was written by a newer program
    Io,
    Xml,
    Network,
    Timeout,
    Protocol,          ///< the peer answered, but not as the protocol says
    Unsupported,
    Internal,
};

/// An error value that crosses layer boundaries instead of an exception.
struct Error final {
    ErrorCode code = ErrorCode::Internal;
    QString message;  ///< human readable, translated
    QString field;    ///< machine name of the offending field, empty if none

    [[nodiscard]] static Error invalid(QString field, QString message)
    {
        return {ErrorCode::InvalidArgument, std::move(message), std::move(field)};
    }
    [[nodiscard]] static Error make(ErrorCode code, QString message)
    {
        return {code, std::move(message), {}};
    }
    /// "field: message" when a field is known, else the message alone.
    [[nodiscard]] QString describe() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
};

/// A value or an Error.  std::expected is C++23 and GCC 12 lacks it, so this is
/// the small subset we need.
template <typename T>
class [[nodiscard]] Result final {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}      // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const noexcept { return m_data.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    [[nodiscard]] T &value() & { return std::get<0>(m_data); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_data); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_data)); }
    [[nodiscard]] const Error &error() const { return std::get<1>(m_data); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    template <typename U>
    [[nodiscard]] T valueOr(U &&fallback) const
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> final {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const noexcept { return !m_failed; }
    explicit operator bool() const noexcept { return ok(); }
    [[nodiscard]] const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

/// Propagates an error out of the enclosing function returning a Result.
#define CNAP_TRY(expr)                                       \
    do {                                                     \
        if (auto cnap_try_r = (expr); !cnap_try_r.ok())      \
            return cnap_try_r.error();                       \
    } while (false)

} // namespace cnap
