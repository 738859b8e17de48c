// Adds or edits a profile: the kind of server (a preset, storage/presets.h), the EHR instance,
// the client registration, scopes and redirect. Everything else is derived from the instance
// URL (or, for SMART and OpenID servers, fetched from the discovery document) until the person
// edits it; only the fields the kind uses are shown; problems are shown under the field they
// concern (Profile::validate() plus the dialog's own checks), and OK stays disabled while
// there are any. Export… and Import… write and read the profile as JSON (storage/profilejson.h)
// through exportTo() and importFrom(); an import fills the form and is saved only on OK.
#pragma once

#include "profile/profile.h"

#include <QDialog>
#include <QHash>
#include <QSet>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QRadioButton;

namespace chartkey::ui {

class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)
public:
    // `existingNames`: the profiles already stored (a new profile may not reuse one).
    ProfileEditorDialog(const Profile &initial, bool isNew, const QStringList &existingNames,
                        QWidget *parent = nullptr);
    ~ProfileEditorDialog() override;

    // The profile as edited; fields the person did not change are as given.
    Profile profile() const;
    // The client secret typed for a confidential client; empty means unchanged.
    QString clientSecret() const;
    // The access token typed for a static-token profile; empty means unchanged. The caller
    // stores it in the keychain (Session::adoptSignIn(staticTokenSet(...))), as for the
    // client secret.
    QString accessToken() const;

    // The network access manager for "Fetch endpoints"; the dialog makes its own otherwise.
    void setNetworkAccessManager(QNetworkAccessManager *nam);
    // Fetches the discovery document and fills the endpoints (the "Fetch endpoints" button);
    // endpointsFetched() tells the outcome.
    void fetchEndpoints();

    // Writes the profile as edited (without secrets) to `path`.
    bool exportTo(const QString &path, QString *error) const;
    // Reads a profile exported to `path` into the form (not saved until OK). An edited
    // profile keeps its name.
    bool importFrom(const QString &path, QString *error);

Q_SIGNALS:
    void endpointsFetched(bool ok);

private:
    // The fields a problem can be shown under.
    enum class Field {
        Name,
        Instance,
        FhirBase,
        ClientId,
        ClientType,
        ClientSecret,
        Grant,
        Scope,
        Redirect,
        Authorization,
        Token,
        Revocation,
        Issuer,
        Discovery,
        AccessToken,
        Other, // a problem of no field shown here
    };
    friend size_t qHash(Field field, size_t seed = 0) noexcept { return ::qHash(int(field), seed); }

    QLineEdit *addLineEdit(QFormLayout *form, const QString &label, const QString &accessibleName,
                           const QString &objectName, Field field);
    QWidget *withError(QWidget *input, Field field, QWidget *row = nullptr);
    void fillFrom(const Profile &profile);
    void connectFields();
    void deriveFromInstance();
    void deriveFromFhirBase();
    void applyPreset(Profile::Kind kind);
    void setKind(Profile::Kind kind);
    void resetFollows();
    void setFieldVisible(Field field, bool visible);
    void exportToFile();
    void importFromFile();
    void showNotice(const QString &text, bool problem);
    void updateVisibility();
    void touch(Field field);
    void revalidate();
    QHash<Field, QStringList> problemsByField(const Profile &profile) const;
    bool isShown(Field field, bool instanceHasProblems) const;

    Profile m_initial;
    Profile::Kind m_kind = Profile::Kind::Canvas;
    bool m_isNew = false;
    // What the keychain holds for the stored profile: a client secret, a static token.
    bool m_storedSecret = false;
    bool m_storedToken = false;
    bool m_discoveryFollows = true;
    bool m_audFollows = true;
    QStringList m_existingNames;
    // Derived fields that still follow the instance URL (not edited by hand).
    bool m_fhirFollows = true;
    bool m_authorizationFollows = true;
    bool m_tokenFollows = true;
    bool m_revocationFollows = true;
    bool m_issuerFollows = true;
    bool m_notesFollows = true;
    bool m_redirectTouched = false;
    QSet<Field> m_touched;

    QComboBox *m_preset = nullptr;
    QLabel *m_presetDescription = nullptr;
    QLineEdit *m_discoveryUrl = nullptr;
    QPushButton *m_fetch = nullptr;
    QLabel *m_grantNote = nullptr;
    QLineEdit *m_accessToken = nullptr;
    QLabel *m_notice = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_instance = nullptr;
    QLineEdit *m_fhirBase = nullptr;
    QLineEdit *m_clientId = nullptr;
    QComboBox *m_clientType = nullptr;
    QLineEdit *m_secret = nullptr;
    QComboBox *m_grant = nullptr;
    QLineEdit *m_scope = nullptr;
    QRadioButton *m_redirectAny = nullptr;
    QRadioButton *m_redirectExact = nullptr;
    QLineEdit *m_redirectUri = nullptr;
    QLineEdit *m_launch = nullptr;
    QLineEdit *m_aud = nullptr;
    QCheckBox *m_showEndpoints = nullptr;
    QGroupBox *m_endpoints = nullptr;
    QLineEdit *m_authorizationUrl = nullptr;
    QLineEdit *m_tokenUrl = nullptr;
    QLineEdit *m_revocationUrl = nullptr;
    QLineEdit *m_issuer = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_otherProblems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QWidget *m_secretRow = nullptr;
    QHash<Field, QLabel *> m_errors;
    QHash<Field, QWidget *> m_inputs;
    QHash<Field, QWidget *> m_rows;        // the row widget of a field (input and problem)
    QHash<Field, QFormLayout *> m_formOf;  // the form a field's row is in
};

} // namespace chartkey::ui
