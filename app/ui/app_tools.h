#pragma once
// Developer and CI tools built into the app: --self-test and --screenshot.

#include <QString>

class QQmlEngine;
class QQuickWindow;

namespace sitebook::ui {

class AppController;

// Compiles every QML file of the Sitebook.Screens module; prints each error. Returns the
// process exit code (0: all loaded).
int selfTestQmlFiles(QQmlEngine& engine);

// Walks the main screens with the demonstration data and saves one PNG per screen into `dir`
// (first run or unlock, wrong PIN, sessions, roster, record form, the enforceable-outcome
// warning, the fast path). `pin` is the PIN to create or unlock with. Returns an exit code.
int captureScreenshots(QQuickWindow& window, AppController& app, const QString& dir,
                       const QString& pin);

}  // namespace sitebook::ui
