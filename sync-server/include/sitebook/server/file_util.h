#pragma once

#include <string>

#include "sitebook/common/result.h"

namespace sitebook::server {

// Writes `contents` to a temporary file beside `path`, fsyncs and renames it into place.
// `secret`: mode 0600 from the start (keys), otherwise 0644.
Status writeFileAtomically(const std::string& path, const std::string& contents, bool secret);
Result<std::string> readFile(const std::string& path);

}  // namespace sitebook::server
