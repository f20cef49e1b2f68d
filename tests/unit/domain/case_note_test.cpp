#include <gtest/gtest.h>

#include "fixtures.h"
#include "sitebook/domain/validation.h"

namespace sitebook::domain {
namespace {

using test::id;
using test::repeat;

TEST(CaseNoteTest, NoteRules) {
    const Policy policy = Policy::defaults();
    using N = CaseNote;
    test::expectRules<N>(
        test::validNote(),
        {
            {"no appointment", [](N& n) { n.appointment_id.reset(); }, "", ""},
            {"4000 characters", [](N& n) { n.text = repeat("a", 4000); }, "", ""},
            {"4000 three-byte characters", [](N& n) { n.text = repeat("\xE2\x82\xAC", 4000); }, "",
             ""},
            {"4001 characters", [](N& n) { n.text = repeat("a", 4001); }, "text",
             "text has 4001 characters; the maximum is 4000"},
            {"4001 four-byte characters", [](N& n) { n.text = repeat("\xF0\x9F\x98\x80", 4001); },
             "text", "text has 4001 characters"},
            {"empty", [](N& n) { n.text = ""; }, "text", "text is required"},
            {"whitespace only", [](N& n) { n.text = " \n\t"; }, "text", "text is required"},
            {"not UTF-8", [](N& n) { n.text = "ok \xC0\xAF"; }, "text", "text is not valid UTF-8"},
            {"bad author", [](N& n) { n.author = "me"; }, "author",
             "author 'me' is not a valid UUID"},
            {"bad appointment", [](N& n) { n.appointment_id = ""; }, "appointment_id",
             "appointment_id is required"},
            {"bad amends id", [](N& n) { n.amends_note_id = "x"; }, "amends_note_id",
             "not a valid UUID"},
            {"amends itself", [](N& n) { n.amends_note_id = n.id; }, "amends_note_id",
             "a note cannot amend itself"},
        },
        [&](const N& n) { return validateCaseNote(n, policy); });
}

TEST(CaseNoteTest, LengthLimitIsThePolicyOnTheCreationDate) {
    Policy policy = Policy::defaults();
    policy.case_note_max_chars.set(test::date("2026-06-01"), 2000);
    CaseNote n = test::validNote();
    n.text = repeat("a", 3000);
    n.created_at = 1'780'271'999'999;  // 2026-05-31T23:59:59.999Z
    EXPECT_TRUE(validateCaseNote(n, policy).ok());
    n.created_at += 1;  // 2026-06-01T00:00Z
    const Status s = validateCaseNote(n, policy);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().message, "text has 3000 characters; the maximum is 2000");
}

struct AmendmentInput {
    CaseNote original = test::validNote();
    CaseNote amendment = [] {
        CaseNote a = test::validNote();
        a.id = id(41);
        a.text = "Correction: left at 15:30, not 16:00.";
        a.amends_note_id = test::validNote().id;
        return a;
    }();
};

TEST(CaseNoteTest, AmendmentRules) {
    using A = AmendmentInput;
    test::expectRules<A>(
        AmendmentInput{},
        {
            {"sensitive amendment of an ordinary note", [](A& a) { a.amendment.sensitive = true; },
             "", ""},
            {"sensitive amendment of a sensitive note",
             [](A& a) {
                 a.original.sensitive = true;
                 a.amendment.sensitive = true;
             },
             "", ""},
            {"un-marking sensitivity", [](A& a) { a.original.sensitive = true; }, "sensitive",
             "a sensitive note can never be un-marked sensitive"},
            {"no reference", [](A& a) { a.amendment.amends_note_id.reset(); }, "amends_note_id",
             "amends_note_id is required"},
            {"references another note", [](A& a) { a.amendment.amends_note_id = id(99); },
             "amends_note_id", "does not reference the original note"},
            {"same id as the original", [](A& a) { a.amendment.id = a.original.id; }, "id",
             "an amendment is a new note"},
            {"another person", [](A& a) { a.amendment.person_id = id(98); }, "person_id",
             "an amendment must be about the same person"},
        },
        [](const A& a) { return validateAmendment(a.original, a.amendment); });
}

struct UpdateInput {
    CaseNote stored = test::validNote();
    CaseNote proposed = test::validNote();
};

TEST(CaseNoteTest, SavedNotesAreImmutable) {
    using U = UpdateInput;
    const std::string immutable = "case notes are immutable once saved";
    test::expectRules<U>(
        UpdateInput{},
        {
            {"text", [](U& u) { u.proposed.text += " (edited)"; }, "text",
             "case notes are immutable once saved: text cannot be changed; write a new note that "
             "amends this one"},
            {"un-mark sensitive", [](U& u) { u.stored.sensitive = true; }, "sensitive",
             "a sensitive note can never be un-marked sensitive"},
            {"mark sensitive later", [](U& u) { u.proposed.sensitive = true; }, "sensitive",
             immutable},
            {"created_at", [](U& u) { u.proposed.created_at += 1; }, "created_at", immutable},
            {"person", [](U& u) { u.proposed.person_id = id(97); }, "person_id", immutable},
            {"author", [](U& u) { u.proposed.author = id(96); }, "author", immutable},
            {"appointment removed", [](U& u) { u.proposed.appointment_id.reset(); },
             "appointment_id", immutable},
            {"amendment link added", [](U& u) { u.proposed.amends_note_id = id(95); },
             "amends_note_id", immutable},
            {"another note", [](U& u) { u.proposed.id = id(94); }, "id", "is not the stored note"},
        },
        [](const U& u) { return validateCaseNoteUpdate(u.stored, u.proposed); });
}

}  // namespace
}  // namespace sitebook::domain
