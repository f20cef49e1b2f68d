#pragma once
// Minimal structured logging with a replaceable sink. Messages must never contain keys, PINs,
// passwords, tokens or case-note text; tests install a capturing sink to prove it.

#include <functional>
#include <string>
#include <string_view>

namespace sitebook::log {

enum class Level { Debug, Info, Warning, Error };

using Sink = std::function<void(Level, std::string_view component, std::string_view message)>;

// Replaces the process-wide sink (default: stderr for Warning and above). Returns the old one.
// Thread-safe.
Sink setSink(Sink sink);
void setMinimumLevel(Level level);

void write(Level level, std::string_view component, std::string_view message);
inline void debug(std::string_view c, std::string_view m) {
    write(Level::Debug, c, m);
}
inline void info(std::string_view c, std::string_view m) {
    write(Level::Info, c, m);
}
inline void warning(std::string_view c, std::string_view m) {
    write(Level::Warning, c, m);
}
inline void error(std::string_view c, std::string_view m) {
    write(Level::Error, c, m);
}

std::string_view levelName(Level level);

}  // namespace sitebook::log
