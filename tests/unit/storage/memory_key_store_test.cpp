#include "sitebook/storage/memory_key_store.h"

#include <gtest/gtest.h>

namespace sitebook::storage {
namespace {

TEST(MemoryKeyStoreTest, StoresReadsAndRemoves) {
    MemoryKeyStore store;
    const std::uint8_t bytes[] = {1, 2, 3};
    auto missing = store.read("k");
    ASSERT_TRUE(missing.ok());
    EXPECT_FALSE(missing->has_value());

    ASSERT_TRUE(store.write("k", SecretBytes(bytes, 3)).ok());
    auto found = store.read("k");
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_TRUE((*found)->equals(SecretBytes(bytes, 3)));
    EXPECT_EQ(store.size(), 1u);

    EXPECT_TRUE(store.remove("k").ok());
    EXPECT_TRUE(store.remove("k").ok());  // removing twice is fine
    EXPECT_EQ(store.size(), 0u);
    EXPECT_NE(store.description().find("not persistent"), std::string::npos);
}

}  // namespace
}  // namespace sitebook::storage
