#include "sitebook/server/tls.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <memory>

#include "sitebook/server/file_util.h"

namespace sitebook::server {

namespace {

struct Deleter {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Deleter>;

Error opensslError(const std::string& what) {
    unsigned long code = ERR_get_error();
    char buf[256] = {0};
    if (code != 0)
        ERR_error_string_n(code, buf, sizeof buf);
    ERR_clear_error();
    return makeError(ErrorCode::Internal, what + (code != 0 ? std::string(": ") + buf : ""));
}

Owned<EVP_PKEY> newKey() {
    return Owned<EVP_PKEY>(EVP_EC_gen("P-256"));
}

Result<std::string> toPem(EVP_PKEY* key) {
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        return opensslError("could not encode the private key");
    }
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

Result<std::string> toPem(X509* cert) {
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) {
        return opensslError("could not encode the certificate");
    }
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

Status addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
        return opensslError("could not add certificate extension " + value);
    }
    return okStatus();
}

// A certificate with a random 159-bit serial, valid from now for `validDays`.
Result<Owned<X509>> newCertificate(EVP_PKEY* key, const std::string& commonName, int validDays) {
    Owned<X509> cert(X509_new());
    if (!cert)
        return opensslError("X509_new failed");
    X509_set_version(cert.get(), 2);  // v3
    unsigned char serial[20];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return opensslError("RAND_bytes failed");
    serial[0] &= 0x7F;
    Owned<BIGNUM> bn(BN_bin2bn(serial, sizeof serial, nullptr));
    if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) {
        return opensslError("could not set the serial number");
    }
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60 * 60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(validDays) * 24 * 60 * 60);
    if (X509_set_pubkey(cert.get(), key) != 1)
        return opensslError("X509_set_pubkey failed");
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Sitebook development"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                               0);
    return cert;
}

Result<Owned<EVP_PKEY>> readKey(const std::string& pem) {
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Owned<EVP_PKEY> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return opensslError("could not read the CA private key");
    return key;
}

Result<Owned<X509>> readCert(const std::string& pem) {
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    Owned<X509> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return opensslError("could not read the CA certificate");
    return cert;
}

}  // namespace

Result<PemPair> generateCertificateAuthority(const std::string& commonName, int validDays) {
    auto key = newKey();
    if (!key)
        return opensslError("could not generate a P-256 key");
    auto cert = newCertificate(key.get(), commonName, validDays);
    if (!cert)
        return cert.error();
    X509* c = cert->get();
    X509_set_issuer_name(c, X509_get_subject_name(c));
    SB_TRY(addExtension(c, c, NID_basic_constraints, "critical,CA:TRUE,pathlen:0"));
    SB_TRY(addExtension(c, c, NID_key_usage, "critical,keyCertSign,cRLSign"));
    SB_TRY(addExtension(c, c, NID_subject_key_identifier, "hash"));
    if (X509_sign(c, key.get(), EVP_sha256()) == 0)
        return opensslError("could not sign the CA");
    auto certPem = toPem(c);
    if (!certPem)
        return certPem.error();
    auto keyPem = toPem(key.get());
    if (!keyPem)
        return keyPem.error();
    return PemPair{std::move(*certPem), std::move(*keyPem)};
}

Result<PemPair> generateServerCertificate(const PemPair& ca, const CertificateRequest& request) {
    auto caKey = readKey(ca.privateKeyPem);
    if (!caKey)
        return caKey.error();
    auto caCert = readCert(ca.certificatePem);
    if (!caCert)
        return caCert.error();
    auto key = newKey();
    if (!key)
        return opensslError("could not generate a P-256 key");
    auto cert = newCertificate(key.get(), request.commonName, request.validDays);
    if (!cert)
        return cert.error();
    X509* c = cert->get();
    X509_set_issuer_name(c, X509_get_subject_name(caCert->get()));
    std::string san;
    for (const auto& dns : request.dnsNames)
        san += (san.empty() ? "DNS:" : ",DNS:") + dns;
    for (const auto& ip : request.ipAddresses)
        san += (san.empty() ? "IP:" : ",IP:") + ip;
    SB_TRY(addExtension(c, caCert->get(), NID_basic_constraints, "critical,CA:FALSE"));
    SB_TRY(addExtension(c, caCert->get(), NID_key_usage, "critical,digitalSignature"));
    SB_TRY(addExtension(c, caCert->get(), NID_ext_key_usage, "serverAuth"));
    SB_TRY(addExtension(c, caCert->get(), NID_authority_key_identifier, "keyid:always"));
    if (!san.empty())
        SB_TRY(addExtension(c, caCert->get(), NID_subject_alt_name, san));
    if (X509_sign(c, caKey->get(), EVP_sha256()) == 0) {
        return opensslError("could not sign the server certificate");
    }
    auto certPem = toPem(c);
    if (!certPem)
        return certPem.error();
    auto keyPem = toPem(key.get());
    if (!keyPem)
        return keyPem.error();
    return PemPair{std::move(*certPem), std::move(*keyPem)};
}

Status writeDevelopmentTls(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return makeError(ErrorCode::Io, "could not create " + dir + ": " + ec.message());
    auto ca = generateCertificateAuthority("Sitebook development CA", 825);
    if (!ca)
        return ca.error();
    CertificateRequest request;
    request.commonName = "localhost";
    request.dnsNames = {"localhost"};
    request.ipAddresses = {"127.0.0.1", "::1"};
    auto server = generateServerCertificate(*ca, request);
    if (!server)
        return server.error();
    const std::filesystem::path base(dir);
    SB_TRY(writeFileAtomically((base / "ca.pem").string(), ca->certificatePem, false));
    SB_TRY(writeFileAtomically((base / "ca.key").string(), ca->privateKeyPem, true));
    SB_TRY(writeFileAtomically((base / "server.pem").string(), server->certificatePem, false));
    SB_TRY(writeFileAtomically((base / "server.key").string(), server->privateKeyPem, true));
    return okStatus();
}

}  // namespace sitebook::server
