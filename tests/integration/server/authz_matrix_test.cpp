// The authorisation matrix: every role x every call x a record in and out of the caller's
// scope, against a real server with the real reconciler. Table-driven: each row states what
// the protocol (docs/PROTOCOL.md, "Records and partitions" and "Who may change a record")
// allows.
#include <array>
#include <map>
#include <set>

#include "server_fixture.h"

namespace sitebook::server::testing {
namespace {

using nlohmann::json;

enum class Expect { Allowed, Denied };

enum class Op { Create, CreateOnExisting, Update, Delete };

const char* opName(Op op) {
    switch (op) {
        case Op::Create:
            return "CREATE";
        case Op::CreateOnExisting:
            return "CREATE on an existing id of";
        case Op::Update:
            return "UPDATE";
        case Op::Delete:
            return "DELETE";
    }
    return "";
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
        // Appointments 4..7 carry an enforceable outcome (the officer's RO items).
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
        }
    }

    // A new appointment in `scope`'s session, with an outcome of `code` if given.
    std::string addAppointment(const Seed& scope, const char* code = nullptr) {
        const std::string id = newId();
        putEntity(EntityType::Appointment, id,
                  {{"id", id},
                   {"person_id", scope.personId},
                   {"order_id", scope.orderId},
                   {"session_id", scope.sessionId},
                   {"scheduled_start", "09:00"},
                   {"scheduled_end", "16:00"}});
        if (code)
            putEntity(EntityType::AppointmentOutcome, id, outcomeBody(users_[Role::Admin], code));
        return id;
    }

    // A record of `type` by `userId` that belongs to `scope`: a valid body, and the records it
    // refers to made fresh (so no rule about earlier records gets in the way). With `id`, the
    // record takes that id (an outcome: the same appointment) and a body different from the
    // one `target` first gave it.
    struct Target {
        std::string id;
        json body;
    };
    Target target(EntityType type, const std::string& userId, const Seed& scope,
                  const std::string& id = {}) {
        const bool again = !id.empty();
        const std::string mark = again ? " (changed)" : "";
        Target t{again ? id : newId(), {}};
        switch (type) {
            case EntityType::AppointmentOutcome:
                if (!again)
                    t.id = addAppointment(scope);
                t.body = outcomeBody(userId, "ATTC", again ? 30 : 0);
                break;
            case EntityType::WorkUndertaken:
                t.body = {{"id", t.id},
                          {"appointment_id", scope.appointmentIds[0]},
                          {"category", "litter_clean_up"},
                          {"description", "Cleared the towpath" + mark},
                          {"unit", "bags"}};
                break;
            case EntityType::SkillObservation:
                t.body = {{"id", t.id},
                          {"appointment_id", scope.appointmentIds[0]},
                          {"skill", "teamwork"},
                          {"level", "practising"},
                          {"note", "Helped a newcomer" + mark}};
                break;
            case EntityType::Feedback:
                t.body = {{"id", t.id},
                          {"appointment_id", scope.appointmentIds[0]},
                          {"progress", "Steady" + mark}};
                break;
            case EntityType::CaseNote:
                t.body = {{"id", t.id},
                          {"person_id", scope.personId},
                          {"author", userId},
                          {"created_at", clock_.nowMillis()},
                          {"text", "Spoke about attendance" + mark},
                          {"sensitive", false}};
                break;
            case EntityType::EnforcementDecision:
                t.body = {{"id", t.id},
                          {"appointment_id", addAppointment(scope, "AFTC")},
                          {"order_id", scope.orderId},
                          {"action", "no_further_action"},
                          {"decided_on", "2026-01-01"},
                          {"decided_by", userId},
                          {"note", "Medical evidence seen" + mark}};
                break;
            case EntityType::AlertAcknowledgement: {
                const std::string feedbackId = newId();
                putEntity(EntityType::Feedback, feedbackId,
                          {{"id", feedbackId},
                           {"appointment_id", scope.appointmentIds[0]},
                           {"alert_officer", true},
                           {"alert_reason", "Asked for help with housing."}});
                t.body = {{"id", t.id},
                          {"feedback_id", feedbackId},
                          {"appointment_id", scope.appointmentIds[0]},
                          {"acknowledged_by", userId},
                          {"acknowledged_at", clock_.nowMillis()},
                          {"note", "Called them" + mark}};
                break;
            }
            default:
                ADD_FAILURE() << "not a client type";
        }
        return t;
    }

    // Uploads one operation as `s`; the call must succeed with one result, which is returned.
    v1::OperationResult uploadOne(const Session& s, const v1::Operation& op) {
        v1::UploadResponse response;
        grpc::Status status = upload(s, {op}, &response);
        EXPECT_TRUE(status.ok()) << status.error_message();
        EXPECT_EQ(response.results_size(), 1);
        return response.results_size() == 1 ? response.results(0) : v1::OperationResult{};
    }

    // The body the store holds for a live record, read directly.
    std::optional<std::string> storedBody(EntityType type, const std::string& id) {
        auto uow = store_->begin(AccessMode::ReadOnly);
        if (!uow.ok())
            return std::nullopt;
        auto found = (*uow)->findEntity(entityTypeName(type), id);
        if (!found.ok() || !*found || (*found)->deleted)
            return std::nullopt;
        return (*found)->bodyJson;
    }

    const std::map<Role, std::string> usernames_ = {{Role::Supervisor, "sam"},
                                                    {Role::Officer, "olu"},
                                                    {Role::Admin, "ada"},
                                                    {Role::Manager, "max"}};
    std::map<Role, std::string> users_;
    Seed in_;
    Seed out_;
};

// Every client-writable type x every operation x every role x the record's scope before and
// after the change. The writer must be allowed to change the record where it is now and where
// it would be after (docs/PROTOCOL.md, "Who may change a record"). Expectations per role, one
// letter per scope pair: A accepted, D permission_denied, I immutable. Pairs: CREATE (after: in,
// out); CREATE on an existing id and UPDATE (before -> after: in->in, in->out, out->in,
// out->out; an outcome is keyed by its appointment, so only in->in and out->out); DELETE
// (before: in, out). A refused change leaves the stored record as it was.
TEST_F(AuthzMatrixTest, EveryWriteIsJudgedWhereTheRecordIsAndWhereItWouldBe) {
    struct Row {
        EntityType type;
        Op op;
        // Supervisor, officer, admin, manager.
        std::array<const char*, 4> expect;
    };
    using T = EntityType;
    const std::vector<Row> rows = {
        {T::AppointmentOutcome, Op::Create, {"AD", "DD", "AA", "DD"}},
        {T::AppointmentOutcome, Op::CreateOnExisting, {"AD", "DD", "AA", "DD"}},
        {T::AppointmentOutcome, Op::Update, {"AD", "DD", "AA", "DD"}},
        {T::AppointmentOutcome, Op::Delete, {"DD", "DD", "AA", "DD"}},
        {T::WorkUndertaken, Op::Create, {"AD", "DD", "AA", "DD"}},
        {T::WorkUndertaken, Op::CreateOnExisting, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::WorkUndertaken, Op::Update, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::WorkUndertaken, Op::Delete, {"AD", "DD", "AA", "DD"}},
        {T::SkillObservation, Op::Create, {"AD", "DD", "AA", "DD"}},
        {T::SkillObservation, Op::CreateOnExisting, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::SkillObservation, Op::Update, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::SkillObservation, Op::Delete, {"AD", "DD", "AA", "DD"}},
        {T::Feedback, Op::Create, {"AD", "DD", "AA", "DD"}},
        {T::Feedback, Op::CreateOnExisting, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::Feedback, Op::Update, {"ADDD", "DDDD", "AAAA", "DDDD"}},
        {T::Feedback, Op::Delete, {"AD", "DD", "AA", "DD"}},
        {T::CaseNote, Op::Create, {"AD", "AD", "AA", "DD"}},
        {T::CaseNote, Op::CreateOnExisting, {"IDDD", "IDDD", "IIII", "DDDD"}},
        {T::CaseNote, Op::Update, {"IIII", "IIII", "IIII", "IIII"}},
        {T::CaseNote, Op::Delete, {"II", "II", "II", "II"}},
        {T::EnforcementDecision, Op::Create, {"DD", "AD", "AA", "DD"}},
        {T::EnforcementDecision, Op::CreateOnExisting, {"DDDD", "IDDD", "IIII", "DDDD"}},
        {T::EnforcementDecision, Op::Update, {"IIII", "IIII", "IIII", "IIII"}},
        {T::EnforcementDecision, Op::Delete, {"II", "II", "II", "II"}},
        {T::AlertAcknowledgement, Op::Create, {"DD", "AD", "AA", "DD"}},
        {T::AlertAcknowledgement, Op::CreateOnExisting, {"DDDD", "IDDD", "IIII", "DDDD"}},
        {T::AlertAcknowledgement, Op::Update, {"IIII", "IIII", "IIII", "IIII"}},
        {T::AlertAcknowledgement, Op::Delete, {"II", "II", "II", "II"}},
    };
    const std::array<Role, 4> roles = {Role::Supervisor, Role::Officer, Role::Admin, Role::Manager};
    std::map<Role, Session> sessions;
    for (Role role : roles)
        sessions[role] = login(usernames_.at(role));
    const std::array<const Seed*, 2> scopes = {&in_, &out_};
    const auto scopeName = [&](const Seed* s) { return s == &in_ ? "in" : "out"; };
    int checked = 0;
    for (const Row& row : rows) {
        for (std::size_t r = 0; r < roles.size(); ++r) {
            const Role role = roles[r];
            const std::string& userId = users_[role];
            const std::string letters = row.expect[r];
            // The (before, after) scope pairs of this operation, in the order of `letters`.
            std::vector<std::pair<const Seed*, const Seed*>> pairs;
            switch (row.op) {
                case Op::Create:
                    for (const Seed* after : scopes)
                        pairs.emplace_back(nullptr, after);
                    break;
                case Op::Delete:
                    for (const Seed* before : scopes)
                        pairs.emplace_back(before, nullptr);
                    break;
                case Op::CreateOnExisting:
                case Op::Update:
                    for (const Seed* before : scopes) {
                        for (const Seed* after : scopes) {
                            if (row.type != T::AppointmentOutcome || before == after)
                                pairs.emplace_back(before, after);
                        }
                    }
                    break;
            }
            ASSERT_EQ(letters.size(), pairs.size()) << entityTypeName(row.type);
            for (std::size_t p = 0; p < pairs.size(); ++p) {
                const auto [before, after] = pairs[p];
                const char expected = letters[p];
                SCOPED_TRACE(
                    std::string(opName(row.op)) + " " + std::string(entityTypeName(row.type)) +
                    " by " + std::string(roleName(role)) +
                    ", before: " + (before ? scopeName(before) : "-") +
                    ", after: " + (after ? scopeName(after) : "-") + ", expected " + expected);
                std::optional<Target> stored;
                if (before) {
                    stored = target(row.type, userId, *before);
                    putEntity(row.type, stored->id, stored->body);
                }
                v1::Operation op;
                switch (row.op) {
                    case Op::Create: {
                        const Target made = target(row.type, userId, *after);
                        op = operation(row.type, made.id, OpKind::Create, made.body.dump());
                        break;
                    }
                    case Op::CreateOnExisting:
                    case Op::Update: {
                        const Target changed = target(row.type, userId, *after, stored->id);
                        op = operation(row.type, stored->id,
                                       row.op == Op::Update ? OpKind::Update : OpKind::Create,
                                       changed.body.dump(), row.op == Op::Update ? 1 : 0);
                        break;
                    }
                    case Op::Delete:
                        op = operation(row.type, stored->id, OpKind::Delete, "", 1);
                        break;
                }
                v1::UploadResponse response;
                grpc::Status status = upload(sessions[role], {op}, &response);
                ASSERT_TRUE(status.ok()) << status.error_message();
                ASSERT_EQ(response.results_size(), 1);
                const auto& result = response.results(0);
                if (expected == 'A') {
                    EXPECT_TRUE(result.result() == v1::OP_RESULT_ACCEPTED ||
                                result.result() == v1::OP_RESULT_ACCEPTED_WITH_CONFLICT)
                        << result.reason_code() << " " << result.field() << ": "
                        << result.message();
                } else {
                    EXPECT_EQ(result.result(), v1::OP_RESULT_REJECTED);
                    EXPECT_EQ(result.reason_code(),
                              expected == 'I' ? "immutable" : "permission_denied")
                        << result.message();
                    // Nothing moved: the record is still where it was, as it was.
                    if (stored) {
                        auto now = storedBody(row.type, stored->id);
                        ASSERT_TRUE(now.has_value());
                        EXPECT_EQ(json::parse(*now), stored->body);
                    } else {
                        EXPECT_FALSE(storedBody(row.type, op.entity_id()).has_value());
                    }
                }
                ++checked;
            }
        }
    }
    // 6 types x 4 roles x (2 + 4 + 4 + 2) pairs, and outcomes: 4 roles x (2 + 2 + 2 + 2).
    EXPECT_EQ(checked, 6 * 4 * 12 + 4 * 8);
}

// Which outcome codes each role may record (docs/PROTOCOL.md, "Who may change a record"): a
// code the role may not choose is invalid_argument on `code`; an officer records an outcome
// only to settle a conflict and a manager never, whatever the code.
TEST_F(AuthzMatrixTest, OutcomeCodesEachRoleMayRecord) {
    struct Row {
        const char* code;
        // Supervisor, officer, admin, manager: A accepted, C invalid_argument on code,
        // D permission_denied.
        const char* expect;
    };
    const std::vector<Row> rows = {
        {"ATTC", "ADAD"}, {"AFTC", "ADAD"}, {"ATSH", "ADAD"}, {"ATSS", "ADAD"}, {"UACP", "ADAD"},
        {"AASD", "CDAD"}, {"AAME", "CDAD"}, {"AAEM", "CDAD"}, {"AAFC", "CDAD"}, {"AACL", "CDAD"},
        {"RSSR", "CDAD"}, {"RSOF", "CDAD"}, {"XXXX", "CDCD"},
    };
    const std::array<Role, 4> roles = {Role::Supervisor, Role::Officer, Role::Admin, Role::Manager};
    const std::set<std::string> attended = {"ATTC", "AFTC", "ATSH", "ATSS"};
    std::map<Role, Session> sessions;
    for (Role role : roles)
        sessions[role] = login(usernames_.at(role));
    for (const Row& row : rows) {
        for (std::size_t r = 0; r < roles.size(); ++r) {
            const Role role = roles[r];
            const char expected = row.expect[r];
            SCOPED_TRACE(std::string(row.code) + " by " + std::string(roleName(role)));
            json body = outcomeBody(users_[role], row.code);
            if (!attended.contains(row.code)) {
                body.erase("arrival");
                body.erase("finish");
            }
            const std::string appointmentId = addAppointment(in_);
            const auto result =
                uploadOne(sessions[role], operation(EntityType::AppointmentOutcome, appointmentId,
                                                    OpKind::Create, body.dump()));
            if (expected == 'A') {
                EXPECT_EQ(result.result(), v1::OP_RESULT_ACCEPTED)
                    << result.reason_code() << " " << result.field() << ": " << result.message();
                continue;
            }
            EXPECT_EQ(result.result(), v1::OP_RESULT_REJECTED);
            EXPECT_EQ(result.reason_code(),
                      expected == 'C' ? "invalid_argument" : "permission_denied")
                << result.message();
            if (expected == 'C') {
                EXPECT_EQ(result.field(), "code");
            }
            // The words docs/PROTOCOL.md quotes.
            if (role == Role::Supervisor && std::string(row.code) == "AAME") {
                EXPECT_EQ(
                    result.message(),
                    "a supervisor may not record outcome AAME (Acceptable Absence – Medical)");
            }
            if (std::string(row.code) == "XXXX" && expected == 'C') {
                EXPECT_EQ(result.message(), "outcome code 'XXXX' is not recognised");
            }
            EXPECT_FALSE(storedBody(EntityType::AppointmentOutcome, appointmentId).has_value());
        }
    }
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
