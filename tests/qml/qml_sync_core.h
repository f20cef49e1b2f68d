#pragma once
// Hands the QML sync tests an in-process sync server (tests/unit/ui/ui_sync_server.h: TLS on
// 127.0.0.1, the real PersonReconciler) and two app cores on their own data dirs, set up to use
// it and not yet started: a supervisor's phone (`sam`) and an officer's tablet (`olu`).

#include <QObject>
#include <filesystem>
#include <memory>

#include <QFile>
#include <QStringList>
#include <nlohmann/json.hpp>

#include "sitebook/common/enrolment_code.h"
#include "ui_sync_server.h"
#include "ui_test_core.h"

namespace sitebook::ui::testing {

class QmlSyncCore : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool serverStarted READ serverStarted CONSTANT)
    Q_PROPERTY(QString password READ password CONSTANT)
    Q_PROPERTY(sitebook::ui::AppController* supervisor READ supervisor CONSTANT)
    Q_PROPERTY(sitebook::ui::AppController* officer READ officer CONSTANT)
    // Where the server listens and its CA file, for typing into the sign-in form.
    Q_PROPERTY(QString serverAddress READ serverAddress CONSTANT)
    Q_PROPERTY(QString caFile READ caFile CONSTANT)
public:
    QmlSyncCore() : server_(dir_.path()) {
        serverStarted_ = server_.start();
        if (!serverStarted_)
            return;
        supervisorId_ = server_.addUser("sam", server::Role::Supervisor);
        officerId_ = server_.addUser("olu", server::Role::Officer);
        serverStarted_ = !supervisorId_.empty() && !officerId_.empty() &&
                         server_.seed(supervisorId_, officerId_, seed_);
        supervisor_ = deviceCore("sam-phone");
        // Both cores draw on the same seeded random source: the tablet's clock runs a minute ahead
        // so that its device id differs from the phone's.
        officer_ = deviceCore("olu-tablet");
        officer_->clock.advance(60'000);
    }

    bool serverStarted() const { return serverStarted_; }
    QString password() const { return QString::fromLatin1(kSyncTestPassword); }
    AppController* supervisor() { return supervisor_ ? &supervisor_->app : nullptr; }
    AppController* officer() { return officer_ ? &officer_->app : nullptr; }
    QString serverAddress() const { return serverStarted_ ? server_.address() : QString(); }
    QString caFile() const { return server_.caFile(); }

    // Whether the supervisor's phone has a connection (the scheduler syncs when it returns).
    Q_INVOKABLE void setSupervisorOnline(bool online) {
        if (supervisor_)
            supervisor_->sync.setReachable(online);
    }

    // The project of the session is given to another supervisor (`false`) or back to sam.
    Q_INVOKABLE bool setProjectWithSupervisor(bool withSam) {
        if (!withSam && otherSupervisorId_.empty())
            otherSupervisorId_ = server_.addUser("kim", server::Role::Supervisor);
        return server_.put(
            server::EntityType::Project, seed_.projectId,
            SyncTestServer::project(seed_, withSam ? supervisorId_ : otherSupervisorId_));
    }

    // One more appointment of the seeded person in today's session.
    Q_INVOKABLE bool addAppointment() {
        const std::string id = server_.newId();
        seed_.appointmentIds.push_back(id);
        return server_.put(server::EntityType::Appointment, id,
                           {{"id", id},
                            {"person_id", seed_.personId},
                            {"order_id", seed_.orderId},
                            {"session_id", seed_.sessionId},
                            {"scheduled_start", "09:00"},
                            {"scheduled_end", "16:00"}});
    }

    // The server stops (connections refused) and starts again on the same port.
    Q_INVOKABLE void stopServer() { server_.stop(); }
    Q_INVOKABLE bool restartServer() { return server_.restart(); }
    // The id of the seeded appointment `i` (in the order they were added).
    Q_INVOKABLE QString appointmentId(int i) const {
        return i >= 0 && i < static_cast<int>(seed_.appointmentIds.size())
                   ? QString::fromStdString(seed_.appointmentIds[static_cast<std::size_t>(i)])
                   : QString();
    }

    // An office admin records `code` (attended 09:00-16:00, or an absence) for `appointmentId`
    // through the server's upload path, against the outcome already there: the two versions
    // conflict. Returns the result ("accepted_with_conflict" when they did).
    Q_INVOKABLE QString recordConflictingOutcome(const QString& appointmentId,
                                                 const QString& code) {
        if (adminId_.empty())
            adminId_ = server_.addUser("ada", server::Role::Admin);
        nlohmann::json outcome{{"code", code.toStdString()},
                               {"penalty_minutes", 0},
                               {"recorded_by", adminId_},
                               {"recorded_at", 1'767'614'400'000}};
        if (code == QLatin1String("ATTC") || code == QLatin1String("AFTC")) {
            outcome["arrival"] = "09:00";
            outcome["finish"] = "16:00";
            outcome["work_quality"] = "GOOD";
            outcome["behaviour"] = "GOOD";
        }
        const auto r =
            server_.uploadAs(adminId_, server::Role::Admin, server::EntityType::AppointmentOutcome,
                             appointmentId.toStdString(), server::OpKind::Create, outcome);
        switch (r.result) {
            case server::OpResultKind::Accepted:
                return QStringLiteral("accepted");
            case server::OpResultKind::AcceptedWithConflict:
                return QStringLiteral("accepted_with_conflict");
            default:
                return QString::fromStdString(r.reasonCode + ": " + r.message);
        }
    }

    // The code of the outcome the server holds for an appointment ("" if none).
    Q_INVOKABLE QString serverOutcomeCode(const QString& appointmentId) {
        auto body =
            server_.entity(server::EntityType::AppointmentOutcome, appointmentId.toStdString());
        return body.is_object() ? QString::fromStdString(body.value("code", "")) : QString();
    }

    // A supervisor with no project: nothing of the seeded session is in their scope.
    Q_INVOKABLE bool addSupervisor(const QString& username) {
        return !server_.addUser(username.toStdString(), server::Role::Supervisor).empty();
    }

    // What the phone keeps in its data directory: the device file, the database and its keys.
    Q_INVOKABLE QStringList phoneFiles() const {
        QStringList found;
        const auto dir = dir_.path() / "sam-phone";
        for (const char* name : {"device.json", "ca.pem", "sitebook.db", "sitebook.db-wal",
                                 "sitebook.db.keys/keys.json"}) {
            if (std::filesystem::exists(dir / name))
                found.append(QString::fromLatin1(name));
        }
        return found;
    }

    // The device id in the phone's device.json (empty without one).
    Q_INVOKABLE QString phoneDeviceId() const {
        QFile file(QString::fromStdString((dir_.path() / "sam-phone" / "device.json").string()));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const auto body = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
        return body.is_object() && body.contains("device_id")
                   ? QString::fromStdString(body["device_id"].get<std::string>())
                   : QString();
    }

    // Whether the server ended the device's sign-in (AuthService.SignOut).
    Q_INVOKABLE bool serverSignedOut(const QString& deviceId) {
        return server_.audited("device", deviceId.toStdString(), "signed_out");
    }

    // An enrolment code for this server, as `sitebook-server device enrol` prints it.
    Q_INVOKABLE QString enrolmentCode() const {
        QFile file(server_.caFile());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        auto der = pemCertificateToDer(file.readAll().toStdString());
        if (!der.ok())
            return {};
        auto code = makeEnrolmentCode({server_.address().toStdString(), "", *der});
        return code.ok() ? QString::fromStdString(*code) : QString();
    }

    // A well-formed code for this server's address that pins another CA: the server's
    // certificate does not chain to it.
    Q_INVOKABLE QString enrolmentCodeWithAnotherCa() const {
        auto ca = server::generateCertificateAuthority("Not the server's CA", 2);
        if (!ca.ok())
            return {};
        auto der = pemCertificateToDer(ca->certificatePem);
        if (!der.ok())
            return {};
        auto code = makeEnrolmentCode({server_.address().toStdString(), "", *der});
        return code.ok() ? QString::fromStdString(*code) : QString();
    }

private:
    std::unique_ptr<TestCore> deviceCore(const std::string& name) {
        const auto dir = dir_.path() / name;
        std::filesystem::create_directories(dir);
        auto core = std::make_unique<TestCore>(dir, testConfig(dir));
        core->app.setUseServer(true);
        core->app.setServerAddress(server_.address());
        core->app.setCaFile(server_.caFile());
        return core;
    }

    sitebook::testing::TempDir dir_;
    SyncTestServer server_;
    SyncTestServer::Seed seed_;
    std::string supervisorId_, officerId_, otherSupervisorId_, adminId_;
    bool serverStarted_ = false;
    std::unique_ptr<TestCore> supervisor_;
    std::unique_ptr<TestCore> officer_;
};

}  // namespace sitebook::ui::testing
