// `sitebook-server device enrol`: the enrolment code a device signs in with (the server
// address and the CA certificate with its SHA-256 fingerprint; nothing secret), as text and as
// a QR image. The code's format is sitebook/common/enrolment_code.h (docs/CLI.md).

#include <qrencode.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "sitebook/common/enrolment_code.h"
#include "sitebook/server/commands.h"
#include "sitebook/server/file_util.h"

namespace sitebook::server {

namespace {

int fail(std::ostream& err, const Error& error) {
    err << "error: " << (error.field.empty() ? "" : error.field + ": ") << error.message << "\n";
    return error.code == ErrorCode::InvalidArgument ? kExitUsage : kExitFailure;
}

void appendBigEndian(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xff);
}

void appendChunk(std::string& png, const char* type, const std::string& data) {
    appendBigEndian(png, static_cast<std::uint32_t>(data.size()));
    const std::string typed = std::string(type, 4) + data;
    png += typed;
    const auto crc =
        crc32(0L, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()));
    appendBigEndian(png, static_cast<std::uint32_t>(crc));
}

}  // namespace

// A QR code of `text` as an 8-bit greyscale PNG: `scale` pixels per module and the four-module
// quiet zone the standard asks for. Error correction level M (15 % of the code can be lost).
Result<std::string> qrCodePng(const std::string& text, int scale, int* modules) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!qr)
        return makeError(ErrorCode::InvalidArgument, "the code is too long for a QR image");
    constexpr int kQuiet = 4;
    const int side = (qr->width + 2 * kQuiet) * scale;
    std::string raw;
    raw.reserve(static_cast<std::size_t>(side) * (side + 1));
    for (int y = 0; y < side; ++y) {
        raw += '\0';  // filter: none
        const int my = y / scale - kQuiet;
        for (int x = 0; x < side; ++x) {
            const int mx = x / scale - kQuiet;
            const bool dark = my >= 0 && my < qr->width && mx >= 0 && mx < qr->width &&
                              (qr->data[my * qr->width + mx] & 1) != 0;
            raw += static_cast<char>(dark ? 0 : 255);
        }
    }
    uLongf packedSize = compressBound(static_cast<uLong>(raw.size()));
    std::string packed(packedSize, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packedSize,
                  reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                  Z_BEST_COMPRESSION) != Z_OK) {
        return makeError(ErrorCode::Internal, "compressing the QR image failed");
    }
    packed.resize(packedSize);
    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    appendBigEndian(header, static_cast<std::uint32_t>(side));
    appendBigEndian(header, static_cast<std::uint32_t>(side));
    header += std::string("\x08\x00\x00\x00\x00", 5);  // 8 bits, greyscale, deflate, no interlace
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", packed);
    appendChunk(png, "IEND", {});
    if (modules != nullptr)
        *modules = qr->width;
    return png;
}

namespace {

const std::string kEnrolUsage =
    "usage: sitebook-server device enrol --address HOST:PORT [--tls-name NAME] [--ca FILE]\n"
    "                                    [--qr FILE.png] [--data-dir DIR]\n"
    "\n"
    "Prints the enrolment code devices sign in with: the address devices reach the server\n"
    "at and the CA certificate that signed its TLS certificate, with the certificate's\n"
    "SHA-256 fingerprint. Nothing in it is secret; each person still signs in with their own\n"
    "password. Paste the code into the app's sign-in page, or show the QR image.\n"
    "\n"
    "  --address HOST:PORT  where devices reach the server (the proxy in front of it, if any)\n"
    "  --tls-name NAME      the name in the server certificate, when HOST is not in it\n"
    "  --ca FILE            the CA certificate, PEM (default DIR/tls/ca.pem)\n"
    "  --qr FILE.png        also write the code as a QR image\n"
    "  --data-dir DIR       server data directory (default: $SITEBOOK_DATA_DIR or\n"
    "                       ./sitebook-data), for the default --ca\n";

int runDeviceEnrol(CommandContext& ctx) {
    auto args = parseArgs(
        ctx.args,
        {"--data-dir", "--database", "--db-pool-size", "--address", "--tls-name", "--ca", "--qr"},
        {});
    if (!args)
        return fail(ctx.err, args.error());
    if (args->help) {
        ctx.out << kEnrolUsage;
        return kExitOk;
    }
    const auto address = args->value("--address");
    if (!address) {
        return fail(ctx.err,
                    makeError(ErrorCode::InvalidArgument,
                              "give the address devices reach the server at", "--address"));
    }
    const std::string caPath = args->value("--ca").value_or(DataDir::fromArgs(*args).tlsCaPath());
    auto pem = readFile(caPath);
    if (!pem) {
        return fail(ctx.err, makeError(ErrorCode::NotFound,
                                       "cannot read the CA certificate " + caPath, "--ca"));
    }
    auto der = pemCertificateToDer(*pem);
    if (!der)
        return fail(ctx.err, makeError(ErrorCode::InvalidArgument, der.error().message, "--ca"));
    auto code = makeEnrolmentCode({*address, args->value("--tls-name").value_or(""), *der});
    if (!code) {
        Error e = code.error();
        e.field = e.field == "tls-name" ? "--tls-name" : "--address";
        return fail(ctx.err, e);
    }
    ctx.out << "enrolment code:\n"
            << *code << "\n"
            << "server: " << *address << "\n"
            << "CA certificate SHA-256: " << fingerprintText(certificateSha256(*der)) << "\n";
    if (const auto qrPath = args->value("--qr")) {
        int modules = 0;
        auto png = qrCodePng(*code, 6, &modules);
        if (!png)
            return fail(ctx.err, png.error());
        if (auto written = writeFileAtomically(*qrPath, *png, false); !written)
            return fail(ctx.err, written.error());
        ctx.out << "QR image: " << *qrPath << " (" << modules << " x " << modules << " modules)\n";
    }
    return kExitOk;
}

}  // namespace

void addDeviceCommands(CommandTable& table) {
    table.add({"device enrol", "print the enrolment code devices sign in with (text and QR)",
               kEnrolUsage, runDeviceEnrol});
}

}  // namespace sitebook::server
