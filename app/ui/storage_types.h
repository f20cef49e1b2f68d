#pragma once
// Plain values that cross between the storage worker thread and the GUI thread. They are
// copied through queued signals, so they hold no pointers into the store.

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "sitebook/domain/types.h"
#include "sitebook/storage/key_vault.h"
#include "sitebook/store/local_store.h"

namespace sitebook::ui {

// How the storage worker finds and protects the device database.
struct StorageConfig {
    std::filesystem::path dataDir;  // holds sitebook.db, its vault and device.json
    storage::KdfParams kdf;         // production cost by default; tests pass small values
    storage::PinBackoff backoff;
    // Called once, on the storage thread, right after the store is first created (e.g. the
    // demonstration data of --demo, or a test roster). `today` is the device's local date.
    std::function<Status(store::LocalStore&, domain::CivilDate today)> seed;
};

// What the unlock screen needs to know about the vault.
struct VaultStatus {
    bool exists = false;
    QString protection;                // sentence from KeyVault::protection()
    std::int64_t lockedOutMillis = 0;  // 0: a PIN may be tried now
    int failedAttempts = 0;
    int freeFailures = 3;  // wrong PINs allowed before delays start
};

// One line of the day's session list.
struct SessionSummary {
    QString sessionId;
    QString projectCode;
    QString projectName;
    QString projectType;  // wire text, e.g. "GROUP"
    QString location;
    QString beneficiary;
    bool hiVisRequired = false;
    QDate date;
    QString start;  // "HH:MM"
    QString end;
    int people = 0;
    int recorded = 0;  // appointments with an outcome
};

// One line of a session's roster.
struct RosterLine {
    QString appointmentId;
    QString personId;
    QString crn;
    QString forenames;
    QString surname;
    QStringList placementFlags;
    bool restrictedAccess = false;
    QString scheduledStart;
    QString scheduledEnd;
    QString outcomeCode;  // wire text, empty when nothing is recorded yet
    bool hasFeedback = false;
};

// Everything the record form shows for one appointment.
struct RecordDetail {
    RosterLine line;
    QString sessionStart;
    QString sessionEnd;
    std::optional<domain::AppointmentOutcome> outcome;
    std::optional<domain::Feedback> feedback;
};

// One appointment's record from the form: saved as a unit (all parts validated before any is
// written). Empty optional parts are not written.
struct RecordRequest {
    QString appointmentId;
    domain::AppointmentOutcome outcome;
    std::optional<domain::WorkUndertaken> work;
    std::vector<domain::SkillObservation> skills;
    std::optional<domain::Feedback> feedback;
    std::optional<domain::CaseNote> note;
};

// A failed save: which field (prefixed by the part: "outcome.", "work.", "skill.",
// "feedback.", "note.") and the domain's message. `appointmentId` says whose record failed
// when several are saved at once.
struct FieldError {
    QString appointmentId;
    QString field;
    QString message;
};

}  // namespace sitebook::ui

Q_DECLARE_METATYPE(sitebook::ui::VaultStatus)
Q_DECLARE_METATYPE(sitebook::ui::SessionSummary)
Q_DECLARE_METATYPE(sitebook::ui::RosterLine)
Q_DECLARE_METATYPE(sitebook::ui::RecordDetail)
Q_DECLARE_METATYPE(sitebook::ui::RecordRequest)
Q_DECLARE_METATYPE(sitebook::ui::FieldError)
