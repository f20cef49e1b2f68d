#pragma once
// The invented reference material the demo region is drawn from: names, staff, projects and
// the wording supervisors use. Internal to the demo library.

#include <span>
#include <string_view>

#include "sitebook/domain/codes.h"

namespace sitebook::server::demo::catalogue {

std::span<const std::string_view> forenames();
std::span<const std::string_view> surnames();
std::span<const std::string_view> placementFlags();
// Letters nDelius CRNs in the demo start with.
std::string_view crnLetters();

struct StaffSeed {
    std::string_view username;
    std::string_view display_name;
    domain::Role role;
};
std::span<const StaffSeed> staff();  // supervisors first, then officers

struct WorkSeed {
    domain::WorkCategory category;
    std::string_view description;
    std::string_view unit;  // empty: no quantity
    int min_quantity;
    int max_quantity;
};

struct ProjectSeed {
    std::string_view code;
    std::string_view name;
    domain::ProjectType type;
    std::string_view location;
    std::string_view beneficiary;
    bool hi_vis;
    unsigned weekdays;  // bit 0 = Monday … bit 6 = Sunday
    int start_minutes;
    int end_minutes;
    int capacity;
    int supervisors;  // how many supervisors are allocated
    std::span<const WorkSeed> work;
    std::span<const domain::Skill> skills;
};
std::span<const ProjectSeed> projects();

struct FeedbackSeed {
    std::string_view progress;
    std::string_view strengths;
    std::string_view concerns;
    std::string_view support_needs;
};
std::span<const FeedbackSeed> goodFeedback();
std::span<const FeedbackSeed> concernFeedback();

std::span<const std::string_view> adjustmentReasons();

}  // namespace sitebook::server::demo::catalogue
