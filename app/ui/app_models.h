#pragma once
// The app's object graph: the storage client, the models and controllers QML binds to, and the
// AppController over them. Members are constructed in the order they are declared and
// destroyed in reverse, so the storage client outlives every model and the AppController is
// built last, over all of them. The app, its benchmark and its tests build the graph here.
//
// Thread affinity: GUI thread.

#include <QDate>

#include "app_controller.h"
#include "fast_path_model.h"
#include "officer_models.h"
#include "record_controller.h"
#include "roster_model.h"
#include "session_list_model.h"
#include "storage_client.h"
#include "sync_controller.h"

namespace sitebook::ui {

struct AppModels {
    // `clock`, `random` and `keyStore` (may be null) must outlive this object.
    AppModels(StorageConfig config, const Clock& clock, RandomSource& random,
              storage::KeyStore* keyStore);
    AppModels(const AppModels&) = delete;
    AppModels& operator=(const AppModels&) = delete;

    // Today by the injected clock, in local time: the officer's due dates are counted from it.
    QDate today() const;

    StorageClient storage;
    SessionListModel sessions;
    RosterModel roster;
    RecordController record;
    FastPathModel fastPath;
    SyncController sync;
    CaseloadModel caseload;
    InboxModel inbox;
    AttentionModel attention;
    PersonController person;
    AppController app;
};

}  // namespace sitebook::ui
