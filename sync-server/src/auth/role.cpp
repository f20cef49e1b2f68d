#include "sitebook/server/auth/role.h"

namespace sitebook::server {

std::string_view roleName(Role role) {
    switch (role) {
        case Role::Supervisor:
            return "supervisor";
        case Role::Officer:
            return "officer";
        case Role::Admin:
            return "admin";
        case Role::Manager:
            return "manager";
    }
    return "supervisor";
}

std::optional<Role> parseRole(std::string_view name) {
    if (name == "supervisor")
        return Role::Supervisor;
    if (name == "officer")
        return Role::Officer;
    if (name == "admin")
        return Role::Admin;
    if (name == "manager")
        return Role::Manager;
    return std::nullopt;
}

}  // namespace sitebook::server
