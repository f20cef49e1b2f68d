// The authorisation matrix: every role x every call x a record in and out of the caller's
// scope, against a real server with the real reconciler. Table-driven: each row states what
// the protocol (docs/PROTOCOL.md, "Records and partitions") allows.
#include <array>
#include <map>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

enum class Expect { Allowed, Denied };

const char* text(Expect e) {
    return e == Expect::Allowed ? "allowed" : "denied";
}

class AuthzMatrixTest : public ServerFixture {
protected:
    std::unique_ptr<Reconciler> makeReconciler() override {
        return std::make_unique<PersonReconciler>(clock_, reconcile::ReconcilePolicy::defaults());
    }

    void SetUp() override {
        ServerFixture::SetUp();
        users_[Role::Supervisor] = addUser("sam", Role::Supervisor);
        users_[Role::Officer] = addUser("olu", Role::Officer);
        users_[Role::Admin] = addUser("ada", Role::Admin);
        users_[Role::Manager] = addUser("max", Role::Manager);
        const std::string sue = addUser("sue", Role::Supervisor);
        const std::string ola = addUser("ola", Role::Officer);
        // In scope of sam and olu; out of scope: sue's project, ola's caseload.
        in_ = seed(users_[Role::Supervisor], users_[Role::Officer], 8);
        out_ = seed(sue, ola, 8);
        // Appointments 4..7 carry an enforceable outcome (for enforcement decisions).
        for (const Seed* s : {&in_, &out_}) {
            for (std::size_t i = 4; i < 8; ++i) {
                putEntity(EntityType::AppointmentOutcome, s->appointmentIds[i],
                          outcomeBody(sue, "AFTC"));
            }
            const std::string noteId = newId();
            putEntity(EntityType::CaseNote, noteId,
                      {{"id", noteId},
                       {"person_id", s->personId},
                       {"author", ola},
                       {"created_at", clock_.nowMillis()},
                       {"text", "Office note."},
                       {"sensitive", true}});
            // A supervisor's alert to acknowledge.
            const std::string feedbackId = newId();
            putEntity(EntityType::Feedback, feedbackId,
                      {{"id", feedbackId},
                       {"appointment_id", s->appointmentIds[0]},
                       {"alert_officer", true},
                       {"alert_reason", "Asked for help with housing."}});
            alerts_[s->personId] = feedbackId;
        }
    }

    static int roleIndex(Role role) { return static_cast<int>(role); }

    // One client operation of `type` by `userId` against `scope`.
    v1::Operation clientOp(EntityType type, Role role, const Seed& scope) {
        const std::string& userId = users_[role];
        const std::size_t slot = static_cast<std::size_t>(roleIndex(role));
        const std::string id = newId();
        switch (type) {
            case EntityType::AppointmentOutcome:
                return operation(type, scope.appointmentIds[slot], OpKind::Create,
                                 outcomeBody(userId).dump());
            case EntityType::WorkUndertaken:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"appointment_id", scope.appointmentIds[0]},
                                      {"category", "litter_clean_up"},
                                      {"description", "Cleared the towpath"},
                                      {"unit", "bags"}}
                                     .dump());
            case EntityType::SkillObservation:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"appointment_id", scope.appointmentIds[0]},
                                      {"skill", "teamwork"},
                                      {"level", "practising"},
                                      {"note", ""}}
                                     .dump());
            case EntityType::Feedback:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"appointment_id", scope.appointmentIds[0]},
                                      {"progress", "Steady."}}
                                     .dump());
            case EntityType::CaseNote:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"person_id", scope.personId},
                                      {"author", userId},
                                      {"created_at", clock_.nowMillis()},
                                      {"text", "Spoke about attendance."},
                                      {"sensitive", false}}
                                     .dump());
            case EntityType::EnforcementDecision:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"appointment_id", scope.appointmentIds[4 + slot]},
                                      {"order_id", scope.orderId},
                                      {"action", "no_further_action"},
                                      {"decided_on", "2026-01-01"},
                                      {"decided_by", userId},
                                      {"note", "Medical evidence seen."}}
                                     .dump());
            case EntityType::AlertAcknowledgement:
                return operation(type, id, OpKind::Create,
                                 json{{"id", id},
                                      {"feedback_id", alerts_[scope.personId]},
                                      {"appointment_id", scope.appointmentIds[0]},
                                      {"acknowledged_by", userId},
                                      {"acknowledged_at", clock_.nowMillis()}}
                                     .dump());
            default:
                ADD_FAILURE() << "not a client type";
                return {};
        }
    }

    std::map<Role, std::string> users_;
    std::map<std::string, std::string> alerts_;  // person id -> feedback id with an alert
    Seed in_;
    Seed out_;
};

TEST_F(AuthzMatrixTest, UploadOfEveryClientTypeByEveryRoleInAndOutOfScope) {
    constexpr Expect A = Expect::Allowed;
    constexpr Expect D = Expect::Denied;
    struct Row {
        EntityType type;
        // Per role (supervisor, officer, admin, manager): {in scope, out of scope}.
        std::array<std::array<Expect, 2>, 4> expect;
    };
    const std::vector<Row> rows = {
        {EntityType::AppointmentOutcome, {{{A, D}, {D, D}, {A, A}, {D, D}}}},
        {EntityType::WorkUndertaken, {{{A, D}, {D, D}, {A, A}, {D, D}}}},
        {EntityType::SkillObservation, {{{A, D}, {D, D}, {A, A}, {D, D}}}},
        {EntityType::Feedback, {{{A, D}, {D, D}, {A, A}, {D, D}}}},
        {EntityType::CaseNote, {{{A, D}, {A, D}, {A, A}, {D, D}}}},
        {EntityType::EnforcementDecision, {{{D, D}, {A, D}, {A, A}, {D, D}}}},
        {EntityType::AlertAcknowledgement, {{{D, D}, {A, D}, {A, A}, {D, D}}}},
    };
    const std::array<Role, 4> roles = {Role::Supervisor, Role::Officer, Role::Admin, Role::Manager};
    const std::map<Role, std::string> usernames = {{Role::Supervisor, "sam"},
                                                   {Role::Officer, "olu"},
                                                   {Role::Admin, "ada"},
                                                   {Role::Manager, "max"}};
    std::map<Role, Session> sessions;
    for (Role role : roles)
        sessions[role] = login(usernames.at(role));
    int checked = 0;
    for (const Row& row : rows) {
        for (std::size_t r = 0; r < roles.size(); ++r) {
            for (int scope = 0; scope < 2; ++scope) {
                const Role role = roles[r];
                const Expect expected = row.expect[r][static_cast<std::size_t>(scope)];
                SCOPED_TRACE(std::string(entityTypeName(row.type)) + " by " +
                             std::string(roleName(role)) + (scope == 0 ? " in" : " out of") +
                             " scope: expected " + text(expected));
                v1::UploadResponse response;
                grpc::Status status = upload(
                    sessions[role], {clientOp(row.type, role, scope == 0 ? in_ : out_)}, &response);
                ASSERT_TRUE(status.ok()) << status.error_message();
                ASSERT_EQ(response.results_size(), 1);
                const auto& result = response.results(0);
                if (expected == Expect::Allowed) {
                    EXPECT_TRUE(result.result() == v1::OP_RESULT_ACCEPTED ||
                                result.result() == v1::OP_RESULT_ACCEPTED_WITH_CONFLICT)
                        << result.reason_code() << " " << result.field() << ": "
                        << result.message();
                } else {
                    EXPECT_EQ(result.result(), v1::OP_RESULT_REJECTED);
                    EXPECT_EQ(result.reason_code(), "permission_denied") << result.message();
                }
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 7 * 4 * 2);
}

TEST_F(AuthzMatrixTest, LoginRefreshAndReferenceForEveryRole) {
    for (const char* username : {"sam", "olu", "ada", "max"}) {
        SCOPED_TRACE(username);
        Session s = login(username);
        EXPECT_FALSE(s.accessToken.empty());

        v1::RefreshRequest refresh;
        refresh.set_refresh_token(s.refreshToken);
        refresh.set_device_id(s.deviceId);
        v1::TokenResponse tokens;
        auto ctx = context();
        EXPECT_TRUE(auth_->Refresh(ctx.get(), refresh, &tokens).ok());

        v1::ReferenceData reference;
        auto refCtx = context(tokens.access_token());
        EXPECT_TRUE(reference_->GetReferenceData(refCtx.get(), {}, &reference).ok());
        EXPECT_GT(reference.outcome_codes_size(), 0);

        // Without a token every call but Login and Refresh is refused.
        auto anonymous = context();
        v1::ReferenceData none;
        EXPECT_EQ(reference_->GetReferenceData(anonymous.get(), {}, &none).error_code(),
                  grpc::StatusCode::UNAUTHENTICATED);
    }
}

TEST_F(AuthzMatrixTest, DownloadReturnsExactlyTheRecordsInScopeForEveryRole) {
    // Derived records for both people.
    ASSERT_TRUE(reconciler_->reconcileAll(*store_).ok());
    struct Row {
        const char* username;
        Expect inScope;
        Expect outOfScope;
        bool fullPerson;  // receives PERSON, case notes, decisions, RO items, progress
    };
    const std::vector<Row> rows = {
        {"sam", Expect::Allowed, Expect::Denied, false},
        {"olu", Expect::Allowed, Expect::Denied, true},
        {"ada", Expect::Allowed, Expect::Allowed, false},
        {"max", Expect::Denied, Expect::Denied, false},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.username);
        Pulled pulled = pull(login(row.username));
        ASSERT_TRUE(pulled.status.ok()) << pulled.status.error_message();
        for (int scope = 0; scope < 2; ++scope) {
            const Seed& s = scope == 0 ? in_ : out_;
            const Expect expected = scope == 0 ? row.inScope : row.outOfScope;
            SCOPED_TRACE(scope == 0 ? "in scope" : "out of scope");
            EXPECT_EQ(pulled.has(v1::ENTITY_TYPE_APPOINTMENT, s.appointmentIds[0]),
                      expected == Expect::Allowed);
            const bool full = expected == Expect::Allowed && row.fullPerson;
            EXPECT_EQ(pulled.has(v1::ENTITY_TYPE_PERSON, s.personId), full);
            EXPECT_EQ(pulled.has(v1::ENTITY_TYPE_PROGRESS, s.orderId), full);
        }
        if (!row.fullPerson) {
            for (auto type : {v1::ENTITY_TYPE_PERSON, v1::ENTITY_TYPE_CASE_NOTE,
                              v1::ENTITY_TYPE_ENFORCEMENT_DECISION, v1::ENTITY_TYPE_RO_ITEM,
                              v1::ENTITY_TYPE_PROGRESS}) {
                EXPECT_TRUE(pulled.live(type).empty()) << v1::EntityType_Name(type);
            }
        } else {
            EXPECT_FALSE(pulled.live(v1::ENTITY_TYPE_CASE_NOTE).empty());
            EXPECT_FALSE(pulled.live(v1::ENTITY_TYPE_RO_ITEM).empty());
        }
    }
}

}  // namespace
}  // namespace sitebook::server::testing
