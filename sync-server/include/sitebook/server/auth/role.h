#pragma once

#include <optional>
#include <string_view>

namespace sitebook::server {

enum class Role { Supervisor, Officer, Admin, Manager };

// "supervisor" | "officer" | "admin" | "manager"
std::string_view roleName(Role role);
std::optional<Role> parseRole(std::string_view name);

}  // namespace sitebook::server
