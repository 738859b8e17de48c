#include "clientkeys.h"

#include "auth/jose.h"
#include "base/logging.h"
#include "storage/secretstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace chartkey {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::ClientKeys", text);
}

} // namespace

QJsonObject KeyRing::publicJwks() const
{
    return jose::publicJwks(keys);
}

QStringList KeyRing::kids() const
{
    QStringList out;
    for (const QJsonObject &key : keys)
        out << key.value(QStringLiteral("kid")).toString();
    return out;
}

qsizetype KeyRing::indexOf(const QString &kid) const
{
    return kids().indexOf(kid);
}

QByteArray KeyRing::toBytes() const
{
    QByteArray out("{\"keys\":[");
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i)
            out += ',';
        out += jose::privateJwkBytes(keys.at(i));
    }
    out += "]}";
    log::registerSecret(QString::fromUtf8(out));
    return out;
}

bool KeyRing::fromBytes(const QByteArray &bytes, KeyRing *ring, QString *error)
{
    log::registerSecret(QString::fromUtf8(bytes));
    const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
    const QJsonValue list = doc.value(QStringLiteral("keys"));
    if (!list.isArray()) {
        *error = tr("The stored key entry is not a key ring.");
        return false;
    }
    KeyRing out;
    for (const QJsonValue &v : list.toArray()) {
        QString why;
        const QJsonObject key = jose::privateJwkFromBytes(
                QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact), &why);
        if (key.isEmpty()) {
            *error = tr("A stored key is unreadable: %1").arg(why);
            return false;
        }
        out.keys.append(key);
    }
    *ring = out;
    return true;
}

namespace clientkeys {

Pending<KeyRingRead> *read(SecretStore *secrets, const Profile &profile, QObject *context)
{
    auto *op = new Pending<KeyRingRead>(context);
    const QString name = profile.name;
    secrets->read(profile.clientKeyKey())->then(op, [op, name](const SecretStore::Result &r) {
        KeyRingRead out;
        if (r.status == SecretStore::Status::NotFound) {
            op->complete(out);
            return;
        }
        if (!r.isOk()) {
            out.failure = Failure::make(Failure::Kind::Storage, r.message,
                                        QStringLiteral("keychain status %1").arg(int(r.status)));
            op->complete(out);
            return;
        }
        QString error;
        if (!KeyRing::fromBytes(r.data, &out.ring, &error)) {
            out.failure = Failure::make(
                    Failure::Kind::Storage,
                    tr("%1 Make a new key with: chartkey key generate --profile \"%2\" (then "
                       "register its JWKS again).")
                            .arg(error, name));
            op->complete(out);
            return;
        }
        out.found = !out.ring.isEmpty();
        op->complete(out);
    });
    return op;
}

Pending<Failure> *write(SecretStore *secrets, const Profile &profile, const KeyRing &ring,
                        QObject *context)
{
    auto *op = new Pending<Failure>(context);
    SecretStore::Job *job = ring.isEmpty()
            ? secrets->remove(profile.clientKeyKey())
            : secrets->write(profile.clientKeyKey(), ring.toBytes());
    job->then(op, [op](const SecretStore::Result &r) {
        if (r.isOk()) {
            op->complete({});
            return;
        }
        op->complete(Failure::make(Failure::Kind::Storage, r.message,
                                   QStringLiteral("keychain status %1").arg(int(r.status))));
    });
    return op;
}

Failure missingKey(const Profile &profile)
{
    return Failure::make(Failure::Kind::Configuration,
                         tr("Profile %1 authenticates with a key (private_key_jwt), but no key "
                            "is in the keychain. Make one with: chartkey key generate --profile "
                            "\"%1\", and register the JWKS that chartkey key show prints.")
                                 .arg(profile.name));
}

} // namespace clientkeys

} // namespace chartkey
