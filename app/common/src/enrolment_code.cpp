#include "sitebook/common/enrolment_code.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>

namespace sitebook {

namespace {

bool isHostChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == ':' ||
           c == '[' || c == ']';
}

Status checkServer(std::string_view server) {
    const auto bad = [](std::string message) {
        return makeError(ErrorCode::InvalidArgument, std::move(message), "server");
    };
    const auto colon = server.rfind(':');
    if (server.empty() || colon == std::string_view::npos || colon == 0)
        return bad("the server address must be HOST:PORT");
    if (!std::all_of(server.begin(), server.end(), isHostChar))
        return bad("the server address has characters a host name cannot have");
    const std::string_view port = server.substr(colon + 1);
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535)
        return bad("the server port must be a number from 1 to 65535");
    return okStatus();
}

Status checkTlsName(std::string_view name) {
    if (!std::all_of(name.begin(), name.end(), [](char c) { return isHostChar(c) && c != ':'; })) {
        return makeError(ErrorCode::InvalidArgument, "the TLS name is not a host name", "tls-name");
    }
    return okStatus();
}

std::string base64(std::string_view bytes, int variant) {
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), variant);
    out.resize(std::strlen(out.c_str()));
    return out;
}

bool unbase64(std::string_view text, int variant, const char* ignore, std::string& out) {
    out.assign(text.size(), '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), ignore, &length, &end, variant) != 0 ||
        end != text.data() + text.size()) {
        return false;
    }
    out.resize(length);
    return true;
}

}  // namespace

std::string certificateSha256(std::string_view der) {
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(der.data()), der.size());
    std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), hash, sizeof hash);
    hex.pop_back();
    return hex;
}

std::string fingerprintText(std::string_view sha256Hex) {
    std::string out;
    for (std::size_t i = 0; i < sha256Hex.size(); ++i) {
        if (i > 0 && i % 2 == 0)
            out += ':';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(sha256Hex[i])));
    }
    return out;
}

Result<std::string> pemCertificateToDer(std::string_view pem) {
    constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
    constexpr std::string_view kEnd = "-----END CERTIFICATE-----";
    const auto begin = pem.find(kBegin);
    const auto end = begin == std::string_view::npos ? begin : pem.find(kEnd, begin);
    if (end == std::string_view::npos) {
        return makeError(ErrorCode::InvalidArgument, "the file holds no PEM certificate", "ca");
    }
    const std::string_view body = pem.substr(begin + kBegin.size(), end - begin - kBegin.size());
    std::string der;
    if (!unbase64(body, sodium_base64_VARIANT_ORIGINAL, " \t\r\n", der) || der.empty()) {
        return makeError(ErrorCode::InvalidArgument, "the PEM certificate is damaged", "ca");
    }
    return der;
}

std::string derCertificateToPem(std::string_view der) {
    const std::string text = base64(der, sodium_base64_VARIANT_ORIGINAL);
    std::string pem = "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t i = 0; i < text.size(); i += 64)
        pem += text.substr(i, 64) + "\n";
    pem += "-----END CERTIFICATE-----\n";
    return pem;
}

Result<std::string> makeEnrolmentCode(const EnrolmentCode& code) {
    SB_TRY(checkServer(code.server));
    SB_TRY(checkTlsName(code.tlsName));
    if (code.caDer.empty())
        return makeError(ErrorCode::InvalidArgument, "the CA certificate is empty", "ca");
    std::string text(kEnrolmentPrefix);
    text += "v=" + std::to_string(kEnrolmentVersion);
    text += "&server=" + code.server;
    if (!code.tlsName.empty())
        text += "&tls-name=" + code.tlsName;
    text += "&ca-sha256=" + certificateSha256(code.caDer);
    text += "&ca=" + base64(code.caDer, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

Result<EnrolmentCode> parseEnrolmentCode(std::string_view input) {
    std::string text;
    for (char c : input) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0)
            text += c;
    }
    std::string prefix = text.substr(0, kEnrolmentPrefix.size());
    std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (prefix != kEnrolmentPrefix) {
        return makeError(ErrorCode::InvalidArgument, "this is not a Sitebook enrolment code",
                         "code");
    }
    std::map<std::string, std::string> fields;
    std::string_view rest = std::string_view(text).substr(kEnrolmentPrefix.size());
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        if (eq != std::string_view::npos)
            fields.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
    const auto field = [&](const std::string& key) {
        auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    };
    if (field("v") != std::to_string(kEnrolmentVersion)) {
        return makeError(ErrorCode::InvalidArgument,
                         fields.count("v") ? "the enrolment code is of a newer kind than this app "
                                             "reads: update the app"
                                           : "this is not a Sitebook enrolment code",
                         fields.count("v") ? "version" : "code");
    }
    EnrolmentCode code;
    code.server = field("server");
    code.tlsName = field("tls-name");
    SB_TRY(checkServer(code.server));
    SB_TRY(checkTlsName(code.tlsName));
    const std::string ca = field("ca");
    if (ca.empty() ||
        !unbase64(ca, sodium_base64_VARIANT_URLSAFE_NO_PADDING, nullptr, code.caDer) ||
        code.caDer.empty()) {
        return makeError(ErrorCode::InvalidArgument,
                         "the enrolment code's certificate is missing or damaged", "ca");
    }
    std::string expected = field("ca-sha256");
    std::transform(expected.begin(), expected.end(), expected.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (expected.size() != crypto_hash_sha256_BYTES * 2 ||
        certificateSha256(code.caDer) != expected) {
        return makeError(ErrorCode::InvalidArgument,
                         "the enrolment code's certificate does not match its fingerprint",
                         "ca-sha256");
    }
    return code;
}

}  // namespace sitebook
