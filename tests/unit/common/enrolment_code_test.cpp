// Enrolment codes (sitebook/common/enrolment_code.h): what a device pastes to find its server
// and pin the server's CA.
#include "sitebook/common/enrolment_code.h"

#include <gtest/gtest.h>

namespace sitebook {
namespace {

TEST(EnrolmentCodeTest, RefusesDamageAndToleratesWrapping) {
    const std::string der = "certificate bytes";
    auto code = makeEnrolmentCode({"sync.example.org:443", "localhost", der});
    ASSERT_TRUE(code.ok());
    // Wrapped by a mail program: still the same code.
    std::string wrapped = *code;
    wrapped.insert(40, "\n  ");
    auto read = parseEnrolmentCode("  " + wrapped + "\n");
    ASSERT_TRUE(read.ok()) << read.error().toString();
    EXPECT_EQ(read->server, "sync.example.org:443");
    EXPECT_EQ(read->tlsName, "localhost");
    EXPECT_EQ(read->caDer, der);
    // Cut short, altered, of another kind, or newer: refused, each with its field.
    EXPECT_FALSE(parseEnrolmentCode(code->substr(0, code->size() - 3)).ok());
    std::string altered = *code;
    altered.back() = altered.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(parseEnrolmentCode(altered).ok());
    EXPECT_EQ(parseEnrolmentCode("https://example.org").error().field, "code");
    std::string newer = *code;
    newer.replace(newer.find("v=1"), 3, "v=2");
    EXPECT_EQ(parseEnrolmentCode(newer).error().field, "version");
    EXPECT_EQ(makeEnrolmentCode({"sync.example.org", "", der}).error().field, "server");
    EXPECT_EQ(makeEnrolmentCode({"a&b:1", "", der}).error().field, "server");
}

TEST(EnrolmentCodeTest, PemAndDerConvertBothWaysAndTheFingerprintIsUpperCaseHexPairs) {
    const std::string der = std::string("\x30\x82\x01\x00", 4) + std::string(200, 'x');
    const std::string pem = derCertificateToPem(der);
    EXPECT_EQ(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
    auto back = pemCertificateToDer("some text before\n" + pem + "and after");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, der);
    EXPECT_EQ(pemCertificateToDer("no certificate here").error().field, "ca");
    const std::string hex = certificateSha256(der);
    ASSERT_EQ(hex.size(), 64u);
    const std::string text = fingerprintText(hex);
    EXPECT_EQ(text.size(), 95u);
    EXPECT_EQ(text[2], ':');
    EXPECT_EQ(text.find_first_of("abcdef"), std::string::npos);
}

}  // namespace
}  // namespace sitebook
