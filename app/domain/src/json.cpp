#include "sitebook/domain/json.h"

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>

namespace sitebook::domain {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxDepth = 32;  // the records nest 3 deep; refuse pathological input early

std::string dump(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ---- writing -------------------------------------------------------------------------------

Json strings(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& s : v)
        a.push_back(s);
    return a;
}

template <typename T>
void putOptional(Json& j, const char* key, const std::optional<T>& v) {
    if (v)
        j[key] = *v;
}

void putOptionalTime(Json& j, const char* key, const std::optional<TimeOfDay>& v) {
    if (v)
        j[key] = v->toString();
}

void putOptionalRating(Json& j, const char* key, const std::optional<Rating>& v) {
    if (v)
        j[key] = wireText(*v);
}

Json outcomeJson(const AppointmentOutcome& o) {
    Json j;
    j["code"] = o.code.text();
    putOptionalTime(j, "arrival", o.arrival);
    putOptionalTime(j, "finish", o.finish);
    j["penalty_minutes"] = o.penalty_minutes;
    putOptionalRating(j, "work_quality", o.work_quality);
    putOptionalRating(j, "behaviour", o.behaviour);
    j["recorded_by"] = o.recorded_by;
    j["recorded_at"] = o.recorded_at;
    return j;
}

// ---- reading -------------------------------------------------------------------------------

enum class Need { Required, Optional };

// Reads fields of one JSON object. The first problem is kept in the shared `error` (paths are
// prefixed, e.g. "outcome.arrival"); after it every read returns a default.
class Reader {
public:
    Reader(const Json& object, std::string prefix, std::optional<Error>& error)
        : object_(object), prefix_(std::move(prefix)), error_(error) {}

    std::string str(const char* key, Need need = Need::Required) {
        const Json* v = get(key, need);
        if (!v)
            return {};
        if (!v->is_string())
            return fail(key, "must be a string"), std::string{};
        return v->get<std::string>();
    }

    std::optional<std::string> optStr(const char* key) {
        if (!get(key, Need::Optional))
            return std::nullopt;
        return str(key);
    }

    bool boolean(const char* key) {
        const Json* v = get(key, Need::Optional);
        if (!v)
            return false;
        if (!v->is_boolean())
            return fail(key, "must be true or false"), false;
        return v->get<bool>();
    }

    std::int64_t int64(const char* key, Need need = Need::Required) {
        const Json* v = get(key, need);
        if (!v)
            return 0;
        if (!v->is_number_integer())
            return fail(key, "must be a whole number"), 0;
        if (v->is_number_unsigned() &&
            v->get<std::uint64_t>() > std::uint64_t{std::numeric_limits<std::int64_t>::max()}) {
            return fail(key, "is out of range"), 0;
        }
        return v->get<std::int64_t>();
    }

    int integer(const char* key, Need need = Need::Required) {
        const std::int64_t n = int64(key, need);
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
            return fail(key, "is out of range"), 0;
        }
        return static_cast<int>(n);
    }

    std::optional<double> optNumber(const char* key) {
        const Json* v = get(key, Need::Optional);
        if (!v)
            return std::nullopt;
        if (!v->is_number())
            return fail(key, "must be a number"), std::nullopt;
        return v->get<double>();
    }

    CivilDate date(const char* key) {
        const std::string text = str(key);
        if (failed())
            return {};
        auto d = CivilDate::parse(text);
        if (!d)
            return fail(key, "is not a valid date (YYYY-MM-DD)"), CivilDate{};
        return *d;
    }

    std::optional<TimeOfDay> optTime(const char* key) {
        if (!get(key, Need::Optional))
            return std::nullopt;
        return time(key);
    }

    TimeOfDay time(const char* key) {
        const std::string text = str(key);
        if (failed())
            return {};
        auto t = TimeOfDay::parse(text);
        if (!t)
            return fail(key, "is not a valid time (HH:MM)"), TimeOfDay{};
        return *t;
    }

    template <typename E>
    std::optional<E> optEnum(const char* key) {
        if (!get(key, Need::Optional))
            return std::nullopt;
        return enumeration<E>(key);
    }

    template <typename E>
    E enumeration(const char* key) {
        const std::string text = str(key);
        if (failed())
            return E{};
        auto v = parseEnum<E>(text);
        if (!v) {
            std::string allowed;
            for (E e : allValues<E>()) {
                allowed += allowed.empty() ? "" : ", ";
                allowed += wireText(e);
            }
            // Only known wire texts are echoed, so a message never carries arbitrary input.
            return fail(key, "is not one of " + allowed), E{};
        }
        return *v;
    }

    Outcome outcomeCode(const char* key) {
        const std::string text = str(key);
        if (failed())
            return {};
        if (text.empty())
            return fail(key, "must not be empty"), Outcome{};
        return Outcome::fromText(text);  // unknown codes are kept verbatim
    }

    std::vector<std::string> strList(const char* key) {
        std::vector<std::string> out;
        const Json* v = get(key, Need::Optional);
        if (!v)
            return out;
        if (!v->is_array())
            return fail(key, "must be an array of strings"), out;
        for (std::size_t i = 0; i < v->size(); ++i) {
            if (!(*v)[i].is_string()) {
                return fail(std::string(key) + "[" + std::to_string(i) + "]", "must be a string"),
                       out;
            }
            out.push_back((*v)[i].get<std::string>());
        }
        return out;
    }

    // Calls read(Reader&) for each object of the array `key`.
    template <typename T, typename F>
    std::vector<T> objects(const char* key, F read) {
        std::vector<T> out;
        const Json* v = get(key, Need::Optional);
        if (!v)
            return out;
        if (!v->is_array())
            return fail(key, "must be an array"), out;
        for (std::size_t i = 0; i < v->size() && !failed(); ++i) {
            const std::string item = std::string(key) + "[" + std::to_string(i) + "]";
            if (!(*v)[i].is_object())
                return fail(item, "must be an object"), out;
            Reader child((*v)[i], path(item) + ".", error_);
            out.push_back(read(child));
        }
        return out;
    }

    template <typename T, typename F>
    std::optional<T> optObject(const char* key, F read) {
        const Json* v = get(key, Need::Optional);
        if (!v)
            return std::nullopt;
        if (!v->is_object())
            return fail(key, "must be an object"), std::nullopt;
        Reader child(*v, path(key) + ".", error_);
        return read(child);
    }

    bool failed() const { return error_.has_value(); }

private:
    std::string path(std::string_view key) const { return prefix_ + std::string(key); }

    // The value at `key`, or nullptr when absent or null (an error if required).
    const Json* get(const char* key, Need need) {
        if (failed())
            return nullptr;
        auto it = object_.find(key);
        if (it == object_.end() || it->is_null()) {
            if (need == Need::Required)
                fail(key, "is required");
            return nullptr;
        }
        return &*it;
    }

    void fail(std::string_view key, const std::string& problem) {
        if (failed())
            return;
        const std::string field = path(key);
        error_ = makeError(ErrorCode::InvalidArgument, field + " " + problem, field);
    }

    const Json& object_;
    std::string prefix_;
    std::optional<Error>& error_;
};

// Nesting depth of `text`, ignoring brackets inside strings; stops counting past `limit`.
bool nestingWithin(std::string_view text, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

template <typename T, typename F>
Result<T> parseDocument(std::string_view text, F read) {
    auto bad = [](std::string message) {
        return makeError(ErrorCode::InvalidArgument, std::move(message), {});
    };
    if (!nestingWithin(text, kMaxDepth))
        return bad("JSON nests too deeply");
    Json doc;
    try {
        doc = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        return bad(std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object())
        return bad("expected a JSON object");
    std::optional<Error> error;
    Reader r(doc, "", error);
    T value = read(r);
    if (error)
        return *error;
    return value;
}

OrderAdjustment readAdjustment(Reader& r) {
    OrderAdjustment a;
    a.id = r.str("id");
    a.minutes = r.integer("minutes");
    a.reason = r.str("reason");
    a.date = r.date("date");
    return a;
}

AppointmentOutcome readOutcome(Reader& r) {
    AppointmentOutcome o;
    o.code = r.outcomeCode("code");
    o.arrival = r.optTime("arrival");
    o.finish = r.optTime("finish");
    o.penalty_minutes = r.integer("penalty_minutes", Need::Optional);
    o.work_quality = r.optEnum<Rating>("work_quality");
    o.behaviour = r.optEnum<Rating>("behaviour");
    o.recorded_by = r.str("recorded_by");
    o.recorded_at = r.int64("recorded_at");
    return o;
}

}  // namespace

std::string toJson(const Person& v) {
    Json j;
    j["id"] = v.id;
    j["crn"] = v.crn;
    j["forenames"] = v.forenames;
    j["surname"] = v.surname;
    j["date_of_birth"] = v.date_of_birth.toString();
    j["responsible_officer_id"] = v.responsible_officer_id;
    j["placement_flags"] = strings(v.placement_flags);
    j["restricted_access"] = v.restricted_access;
    return dump(j);
}

std::string toJson(const Order& v) {
    Json j;
    j["id"] = v.id;
    j["person_id"] = v.person_id;
    j["sentence_date"] = v.sentence_date.toString();
    j["required_minutes"] = v.required_minutes;
    Json adjustments = Json::array();
    for (const auto& a : v.adjustments) {
        Json aj;
        aj["id"] = a.id;
        aj["minutes"] = a.minutes;
        aj["reason"] = a.reason;
        aj["date"] = a.date.toString();
        adjustments.push_back(std::move(aj));
    }
    j["adjustments"] = std::move(adjustments);
    return dump(j);
}

std::string toJson(const Project& v) {
    Json j;
    j["id"] = v.id;
    j["code"] = v.code;
    j["name"] = v.name;
    j["type"] = wireText(v.type);
    j["location"] = v.location;
    j["beneficiary"] = v.beneficiary;
    j["hi_vis_required"] = v.hi_vis_required;
    j["supervisor_ids"] = strings(v.supervisor_ids);
    return dump(j);
}

std::string toJson(const Session& v) {
    Json j;
    j["id"] = v.id;
    j["project_id"] = v.project_id;
    j["date"] = v.date.toString();
    j["start"] = v.start.toString();
    j["end"] = v.end.toString();
    return dump(j);
}

std::string toJson(const Appointment& v) {
    Json j;
    j["id"] = v.id;
    j["person_id"] = v.person_id;
    j["order_id"] = v.order_id;
    j["session_id"] = v.session_id;
    j["scheduled_start"] = v.scheduled_start.toString();
    j["scheduled_end"] = v.scheduled_end.toString();
    if (v.outcome)
        j["outcome"] = outcomeJson(*v.outcome);
    return dump(j);
}

std::string toJson(const WorkUndertaken& v) {
    Json j;
    j["id"] = v.id;
    j["appointment_id"] = v.appointment_id;
    j["category"] = wireText(v.category);
    j["description"] = v.description;
    putOptional(j, "quantity", v.quantity);
    j["unit"] = v.unit;
    return dump(j);
}

std::string toJson(const SkillObservation& v) {
    Json j;
    j["id"] = v.id;
    j["appointment_id"] = v.appointment_id;
    j["skill"] = wireText(v.skill);
    j["level"] = wireText(v.level);
    j["note"] = v.note;
    return dump(j);
}

std::string toJson(const Feedback& v) {
    Json j;
    j["id"] = v.id;
    j["appointment_id"] = v.appointment_id;
    j["progress"] = v.progress;
    j["strengths"] = v.strengths;
    j["concerns"] = v.concerns;
    j["support_needs"] = v.support_needs;
    j["incidents"] = v.incidents;
    j["alert_officer"] = v.alert_officer;
    j["alert_reason"] = v.alert_reason;
    return dump(j);
}

std::string toJson(const CaseNote& v) {
    Json j;
    j["id"] = v.id;
    j["person_id"] = v.person_id;
    putOptional(j, "appointment_id", v.appointment_id);
    j["author"] = v.author;
    j["created_at"] = v.created_at;
    j["text"] = v.text;
    j["sensitive"] = v.sensitive;
    putOptional(j, "amends_note_id", v.amends_note_id);
    return dump(j);
}

std::string toJson(const EnforcementDecision& v) {
    Json j;
    j["id"] = v.id;
    j["appointment_id"] = v.appointment_id;
    j["order_id"] = v.order_id;
    j["action"] = wireText(v.action);
    j["decided_on"] = v.decided_on.toString();
    j["decided_by"] = v.decided_by;
    j["note"] = v.note;
    if (v.reclassified_as)
        j["reclassified_as"] = v.reclassified_as->text();
    return dump(j);
}

std::string toJson(const AlertAcknowledgement& v) {
    Json j;
    j["id"] = v.id;
    j["feedback_id"] = v.feedback_id;
    j["appointment_id"] = v.appointment_id;
    j["acknowledged_by"] = v.acknowledged_by;
    j["acknowledged_at"] = v.acknowledged_at;
    j["note"] = v.note;
    return dump(j);
}

template <>
Result<Person> fromJson<Person>(std::string_view json) {
    return parseDocument<Person>(json, [](Reader& r) {
        Person v;
        v.id = r.str("id");
        v.crn = r.str("crn");
        v.forenames = r.str("forenames");
        v.surname = r.str("surname");
        v.date_of_birth = r.date("date_of_birth");
        v.responsible_officer_id = r.str("responsible_officer_id");
        v.placement_flags = r.strList("placement_flags");
        v.restricted_access = r.boolean("restricted_access");
        return v;
    });
}

template <>
Result<Order> fromJson<Order>(std::string_view json) {
    return parseDocument<Order>(json, [](Reader& r) {
        Order v;
        v.id = r.str("id");
        v.person_id = r.str("person_id");
        v.sentence_date = r.date("sentence_date");
        v.required_minutes = r.integer("required_minutes");
        v.adjustments = r.objects<OrderAdjustment>("adjustments", readAdjustment);
        return v;
    });
}

template <>
Result<Project> fromJson<Project>(std::string_view json) {
    return parseDocument<Project>(json, [](Reader& r) {
        Project v;
        v.id = r.str("id");
        v.code = r.str("code");
        v.name = r.str("name");
        v.type = r.enumeration<ProjectType>("type");
        v.location = r.str("location", Need::Optional);
        v.beneficiary = r.str("beneficiary", Need::Optional);
        v.hi_vis_required = r.boolean("hi_vis_required");
        v.supervisor_ids = r.strList("supervisor_ids");
        return v;
    });
}

template <>
Result<Session> fromJson<Session>(std::string_view json) {
    return parseDocument<Session>(json, [](Reader& r) {
        Session v;
        v.id = r.str("id");
        v.project_id = r.str("project_id");
        v.date = r.date("date");
        v.start = r.time("start");
        v.end = r.time("end");
        return v;
    });
}

template <>
Result<Appointment> fromJson<Appointment>(std::string_view json) {
    return parseDocument<Appointment>(json, [](Reader& r) {
        Appointment v;
        v.id = r.str("id");
        v.person_id = r.str("person_id");
        v.order_id = r.str("order_id");
        v.session_id = r.str("session_id");
        v.scheduled_start = r.time("scheduled_start");
        v.scheduled_end = r.time("scheduled_end");
        v.outcome = r.optObject<AppointmentOutcome>("outcome", readOutcome);
        return v;
    });
}

template <>
Result<WorkUndertaken> fromJson<WorkUndertaken>(std::string_view json) {
    return parseDocument<WorkUndertaken>(json, [](Reader& r) {
        WorkUndertaken v;
        v.id = r.str("id");
        v.appointment_id = r.str("appointment_id");
        v.category = r.enumeration<WorkCategory>("category");
        v.description = r.str("description");
        v.quantity = r.optNumber("quantity");
        v.unit = r.str("unit", Need::Optional);
        return v;
    });
}

template <>
Result<SkillObservation> fromJson<SkillObservation>(std::string_view json) {
    return parseDocument<SkillObservation>(json, [](Reader& r) {
        SkillObservation v;
        v.id = r.str("id");
        v.appointment_id = r.str("appointment_id");
        v.skill = r.enumeration<Skill>("skill");
        v.level = r.enumeration<SkillLevel>("level");
        v.note = r.str("note", Need::Optional);
        return v;
    });
}

template <>
Result<Feedback> fromJson<Feedback>(std::string_view json) {
    return parseDocument<Feedback>(json, [](Reader& r) {
        Feedback v;
        v.id = r.str("id");
        v.appointment_id = r.str("appointment_id");
        v.progress = r.str("progress", Need::Optional);
        v.strengths = r.str("strengths", Need::Optional);
        v.concerns = r.str("concerns", Need::Optional);
        v.support_needs = r.str("support_needs", Need::Optional);
        v.incidents = r.str("incidents", Need::Optional);
        v.alert_officer = r.boolean("alert_officer");
        v.alert_reason = r.str("alert_reason", Need::Optional);
        return v;
    });
}

template <>
Result<CaseNote> fromJson<CaseNote>(std::string_view json) {
    return parseDocument<CaseNote>(json, [](Reader& r) {
        CaseNote v;
        v.id = r.str("id");
        v.person_id = r.str("person_id");
        v.appointment_id = r.optStr("appointment_id");
        v.author = r.str("author");
        v.created_at = r.int64("created_at");
        v.text = r.str("text");
        v.sensitive = r.boolean("sensitive");
        v.amends_note_id = r.optStr("amends_note_id");
        return v;
    });
}

template <>
Result<EnforcementDecision> fromJson<EnforcementDecision>(std::string_view json) {
    return parseDocument<EnforcementDecision>(json, [](Reader& r) {
        EnforcementDecision v;
        v.id = r.str("id");
        v.appointment_id = r.str("appointment_id");
        v.order_id = r.str("order_id");
        v.action = r.enumeration<EnforcementAction>("action");
        v.decided_on = r.date("decided_on");
        v.decided_by = r.str("decided_by");
        v.note = r.str("note", Need::Optional);
        const std::string reclassified = r.str("reclassified_as", Need::Optional);
        if (!reclassified.empty())
            v.reclassified_as = Outcome::fromText(reclassified);
        return v;
    });
}

template <>
Result<AlertAcknowledgement> fromJson<AlertAcknowledgement>(std::string_view json) {
    return parseDocument<AlertAcknowledgement>(json, [](Reader& r) {
        AlertAcknowledgement v;
        v.id = r.str("id");
        v.feedback_id = r.str("feedback_id");
        v.appointment_id = r.str("appointment_id");
        v.acknowledged_by = r.str("acknowledged_by");
        v.acknowledged_at = r.int64("acknowledged_at");
        v.note = r.str("note", Need::Optional);
        return v;
    });
}

}  // namespace sitebook::domain
