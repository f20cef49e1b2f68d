#include "sitebook/storage/memory_key_store.h"

namespace sitebook::storage {

Result<std::optional<SecretBytes>> MemoryKeyStore::read(std::string_view name) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(name);
    if (it == entries_.end())
        return std::optional<SecretBytes>();
    return std::optional<SecretBytes>(it->second);
}

Status MemoryKeyStore::write(std::string_view name, const SecretBytes& secret) {
    std::lock_guard lock(mutex_);
    entries_.insert_or_assign(std::string(name), secret);
    return okStatus();
}

Status MemoryKeyStore::remove(std::string_view name) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(name); it != entries_.end())
        entries_.erase(it);
    return okStatus();
}

std::string MemoryKeyStore::description() const {
    return "in-memory keystore, not persistent";
}

std::size_t MemoryKeyStore::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace sitebook::storage
