#pragma once
// Text rules shared by validation and storage. Limits on free text are in Unicode code points
// (what a person counts as characters), not bytes.

#include <cstddef>
#include <optional>
#include <string_view>

namespace sitebook::domain {

// Well-formed UTF-8 per RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text);
// Number of code points, or nullopt if `text` is not valid UTF-8.
std::optional<std::size_t> codePointCount(std::string_view text);
// True if `text` is empty or only ASCII whitespace.
bool isBlank(std::string_view text);

}  // namespace sitebook::domain
