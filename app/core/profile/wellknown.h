// The .well-known URL rules: where a server publishes its metadata, and which issuer a
// discovery URL names. Pure functions on URLs, shared by the presets, the profile editor,
// discovery and the registration check.
#pragma once

#include <QUrl>

namespace chartkey::wellknown {

// {fhirBase}/.well-known/smart-configuration (SMART App Launch 2.x, section 2.1)
QUrl smartConfiguration(const QUrl &fhirBase);

// {issuer}/.well-known/openid-configuration (OpenID Connect Discovery 1.0, section 4)
QUrl openIdConfiguration(const QUrl &issuer);

// The issuer a discovery URL belongs to: the URL without its /.well-known/... suffix.
QUrl issuerOf(const QUrl &discoveryUrl);

} // namespace chartkey::wellknown
