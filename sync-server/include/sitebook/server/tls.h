#pragma once
// Development certificates, made with OpenSSL's C API: a CA and a server certificate for
// localhost / 127.0.0.1 / ::1. Production deployments bring their own certificate.

#include <string>
#include <vector>

#include "sitebook/common/result.h"

namespace sitebook::server {

struct PemPair {
    std::string certificatePem;
    std::string privateKeyPem;  // unencrypted PKCS#8; write it with mode 0600
};

struct CertificateRequest {
    std::string commonName;
    std::vector<std::string> dnsNames;     // subjectAltName DNS entries
    std::vector<std::string> ipAddresses;  // subjectAltName IP entries (v4 or v6 text)
    int validDays = 825;
};

// A self-signed CA (EC P-256, basicConstraints CA:TRUE, keyCertSign).
Result<PemPair> generateCertificateAuthority(const std::string& commonName, int validDays);
// A TLS server certificate signed by `ca` (serverAuth, digitalSignature).
Result<PemPair> generateServerCertificate(const PemPair& ca, const CertificateRequest& request);

// Writes ca.pem, ca.key, server.pem, server.key into `dir` (created if missing; keys 0600)
// for localhost, 127.0.0.1 and ::1.
Status writeDevelopmentTls(const std::string& dir);

}  // namespace sitebook::server
