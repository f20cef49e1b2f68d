#include "atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace sitebook::storage::detail {

namespace {

Error ioError(std::string what, int err) {
    return makeError(ErrorCode::Io, std::move(what) + ": " + std::strerror(err));
}

// Closes the descriptor on scope exit.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() {
        int fd = fd_;
        fd_ = -1;
        return fd;
    }

private:
    int fd_;
};

Status writeAll(int fd, std::string_view data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("could not write the key file", errno);
        }
        done += static_cast<std::size_t>(n);
    }
    return okStatus();
}

Status syncDirectory(const std::filesystem::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return ioError("could not open the key directory", errno);
    if (::fsync(fd.get()) != 0)
        return ioError("could not sync the key directory", errno);
    return okStatus();
}

}  // namespace

Status ensurePrivateDirectory(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec))
        return okStatus();
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "could not create the key directory: " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    if (ec)
        return makeError(ErrorCode::Io, "could not restrict the key directory: " + ec.message());
    return okStatus();
}

Status writeFileAtomically(const std::filesystem::path& path, std::string_view contents) {
    std::filesystem::path temp = path;
    temp += ".tmp";
    {
        Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        if (fd.get() < 0)
            return ioError("could not create the key file", errno);
        if (Status written = writeAll(fd.get(), contents); !written.ok()) {
            ::unlink(temp.c_str());
            return written;
        }
        if (::fsync(fd.get()) != 0) {
            const int err = errno;
            ::unlink(temp.c_str());
            return ioError("could not sync the key file", err);
        }
        if (::close(fd.release()) != 0) {
            const int err = errno;
            ::unlink(temp.c_str());
            return ioError("could not close the key file", err);
        }
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return ioError("could not replace the key file", err);
    }
    return syncDirectory(path.parent_path().empty() ? std::filesystem::path(".")
                                                    : path.parent_path());
}

Result<std::optional<std::string>> readSmallFile(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno == ENOENT)
            return std::optional<std::string>();
        return ioError("could not open the key file", errno);
    }
    std::string out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError("could not read the key file", errno);
        }
        if (n == 0)
            break;
        out.append(buffer, static_cast<std::size_t>(n));
        if (out.size() > 1024 * 1024) {
            return makeError(ErrorCode::Corrupt, "the key file is implausibly large");
        }
    }
    return std::optional<std::string>(std::move(out));
}

Status destroyFile(const std::filesystem::path& path) {
    {
        Fd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
        if (fd.get() < 0) {
            if (errno == ENOENT)
                return okStatus();
            return ioError("could not open the key file", errno);
        }
        struct stat info {};
        if (::fstat(fd.get(), &info) == 0 && info.st_size > 0) {
            const std::vector<char> zeros(static_cast<std::size_t>(info.st_size), '\0');
            SB_TRY(writeAll(fd.get(), std::string_view(zeros.data(), zeros.size())));
            ::fsync(fd.get());
        }
    }
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        return ioError("could not remove the key file", errno);
    }
    return syncDirectory(path.parent_path().empty() ? std::filesystem::path(".")
                                                    : path.parent_path());
}

}  // namespace sitebook::storage::detail
