#include <gtest/gtest.h>

#include "sitebook/domain/text.h"

namespace sitebook::domain {
namespace {

TEST(TextTest, CountsCodePointsOfWellFormedUtf8Only) {
    struct Row {
        const char* name;
        std::string text;
        int codePoints;  // -1: not valid UTF-8
    };
    const Row rows[] = {
        {"empty", "", 0},
        {"ascii", "abc", 3},
        {"two-byte", "\xC3\xA9", 1},           // é
        {"three-byte", "\xE2\x82\xAC", 1},     // €
        {"four-byte", "\xF0\x9F\x98\x80", 1},  // 😀
        {"mixed", "a\xE2\x82\xAC\xF0\x9F\x98\x80", 3},
        {"embedded nul", std::string("a\0b", 3), 3},
        {"highest", "\xF4\x8F\xBF\xBF", 1},  // U+10FFFF
        {"overlong slash", "\xC0\xAF", -1},
        {"overlong three-byte", "\xE0\x80\xAF", -1},
        {"surrogate", "\xED\xA0\x80", -1},
        {"above U+10FFFF", "\xF4\x90\x80\x80", -1},
        {"truncated", "\xE2\x82", -1},
        {"stray continuation", "\x80", -1},
        {"invalid lead", "\xFF", -1},
        {"bad continuation", "\xC3\x28", -1},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        const auto n = codePointCount(r.text);
        EXPECT_EQ(isValidUtf8(r.text), r.codePoints >= 0);
        if (r.codePoints >= 0) {
            ASSERT_TRUE(n);
            EXPECT_EQ(*n, static_cast<std::size_t>(r.codePoints));
        } else {
            EXPECT_FALSE(n);
        }
    }
}

TEST(TextTest, BlankMeansEmptyOrWhitespace) {
    EXPECT_TRUE(isBlank(""));
    EXPECT_TRUE(isBlank(" \t\r\n"));
    EXPECT_FALSE(isBlank(" x "));
    EXPECT_FALSE(isBlank("\xC3\xA9"));
}

}  // namespace
}  // namespace sitebook::domain
