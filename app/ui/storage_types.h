#pragma once
// Plain values that cross between the storage worker thread and the GUI thread. They are
// copied through queued signals, so they hold no pointers into the store.

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
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
    // Vault hardening: whether the platform keystore protects the vault (or, before set-up,
    // would protect a new one); the shortest PIN its policy accepts; wrong PINs left before the
    // device is wiped (-1: never); true once too many wrong PINs destroyed the device's keys.
    bool keystore = false;
    int minPinLength = 8;
    int attemptsBeforeWipe = -1;
    bool shredded = false;
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
    bool hasDraft = false;  // the record form holds unsaved input for this line
};

// Everything the record form shows for one appointment. When it is opened to correct a
// refused change (StorageWorker::loadCorrection), the refused values are in place of the local
// ones and `correctionPart` says which part of the form the change is: "" for the outcome or
// the feedback (the whole form), "work", "skill" or "note" (that section alone).
struct RecordDetail {
    RosterLine line;
    QString sessionStart;
    QString sessionEnd;
    std::optional<domain::AppointmentOutcome> outcome;
    std::optional<domain::Feedback> feedback;
    QString correctionPart;
    std::optional<domain::WorkUndertaken> work;
    std::optional<domain::SkillObservation> skill;
    std::optional<domain::CaseNote> note;
    // Not a correction: what is recorded for the appointment (shown and edited in place; notes
    // only shown) and the form's unsaved draft, if any.
    std::vector<domain::WorkUndertaken> recordedWork;
    std::vector<domain::SkillObservation> recordedSkills;
    std::vector<domain::CaseNote> recordedNotes;
    QString draft;  // the form as JSON (RecordController); empty: no draft
    qint64 draftSavedAt = 0;
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
    // false: the outcome is left as it is (a note saved alone, or an unchanged outcome).
    bool withOutcome = true;
    // Delete the appointment's form draft in the same transaction (the record form's save).
    bool discardDraft = false;
};

// A failed save: which field (prefixed by the part: "outcome.", "work.", "skill.",
// "feedback.", "note.") and the domain's message. `appointmentId` says whose record failed
// when several are saved at once.
struct FieldError {
    QString appointmentId;
    QString field;
    QString message;
};

// The server a device signs in to (first run). The CA file verifies the server's certificate.
struct ServerSettings {
    QString address;  // "host:port"
    QString caFile;
    QString tlsName;  // name in the certificate when it differs from the host; usually empty
    // The CA certificate itself (PEM), pinned by an enrolment code; used instead of caFile
    // when set.
    QString caPem;
};

// Who is signed in on this device (no secrets).
struct DeviceInfo {
    QString userId;
    QString username;
    QString displayName;
    QString role;    // wire text: "supervisor", "officer", ...
    QString server;  // empty: this device does not sync (demonstration data)
};

// The sync engine's state as the status strip shows it.
struct SyncStatus {
    bool configured = false;  // a server is set up on this device
    bool signedIn = false;
    bool online = false;
    bool running = false;
    QString phase;  // "idle" | "uploading" | "downloading"
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    qint64 pending = 0;
    qint64 needsAttention = 0;
    qint64 conflicts = 0;
    qint64 lastSuccessAt = 0;           // device clock millis; 0: never
    qint64 nextRetryAt = 0;             // 0: none
    QString lastError;                  // empty after a success
    bool authenticationNeeded = false;  // the server ended the sign-in: a password is needed
    int errorCode = 0;                  // sitebook::ErrorCode of lastError
    qint64 oldestPendingAt = 0;         // device clock millis of the oldest unsent change; 0: none
};

// A change the server refused, with its reason.
struct AttentionItem {
    QString opId;
    QString entityType;  // protocol name, e.g. "appointment"
    QString entityId;
    QString op;
    QString code;
    QString message;
    qint64 createdAt = 0;
    QString summary;        // what the change was about, e.g. "Outcome UAAB for Smith, Alex"
    QString appointmentId;  // the appointment the change belongs to, if any
    QString personId;       // whose record it is, if known
    // The refused record's fields (its payload), e.g. "action" and "note" of a decision.
    QVariantMap refused;
    // It can be corrected on screen: an outcome, work undertaken, a skill, feedback or a case
    // note of an appointment in the record form; an enforcement decision on the person page.
    bool correctable = false;
    // Who, which session and what, from the device's own copy of the change (kept when it was
    // refused, so they are named even after a download purged the person from the device).
    QString personName;   // "Smith, Alex (X123456)"; empty if the device never knew
    QString sessionText;  // "Riverside clean-up, Mon 5 Jan 2026, 09:00–16:00"
    QString refusedText;  // what was refused, e.g. "Outcome: Unacceptable absence"
    // When it cannot be corrected: why not, and what to do instead.
    QString blockedReason;
};

// One person of an officer's caseload with the progress of their order (server-derived).
struct CaseloadLine {
    QString personId;
    QString crn;
    QString forenames;
    QString surname;
    QString orderId;
    int requiredMinutes = 0;  // adjusted
    int creditedMinutes = 0;
    int eteCreditedMinutes = 0;
    int eteAllowanceMinutes = 0;
    double percentComplete = 0;
    QString projectedCompletion;  // "YYYY-MM-DD" or empty
    QString completedOn;
    int openItems = 0;
    bool hasProgress = false;
    // For the caseload's filters: items whose respond-by date has passed, supervisors'
    // feedback that alerts the officer, and a projected completion more than twelve months
    // after the sentence.
    int overdueItems = 0;
    int alerts = 0;
    bool behindPace = false;
};

// An item that needs the officer's decision (server-derived RO item).
struct InboxItem {
    QString id;
    QString kind;  // enforcement_due, feedback_gap, overdue_outcome, review_due, conflict, ...
    QString personId;
    QString personName;
    QString crn;
    QString orderId;
    QString appointmentId;
    QString createdOn;
    QString dueOn;
    QString message;
    bool breachReferralRequired = false;
    // supervisor_alert: the feedback carrying the alert and the supervisor's reason (their
    // words: plain text).
    QString feedbackId;
    QString reason;
    // conflict: the versions, oldest first, each {code, description, times, penaltyMinutes,
    // outcomeJson} (outcomeJson goes back to StorageWorker::confirmOutcome).
    QVariantList versions;
};

// Everything the officer's person page shows. Lists are of QVariantMap rows (see
// StorageWorker::loadPerson for their keys).
struct PersonDetail {
    CaseloadLine line;
    QStringList placementFlags;
    QString sentenceDate;
    double pacePerDay = 0;   // minutes per day needed to finish in a year from sentence
    QVariantList timeline;   // appointments, newest first
    QVariantList notes;      // case notes, newest first
    QVariantList credits;    // {date, minutes} cumulative credited minutes by session date
    QVariantList decisions;  // enforcement decisions
    QList<InboxItem> items;
};

}  // namespace sitebook::ui

Q_DECLARE_METATYPE(sitebook::ui::VaultStatus)
Q_DECLARE_METATYPE(sitebook::ui::SessionSummary)
Q_DECLARE_METATYPE(sitebook::ui::RosterLine)
Q_DECLARE_METATYPE(sitebook::ui::RecordDetail)
Q_DECLARE_METATYPE(sitebook::ui::RecordRequest)
Q_DECLARE_METATYPE(sitebook::ui::FieldError)
Q_DECLARE_METATYPE(sitebook::ui::ServerSettings)
Q_DECLARE_METATYPE(sitebook::ui::DeviceInfo)
Q_DECLARE_METATYPE(sitebook::ui::SyncStatus)
Q_DECLARE_METATYPE(sitebook::ui::AttentionItem)
Q_DECLARE_METATYPE(sitebook::ui::CaseloadLine)
Q_DECLARE_METATYPE(sitebook::ui::InboxItem)
Q_DECLARE_METATYPE(sitebook::ui::PersonDetail)
