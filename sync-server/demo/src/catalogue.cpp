#include "catalogue.h"

#include <array>

namespace sitebook::server::demo::catalogue {
namespace {

using domain::ProjectType;
using domain::Skill;
using domain::WorkCategory;

constexpr unsigned kMon = 1u << 0;
constexpr unsigned kTue = 1u << 1;
constexpr unsigned kWed = 1u << 2;
constexpr unsigned kThu = 1u << 3;
constexpr unsigned kFri = 1u << 4;
constexpr unsigned kSat = 1u << 5;

constexpr int hm(int h, int m) {
    return h * 60 + m;
}

constexpr std::array<std::string_view, 64> kForenames{
    "Aaron",   "Abdul",   "Adam",    "Aisha",    "Alfie",    "Amir",     "Andrew",  "Ashley",
    "Ben",     "Bethany", "Callum",  "Carl",     "Chloe",    "Connor",   "Craig",   "Daniel",
    "Darren",  "Dean",    "Declan",  "Emma",     "Gary",     "Gemma",    "Harvey",  "Imran",
    "Jade",    "Jamal",   "Jamie",   "Jason",    "Jordan",   "Kelly",    "Kieran",  "Kofi",
    "Lee",     "Leanne",  "Liam",    "Lewis",    "Marcus",   "Mohammed", "Natalie", "Nathan",
    "Paul",    "Priya",   "Reece",   "Ryan",     "Samantha", "Scott",    "Shane",   "Stacey",
    "Stephen", "Tariq",   "Tomasz",  "Tom",      "Tyler",    "Wayne",    "Zoe",     "Kayleigh",
    "Ricky",   "Shannon", "Bradley", "Danielle", "Kyle",     "Leon",     "Jodie",   "Sean"};

constexpr std::array<std::string_view, 64> kSurnames{
    "Smith",    "Jones",    "Taylor",  "Brown",    "Williams", "Wilson", "Johnson",  "Davies",
    "Patel",    "Robinson", "Wright",  "Thompson", "Evans",    "Walker", "White",    "Roberts",
    "Green",    "Hall",     "Thomas",  "Clarke",   "Jackson",  "Wood",   "Harris",   "Edwards",
    "Turner",   "Martin",   "Cooper",  "Hill",     "Ward",     "Hughes", "Moore",    "Clark",
    "King",     "Harrison", "Lewis",   "Baker",    "Allen",    "Morris", "Khan",     "Scott",
    "Watson",   "Parker",   "Bennett", "Young",    "Mitchell", "Bailey", "Carter",   "Shaw",
    "Bell",     "Collins",  "Morgan",  "Kelly",    "Begum",    "Murphy", "Graham",   "Campbell",
    "Kowalski", "Mensah",   "O'Brien", "Okafor",   "Hussain",  "Ahmed",  "Fletcher", "Lowe"};

constexpr std::array<std::string_view, 7> kFlags{
    "no lone working with children",
    "no work with vulnerable adults",
    "exclusion zone: not to attend Hollins Park",
    "no working at height (medical)",
    "needs step-free access",
    "not to be placed with co-defendant (see case record)",
    "no work involving alcohol stock"};

constexpr std::array<StaffSeed, 8> kStaff{{
    {"dmarsh", "Dave Marsh", domain::Role::Supervisor},
    {"sokoro", "Sandra Okoro", domain::Role::Supervisor},
    {"plangley", "Pete Langley", domain::Role::Supervisor},
    {"kwhitfield", "Kerry Whitfield", domain::Role::Supervisor},
    {"radeyemi", "Rachel Adeyemi", domain::Role::Officer},
    {"thargreaves", "Tom Hargreaves", domain::Role::Officer},
    {"niqbal", "Nadia Iqbal", domain::Role::Officer},
    {"cfenwick", "Claire Fenwick", domain::Role::Officer},
}};

constexpr std::array<WorkSeed, 3> kCanalWork{{
    {WorkCategory::LitterCleanUp,
     "Cleared litter and fly-tipped items from the towpath between "
     "locks 3 and 5",
     "bags", 8, 22},
    {WorkCategory::GroundsGardening,
     "Cut back brambles and overhanging vegetation along the "
     "towpath",
     "metres", 150, 600},
    {WorkCategory::LitterCleanUp, "Removed graffiti from the bridge underpass and benches",
     "square metres", 10, 40},
}};
constexpr std::array<WorkSeed, 3> kHallWork{{
    {WorkCategory::PaintingDecorating, "Prepared and painted the main hall walls", "square metres",
     20, 60},
    {WorkCategory::PaintingDecorating, "Sanded and glossed skirting boards and door frames",
     "doors", 2, 8},
    {WorkCategory::Cleaning, "Deep-cleaned the kitchen and stacked chairs after redecoration", "",
     0, 0},
}};
constexpr std::array<WorkSeed, 3> kParkWork{{
    {WorkCategory::GroundsGardening, "Pulled Himalayan balsam along the brook", "bags", 6, 20},
    {WorkCategory::ConstructionJoinery,
     "Built and installed raised beds for the community "
     "garden",
     "beds", 1, 4},
    {WorkCategory::GroundsGardening, "Laid woodchip on the woodland path", "tonnes", 1, 3},
}};
constexpr std::array<WorkSeed, 2> kShopWork{{
    {WorkCategory::CharityShopRetail, "Sorted, steamed and priced donated clothing", "items", 30,
     90},
    {WorkCategory::CharityShopRetail, "Dressed the window and restocked the shop floor", "", 0, 0},
}};
constexpr std::array<WorkSeed, 2> kFoodBankWork{{
    {WorkCategory::Other, "Sorted and date-checked donations in the warehouse", "crates", 10, 40},
    {WorkCategory::Catering, "Packed emergency food parcels for distribution", "parcels", 20, 70},
}};
constexpr std::array<WorkSeed, 1> kInductionWork{{
    {WorkCategory::Other,
     "Completed induction: health and safety briefing, PPE issue and "
     "expectations of unpaid work",
     "", 0, 0},
}};
constexpr std::array<WorkSeed, 2> kEteWork{{
    {WorkCategory::Other, "Attended the CSCS Level 1 health and safety course module", "modules", 1,
     1},
    {WorkCategory::Other, "Practised basic numeracy for the construction site test", "", 0, 0},
}};

constexpr std::array<Skill, 4> kOutdoorSkills{Skill::Teamwork, Skill::ToolUse,
                                              Skill::HealthAndSafety, Skill::FollowingInstructions};
constexpr std::array<Skill, 4> kTradeSkills{Skill::TradeSkill, Skill::ToolUse, Skill::Teamwork,
                                            Skill::Timekeeping};
constexpr std::array<Skill, 3> kShopSkills{Skill::CustomerService, Skill::Communication,
                                           Skill::Timekeeping};
constexpr std::array<Skill, 3> kWarehouseSkills{Skill::Teamwork, Skill::ProblemSolving,
                                                Skill::HealthAndSafety};
constexpr std::array<Skill, 2> kInductionSkills{Skill::HealthAndSafety,
                                                Skill::FollowingInstructions};
constexpr std::array<Skill, 3> kEteSkills{Skill::HealthAndSafety, Skill::Communication,
                                          Skill::ProblemSolving};

constexpr std::array<ProjectSeed, 7> kProjects{{
    {"UPW-G101", "Bridgewater canal towpath clear-up", ProjectType::Group,
     "Canal towpath, meet at Worsley Road bridge car park", "Canal & River Trust (North West)",
     true, kTue | kSat, hm(9, 0), hm(16, 0), 8, 2, kCanalWork, kOutdoorSkills},
    {"UPW-G102", "St Aidan's community centre redecoration", ProjectType::Group,
     "St Aidan's Community Centre, 14 Church Street", "St Aidan's Community Association", false,
     kWed | kThu, hm(9, 0), hm(16, 0), 6, 2, kHallWork, kTradeSkills},
    {"UPW-G103", "Hollins Park woodland and community garden", ProjectType::Group,
     "Hollins Park, Hollins Lane (depot behind the bowling green)", "Friends of Hollins Park", true,
     kMon | kSat, hm(9, 0), hm(16, 0), 8, 2, kParkWork, kOutdoorSkills},
    {"UPW-I201", "Heart of the Community charity shop", ProjectType::Individual,
     "Heart of the Community shop, 52 Market Street", "Heart of the Community Trust", false,
     kMon | kTue | kWed | kThu | kFri, hm(10, 0), hm(15, 0), 2, 1, kShopWork, kShopSkills},
    {"UPW-I202", "Northside food bank warehouse", ProjectType::Individual,
     "Northside Food Bank, Unit 3, Dale Street Trading Estate", "Northside Food Bank", true,
     kTue | kThu, hm(9, 30), hm(15, 30), 3, 1, kFoodBankWork, kWarehouseSkills},
    {"UPW-N301", "Unpaid work induction", ProjectType::Induction,
     "Probation office, 1 Albert Square (ground-floor group room)", "Community Payback", false,
     kMon, hm(9, 30), hm(12, 30), 10, 1, kInductionWork, kInductionSkills},
    {"UPW-E401", "Construction skills and CSCS card course", ProjectType::Ete,
     "Northgate College, Construction Skills Centre, Ring Road", "Northgate College", true, kWed,
     hm(9, 30), hm(15, 30), 8, 1, kEteWork, kEteSkills},
}};

constexpr std::array<FeedbackSeed, 5> kGood{{
    {"Worked steadily all day and finished the tasks set.",
     "Good with tools; helped a newer member of the group.", "", ""},
    {"Settled in well; getting quicker at the routine jobs.", "Polite and takes instruction.", "",
     "Asked about help with a CV; please signpost to ETE."},
    {"Good day. Arrived on time and kept going after lunch.",
     "Takes care over the finish of the job.", "", ""},
    {"Improving week on week.", "Showed others how to use the strimmer safely.", "",
     "Interested in the CSCS course."},
    {"Quiet but reliable.", "Careful and tidy worker.", "Found the cold hard going.",
     "Needs proper boots; said he cannot afford them."},
}};

constexpr std::array<FeedbackSeed, 4> kConcern{{
    {"Slow to start; needed repeated prompting.", "", "Spent long periods on the phone.", ""},
    {"Did some work after arriving late.", "Apologised for lateness.",
     "Third late arrival this month.", "Says childcare is the problem; RO may want to discuss."},
    {"Sent home after an argument with another person in the group.", "",
     "Raised voice at the supervisor and refused to continue.", ""},
    {"Struggled to concentrate.", "", "Appeared tired and unwell.",
     "May need a referral for health support."},
}};

constexpr std::array<std::string_view, 3> kAdjustmentReasons{
    "Further offence: additional hours imposed by the magistrates' court",
    "Hours reduced by the court on application (ill health)",
    "Court amended the order on breach: additional hours as a more onerous requirement"};

}  // namespace

std::span<const std::string_view> forenames() {
    return kForenames;
}
std::span<const std::string_view> surnames() {
    return kSurnames;
}
std::span<const std::string_view> placementFlags() {
    return kFlags;
}
std::string_view crnLetters() {
    return "DEFNX";
}
std::span<const StaffSeed> staff() {
    return kStaff;
}
std::span<const ProjectSeed> projects() {
    return kProjects;
}
std::span<const FeedbackSeed> goodFeedback() {
    return kGood;
}
std::span<const FeedbackSeed> concernFeedback() {
    return kConcern;
}
std::span<const std::string_view> adjustmentReasons() {
    return kAdjustmentReasons;
}

}  // namespace sitebook::server::demo::catalogue
