#include <cstdio>
#include <mutex>

#include "sitebook/common/log.h"

namespace sitebook::log {

namespace {
std::mutex& mutex() {
    static std::mutex m;
    return m;
}
Level& minimumLevel() {
    static Level level = Level::Info;
    return level;
}
void stderrSink(Level level, std::string_view component, std::string_view message) {
    if (level < Level::Warning)
        return;
    std::fprintf(stderr, "[%.*s] %.*s: %.*s\n", static_cast<int>(levelName(level).size()),
                 levelName(level).data(), static_cast<int>(component.size()), component.data(),
                 static_cast<int>(message.size()), message.data());
}
Sink& currentSink() {
    static Sink sink = stderrSink;
    return sink;
}
}  // namespace

Sink setSink(Sink sink) {
    std::lock_guard lock(mutex());
    Sink old = std::move(currentSink());
    currentSink() = sink ? std::move(sink) : Sink(stderrSink);
    return old;
}

void setMinimumLevel(Level level) {
    std::lock_guard lock(mutex());
    minimumLevel() = level;
}

void write(Level level, std::string_view component, std::string_view message) {
    std::lock_guard lock(mutex());
    if (level < minimumLevel())
        return;
    currentSink()(level, component, message);
}

std::string_view levelName(Level level) {
    switch (level) {
        case Level::Debug:
            return "debug";
        case Level::Info:
            return "info";
        case Level::Warning:
            return "warning";
        case Level::Error:
            return "error";
    }
    return "?";
}

}  // namespace sitebook::log
