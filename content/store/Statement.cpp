#include "content/store/Statement.hpp"

#include <cstdint>
#include <new>

#include <fmt/core.h>
#include <sqlite3.h>

#include "content/store/SqliteError.hpp"

namespace tinxa::content {

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const noexcept {
  sqlite3_finalize(statement);
}

Statement::Statement(sqlite3_stmt* statement) noexcept : m_statement{statement} {}

void Statement::check_bind(int result, int index) const {
  if (result != SQLITE_OK) {
    throw SqliteError::from(
        sqlite3_db_handle(m_statement.get()), result,
        fmt::format("cannot bind parameter {} of '{}'", index, sql_for_message(sql())));
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(m_statement.get(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, int value) {
  check_bind(sqlite3_bind_int(m_statement.get(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(m_statement.get(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // A null pointer would bind NULL, so an empty view with no storage still binds ''.
  const char* text = value.data() != nullptr ? value.data() : "";
  check_bind(sqlite3_bind_text64(m_statement.get(), index, text, value.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
  return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
  check_bind(sqlite3_bind_null(m_statement.get(), index), index);
  return *this;
}

bool Statement::step() {
  const int result = sqlite3_step(m_statement.get());
  if (result == SQLITE_ROW) {
    return true;
  }
  if (result == SQLITE_DONE) {
    return false;
  }
  throw SqliteError::from(sqlite3_db_handle(m_statement.get()), result,
                          fmt::format("cannot run '{}'", sql_for_message(sql())));
}

void Statement::run() {
  struct ResetOnExit {
    Statement& statement;
    ~ResetOnExit() { statement.reset(); }
  } reset_on_exit{*this};
  while (step()) {
  }
}

void Statement::reset() noexcept { sqlite3_reset(m_statement.get()); }

void Statement::clear_bindings() noexcept { sqlite3_clear_bindings(m_statement.get()); }

std::int64_t Statement::column_int64(int column) const noexcept {
  return sqlite3_column_int64(m_statement.get(), column);
}

int Statement::column_int(int column) const noexcept {
  return sqlite3_column_int(m_statement.get(), column);
}

double Statement::column_double(int column) const noexcept {
  return sqlite3_column_double(m_statement.get(), column);
}

std::string Statement::column_text(int column) const {
  // sqlite3_column_text first, then _bytes: the documented order that measures the UTF-8 form.
  const auto* text = sqlite3_column_text(m_statement.get(), column);
  const auto size = sqlite3_column_bytes(m_statement.get(), column);
  if (text == nullptr) {
    if (sqlite3_column_type(m_statement.get(), column) != SQLITE_NULL) {
      throw std::bad_alloc();
    }
    return {};
  }
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)};
}

bool Statement::column_is_null(int column) const noexcept {
  return sqlite3_column_type(m_statement.get(), column) == SQLITE_NULL;
}

int Statement::column_count() const noexcept { return sqlite3_column_count(m_statement.get()); }

std::string_view Statement::sql() const noexcept {
  const char* text = sqlite3_sql(m_statement.get());
  return text != nullptr ? std::string_view{text} : std::string_view{};
}

}  // namespace tinxa::content
