// SMART on FHIR scope strings: checking what a person typed (each invalid scope gets one
// sentence saying what is wrong and what would be right) and comparing what was requested
// with what the EHR granted. No Widgets; used by the profile editor and the token inspector.
#pragma once

#include <QString>
#include <QStringList>

namespace chartkey::scopes {

// The scopes of a space-separated scope string, in order, without empty entries.
QStringList split(const QString &scope);

// One sentence per invalid scope in `scope`; empty when every scope is valid. Valid:
// openid, profile, fhirUser, offline_access, online_access, launch, launch/patient,
// launch/encounter; SMART v1 (user|patient|system)/(Type|*).(read|write|*); SMART v2
// (user|patient|system)/(Type|*).[cruds]+ (in that order, no repeats), optionally
// followed by ?name=value&...
QStringList problems(const QString &scope);

// The scopes of `requested` that `granted` does not cover, in the order requested. A
// resource scope is covered by the same scope, by its SMART v1/v2 equivalent (read = rs,
// write = cud, * = cruds), or by a broader one (Type under *, permissions a superset, no
// search parameters on the granted one).
QStringList missing(const QString &requested, const QString &granted);

} // namespace chartkey::scopes
