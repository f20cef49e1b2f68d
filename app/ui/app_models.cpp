#include "app_models.h"

#include <QDateTime>
#include <utility>

#include "sitebook/common/clock.h"

namespace sitebook::ui {

AppModels::AppModels(StorageConfig config, const Clock& clock, RandomSource& random,
                     storage::KeyStore* keyStore)
    : storage(std::move(config), clock, random, keyStore),
      sessions(&storage),
      roster(&storage),
      record(&storage),
      fastPath(&storage, &roster),
      sync(&storage, clock),
      caseload(&storage),
      inbox(&storage, [this] { return today(); }),
      attention(&storage),
      person(&storage, [this] { return today(); }),
      app({&storage, &sessions, &roster, &record, &fastPath, &sync, &caseload, &inbox, &attention,
           &person},
          clock) {}

QDate AppModels::today() const {
    return QDateTime::fromMSecsSinceEpoch(storage.clock().nowMillis()).date();
}

}  // namespace sitebook::ui
