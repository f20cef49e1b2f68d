#include "sitebook/server/file_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sitebook::server {

Status writeFileAtomically(const std::string& path, const std::string& contents, bool secret) {
    const std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0) {
        return makeError(ErrorCode::Io, "could not create " + tmp + ": " + std::strerror(errno));
    }
    std::size_t written = 0;
    while (written < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            ::close(fd);
            return makeError(ErrorCode::Io, "could not write " + tmp + ": " + std::strerror(err));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        return makeError(ErrorCode::Io, "could not flush " + tmp + ": " + std::strerror(errno));
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        return makeError(ErrorCode::Io, "could not rename " + tmp + ": " + std::strerror(errno));
    }
    return okStatus();
}

Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "could not open " + path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace sitebook::server
