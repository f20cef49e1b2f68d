#include "storage_client.h"

#include "storage_worker.h"

namespace sitebook::ui {

StorageClient::StorageClient(StorageConfig config, const Clock& clock, RandomSource& random,
                             storage::KeyStore* keyStore, QObject* parent)
    : QObject(parent), clock_(clock) {
    static const int registered = [] {
        qRegisterMetaType<VaultStatus>();
        qRegisterMetaType<SessionSummary>();
        qRegisterMetaType<RosterLine>();
        qRegisterMetaType<RecordDetail>();
        qRegisterMetaType<RecordRequest>();
        qRegisterMetaType<FieldError>();
        qRegisterMetaType<QList<SessionSummary>>();
        qRegisterMetaType<QList<RosterLine>>();
        qRegisterMetaType<QList<RecordRequest>>();
        qRegisterMetaType<ServerSettings>();
        qRegisterMetaType<DeviceInfo>();
        qRegisterMetaType<SyncStatus>();
        qRegisterMetaType<AttentionItem>();
        qRegisterMetaType<CaseloadLine>();
        qRegisterMetaType<InboxItem>();
        qRegisterMetaType<PersonDetail>();
        qRegisterMetaType<QList<AttentionItem>>();
        qRegisterMetaType<QList<CaseloadLine>>();
        qRegisterMetaType<QList<InboxItem>>();
        return 0;
    }();
    Q_UNUSED(registered);

    thread_.setObjectName(QStringLiteral("sitebook-storage"));
    worker_ = new StorageWorker(std::move(config), clock, random, keyStore);
    worker_->moveToThread(&thread_);

    connect(worker_, &StorageWorker::vaultInspected, this, &StorageClient::vaultInspected);
    connect(worker_, &StorageWorker::opened, this, [this](const QString& protection) {
        open_ = true;
        emit opened(protection);
    });
    connect(worker_, &StorageWorker::openFailed, this, &StorageClient::openFailed);
    connect(worker_, &StorageWorker::closed, this, [this] {
        open_ = false;
        emit closed();
    });
    connect(worker_, &StorageWorker::offlineAssessed, this, &StorageClient::offlineAssessed);
    connect(worker_, &StorageWorker::offlineShredded, this, &StorageClient::offlineShredded);
    connect(worker_, &StorageWorker::sessionsLoaded, this, &StorageClient::sessionsLoaded);
    connect(worker_, &StorageWorker::rosterLoaded, this, &StorageClient::rosterLoaded);
    connect(worker_, &StorageWorker::recordLoaded, this, &StorageClient::recordLoaded);
    connect(worker_, &StorageWorker::saved, this, &StorageClient::saved);
    connect(worker_, &StorageWorker::saveFailed, this, &StorageClient::saveFailed);
    connect(worker_, &StorageWorker::loadFailed, this, &StorageClient::loadFailed);
    connect(worker_, &StorageWorker::pendingCountChanged, this,
            &StorageClient::pendingCountChanged);
    connect(worker_, &StorageWorker::dataChanged, this, &StorageClient::dataChanged);
    connect(worker_, &StorageWorker::localChange, this, &StorageClient::localChange);
    connect(worker_, &StorageWorker::signedIn, this, &StorageClient::signedIn);
    connect(worker_, &StorageWorker::signInFailed, this, &StorageClient::signInFailed);
    connect(worker_, &StorageWorker::reauthenticated, this, &StorageClient::reauthenticated);
    connect(worker_, &StorageWorker::deviceLoaded, this, &StorageClient::deviceLoaded);
    connect(worker_, &StorageWorker::syncStatusChanged, this, &StorageClient::syncStatusChanged);
    connect(worker_, &StorageWorker::syncFinished, this, &StorageClient::syncFinished);
    connect(worker_, &StorageWorker::attentionLoaded, this, &StorageClient::attentionLoaded);
    connect(worker_, &StorageWorker::discarded, this, &StorageClient::discarded);
    connect(worker_, &StorageWorker::caseloadLoaded, this, &StorageClient::caseloadLoaded);
    connect(worker_, &StorageWorker::inboxLoaded, this, &StorageClient::inboxLoaded);
    connect(worker_, &StorageWorker::personLoaded, this, &StorageClient::personLoaded);
    connect(worker_, &StorageWorker::decisionRecorded, this, &StorageClient::decisionRecorded);
    connect(worker_, &StorageWorker::decisionFailed, this, &StorageClient::decisionFailed);
    connect(worker_, &StorageWorker::draftSaved, this, &StorageClient::draftSaved);
    connect(worker_, &StorageWorker::draftDiscarded, this, &StorageClient::draftDiscarded);
    connect(worker_, &StorageWorker::draftsChanged, this, &StorageClient::draftsChanged);
    connect(worker_, &StorageWorker::unsentLoaded, this, &StorageClient::unsentLoaded);
    connect(worker_, &StorageWorker::signOutRefused, this, &StorageClient::signOutRefused);
    connect(worker_, &StorageWorker::signedOut, this, &StorageClient::signedOut);
    thread_.start();
}

StorageClient::~StorageClient() {
    StorageWorker* worker = worker_;
    // The store is closed and the worker destroyed on its own thread, then the thread stops.
    QMetaObject::invokeMethod(
        worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

template <typename F>
void StorageClient::post(F&& call) {
    QMetaObject::invokeMethod(worker_, std::forward<F>(call), Qt::QueuedConnection);
}

void StorageClient::inspect() {
    post([w = worker_] { w->inspect(); });
}

void StorageClient::create(const QString& pin) {
    post([w = worker_, pin] { w->create(pin); });
}

void StorageClient::unlock(const QString& pin) {
    post([w = worker_, pin] { w->unlock(pin); });
}

void StorageClient::close() {
    open_ = false;
    post([w = worker_] { w->close(); });
}

quint64 StorageClient::loadSessions(QDate date) {
    const quint64 id = nextRequest();
    post([w = worker_, id, date] { w->loadSessions(id, date); });
    return id;
}

quint64 StorageClient::loadRoster(const QString& sessionId) {
    const quint64 id = nextRequest();
    post([w = worker_, id, sessionId] { w->loadRoster(id, sessionId); });
    return id;
}

quint64 StorageClient::loadRecord(const QString& appointmentId) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId] { w->loadRecord(id, appointmentId); });
    return id;
}

quint64 StorageClient::loadCorrection(const QString& opId, const QString& appointmentId) {
    const quint64 id = nextRequest();
    post([w = worker_, id, opId, appointmentId] { w->loadCorrection(id, opId, appointmentId); });
    return id;
}

quint64 StorageClient::save(const QList<RecordRequest>& records) {
    const quint64 id = nextRequest();
    post([w = worker_, id, records] { w->save(id, records); });
    return id;
}

quint64 StorageClient::saveGroup(const QList<RecordRequest>& records) {
    const quint64 id = nextRequest();
    post([w = worker_, id, records] { w->saveGroup(id, records); });
    return id;
}

void StorageClient::signIn(const ServerSettings& server, const QString& username,
                           const QString& password) {
    post([w = worker_, server, username, password] { w->signIn(server, username, password); });
}

void StorageClient::assessOffline() {
    post([w = worker_] { w->assessOffline(); });
}

void StorageClient::noteServerContact() {
    post([w = worker_] { w->noteServerContact(); });
}

void StorageClient::checkOfflineAtStart() {
    post([w = worker_] { w->checkOfflineAtStart(); });
}

void StorageClient::syncNow() {
    post([w = worker_] { w->syncNow(); });
}

void StorageClient::flushOutbox() {
    post([w = worker_] { w->flushOutbox(); });
}

void StorageClient::cancelSync() {
    worker_->cancelSync();  // thread-safe: it must not wait behind the sync it ends
}

void StorageClient::reauthenticate(const QString& password) {
    post([w = worker_, password] { w->reauthenticate(password); });
}

quint64 StorageClient::resubmit(const QString& opId, const RecordRequest& record) {
    const quint64 id = nextRequest();
    post([w = worker_, id, opId, record] { w->resubmit(id, opId, record); });
    return id;
}

quint64 StorageClient::loadAttention() {
    const quint64 id = nextRequest();
    post([w = worker_, id] { w->loadAttention(id); });
    return id;
}

quint64 StorageClient::discardChange(const QString& opId, const QString& reason) {
    const quint64 id = nextRequest();
    post([w = worker_, id, opId, reason] { w->discardChange(id, opId, reason); });
    return id;
}

quint64 StorageClient::loadCaseload() {
    const quint64 id = nextRequest();
    post([w = worker_, id] { w->loadCaseload(id); });
    return id;
}

quint64 StorageClient::loadInbox() {
    const quint64 id = nextRequest();
    post([w = worker_, id] { w->loadInbox(id); });
    return id;
}

quint64 StorageClient::loadPerson(const QString& personId) {
    const quint64 id = nextRequest();
    post([w = worker_, id, personId] { w->loadPerson(id, personId); });
    return id;
}

quint64 StorageClient::recordDecision(const QString& appointmentId, const QString& action,
                                      const QString& note, const QString& decidedOn) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId, action, note, decidedOn] {
        w->recordDecision(id, appointmentId, action, note, decidedOn);
    });
    return id;
}

quint64 StorageClient::resubmitDecision(const QString& opId, const QString& action,
                                        const QString& note, const QString& decidedOn) {
    const quint64 id = nextRequest();
    post([w = worker_, id, opId, action, note, decidedOn] {
        w->resubmitDecision(id, opId, action, note, decidedOn);
    });
    return id;
}

quint64 StorageClient::resubmitAbsenceAcceptable(const QString& opId, const QString& code,
                                                 const QString& evidence,
                                                 const QString& decidedOn) {
    const quint64 id = nextRequest();
    post([w = worker_, id, opId, code, evidence, decidedOn] {
        w->resubmitAbsenceAcceptable(id, opId, code, evidence, decidedOn);
    });
    return id;
}

quint64 StorageClient::saveDraft(const QString& appointmentId, const QString& body) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId, body] { w->saveDraft(id, appointmentId, body); });
    return id;
}

quint64 StorageClient::discardDraft(const QString& appointmentId) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId] { w->discardDraft(id, appointmentId); });
    return id;
}

quint64 StorageClient::recordAbsenceAcceptable(const QString& appointmentId, const QString& code,
                                               const QString& evidence, const QString& decidedOn) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId, code, evidence, decidedOn] {
        w->recordAbsenceAcceptable(id, appointmentId, code, evidence, decidedOn);
    });
    return id;
}

quint64 StorageClient::acknowledgeAlert(const QString& feedbackId, const QString& note) {
    const quint64 id = nextRequest();
    post([w = worker_, id, feedbackId, note] { w->acknowledgeAlert(id, feedbackId, note); });
    return id;
}

quint64 StorageClient::confirmOutcome(const QString& appointmentId, const QString& outcomeJson) {
    const quint64 id = nextRequest();
    post([w = worker_, id, appointmentId, outcomeJson] {
        w->confirmOutcome(id, appointmentId, outcomeJson);
    });
    return id;
}

quint64 StorageClient::loadUnsent() {
    const quint64 id = nextRequest();
    post([w = worker_, id] { w->loadUnsent(id); });
    return id;
}

void StorageClient::signOut(bool discardUnsent) {
    post([w = worker_, discardUnsent] { w->signOut(discardUnsent); });
}

}  // namespace sitebook::ui
