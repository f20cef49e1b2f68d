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
    connect(worker_, &StorageWorker::sessionsLoaded, this, &StorageClient::sessionsLoaded);
    connect(worker_, &StorageWorker::rosterLoaded, this, &StorageClient::rosterLoaded);
    connect(worker_, &StorageWorker::recordLoaded, this, &StorageClient::recordLoaded);
    connect(worker_, &StorageWorker::saved, this, &StorageClient::saved);
    connect(worker_, &StorageWorker::saveFailed, this, &StorageClient::saveFailed);
    connect(worker_, &StorageWorker::loadFailed, this, &StorageClient::loadFailed);
    connect(worker_, &StorageWorker::pendingCountChanged, this,
            &StorageClient::pendingCountChanged);
    connect(worker_, &StorageWorker::dataChanged, this, &StorageClient::dataChanged);
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

quint64 StorageClient::save(const QList<RecordRequest>& records) {
    const quint64 id = nextRequest();
    post([w = worker_, id, records] { w->save(id, records); });
    return id;
}

}  // namespace sitebook::ui
