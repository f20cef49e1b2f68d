#pragma once
// Enrolment codes: how a device learns where its sync server is and which CA to trust, from
// one line of text (or the QR image of it) that an administrator hands out. The code holds
// nothing secret: the server address, the TLS name when it differs from the host, the CA
// certificate (DER, base64url) and its SHA-256 fingerprint. Format, version 1:
//
//   sitebook:enrol?v=1&server=HOST:PORT[&tls-name=NAME]&ca-sha256=HEX&ca=BASE64URL
//
// Keys are in any order; unknown keys are ignored (later versions may add some); whitespace
// anywhere (a code wrapped by a mail program) is ignored. A code whose certificate does not
// hash to its fingerprint is refused, so a damaged or truncated copy never pins a CA.
// `sitebook-server device enrol` makes codes; the app reads them on its sign-in page.

#include <string>
#include <string_view>

#include "sitebook/common/result.h"

namespace sitebook {

inline constexpr std::string_view kEnrolmentPrefix = "sitebook:enrol?";
inline constexpr int kEnrolmentVersion = 1;

struct EnrolmentCode {
    std::string server;   // "host:port"
    std::string tlsName;  // empty: the host of `server`
    std::string caDer;    // the CA certificate, DER bytes
};

// Lower-case hex SHA-256 of a certificate's DER bytes.
std::string certificateSha256(std::string_view der);
// "AB:CD:…" (upper case, colon-separated), the form certificate tools print.
std::string fingerprintText(std::string_view sha256Hex);

// The DER bytes of the first certificate of a PEM text; InvalidArgument when there is none.
Result<std::string> pemCertificateToDer(std::string_view pem);
// A PEM "CERTIFICATE" block for DER bytes.
std::string derCertificateToPem(std::string_view der);

// The code's text. InvalidArgument (field "server" or "tls-name") for an address that is not
// HOST:PORT or a name with characters a host name cannot have; "ca" for an empty certificate.
Result<std::string> makeEnrolmentCode(const EnrolmentCode& code);

// Reads a code. InvalidArgument, with `field`: "code" (not an enrolment code), "version"
// (made by a newer server: update the app), "server"/"tls-name" (malformed), "ca" (missing or
// not base64url), "ca-sha256" (missing, or the certificate does not match it).
Result<EnrolmentCode> parseEnrolmentCode(std::string_view text);

}  // namespace sitebook
