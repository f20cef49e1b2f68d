#pragma once
// SecretBytes holds key material: wiped on destruction, never printable.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sitebook {

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(const std::uint8_t* data, std::size_t size);
    ~SecretBytes();
    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;

    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    bool empty() const { return bytes_.empty(); }
    std::span<const std::uint8_t> view() const { return bytes_; }
    std::span<std::uint8_t> span() { return bytes_; }

    // Constant-time comparison.
    bool equals(const SecretBytes& other) const;
    void wipe();

private:
    std::vector<std::uint8_t> bytes_;
};

// Lower-case hex of arbitrary bytes (not secrets: for those see SecretBytes and callers
// that wipe their buffers).
std::string toHex(std::span<const std::uint8_t> bytes);
// Returns false on odd length or a non-hex character.
bool fromHex(std::string_view hex, std::vector<std::uint8_t>& out);

}  // namespace sitebook
