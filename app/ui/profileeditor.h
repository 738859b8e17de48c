// Adds or edits a profile: a ProfileForm (profile/profileform.h) shown as sections (server,
// client registration, scopes and redirect, endpoints; ui/profilesections.h). The form has the
// rules: what the preset derives from the instance URL or the FHIR base until edited, which
// fields the preset and grant use, and each field's problems; the dialog lays the sections out
// in a scroll area whose size does not change as problems come and go, says under the buttons
// what stops saving while OK is disabled, fetches the endpoints of a discovery document, and
// exports and imports the profile as JSON (profile/profilejson.h); an import fills the form
// and is saved only on OK.
#pragma once

#include "profile/policy.h"
#include "profile/profile.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QNetworkAccessManager;
class QScrollArea;

namespace chartkey {
class ProfileForm;
}

namespace chartkey::ui {

class EndpointsSection;
class ProfileSection;
class ServerSection;

class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)
public:
    // `existingNames`: the profiles already stored (a new profile may not reuse one). A new
    // profile starts from the defaults of `initial`'s preset for what it leaves empty.
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

    // What the organisation allows (profile/policy.h): the form names the policy for what
    // it does not allow.
    void setPolicy(const ManagedPolicy &policy);
    // A managed profile (storage/profilestore.h): shown as it is, nothing can be changed,
    // and `refusal` says why and whom to ask.
    void setManaged(const QString &refusal);
    bool isManaged() const { return !m_managedRefusal.isEmpty(); }

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

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void fitToContents();
    void showNotice(const QString &text, bool problem);
    void exportToFile();
    void importFromFile();

    bool m_isNew = false;
    QString m_initialName;
    ProfileForm *m_form = nullptr;
    ServerSection *m_server = nullptr;
    EndpointsSection *m_endpoints = nullptr;
    QList<ProfileSection *> m_sections;
    QScrollArea *m_scroll = nullptr;
    QCheckBox *m_showEndpoints = nullptr;
    QLabel *m_otherProblems = nullptr;
    QLabel *m_notice = nullptr;
    QLabel *m_whatStopsSaving = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
    Profile::Kind m_shownKind{};
    bool m_fitted = false;
    QString m_managedRefusal;
};

} // namespace chartkey::ui
