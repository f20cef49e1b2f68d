#pragma once
// JSON wire form of the domain records (local export, server storage, fixtures). Field names
// are stable snake_case and equal the C++ member names. Encoding rules:
//   - dates "YYYY-MM-DD"; times of day "HH:MM"; recorded_at/created_at integer UnixMillis;
//   - enums as their wire text (codes.h); outcome codes as text, unknown codes verbatim;
//   - optional values (marked ?) are omitted when absent; null is also accepted on input;
//   - on input, fields whose value may be empty text, false, 0 or [] may be omitted too;
//   - unknown fields are ignored on input, so older builds read newer records.
//
//   Person              id crn forenames surname date_of_birth responsible_officer_id
//                       placement_flags[] restricted_access
//   Order               id person_id sentence_date required_minutes
//                       adjustments[{id minutes reason date}]
//   Project             id code name type location beneficiary hi_vis_required supervisor_ids[]
//   Session             id project_id date start end
//   Appointment         id person_id order_id session_id scheduled_start scheduled_end
//                       outcome?{code arrival? finish? penalty_minutes work_quality? behaviour?
//                                recorded_by recorded_at}
//   WorkUndertaken      id appointment_id category description quantity? unit
//   SkillObservation    id appointment_id skill level note
//   Feedback            id appointment_id progress strengths concerns support_needs incidents
//                       alert_officer alert_reason
//   CaseNote            id person_id appointment_id? author created_at text sensitive
//                       amends_note_id?
//   EnforcementDecision id appointment_id order_id action decided_on decided_by note
//                       reclassified_as?
//   AlertAcknowledgement id feedback_id appointment_id acknowledged_by acknowledged_at note
//
// Parsing checks shape only (types, presence, well-formed dates, times and enums); business
// rules are validation.h. A parse error is InvalidArgument with `field` as a path, e.g.
// "adjustments[1].minutes" or "outcome.arrival"; for text that is not a JSON object at all the
// field is empty. Messages never echo input text, only field paths and allowed values.

#include <string>
#include <string_view>

#include "sitebook/common/result.h"
#include "sitebook/domain/types.h"

namespace sitebook::domain {

// Compact JSON, fields in the order listed above. Never throws; text that is not valid UTF-8
// (which validation refuses) is written with U+FFFD in place of the bad bytes.
std::string toJson(const Person& v);
std::string toJson(const Order& v);
std::string toJson(const Project& v);
std::string toJson(const Session& v);
std::string toJson(const Appointment& v);
std::string toJson(const WorkUndertaken& v);
std::string toJson(const SkillObservation& v);
std::string toJson(const Feedback& v);
std::string toJson(const CaseNote& v);
std::string toJson(const EnforcementDecision& v);
std::string toJson(const AlertAcknowledgement& v);

// Defined for the record types above: fromJson<Person>(text) and so on.
template <typename T>
Result<T> fromJson(std::string_view json);

}  // namespace sitebook::domain
