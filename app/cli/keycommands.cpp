// chartkey key generate|show|import|rotate|retire: the private keys of a private_key_jwt
// client (auth/clientkeys.h). The private key goes from here to the keychain and nowhere
// else: nothing here prints, logs or writes it; `show` prints public material only.
#include "commandline.h"
#include "context.h"

#include "auth/clientkeys.h"
#include "auth/jose.h"
#include "base/clock.h"
#include "base/logging.h"
#include "storage/profilelock.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <functional>
#include <optional>

namespace chartkey::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("chartkey::cli", text);
}

constexpr int kLockTimeoutMs = 45000;
constexpr int kCertificateDays = 365;

// What a change does to the key ring: the new ring, or a message (and exit status) when it
// cannot be done.
struct Change
{
    KeyRing ring;
    QString refusal;    // empty: write `ring`
    int refusalCode = Failed;
    QString done;       // what to say once it is stored
};
using Changer = std::function<Change(const KeyRing &ring, bool found)>;

// Reads the profile's key ring under the profile lock (no two chartkey processes change it
// at once), applies `change`, writes the result, and says what was done.
int changeKeys(Context &ctx, const Profile &profile, const Changer &change)
{
    auto *lock = new ProfileLock(profile.name, &ctx);
    lock->acquire(kLockTimeoutMs)->then(&ctx, [&ctx, lock, profile, change](bool held) {
        if (!held) {
            ctx.err << tr("Another chartkey program holds the profile \"%1\"; try again.")
                               .arg(profile.name)
                    << Qt::endl;
            ctx.finish(Failed);
            return;
        }
        clientkeys::read(&ctx.secrets, profile, &ctx)->then(&ctx, [&ctx, lock, profile, change](const KeyRingRead &r) {
            if (r.failure) {
                lock->release();
                ctx.fail(r.failure);
                return;
            }
            const Change c = change(r.ring, r.found);
            if (!c.refusal.isEmpty()) {
                lock->release();
                ctx.err << c.refusal << Qt::endl;
                ctx.finish(c.refusalCode);
                return;
            }
            clientkeys::write(&ctx.secrets, profile, c.ring, &ctx)->then(&ctx, [&ctx, lock, c](const Failure &f) {
                lock->release();
                if (f) {
                    ctx.fail(f);
                    return;
                }
                ctx.out << c.done << Qt::endl;
                ctx.finish(Ok);
            });
        });
    });
    return kPending;
}

// --alg (checked with the command table), else the algorithm of the key that signs now, else
// ES384.
jose::Algorithm algorithmFor(std::optional<jose::Algorithm> asked, const KeyRing &ring)
{
    if (asked)
        return *asked;
    // A rotation keeps the algorithm the server was told about; a first key is ES384 (a
    // SHALL of SMART, and a short key).
    if (!ring.isEmpty()) {
        if (const auto alg = jose::algorithmFromName(
                    ring.signingKey().value(QStringLiteral("alg")).toString()))
            return *alg;
    }
    return jose::Algorithm::ES384;
}

QString registerHint(const Profile &profile)
{
    return tr("Register the public key with the server: chartkey key show --profile \"%1\" "
              "prints the JWKS (--format pem or x509 for the other forms).")
            .arg(profile.name);
}

int generate(Context &ctx, const QCommandLineParser &p, bool rotate)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    std::optional<jose::Algorithm> asked;
    if (p.isSet(QStringLiteral("alg")))
        asked = jose::algorithmFromName(p.value(QStringLiteral("alg")));
    return changeKeys(ctx, *profile, [asked, profile = *profile, rotate](const KeyRing &ring, bool found) {
        Change c;
        if (!rotate && found) {
            c.refusal = tr("Profile \"%1\" has a key already (%2). To replace it, add a new one "
                           "with: chartkey key rotate --profile \"%1\", register the JWKS again, "
                           "then retire the old one with: chartkey key retire KID")
                                .arg(profile.name, ring.kids().join(QStringLiteral(", ")));
            return c;
        }
        const jose::Algorithm alg = algorithmFor(asked, ring);
        QString error;
        const QJsonObject key = jose::generateKey(alg, 2048, &error);
        if (key.isEmpty()) {
            c.refusal = tr("No key could be made: %1").arg(error);
            return c;
        }
        c.ring = ring;
        c.ring.keys.append(key);
        const QString kid = key.value(QStringLiteral("kid")).toString();
        c.done = (rotate && found
                          ? tr("Added key %1 (%2) to profile \"%3\"; it signs from now on. The "
                               "JWKS lists the old keys too until you retire them (chartkey "
                               "key retire KID) once the server has the new one.")
                          : tr("Made key %1 (%2) for profile \"%3\"; the private key is in the "
                               "keychain only."))
                         .arg(kid, jose::algorithmName(alg), profile.name)
                + QLatin1Char('\n') + registerHint(profile);
        return c;
    });
}

QByteArray readPemFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray pem = in.read(64 * 1024);
    log::registerSecret(QString::fromLatin1(pem.trimmed()));
    return pem;
}

int importKey(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    QByteArray pem = readPemFromStdin();
    if (!pem.contains("-----BEGIN")) {
        pem.fill('\0');
        ctx.usage(tr("Give the private key as PEM on standard input (-----BEGIN PRIVATE KEY----- "
                     "...)."));
        return Usage;
    }
    std::optional<jose::Algorithm> alg;
    if (p.isSet(QStringLiteral("alg")))
        alg = jose::algorithmFromName(p.value(QStringLiteral("alg")));
    QString error;
    const QJsonObject key = jose::importPrivateKeyPem(pem, alg, &error);
    pem.fill('\0');
    if (key.isEmpty()) {
        ctx.err << tr("The key on standard input cannot be used: %1 Give an unencrypted PEM "
                      "private key (RSA of 2048 bits or more, or EC P-256/P-384).")
                           .arg(error)
                << Qt::endl;
        return Failed;
    }
    return changeKeys(ctx, *profile, [key, profile = *profile](const KeyRing &ring, bool) {
        Change c;
        const QString kid = key.value(QStringLiteral("kid")).toString();
        if (ring.indexOf(kid) >= 0) {
            c.refusal = tr("Profile \"%1\" has this key already (%2).").arg(profile.name, kid);
            return c;
        }
        c.ring = ring;
        c.ring.keys.append(key);
        c.done = tr("Imported key %1 (%2) into the keychain for profile \"%3\"; it signs from now "
                    "on.")
                         .arg(kid, key.value(QStringLiteral("alg")).toString(), profile.name)
                + QLatin1Char('\n') + registerHint(profile);
        return c;
    });
}

int retire(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    const QString kid = p.positionalArguments().constFirst();
    return changeKeys(ctx, *profile, [kid, profile = *profile](const KeyRing &ring, bool) {
        Change c;
        const qsizetype at = ring.indexOf(kid);
        if (at < 0) {
            c.refusal = tr("Profile \"%1\" has no key %2; its keys: %3.")
                                .arg(profile.name, kid,
                                     ring.isEmpty() ? tr("none")
                                                    : ring.kids().join(QStringLiteral(", ")));
            return c;
        }
        if (at == ring.keys.size() - 1) {
            c.refusal = tr("Key %1 is the one that signs. Add a new one first (chartkey key "
                           "rotate --profile \"%2\"), register the JWKS again, then retire "
                           "this one.")
                                .arg(kid, profile.name);
            return c;
        }
        c.ring = ring;
        c.ring.keys.removeAt(at);
        c.done = tr("Retired key %1 of profile \"%2\": it is gone from the keychain and from "
                    "the JWKS. Register the JWKS again (chartkey key show) so that the server "
                    "refuses it too.")
                         .arg(kid, profile.name);
        return c;
    });
}

int show(Context &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.selectProfile();
    if (!profile)
        return Failed;
    const QString format = p.value(QStringLiteral("format"));
    clientkeys::read(&ctx.secrets, *profile, &ctx)->then(&ctx, [&ctx, profile, format](const KeyRingRead &r) {
        if (r.failure) {
            ctx.fail(r.failure);
            return;
        }
        if (!r.found) {
            ctx.err << tr("Profile \"%1\" has no key. Make one with: chartkey key generate "
                          "--profile \"%1\"")
                               .arg(profile->name)
                    << Qt::endl;
            ctx.finish(Failed);
            return;
        }
        QString error;
        QByteArray out;
        if (format == QLatin1String("pem")) {
            out = jose::publicKeyPem(r.ring.signingKey(), &error);
        } else if (format == QLatin1String("x509")) {
            const QString cn = profile->clientId.isEmpty() ? profile->name : profile->clientId;
            out = jose::selfSignedCertificatePem(r.ring.signingKey(), cn,
                                                 Clock::system()->now(), kCertificateDays,
                                                 &error);
        } else {
            out = QJsonDocument(r.ring.publicJwks()).toJson(QJsonDocument::Indented);
        }
        if (out.isEmpty()) {
            ctx.err << tr("The public key could not be written as %1: %2").arg(format, error)
                    << Qt::endl;
            ctx.finish(Failed);
            return;
        }
        ctx.out << QString::fromLatin1(out);
        if (!out.endsWith('\n'))
            ctx.out << Qt::endl;
        ctx.finish(Ok);
    });
    return kPending;
}

} // namespace

int runKeyGenerate(Context &ctx, const QCommandLineParser &p)
{
    return generate(ctx, p, false);
}

int runKeyRotate(Context &ctx, const QCommandLineParser &p)
{
    return generate(ctx, p, true);
}

int runKeyImport(Context &ctx, const QCommandLineParser &p)
{
    return importKey(ctx, p);
}

int runKeyRetire(Context &ctx, const QCommandLineParser &p)
{
    return retire(ctx, p);
}

int runKeyShow(Context &ctx, const QCommandLineParser &p)
{
    return show(ctx, p);
}

} // namespace chartkey::cli
