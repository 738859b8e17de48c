#!/usr/bin/env node
// chartkey test sandbox: a local stand-in for a Canvas Medical instance.
//
//   node tests/sandbox/server.mjs [--access-ttl SECONDS] [--patients N] [--port P] [--fhir-port P]
//
// Instance port: OAuth 2.0 server (oidc-provider, Canvas routes), login/consent
// pages, notes API (plugin-io), admin controls (/__admin).
// FHIR port: FHIR R4 subset (Patient, Appointment, Practitioner, Location, metadata,
// smart-configuration), with a day's schedule for each practitioner.
// LMS port: a Canvas LMS (Instructure) OAuth server and /api/v1/users/self (lms.mjs).
// Cognito ports: an AWS-Cognito-shaped OpenID Provider, discovery + JWKS on one port
// ("cognito-idp"), authorize/token/revoke/userInfo on another ("auth domain") (cognito.mjs).
// Prints exactly one JSON line on stdout when ready; logs go to stderr only with
// SANDBOX_DEBUG=1. See README.md in this folder.

import * as http from 'node:http';
import * as crypto from 'node:crypto';

import { createLms } from './lms.mjs';
import { createCognito } from './cognito.mjs';
import { IdTokenKeys, instanceSigningKeys, ID_TOKEN_ALGS, BROKEN_ID_TOKEN_CASES } from './idtokens.mjs';

const DEBUG = process.env.SANDBOX_DEBUG === '1';

// oidc-provider prints notices via console.info (stdout!) and console.warn.
// stdout must carry only the ready line, so route everything to stderr (debug only).
{
  const toStderr = (...args) => { if (DEBUG) process.stderr.write(`${args.map(String).join(' ')}\n`); };
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
  console.debug = toStderr;
  console.error = (...args) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  if (!DEBUG) console.error = () => {};
}
const log = (...args) => { if (DEBUG) process.stderr.write(`[sandbox] ${args.join(' ')}\n`); };

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { accessTtl: 36000, patients: 240, port: 0, fhirPort: 0 };
  const names = { '--access-ttl': 'accessTtl', '--patients': 'patients', '--port': 'port', '--fhir-port': 'fhirPort' };
  for (let i = 0; i < argv.length; i += 1) {
    let arg = argv[i];
    let value;
    const eq = arg.indexOf('=');
    if (eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    if (arg === '--help' || arg === '-h') {
      process.stderr.write('usage: server.mjs [--access-ttl SECONDS] [--patients N] [--port P] [--fhir-port P]\n');
      process.exit(0);
    }
    const key = names[arg];
    if (!key) { process.stderr.write(`server.mjs: unknown argument ${arg}\n`); process.exit(2); }
    if (value === undefined) { i += 1; value = argv[i]; }
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) {
      process.stderr.write(`server.mjs: ${arg} needs a non-negative integer\n`); process.exit(2);
    }
    opts[key] = n;
  }
  if (opts.accessTtl < 1) { process.stderr.write('server.mjs: --access-ttl must be >= 1\n'); process.exit(2); }
  return opts;
}
const opts = parseArgs(process.argv.slice(2));

// ---------------------------------------------------------------- constants
const HOST = '127.0.0.1';
const USER = { login: 'clinician', password: 'chartkey-sandbox', name: 'Demo Clinician' };
// The clinician as the Canvas instance knows them: a Practitioner of its FHIR server (the one
// every appointment names). Their ID tokens carry `name` (scope profile) and `fhirUser`.
const PRACTITIONER = { id: '4150cd20de8a470aa570a852859ac87e', prefix: 'Dr', given: 'Ada', family: 'Lovelace', name: 'Dr Ada Lovelace', npi: '1234567893' };
const CLIENTS = {
  public: { client_id: 'chartkey-public' },
  confidential: { client_id: 'chartkey-confidential', client_secret: 'chartkey-confidential-secret' },
  clientCredentials: { client_id: 'chartkey-service', client_secret: 'chartkey-service-secret' },
};
const DEFAULT_SCOPE = 'user/Patient.read user/Appointment.read offline_access launch';
const ROUTES = {
  authorization: '/auth/authorize/',
  token: '/auth/token/',
  revocation: '/auth/revoke_token/',
  introspection: '/auth/introspect_token/',
  userinfo: '/auth/userinfo/',
  jwks: '/auth/jwks/',
  end_session: '/auth/logout/',
};
const NOTES_PREFIX = '/plugin-io/api/note_sign_api/notes/';
const NOTE_EXT = 'http://schemas.canvasmedical.com/fhir/extensions/note-id';
const STANDALONE_NOTE = 'note-standalone-1';

// SMART v1 scopes the FHIR "resource server" knows.
const SMART_RESOURCES = ['*', 'Patient', 'Appointment', 'Note', 'Encounter', 'Observation', 'Practitioner',
  'Condition', 'MedicationStatement', 'AllergyIntolerance', 'DocumentReference', 'Schedule', 'Slot', 'Coverage'];
const RESOURCE_SCOPES = ['launch', 'launch/patient', 'fhirUser'];
for (const c of ['user', 'system', 'patient']) {
  for (const r of SMART_RESOURCES) for (const a of ['read', 'write', '*']) RESOURCE_SCOPES.push(`${c}/${r}.${a}`);
}
const OIDC_SCOPES = ['openid', 'offline_access', 'profile'];

// ---------------------------------------------------------------- mutable state
// Server behaviour modes (POST /__admin/config; {"reset":true} restores these defaults).
// Every mode is described in README.md ("Behaviour modes"); in short:
//   pkce: "enforce" | "ignore"   ignore = the authorization servers drop code_challenge and
//                                code_verifier, so a wrong or missing verifier is accepted;
//   rotateRefreshTokens: bool    false = a refresh answer carries no refresh_token, the one the
//                                client holds stays valid (Canvas instance only);
//   dropScopes: [scope]          left out of every grant and token even when requested and
//                                consented (a server that narrows scopes; not "openid");
//   advertisePlain: bool         discovery and SMART configuration list "plain" too;
//   exactRedirectUris, redirectUris, redirectRefusal    redirect URI matching and its refusal;
//   loginPage401, nonceRequired                         authorization endpoint;
//   emptyErrorBodies, revocationNeedsClientAuth, noRevocationEndpoint, refusedVerifier,
//   burnCodeOnRefusedExchange, refreshErrorCode, tokenTypeCase   token and revocation endpoints;
//   idTokenAlg, brokenIdToken, rotateJwks (not kept here: see idTokenKeys), fhirUser   ID tokens;
//   noCapabilities, audIgnored, openReads, acceptInvalidRefreshToken, acceptInvalidCode,
//   acceptUnknownClient, introspectionMissingFields, introspectRevokedActive, noCacheHeaders
//                                what `chartkey check` tests the way Inferno does.
const REGISTERED_REDIRECT_URIS = Object.freeze(['http://127.0.0.1/callback']);
const DEFAULT_MODES = Object.freeze({
  pkce: 'enforce',
  rotateRefreshTokens: true,
  dropScopes: [],
  advertisePlain: false,
  exactRedirectUris: false,
  redirectUris: REGISTERED_REDIRECT_URIS,
  redirectRefusal: '400-page',
  loginPage401: false,
  nonceRequired: false,
  emptyErrorBodies: false,
  revocationNeedsClientAuth: false,
  noRevocationEndpoint: false,
  refusedVerifier: 'invalid_grant-400',
  burnCodeOnRefusedExchange: false,
  refreshErrorCode: 'invalid_grant',
  tokenTypeCase: 'default',
  idTokenAlg: 'RS256',
  brokenIdToken: 'off',
  fhirUser: 'absolute',
  noCapabilities: false,
  audIgnored: false,
  openReads: false,
  acceptInvalidRefreshToken: false,
  acceptInvalidCode: false,
  acceptUnknownClient: false,
  introspectionMissingFields: false,
  introspectRevokedActive: false,
  noCacheHeaders: false,
});
// Modes with a fixed set of values (the first is the default) and boolean ones.
const MODE_CHOICES = {
  pkce: ['enforce', 'ignore'],
  redirectRefusal: ['400-page', '403-empty', '200-html'],
  refusedVerifier: ['invalid_grant-400', 'invalid_code-403'],
  refreshErrorCode: ['invalid_grant', 'invalid_request'],
  tokenTypeCase: ['default', 'lower'],
  idTokenAlg: ID_TOKEN_ALGS,
  brokenIdToken: ['off', ...BROKEN_ID_TOKEN_CASES],
  fhirUser: ['absolute', 'relative'],
};
const MODE_FLAGS = ['rotateRefreshTokens', 'advertisePlain', 'exactRedirectUris', 'loginPage401', 'nonceRequired',
  'emptyErrorBodies', 'revocationNeedsClientAuth', 'noRevocationEndpoint', 'burnCodeOnRefusedExchange',
  'noCapabilities', 'audIgnored', 'openReads', 'acceptInvalidRefreshToken', 'acceptInvalidCode', 'acceptUnknownClient',
  'introspectionMissingFields', 'introspectRevokedActive', 'noCacheHeaders'];
const freshModes = () => ({ ...DEFAULT_MODES, dropScopes: [], redirectUris: [...REGISTERED_REDIRECT_URIS] });
const state = {
  accessTtl: opts.accessTtl,
  modes: freshModes(),
  staticTokens: new Map(), // static bearer token -> "canvas" | "lms" (POST /__admin/static-token)
  expiredTokenIds: new Set(), // jti of access tokens killed by /__admin/expire-tokens
  revokedTokens: new Set(), // tokens the instance's revocation endpoint accepted (introspectRevokedActive)
  fail: {}, // target -> { count, mode }
  hanging: new Set(), // responses we deliberately never answer
  lastSecrets: null, // what the last authorization_code request carried (GET /__admin/last-secrets)
};
function freshStats() {
  return {
    token: { authorization_code: 0, refresh_token: 0, client_credentials: 0, total: 0 },
    revocation: 0,
    api: {},
    notes: {},
    // The Canvas LMS and Cognito servers count apart, so `token` keeps meaning the instance.
    lms: { token: { total: 0 }, revocation: 0, api: {} },
    cognito: { token: { total: 0 }, revocation: 0 },
  };
}
// Counts one POST at a token route by grant_type into `bucket` ({total, <grant_type>: n}).
function countToken(bucket, raw) {
  let gt = 'missing';
  try { gt = new URLSearchParams(raw).get('grant_type') || 'missing'; } catch { /* keep */ }
  bucket[gt] = (bucket[gt] || 0) + 1;
  bucket.total += 1;
}
let stats = freshStats();

// ---------------------------------------------------------------- synthetic data
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const FAMILIES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams',
  'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Okafor', 'Kowalski',
  'Haddad', 'Lindqvist', 'Tanaka', 'Moreau', 'Schulz', 'Rossi', "O'Brien", 'Van der Berg'];
const GIVEN_F = ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah',
  'Karen', 'Nancy', 'Lisa', 'Betty', 'Sandra', 'Ashley', 'Emily', 'Donna', 'Michelle', 'Amanda', 'Melissa',
  'Zoë', 'Ingrid', 'Amara', 'Yuki', 'Fatima'];
const GIVEN_M = ['James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas',
  'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew',
  'Joshua', 'Kenji', 'Olu', 'Mateo', 'Lars', 'José'];
const BRIDDLES = [['Ada', 'female', '1958-03-14'], ['Bertram', 'male', '1971-11-02'], ['Clementine', 'female', '1990-06-27']];

function pad(n, w) { return String(n).padStart(w, '0'); }

function buildPatients(n) {
  const list = new Array(n);
  const byId = new Map();
  const briddleAt = new Map();
  if (n > 0) {
    [0.1, 0.45, 0.8].forEach((f, k) => {
      let idx = Math.min(n - 1, Math.floor(n * f));
      while (briddleAt.has(idx) && idx < n - 1) idx += 1;
      if (!briddleAt.has(idx)) briddleAt.set(idx, k);
    });
  }
  for (let i = 0; i < n; i += 1) {
    const rnd = mulberry32(i * 2654435761 + 12345);
    // Canvas patient keys are 32 hex characters; derive them deterministically.
    const id = `${pad(((i + 1) * 2654435761 >>> 0).toString(16), 8)}${pad((i + 1).toString(16), 8)}`
      + `${pad(Math.floor(rnd() * 0xffffffff).toString(16), 8)}${pad(Math.floor(rnd() * 0xffffffff).toString(16), 8)}`;
    let family; let given; let gender; let birthDate;
    if (briddleAt.has(i)) {
      const b = BRIDDLES[briddleAt.get(i)];
      family = 'Briddle'; [given, gender, birthDate] = b;
      rnd(); rnd(); rnd(); rnd();
    } else {
      family = FAMILIES[Math.floor(rnd() * FAMILIES.length)];
      gender = rnd() < 0.5 ? 'female' : 'male';
      const pool = gender === 'female' ? GIVEN_F : GIVEN_M;
      given = pool[Math.floor(rnd() * pool.length)];
      const year = 1930 + Math.floor(rnd() * 86);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    }
    const apptCount = 1 + Math.floor(rnd() * 3);
    const p = { index: i, id, family, given, gender, birthDate, apptCount,
      familyLc: family.toLowerCase(), givenLc: given.toLowerCase(), mrn: `MRN${pad(i + 1, 6)}` };
    list[i] = p;
    byId.set(id, p);
  }
  return { list, byId };
}
const patients = buildPatients(opts.patients);

function patientResource(p) {
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { versionId: '1', lastUpdated: '2024-01-01T00:00:00+00:00' },
    identifier: [{ use: 'usual', system: 'http://canvasmedical.com/mrn', value: p.mrn }],
    active: true,
    name: [{ use: 'official', family: p.family, given: [p.given] }],
    gender: p.gender,
    birthDate: p.birthDate,
  };
}

// Appointments and notes: patient #i (1-based) has appointments appt-i-k / notes note-i-k, k = 1..apptCount.
const APPT_TYPES = ['Office Visit', 'Follow-up Visit', 'Annual Physical', 'Telehealth Visit', 'New Patient Visit'];
function appointmentBase(p, k) {
  const rnd = mulberry32((p.index + 1) * 7919 + k * 104729);
  const day = 1 + Math.floor(rnd() * 28);
  const hour = 8 + Math.floor(rnd() * 9);
  const month = 1 + Math.floor(rnd() * 12);
  return {
    id: `appt-${p.index + 1}-${k}`,
    noteId: `note-${p.index + 1}-${k}`,
    start: `2025-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:00:00+00:00`,
    end: `2025-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:30:00+00:00`,
    type: APPT_TYPES[Math.floor(rnd() * APPT_TYPES.length)],
    // first appointment of each patient is booked (can be checked in), the others fulfilled
    status: k === 1 ? 'booked' : 'fulfilled',
  };
}
const noteStates = new Map(); // noteId -> { state, appointment_status|null, actions }
// FHIR R4 Appointment.status values (POST /__admin/notes/{note_id} sets one).
const APPOINTMENT_STATUSES = ['proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled',
  'noshow', 'entered-in-error', 'checked-in', 'waitlist'];
function findNote(noteId) {
  if (noteStates.has(noteId)) return noteStates.get(noteId);
  let entry = null;
  if (noteId === STANDALONE_NOTE) {
    entry = { state: 'new', appointment_status: null, actions: {} };
  } else {
    const m = /^note-(\d+)-(\d+)$/.exec(noteId);
    if (m) {
      const p = patients.list[Number(m[1]) - 1];
      const k = Number(m[2]);
      if (p && k >= 1 && k <= p.apptCount && String(Number(m[1])) === m[1] && String(k) === m[2]) {
        entry = { state: 'new', appointment_status: appointmentBase(p, k).status, actions: {} };
      }
    } else {
      const slot = noteId.startsWith('note-sched-') ? scheduleSlot(noteId) : null;
      if (slot) entry = { state: slot.noteState, appointment_status: slot.status, actions: {} };
    }
  }
  if (entry) noteStates.set(noteId, entry);
  return entry;
}
function appointmentResource(p, k, fhirBase) {
  const a = appointmentBase(p, k);
  const note = noteStates.get(a.noteId);
  return {
    resourceType: 'Appointment',
    id: a.id,
    extension: [{ url: NOTE_EXT, valueId: a.noteId }],
    status: note ? note.appointment_status : a.status,
    appointmentType: { coding: [{ system: 'http://snomed.info/sct', code: '308335008', display: a.type }] },
    description: a.type,
    start: a.start,
    end: a.end,
    participant: [
      { actor: { reference: `Patient/${p.id}`, type: 'Patient' }, status: 'accepted' },
      { actor: { reference: 'Practitioner/4150cd20de8a470aa570a852859ac87e', type: 'Practitioner' }, status: 'accepted' },
    ],
    _fullUrl: `${fhirBase}/Appointment/${a.id}`,
  };
}

// ---------------------------------------------------------------- practitioners, locations, the days' schedules
// Two clinic sites and the practitioners who see patients there; the signed-in clinician
// (PRACTITIONER) is the first. Each practitioner has a schedule on every weekday, made up on
// demand and the same every time for the same date: 20–40 appointments of 15 minutes between
// 08:00 and 18:00 in the server's time zone, with patients drawn from the patient list. On
// Saturdays and Sundays the first practitioner of each site (the clinician and NP Seacole)
// runs a walk-in morning, 8–14 appointments between 08:00 and 12:00, so that "today" is
// never empty for the clinician. Relative to the current date: earlier days are over
// (fulfilled, their notes signed or locked; a few noshow and cancelled), today and later days
// are booked (a few cancelled), their notes new.
// Ids: Appointment `sched-<p>-<yyyymmdd>-<slot>`, note `note-sched-<p>-<yyyymmdd>-<slot>`
// (p = 1-based practitioner number, slot 0..39 from 08:00).
const LOCATIONS = [
  { id: 'f0a1c2d3e4f5461728394a5b6c7d8e01', name: 'Main Street Clinic', city: 'Springfield' },
  { id: 'f0a1c2d3e4f5461728394a5b6c7d8e02', name: 'Riverside Health Center', city: 'Springfield' },
];
const PRACTITIONERS = [
  { ...PRACTITIONER, location: LOCATIONS[0].id },
  { id: '5e1f0c7a9b2d4e3f8a6b1c0d2e3f4a51', prefix: 'Dr', given: 'Grace', family: 'Hopper', name: 'Dr Grace Hopper', npi: '1457389203', location: LOCATIONS[0].id },
  { id: '5e1f0c7a9b2d4e3f8a6b1c0d2e3f4a52', prefix: 'NP', given: 'Mary', family: 'Seacole', name: 'NP Mary Seacole', npi: '1558493021', location: LOCATIONS[1].id },
  { id: '5e1f0c7a9b2d4e3f8a6b1c0d2e3f4a53', prefix: 'Dr', given: 'Santiago', family: 'Ramón y Cajal', name: 'Dr Santiago Ramón y Cajal', npi: '1669502837', location: LOCATIONS[1].id },
];
const SCHEDULE_SLOTS = 40; // 15 minutes each, 08:00-18:00
const DAY_MS = 24 * 3600 * 1000;
// A local calendar day as 'yyyymmdd' / from one.
const dayKey = (d) => `${d.getFullYear()}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
const dayFromKey = (k) => new Date(Number(k.slice(0, 4)), Number(k.slice(4, 6)) - 1, Number(k.slice(6, 8)));
function localIso(d) {
  // 2025-05-14T09:15:00+02:00: the server's offset, as Canvas writes times
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}T${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:00`
    + `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
// The schedule of practitioner number `pn` (1-based) on local day `key`: a sorted list of slots.
const scheduleCache = new Map();
function scheduleOf(pn, key) {
  const cacheKey = `${pn}-${key}`;
  if (scheduleCache.has(cacheKey)) return scheduleCache.get(cacheKey);
  const day = dayFromKey(key);
  const practitioner = PRACTITIONERS[pn - 1];
  const out = [];
  const weekday = day.getDay();
  const weekend = weekday === 0 || weekday === 6;
  // Weekends: a morning walk-in clinic (08:00-12:00) at each site, by its first practitioner.
  const onDuty = !weekend || pn === 1 || pn === 3;
  if (practitioner && onDuty && patients.list.length > 0) {
    const rnd = mulberry32(pn * 1000003 + Number(key));
    const count = weekend ? 8 + Math.floor(rnd() * 7) : 20 + Math.floor(rnd() * 21);
    const slots = Array.from({ length: weekend ? SCHEDULE_SLOTS / 2.5 : SCHEDULE_SLOTS }, (_, i) => i);
    for (let i = slots.length - 1; i > 0; i -= 1) { // shuffle, keep the first `count`
      const j = Math.floor(rnd() * (i + 1));
      [slots[i], slots[j]] = [slots[j], slots[i]];
    }
    const today = new Date();
    const relative = Math.round((day - new Date(today.getFullYear(), today.getMonth(), today.getDate())) / DAY_MS);
    for (const slot of slots.slice(0, count).sort((a, b) => a - b)) {
      const r = mulberry32(pn * 7919 + Number(key) * 31 + slot);
      const patient = patients.list[Math.floor(r() * patients.list.length)];
      const type = APPT_TYPES[Math.floor(r() * APPT_TYPES.length)];
      const roll = r();
      let status;
      if (relative < 0) status = roll < 0.06 ? 'noshow' : roll < 0.12 ? 'cancelled' : 'fulfilled';
      else status = roll < 0.06 ? 'cancelled' : 'booked';
      // The visits of earlier days were written up: their notes are signed (a few only locked).
      const noteState = status === 'fulfilled' ? (r() < 0.2 ? 'locked' : 'signed') : 'new';
      const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8, slot * 15);
      const end = new Date(start.getTime() + 15 * 60 * 1000);
      out.push({ id: `sched-${pn}-${key}-${slot}`, noteId: `note-sched-${pn}-${key}-${slot}`, pn, key, slot,
        patient, type, status, noteState, start, end, location: practitioner.location });
    }
  }
  scheduleCache.set(cacheKey, out);
  return out;
}
// The schedule slot behind `sched-…` / `note-sched-…` ids, or null.
function scheduleSlot(id) {
  const m = /^(?:note-)?sched-(\d+)-(\d{8})-(\d+)$/.exec(id);
  if (!m) return null;
  return scheduleOf(Number(m[1]), m[2]).find((s) => s.slot === Number(m[3])) || null;
}
function scheduleAppointmentResource(s, fhirBase) {
  const note = noteStates.get(s.noteId);
  const practitioner = PRACTITIONERS[s.pn - 1];
  const location = LOCATIONS.find((l) => l.id === s.location);
  return {
    resourceType: 'Appointment',
    id: s.id,
    extension: [{ url: NOTE_EXT, valueId: s.noteId }],
    status: note ? note.appointment_status : s.status,
    appointmentType: { coding: [{ system: 'http://snomed.info/sct', code: '308335008', display: s.type }] },
    description: s.type,
    start: localIso(s.start),
    end: localIso(s.end),
    minutesDuration: 15,
    participant: [
      { actor: { reference: `Patient/${s.patient.id}`, type: 'Patient' }, status: 'accepted' },
      { actor: { reference: `Practitioner/${practitioner.id}`, type: 'Practitioner', display: practitioner.name }, status: 'accepted' },
      { actor: { reference: `Location/${location.id}`, type: 'Location', display: location.name }, status: 'accepted' },
    ],
    _fullUrl: `${fhirBase}/Appointment/${s.id}`,
  };
}
function practitionerResourceOf(p) {
  return {
    resourceType: 'Practitioner',
    id: p.id,
    meta: { versionId: '1', lastUpdated: '2024-01-01T00:00:00+00:00' },
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: p.npi }],
    active: true,
    name: [{ use: 'official', text: p.name, family: p.family, given: [p.given], prefix: [p.prefix] }],
  };
}
function locationResource(l) {
  return {
    resourceType: 'Location',
    id: l.id,
    status: 'active',
    name: l.name,
    address: { use: 'work', city: l.city, country: 'US' },
  };
}
// FHIR date search (`date=ge2025-05-14T00:00:00+02:00`, `date=2025-05-14`): each value as
// [from, to) in epoch ms, for the prefixes eq (default), ge, gt, le, lt. Null when unreadable.
function dateRange(value) {
  const m = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.exec(value);
  if (!m) return null;
  const prefix = m[1] || 'eq';
  let from; let to;
  if (m[3]) {
    from = Date.parse(`${m[2]}${m[3]}`);
    to = from + 1;
  } else {
    const [y, mo, d] = m[2].split('-').map(Number);
    from = new Date(y, mo - 1, d).getTime();
    to = new Date(y, mo - 1, d + 1).getTime();
  }
  if (!Number.isFinite(from)) return null;
  switch (prefix) {
    case 'ge': return [from, Infinity];
    case 'gt': return [to, Infinity];
    case 'le': return [-Infinity, to];
    case 'lt': return [-Infinity, from];
    default: return [from, to];
  }
}
// Appointment?date=…[&date=…]&practitioner=…|location=…[&status=…]: the schedule appointments
// that match, sorted by start; or a string saying why the search cannot be answered.
function searchSchedule(params) {
  let from = -Infinity; let to = Infinity;
  for (const value of params.getAll('date')) {
    const range = dateRange(value);
    if (!range) return `Cannot read date ${value}.`;
    from = Math.max(from, range[0]);
    to = Math.min(to, range[1]);
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'A schedule search needs a date, or a date range with both ends.';
  if (to - from > 62 * DAY_MS) return 'A schedule search covers at most 62 days.';
  const ref = (name, type) => {
    const v = params.get(name);
    return v ? (v.startsWith(`${type}/`) ? v.slice(type.length + 1) : v.split('/').pop()) : null;
  };
  const practitionerId = ref('practitioner', 'Practitioner') ?? ref('actor', 'Practitioner');
  const locationId = ref('location', 'Location');
  const statuses = params.get('status') ? new Set(params.get('status').split(',')) : null;
  const out = [];
  const first = new Date(from);
  for (let d = new Date(first.getFullYear(), first.getMonth(), first.getDate()); d.getTime() < to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    PRACTITIONERS.forEach((p, i) => {
      if (practitionerId && p.id !== practitionerId) return;
      for (const s of scheduleOf(i + 1, dayKey(d))) {
        if (locationId && s.location !== locationId) continue;
        const t = s.start.getTime();
        if (t < from || t >= to) continue;
        const status = noteStates.get(s.noteId)?.appointment_status ?? s.status;
        if (statuses && !statuses.has(status)) continue;
        out.push(s);
      }
    });
  }
  return out.sort((a, b) => a.start - b.start || a.pn - b.pn);
}

// ---------------------------------------------------------------- helpers
function readBody(req, limit = 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) { reject(new Error('request entity too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
function sendJson(res, status, body, headers = {}, type = 'application/json') {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}
function sendFhir(res, status, body, headers = {}) {
  sendJson(res, status, body, headers, 'application/fhir+json');
}
function outcome(code, diagnostics, severity = 'error') {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}
function htmlEscape(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
function countApi(status) {
  stats.api[status] = (stats.api[status] || 0) + 1;
}

// Failure injection. Returns true when the request was taken over by a failure.
// `flavor` shapes the error bodies: 'oauth' (token, revocation), 'fhir' (OperationOutcome)
// or 'notes' (Django-style {"error": "…"}).
const FAIL_MODES = {
  common: ['500', '503', 'hang', 'malformed', 'html'],
  // token endpoint and revocation: real OAuth error answers (RFC 6749 section 5.2)
  oauth: ['invalid_client', 'invalid_grant', 'invalid_scope', 'temporarily_unavailable'],
  // API: HTTP statuses a resource server answers
  api: ['401', '403', '404', '409', '429'],
};
const OAUTH_FAILURES = {
  invalid_client: [401, 'Client authentication failed (injected failure)'],
  invalid_grant: [400, 'grant request is invalid (injected failure)'],
  invalid_scope: [400, 'requested scope is not allowed (injected failure)'],
  temporarily_unavailable: [503, 'the server is temporarily unavailable (injected failure)'],
};
const API_FAILURES = {
  401: ['login', 'Authentication failed: injected failure.'],
  403: ['forbidden', 'Forbidden: the token does not allow this (injected failure).'],
  404: ['not-found', 'Not found (injected failure).'],
  409: ['conflict', 'Conflict: the resource changed (injected failure).'],
  429: ['throttled', 'Too many requests (injected failure).'],
};
function takeFailure(target, res, onStatus, flavor = 'oauth') {
  const f = state.fail[target];
  if (!f || f.count <= 0) return false;
  f.count -= 1;
  if (f.count <= 0) delete state.fail[target];
  const note = (status) => { if (onStatus) onStatus(status); };
  log(`injecting ${f.mode} failure on ${target}`);
  if (OAUTH_FAILURES[f.mode]) {
    const [status, description] = OAUTH_FAILURES[f.mode];
    note(status);
    const headers = f.mode === 'invalid_client' ? { 'WWW-Authenticate': 'Basic realm="canvas"' }
      : f.mode === 'temporarily_unavailable' ? { 'Retry-After': '1' } : {};
    sendJson(res, status, { error: f.mode, error_description: description }, headers);
    return true;
  }
  if (API_FAILURES[f.mode]) {
    const status = Number(f.mode);
    const [code, text] = API_FAILURES[f.mode];
    note(status);
    const headers = status === 401
      ? { 'WWW-Authenticate': 'Bearer realm="canvas", error="invalid_token", error_description="injected failure"' }
      : status === 429 ? { 'Retry-After': '2' } : {};
    if (flavor === 'notes') {
      const data = `{"error": ${JSON.stringify(text)}}`;
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-store', ...headers });
      res.end(data);
    } else {
      sendJson(res, status, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: text }] }, headers, 'application/fhir+json');
    }
    return true;
  }
  switch (f.mode) {
    case '500':
      note(500);
      sendJson(res, 500, { error: 'server_error', error_description: 'injected failure' });
      return true;
    case '503': {
      note(503);
      const headers = target === 'api' ? { 'Retry-After': '1' } : {};
      sendJson(res, 503, { error: 'temporarily_unavailable', error_description: 'injected failure' }, headers);
      return true;
    }
    case 'malformed': {
      note(200);
      const junk = target === 'api' ? '{"resourceType":"Bundle","entry":[{"resou' : '{"access_token":"Zm9vYmFy\u0000';
      res.writeHead(200, { 'Content-Type': target === 'api' ? 'application/fhir+json' : 'application/json', 'Content-Length': Buffer.byteLength(junk) });
      res.end(junk);
      return true;
    }
    case 'html': {
      note(502);
      const page = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';
      res.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
      res.end(page);
      return true;
    }
    case 'hang':
    default:
      note('hang');
      state.hanging.add(res);
      res.on('close', () => state.hanging.delete(res));
      return true;
  }
}

// Remembers the code, PKCE verifier and client secret of an authorization_code request, for
// the secret-leak tests (GET /__admin/last-secrets). `raw` is the form body. Called by the
// token routes of the instance, the Canvas LMS and Cognito alike.
function recordCodeExchange(req, raw) {
  let params;
  try { params = new URLSearchParams(raw); } catch { return; }
  if (params.get('grant_type') !== 'authorization_code') return;
  let clientId = params.get('client_id');
  let clientSecret = params.get('client_secret');
  const basic = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      clientId = clientId || decodeURIComponent(decoded.slice(0, colon));
      clientSecret = clientSecret || decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  state.lastSecrets = {
    client_id: clientId || null,
    code: params.get('code'),
    code_verifier: params.get('code_verifier'),
    client_secret: clientSecret || null,
  };
}
function isLoopback(address) {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

// ---------------------------------------------------------------- servers (bind first, configure after)
const instanceServer = http.createServer();
const fhirServer = http.createServer();
const lmsServer = http.createServer(); // Canvas LMS: its own host in reality
const cognitoIdpServer = http.createServer(); // cognito-idp.<region>.amazonaws.com: discovery, JWKS
const cognitoAuthServer = http.createServer(); // <domain>.auth.<region>.amazoncognito.com: OAuth endpoints
const allServers = [instanceServer, fhirServer, lmsServer, cognitoIdpServer, cognitoAuthServer];
for (const s of allServers) {
  s.keepAliveTimeout = 5000;
  s.requestTimeout = 0; // "hang" mode must be able to keep a request open
}
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => { server.off('error', reject); resolve(server.address().port); });
  });
}
let instancePort; let fhirPort; let lmsPort; let cognitoIdpPort; let cognitoAuthPort;
try {
  instancePort = await listen(instanceServer, opts.port);
  fhirPort = await listen(fhirServer, opts.fhirPort);
  lmsPort = await listen(lmsServer, 0);
  cognitoIdpPort = await listen(cognitoIdpServer, 0);
  cognitoAuthPort = await listen(cognitoAuthServer, 0);
} catch (e) {
  process.stderr.write(`server.mjs: cannot listen: ${e.message}\n`);
  process.exit(1);
}
const ISSUER = `http://${HOST}:${instancePort}`;
const FHIR_BASE = `http://${HOST}:${fhirPort}`;
const LMS_BASE = `http://${HOST}:${lmsPort}`;
const COGNITO_BASE = `http://${HOST}:${cognitoIdpPort}`;
const COGNITO_AUTH_DOMAIN = `http://${HOST}:${cognitoAuthPort}`;

// ---------------------------------------------------------------- oidc-provider
const { default: Provider, errors: oidcErrors } = await import('oidc-provider');

// oidc-provider's resource indicators for a server with one API (every provider here has
// one): each token is for `audience`; `info()` gives the rest, read when a token is made.
function singleResource(audience, info) {
  return {
    enabled: true,
    defaultResource: async () => audience,
    useGrantedResource: async () => true,
    getResourceServerInfo: async (ctx, indicator) => {
      if (indicator !== audience) throw new oidcErrors.InvalidTarget();
      return { audience, ...info() };
    },
  };
}

// In-memory adapter (keeps expired tokens so the FHIR server can tell "expired" from "unknown").
// One store for every authorization server; keys are `${realm}${Model}:${id}` with realm ''
// for the Canvas instance, 'lms/' and 'cognito/' for the others.
const store = new Map();
const grantIndex = new Map();
const uidIndex = new Map();
const userCodeIndex = new Map();
function makeAdapter(realm = '') {
  return class MemoryAdapter {
    constructor(name) { this.name = `${realm}${name}`; }

    key(id) { return `${this.name}:${id}`; }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      store.set(key, { payload: { ...payload }, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      if (payload.grantId) {
        const g = `${realm}${payload.grantId}`;
        if (!grantIndex.has(g)) grantIndex.set(g, new Set());
        grantIndex.get(g).add(key);
      }
      if (payload.uid) uidIndex.set(`${this.name}:${payload.uid}`, id);
      if (payload.userCode) userCodeIndex.set(`${this.name}:${payload.userCode}`, id);
    }

    async find(id) {
      const e = store.get(this.key(id));
      return e ? { ...e.payload } : undefined;
    }

    async findByUid(uid) {
      const id = uidIndex.get(`${this.name}:${uid}`);
      return id ? this.find(id) : undefined;
    }

    async findByUserCode(userCode) {
      const id = userCodeIndex.get(`${this.name}:${userCode}`);
      return id ? this.find(id) : undefined;
    }

    async consume(id) {
      const e = store.get(this.key(id));
      if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) { store.delete(this.key(id)); }

    async revokeByGrantId(grantId) { revokeGrant(realm, grantId); }
  };
}
// Removes every token of a grant (what oidc-provider does on code or refresh token reuse).
function revokeGrant(realm, grantId) {
  const g = `${realm}${grantId}`;
  const keys = grantIndex.get(g);
  if (keys) for (const k of keys) store.delete(k);
  grantIndex.delete(g);
}
const MemoryAdapter = makeAdapter('');

// ---------------------------------------------------------------- behaviour modes, shared by the authorization servers
// pkce=ignore, authorization request: forget the challenge (so `plain` or a malformed one is
// no error either). Returns true when it changed the parameters.
function applyModesToAuthorization(params) {
  if (state.modes.pkce !== 'ignore') return false;
  const had = params.has('code_challenge') || params.has('code_challenge_method');
  params.delete('code_challenge');
  params.delete('code_challenge_method');
  return had;
}
// Token request (form body `raw`, already counted): pkce=ignore drops code_verifier and the
// challenge stored with the code (codes issued before the mode changed too); dropScopes
// narrows a `scope` parameter (client_credentials, refresh). Returns the body to hand on.
function applyModesToToken(realm, raw) {
  let params;
  try { params = new URLSearchParams(raw); } catch { return raw; }
  let changed = false;
  const gt = params.get('grant_type');
  if (state.modes.pkce === 'ignore' && gt === 'authorization_code') {
    if (params.has('code_verifier')) { params.delete('code_verifier'); changed = true; }
    const e = store.get(`${realm}AuthorizationCode:${params.get('code')}`);
    if (e) { delete e.payload.codeChallenge; delete e.payload.codeChallengeMethod; }
  }
  if (state.modes.dropScopes.length && params.has('scope')) {
    const kept = params.get('scope').split(' ').filter((x) => x && !state.modes.dropScopes.includes(x));
    if (kept.length) params.set('scope', kept.join(' ')); else params.delete('scope');
    changed = true;
  }
  return changed ? params.toString() : raw;
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
// The instance signs ID tokens with one of these (mode idTokenAlg); kid "sandbox-rs256" is the
// RS256 key it always had, which the LMS provider also holds.
const instanceKeys = await instanceSigningKeys(privateKey);
const signingJwk = instanceKeys[0].jwk;
const idTokenKeys = new IdTokenKeys(instanceKeys);

// The HTML error page of the authorization endpoints: spans with class "error" and
// "error_description" inside #oauth-error (what tests and the scripted browser look for).
function renderErrorPage(ctx, out, title) {
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${htmlEscape(title)}</title></head>
<body><h1>Something went wrong</h1><div id="oauth-error">
${Object.entries(out).map(([k, v]) => `<p><strong>${htmlEscape(k)}</strong>: <span class="${htmlEscape(k)}">${htmlEscape(v)}</span></p>`).join('\n')}
</div></body></html>`;
}
const codeChallengeMethods = () => (state.modes.advertisePlain ? ['S256', 'plain'] : ['S256']);

// An answer with no body at all: no Content-Type, Content-Length 0 (mode emptyErrorBodies,
// redirectRefusal "403-empty").
function emptyBody(ctx, status) {
  ctx.remove('Content-Type');
  ctx.body = null;
  ctx.status = status;
}
// redirectRefusal "200-html": a page that says what went wrong, with 200 OK, no #oauth-error.
function redirectErrorPage(redirectUri) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head>
<body><h1>Sign-in error</h1>
<p>The redirect URI in the request, <code>${htmlEscape(redirectUri ?? '')}</code>, does not match the redirect URIs registered for this application.</p>
<p>Contact the developer of the application.</p></body></html>`;
}

// exactRedirectUris / redirectUris, for the static clients of an authorization server that use
// the authorization code: their registered redirect URIs come from the mode (default
// "http://127.0.0.1/callback"), and with exactRedirectUris a redirect URI must be one of them
// character for character (no RFC 8252 §7.3 any-port rule for loopback IP literals).
async function patchRedirectUris(p, clientIds) {
  for (const id of clientIds) {
    const client = await p.Client.find(id);
    Object.defineProperty(client, 'redirectUris', { get: () => state.modes.redirectUris, enumerable: true, configurable: true });
    const rfc8252 = client.redirectUriAllowed.bind(client);
    client.redirectUriAllowed = (value) => (state.modes.exactRedirectUris ? state.modes.redirectUris.includes(value) : rfc8252(value));
  }
}

// loginPage401 mode, for every authorization server: the authorization endpoint answers a
// request that needs a sign-in with the sign-in page itself, status 401 (no redirect to it).
// Installed by each server on its own provider, before its callback() is made.
function installLoginPage401(p, brand) {
  p.use(async (ctx, next) => {
    await next();
    if (!state.modes.loginPage401 || ctx.oidc?.route !== 'authorization' || ![302, 303].includes(ctx.status)) return;
    const m = /^(?:https?:\/\/[^/]+)?\/interaction\/([^/?#]+)$/.exec(ctx.response.get('Location') || '');
    if (!m) return;
    const interaction = await p.Interaction.find(m[1]);
    if (interaction?.prompt?.name !== 'login') return;
    ctx.remove('Location');
    ctx.status = 401;
    ctx.type = 'html';
    ctx.body = loginPage(m[1], ctx.oidc.client, undefined, brand);
  });
}

// The fhirUser claim of the clinician (mode fhirUser: absolute URL, as SMART says, or relative).
const fhirUserClaim = () => `${state.modes.fhirUser === 'relative' ? '' : `${FHIR_BASE}/`}Practitioner/${PRACTITIONER.id}`;

const TEN_YEARS = 10 * 365 * 24 * 3600;
const redirectUris = [...REGISTERED_REDIRECT_URIS];
const CLIENT_AUTH_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'ES256', 'ES384'];
const provider = new Provider(ISSUER, {
  adapter: MemoryAdapter,
  jwks: { keys: instanceKeys.map((k) => k.jwk) },
  // private_key_jwt (POST /__admin/key-client): the algorithms SMART names (RS384 and ES384
  // are its SHALLs) and those chartkey also makes.
  enabledJWA: { idTokenSigningAlgValues: ID_TOKEN_ALGS, clientAuthSigningAlgValues: CLIENT_AUTH_ALGS },
  cookies: { keys: ['chartkey-sandbox-cookie-key-1'] },
  clients: [
    {
      client_id: CLIENTS.public.client_id,
      client_name: 'chartkey (public client)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUris,
    },
    {
      client_id: CLIENTS.confidential.client_id,
      client_secret: CLIENTS.confidential.client_secret,
      client_name: 'chartkey (confidential client)',
      application_type: 'native',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: redirectUris,
    },
    {
      client_id: CLIENTS.clientCredentials.client_id,
      client_secret: CLIENTS.clientCredentials.client_secret,
      client_name: 'chartkey (service client)',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  routes: ROUTES,
  scopes: OIDC_SCOPES,
  // fhirUser is a SMART scope and (with openid) puts the fhirUser claim into the ID token.
  claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'preferred_username'], fhirUser: ['fhirUser'] },
  responseTypes: ['code'],
  pkce: { required: (ctx, client) => state.modes.pkce === 'enforce' && client.clientAuthMethod === 'none' },
  // nonceRequired mode: runs after the client and redirect URI checks, so the error is
  // redirected to the client (error=invalid_request&error_description=nonce+required).
  extraParams: {
    nonce: (ctx, value) => {
      if (!state.modes.nonceRequired || value) return;
      if (String(ctx.oidc.params.scope || '').split(' ').includes('openid')) throw new oidcErrors.InvalidRequest('nonce required');
    },
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    introspection: { enabled: true },
    clientCredentials: { enabled: true },
    userinfo: { enabled: true },
    resourceIndicators: singleResource(FHIR_BASE, () => ({
      scope: RESOURCE_SCOPES.join(' '),
      accessTokenTTL: state.accessTtl,
      accessTokenFormat: 'opaque',
    })),
  },
  issueRefreshToken: async (ctx, client, source) => client.grantTypeAllowed('refresh_token') && source.scopes.has('offline_access'),
  rotateRefreshToken: () => state.modes.rotateRefreshTokens,
  ttl: {
    AccessToken: () => state.accessTtl,
    ClientCredentials: () => state.accessTtl,
    AuthorizationCode: 60,
    IdToken: 3600,
    RefreshToken: TEN_YEARS,
    Grant: TEN_YEARS,
    Session: 24 * 3600,
    Interaction: 3600,
  },
  expiresWithSession: async () => false,
  findAccount: async (ctx, sub) => {
    if (sub !== USER.login) return undefined;
    return {
      accountId: sub,
      claims: async () => ({
        sub, name: PRACTITIONER.name, given_name: PRACTITIONER.given, family_name: PRACTITIONER.family,
        preferred_username: USER.login, fhirUser: fhirUserClaim(),
      }),
    };
  },
  interactions: { url: async (ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: async (ctx, out) => {
    // Canvas (django-oauth-toolkit) wording for what cannot be redirected back to the client,
    // unless mode redirectRefusal asks for another server's answer.
    if (out.error === 'invalid_redirect_uri') {
      if (state.modes.redirectRefusal === '403-empty') { emptyBody(ctx, 403); return; }
      if (state.modes.redirectRefusal === '200-html') {
        ctx.status = 200;
        ctx.type = 'html';
        ctx.body = redirectErrorPage(typeof ctx.query?.redirect_uri === 'string' ? ctx.query.redirect_uri : '');
        return;
      }
      out = { error: 'invalid_request', error_description: 'Mismatching redirect URI.' };
    } else if (out.error === 'invalid_client') {
      ctx.status = 400;
      out = { error: 'invalid_client', error_description: 'Invalid client_id parameter value.' };
    }
    renderErrorPage(ctx, out, 'Canvas sandbox: error');
  },
});
provider.proxy = false;
provider.on('server_error', (ctx, err) => log('server_error', err?.stack || err));

// ---------------------------------------------------------------- the layer in front of oidc-provider's answers
// oidc-provider cannot be told to misbehave, so what the behaviour modes change in its answers
// happens here, after it answered: token and revocation answers, discovery, JWKS.
provider.on('grant.error', (ctx, err) => { ctx.state.sandboxError = err; });
provider.on('revocation.error', (ctx, err) => { ctx.state.sandboxError = err; });
const isObject = (x) => x && typeof x === 'object' && !Buffer.isBuffer(x);

// Revocation in discovery documents (modes noRevocationEndpoint, revocationNeedsClientAuth).
// `tokenMethods` = the document's token_endpoint_auth_methods_supported.
function revocationDiscovery(doc, tokenMethods) {
  if (state.modes.noRevocationEndpoint) {
    delete doc.revocation_endpoint;
    delete doc.revocation_endpoint_auth_methods_supported;
    return doc;
  }
  doc.revocation_endpoint = `${ISSUER}${ROUTES.revocation}`;
  doc.revocation_endpoint_auth_methods_supported = (tokenMethods || [])
    .filter((m) => !(state.modes.revocationNeedsClientAuth && m === 'none'));
  return doc;
}

// Token answers. Success: Canvas lists the whole grant in `scope` (oidc-provider only the
// resource server's scopes), then rotateRefreshTokens=false, tokenTypeCase, and the ID token
// layer. Errors: burnCodeOnRefusedExchange, refusedVerifier, refreshErrorCode, emptyErrorBodies.
async function shapeTokenAnswer(ctx) {
  const m = state.modes;
  const params = ctx.oidc.params || {};
  const gt = params.grant_type;
  const body = ctx.body;
  // RFC 6749 section 5.1: Cache-Control: no-store and Pragma: no-cache on every token answer
  // (oidc-provider sends the first only); noCacheHeaders: neither.
  if (m.noCacheHeaders) { ctx.remove('Cache-Control'); ctx.remove('Pragma'); } else ctx.set('Pragma', 'no-cache');
  if (gt === 'refresh_token' && m.acceptInvalidRefreshToken && ctx.status === 400 && isObject(body)
      && body.error === 'invalid_grant') {
    // A server that does not look the refresh token up: a made-up one gets tokens.
    ctx.status = 200;
    ctx.body = { access_token: crypto.randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: state.accessTtl,
      scope: typeof params.scope === 'string' ? params.scope : 'user/Patient.read' };
    return;
  }
  if (gt === 'authorization_code' && m.acceptInvalidCode && ctx.status === 400 && isObject(body)
      && body.error === 'invalid_grant' && typeof params.code === 'string' && !store.has(`AuthorizationCode:${params.code}`)) {
    // A server that does not look the code up: one it never issued gets tokens.
    ctx.status = 200;
    ctx.body = { access_token: crypto.randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: state.accessTtl,
      scope: 'user/Patient.read' };
    return;
  }
  if (gt === 'authorization_code' && m.acceptUnknownClient && ctx.status === 401 && isObject(body)
      && body.error === 'invalid_client' && typeof params.client_id === 'string' && !(await provider.Client.find(params.client_id))) {
    // A server that does not look the client up: a client_id it never registered gets tokens.
    ctx.status = 200;
    ctx.remove('WWW-Authenticate');
    ctx.body = { access_token: crypto.randomBytes(32).toString('base64url'), token_type: 'Bearer', expires_in: state.accessTtl,
      scope: 'user/Patient.read' };
    return;
  }
  if (ctx.status === 200 && isObject(body) && body.access_token) {
    const scopes = (body.scope || '').split(' ').filter(Boolean);
    if (body.id_token && !scopes.includes('openid')) scopes.unshift('openid');
    if (body.refresh_token && !scopes.includes('offline_access')) scopes.push('offline_access');
    if (scopes.length) body.scope = scopes.join(' ');
    // Without rotation the client keeps the refresh token it has; the answer names none.
    if (gt === 'refresh_token' && !m.rotateRefreshTokens) delete body.refresh_token;
    if (m.tokenTypeCase === 'lower' && typeof body.token_type === 'string') body.token_type = body.token_type.toLowerCase();
    if (body.id_token) body.id_token = await idTokenKeys.rewrite(body.id_token, m.brokenIdToken === 'off' ? undefined : m.brokenIdToken);
    return;
  }
  if (ctx.status < 400) return;
  const err = ctx.state.sandboxError;
  const error = isObject(body) ? body.error : undefined;
  let status = ctx.status;
  let out = isObject(body) ? body : undefined;
  if (gt === 'authorization_code' && m.burnCodeOnRefusedExchange && error !== 'invalid_client' && typeof params.code === 'string') {
    // The code is gone whatever the reason of the refusal (a server that deletes the code
    // when it looks it up): the next exchange finds none (invalid_grant).
    store.delete(`AuthorizationCode:${params.code}`);
  }
  if (gt === 'authorization_code' && m.refusedVerifier === 'invalid_code-403' && error === 'invalid_grant'
      && /code_verifier/.test(String(err?.error_detail || ''))) {
    status = 403;
    out = { error: 'invalid_code' };
  }
  if (gt === 'refresh_token' && m.refreshErrorCode === 'invalid_request' && error === 'invalid_grant') {
    out = { ...out, error: 'invalid_request' };
  }
  if (m.emptyErrorBodies) {
    if (error === 'invalid_client') ctx.remove('WWW-Authenticate'); // a bare 403 says nothing more
    emptyBody(ctx, error === 'invalid_client' ? 403 : status);
    return;
  }
  if (out !== body || status !== ctx.status) {
    ctx.body = out;
    ctx.status = status;
  }
}

provider.use(async (ctx, next) => {
  await next();
  const route = ctx.oidc?.route;
  if (route === 'token') {
    await shapeTokenAnswer(ctx);
  } else if (route === 'revocation') {
    if (ctx.status === 200 && typeof ctx.oidc.params?.token === 'string') state.revokedTokens.add(ctx.oidc.params.token);
    // A wrong secret (invalid_client) → 403, other refusals keep their status (emptyErrorBodies).
    if (state.modes.emptyErrorBodies && ctx.status >= 400) {
      const badClient = ctx.body?.error === 'invalid_client';
      if (badClient) ctx.remove('WWW-Authenticate');
      emptyBody(ctx, badClient ? 403 : ctx.status);
    }
  } else if (route === 'introspection' && state.modes.introspectRevokedActive && ctx.status === 200
      && state.revokedTokens.has(ctx.oidc.params?.token)) {
    // A server whose introspection does not know what its revocation did: a revoked token is
    // still "active" (an answer that looks like a live token's).
    ctx.body = { active: true, client_id: ctx.oidc.client?.clientId, scope: 'user/Patient.read', token_type: 'Bearer',
      exp: Math.floor(Date.now() / 1000) + state.accessTtl, iat: Math.floor(Date.now() / 1000) };
  } else if (route === 'introspection' && isObject(ctx.body) && ctx.body.active) {
    // SMART: fhirUser with the user's tokens when it was granted; introspectionMissingFields:
    // an answer that says only "active".
    if (state.modes.introspectionMissingFields) ctx.body = { active: true };
    else if (ctx.body.sub && String(ctx.body.scope || '').split(' ').includes('fhirUser')) ctx.body.fhirUser = fhirUserClaim();
  } else if (route === 'discovery' && ctx.status === 200 && isObject(ctx.body)) {
    // advertisePlain: "plain" too (the server still refuses it).
    ctx.body.code_challenge_methods_supported = codeChallengeMethods();
    revocationDiscovery(ctx.body, ctx.body.token_endpoint_auth_methods_supported);
  } else if (route === 'jwks' && ctx.status === 200 && Array.isArray(ctx.body?.keys)) {
    // rotateJwks: the new keys next to the old ones (a new array: oidc-provider keeps its own).
    ctx.body = { keys: [...ctx.body.keys, ...idTokenKeys.publicRotated()] };
  }
});
installLoginPage401(provider);
const providerCallback = provider.callback();

// ---------------------------------------------------------------- Canvas LMS and Cognito (own modules)
const shared = {
  Provider, USER, FHIR_BASE, state, stats: () => stats, makeAdapter, revokeGrant,
  countToken, recordCodeExchange, applyModesToAuthorization, applyModesToToken, handleInteraction,
  renderErrorPage, readBody, sendJson, log, signingJwk, singleResource, installLoginPage401,
};
const lms = await createLms({ ...shared, base: LMS_BASE });
const cognito = await createCognito({ ...shared, idpBase: COGNITO_BASE, authBase: COGNITO_AUTH_DOMAIN });

// Modes that live in the static clients: redirect URIs (every server), the ID token's signing
// algorithm (instance; oidc-provider reads id_token_signed_response_alg from the client).
await patchRedirectUris(provider, [CLIENTS.public.client_id, CLIENTS.confidential.client_id]);
await patchRedirectUris(lms.provider, [lms.ready.client.client_id]);
await patchRedirectUris(cognito.provider, [cognito.ready.client.client_id]);
for (const id of [CLIENTS.public.client_id, CLIENTS.confidential.client_id]) {
  const client = await provider.Client.find(id);
  Object.defineProperty(client, 'idTokenSignedResponseAlg', { get: () => state.modes.idTokenAlg, enumerable: true, configurable: true });
}

// ---------------------------------------------------------------- bearer validation
async function validateBearer(req) {
  const h = req.headers.authorization || '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m) return { ok: false, reason: 'missing bearer token' };
  const value = m[1];
  // Canvas static tokens (sandbox dashboard tokens): valid until revoked, never expire.
  const kind = state.staticTokens.get(value);
  if (kind === 'canvas') return { ok: true, token: { static: true } };
  if (kind) return { ok: false, reason: 'unknown or revoked access token' };
  // Cognito access tokens are JWTs, checked like a resource server does (signature, iss, exp).
  if (value.split('.').length === 3) return cognito.validateAccessToken(value);
  let token;
  try {
    token = await provider.AccessToken.find(value, { ignoreExpiration: true })
      || await provider.ClientCredentials.find(value, { ignoreExpiration: true });
  } catch {
    token = undefined;
  }
  if (!token) return { ok: false, reason: 'unknown or revoked access token' };
  if (token.isExpired) return { ok: false, reason: 'access token expired' };
  if (state.expiredTokenIds.has(token.jti)) return { ok: false, reason: 'access token expired' };
  return { ok: true, token };
}
function send401(res, reason) {
  sendFhir(res, 401, outcome('login', `Authentication failed: ${reason}.`), {
    'WWW-Authenticate': `Bearer realm="canvas", error="invalid_token", error_description="${reason}"`,
  });
}

// ---------------------------------------------------------------- interactions (login + consent pages)
function page(title, body, brand = 'Canvas Medical sandbox') {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>body{font-family:sans-serif;max-width:28em;margin:3em auto;padding:0 1em}label{display:block;margin:.6em 0}
input{width:100%;padding:.4em;box-sizing:border-box}button{padding:.5em 1.2em;margin:.6em .4em 0 0}.error{color:#b00020}</style>
</head><body><h1>${htmlEscape(brand)}</h1>${body}</body></html>`;
}
function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store' });
  res.end(html);
}
function loginPage(uid, client, error, brand) {
  return page('Sign in - Canvas sandbox', `
<h2>Sign in</h2>
<p>to continue to <strong>${htmlEscape(client?.clientName || client?.clientId || 'the application')}</strong></p>
${error ? `<p class="error" id="error">${htmlEscape(error)}</p>` : ''}
<form method="post" action="/interaction/${htmlEscape(uid)}/login" autocomplete="off">
<label>Username <input name="login" autofocus required></label>
<label>Password <input name="password" type="password" required></label>
<button type="submit" id="sign-in">Sign in</button>
</form>`, brand);
}
function consentPage(uid, client, scopes, brand) {
  return page('Authorize - Canvas sandbox', `
<h2>Authorize access</h2>
<p><strong>${htmlEscape(client?.clientName || client?.clientId)}</strong> is requesting access to:</p>
<ul id="scopes">${scopes.map((s) => `<li>${htmlEscape(s)}</li>`).join('')}</ul>
<form method="post" action="/interaction/${htmlEscape(uid)}/confirm" style="display:inline">
<button type="submit" id="allow">Allow</button></form>
<form method="post" action="/interaction/${htmlEscape(uid)}/abort" style="display:inline">
<button type="submit" id="deny">Deny</button></form>`, brand);
}

// Login and consent pages of one authorization server (`provider`); every server uses the
// same pages, selectors and user, under its own heading (`brand`).
async function handleInteraction(provider, req, res, url, brand = undefined) {
  const m = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?\/?$/.exec(url.pathname);
  if (!m) { sendHtml(res, 404, page('Not found', '<p>Not found.</p>')); return; }
  const [, uid, action] = m;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
  } catch (e) {
    sendHtml(res, 400, page('Session expired', `<p class="error" id="error">The sign-in session is unknown or expired (${htmlEscape(e.message)}). Start again from the application.</p>`));
    return;
  }
  const client = await provider.Client.find(details.params.client_id);
  const { prompt } = details;

  if (!action) {
    if (req.method !== 'GET') { sendHtml(res, 405, page('Method not allowed', '')); return; }
    // loginPage401: the sign-in page always comes with 401 (also when shown again after a wrong password).
    if (prompt.name === 'login') { sendHtml(res, state.modes.loginPage401 ? 401 : 200, loginPage(uid, client, undefined, brand)); return; }
    const scopes = String(details.params.scope || '').split(' ').filter(Boolean);
    sendHtml(res, 200, consentPage(uid, client, scopes, brand));
    return;
  }
  if (req.method !== 'POST') { sendHtml(res, 405, page('Method not allowed', '')); return; }
  const form = new URLSearchParams(await readBody(req, 64 * 1024));

  if (action === 'login') {
    if (prompt.name !== 'login') { sendHtml(res, 400, page('Error', '<p class="error" id="error">Not expecting a login now.</p>')); return; }
    if (form.get('login') !== USER.login || form.get('password') !== USER.password) {
      sendHtml(res, state.modes.loginPage401 ? 401 : 200, loginPage(uid, client, 'Invalid username or password.', brand));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: USER.login } }, { mergeWithLastSubmission: false });
    return;
  }
  if (action === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied', error_description: 'End-User denied the authorization request',
    }, { mergeWithLastSubmission: false });
    return;
  }
  // confirm
  if (prompt.name !== 'consent') { sendHtml(res, 400, page('Error', '<p class="error" id="error">Not expecting consent now.</p>')); return; }
  const { accountId } = details.session;
  let grant;
  if (details.grantId) grant = await provider.Grant.find(details.grantId);
  if (!grant) grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  const d = prompt.details || {};
  // dropScopes mode: the user consented to everything, the server grants less. Rejected scopes
  // count as "encountered", so the consent prompt does not come back for them.
  const dropped = state.modes.dropScopes;
  const keep = (list) => list.filter((x) => !dropped.includes(x));
  const drop = (list) => list.filter((x) => dropped.includes(x));
  const requested = String(details.params.scope || '').split(' ').filter(Boolean);
  if (d.missingOIDCScope?.length && keep(d.missingOIDCScope).length) grant.addOIDCScope(keep(d.missingOIDCScope).join(' '));
  if (d.missingOIDCClaims?.length) grant.addOIDCClaims(d.missingOIDCClaims);
  if (d.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(d.missingResourceScopes)) {
      if (keep(scopes).length) grant.addResourceScope(indicator, keep(scopes).join(' '));
    }
  }
  if (drop(requested).length) {
    grant.rejectOIDCScope(drop(requested).join(' '));
    for (const indicator of new Set([...Object.keys(d.missingResourceScopes || {}), ...Object.keys(grant.resources || {})])) {
      grant.rejectResourceScope(indicator, drop(requested).join(' '));
    }
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

// ---------------------------------------------------------------- notes API
const NOTE_ACTIONS = {
  lock: { from: ['new'], to: 'locked' },
  sign: { from: ['locked'], to: 'signed' },
  lock_sign: { from: ['new'], to: 'signed' },
  unlock: { from: ['locked', 'signed'], to: 'new' },
  checkin: { appointment: 'arrived' },
  noshow: { appointment: 'noshow' },
};
async function handleNotes(req, res, url) {
  // Django-style JSON (`{"error": "Note not found."}`), like Canvas's plugin responses.
  const done = (status, body, headers = {}) => {
    countApi(status);
    const data = `{${Object.entries(body).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')}}`;
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), 'Cache-Control': 'no-store', ...headers });
    res.end(data);
  };
  if (takeFailure('api', res, (s) => { if (s !== 'hang') countApi(s); }, 'notes')) return;
  const auth = await validateBearer(req);
  if (!auth.ok) { countApi(401); send401(res, auth.reason); return; }
  const rest = url.pathname.slice(NOTES_PREFIX.length).replace(/\/$/, '');
  const parts = rest.split('/');
  if (parts.length !== 2 || !parts[0]) { done(404, { error: 'Not found.' }); return; }
  const [noteId, action] = [decodeURIComponent(parts[0]), parts[1]];
  const rule = NOTE_ACTIONS[action];
  if (!rule) { done(404, { error: `Unknown action ${action}.` }); return; }
  if (req.method !== 'POST') { done(405, { error: 'Method not allowed.' }, { Allow: 'POST' }); return; }
  await readBody(req).catch(() => '');
  const note = findNote(noteId);
  if (!note) { done(404, { error: 'Note not found.' }); return; }
  note.actions[action] = (note.actions[action] || 0) + 1;
  if (!stats.notes[noteId]) stats.notes[noteId] = {};
  stats.notes[noteId][action] = (stats.notes[noteId][action] || 0) + 1;
  if (rule.appointment) {
    if (note.appointment_status === null) {
      done(409, { error: `Cannot ${action} a note that is not an appointment note.` });
      return;
    }
    if (note.appointment_status !== 'booked') {
      done(409, { error: `Cannot ${action} an appointment in status ${note.appointment_status}.` });
      return;
    }
    note.appointment_status = rule.appointment;
  } else {
    if (!rule.from.includes(note.state)) {
      done(409, { error: `Cannot ${action} a note in state ${note.state}.` });
      return;
    }
    note.state = rule.to;
  }
  done(200, { note_id: noteId, action, state: note.state, appointment_status: note.appointment_status });
}

// ---------------------------------------------------------------- admin API
async function handleAdmin(req, res, url) {
  const p = url.pathname.replace(/\/$/, '');
  let body = {};
  if (req.method === 'POST') {
    const raw = await readBody(req, 64 * 1024);
    if (raw.trim()) {
      try { body = JSON.parse(raw); } catch { sendJson(res, 400, { error: 'invalid JSON body' }); return; }
    }
  }
  if (req.method === 'GET' && p === '/__admin/stats') { sendJson(res, 200, stats); return; }
  if (req.method === 'POST' && p === '/__admin/reset-stats') { stats = freshStats(); sendJson(res, 200, { ok: true }); return; }
  if (req.method === 'POST' && p === '/__admin/expire-tokens') {
    // Every realm's stored access tokens, plus the Cognito JWTs (not stored; see cognito.mjs).
    // Static tokens never expire.
    let n = 0;
    const ids = [];
    for (const key of store.keys()) {
      const i = key.indexOf(':');
      const model = key.slice(0, i).split('/').pop();
      if (model === 'AccessToken' || model === 'ClientCredentials') ids.push(key.slice(i + 1));
    }
    for (const id of [...ids, ...cognito.issuedTokenIds()]) {
      if (!state.expiredTokenIds.has(id)) n += 1;
      state.expiredTokenIds.add(id);
    }
    sendJson(res, 200, { ok: true, expired: n });
    return;
  }
  if (p === '/__admin/config') {
    if (req.method === 'POST') {
      // Validate everything first, then apply: a bad field changes nothing.
      const next = body.reset === true
        ? { accessTtl: opts.accessTtl, modes: freshModes() }
        : { accessTtl: state.accessTtl, modes: { ...state.modes, dropScopes: [...state.modes.dropScopes], redirectUris: [...state.modes.redirectUris] } };
      const bad = (error) => { sendJson(res, 400, { error }); };
      const known = new Set(['reset', 'accessTtl', 'dropScopes', 'redirectUris', 'rotateJwks', ...MODE_FLAGS, ...Object.keys(MODE_CHOICES)]);
      const unknown = Object.keys(body).filter((k) => !known.has(k));
      if (unknown.length) { bad(`unknown config field ${unknown.join(', ')}`); return; }
      if (body.reset !== undefined && typeof body.reset !== 'boolean') { bad('reset must be true or false'); return; }
      if (body.accessTtl !== undefined) {
        const n = Number(body.accessTtl);
        if (!Number.isInteger(n) || n < 1) { bad('accessTtl must be an integer >= 1'); return; }
        next.accessTtl = n;
      }
      for (const [key, choices] of Object.entries(MODE_CHOICES)) {
        if (body[key] === undefined) continue;
        if (!choices.includes(body[key])) { bad(`${key} must be one of ${choices.map((c) => `"${c}"`).join(', ')}`); return; }
        next.modes[key] = body[key];
      }
      for (const flag of [...MODE_FLAGS, 'rotateJwks']) {
        if (body[flag] === undefined) continue;
        if (typeof body[flag] !== 'boolean') { bad(`${flag} must be true or false`); return; }
        if (flag !== 'rotateJwks') next.modes[flag] = body[flag];
      }
      if (body.dropScopes !== undefined) {
        if (!Array.isArray(body.dropScopes) || !body.dropScopes.every((x) => typeof x === 'string' && x && !/\s/.test(x))) {
          bad('dropScopes must be an array of scope strings'); return;
        }
        next.modes.dropScopes = [...new Set(body.dropScopes)];
      }
      if (body.redirectUris !== undefined) {
        // null = the registered default again
        const list = body.redirectUris === null ? [...REGISTERED_REDIRECT_URIS] : body.redirectUris;
        const valid = (u) => {
          try { const x = new URL(u); return typeof u === 'string' && /^https?:$/.test(x.protocol) && !x.hash; } catch { return false; }
        };
        if (!Array.isArray(list) || !list.length || !list.every(valid)) { bad('redirectUris must be a non-empty array of http(s) URLs without fragment (or null)'); return; }
        next.modes.redirectUris = [...new Set(list)];
      }
      if (body.reset === true || body.rotateJwks === false) idTokenKeys.clearRotated();
      // A new signing key for the ID tokens' algorithm (the one this request leaves in force).
      if (body.rotateJwks === true) await idTokenKeys.rotate(next.modes.idTokenAlg);
      state.accessTtl = next.accessTtl;
      state.modes = next.modes;
      if (body.reset === true) state.fail = {};
    }
    sendJson(res, 200, { accessTtl: state.accessTtl, ...state.modes, rotateJwks: idTokenKeys.rotated.length > 0 });
    return;
  }
  if (req.method === 'POST' && p === '/__admin/key-client') {
    // A client that authenticates with private_key_jwt, registered with the JWKS chartkey
    // printed (`chartkey key show`): {"client_id", "jwks": {"keys": [...]}, "grant":
    // "client_credentials" (a SMART Backend Services client, the default) or
    // "authorization_code" (a confidential asymmetric app: code + refresh)}. Registering the
    // same client_id again replaces its JWKS (a retired key is then refused). oidc-provider
    // checks the assertions itself: signature against the JWKS, aud, exp, and jti replay.
    const id = body.client_id;
    const grant = body.grant || 'client_credentials';
    if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(id) || Object.values(CLIENTS).some((c) => c.client_id === id)) {
      sendJson(res, 400, { error: 'client_id must be a new id of letters, digits, dot, dash and underscore' }); return;
    }
    if (!isObject(body.jwks) || !Array.isArray(body.jwks.keys) || !body.jwks.keys.length) {
      sendJson(res, 400, { error: 'jwks must be a JWKS with at least one key' }); return;
    }
    if (!['client_credentials', 'authorization_code'].includes(grant)) {
      sendJson(res, 400, { error: 'grant must be "client_credentials" or "authorization_code"' }); return;
    }
    const code = grant === 'authorization_code';
    const metadata = {
      client_id: id,
      client_name: `chartkey (${code ? 'confidential client with a key' : 'backend service'})`,
      application_type: code ? 'native' : 'web',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: body.jwks.keys },
      grant_types: code ? ['authorization_code', 'refresh_token'] : ['client_credentials'],
      response_types: code ? ['code'] : [],
      redirect_uris: code ? state.modes.redirectUris : [],
    };
    await new MemoryAdapter('Client').upsert(id, metadata);
    try {
      if (!await provider.Client.find(id)) throw new Error('not found after registration');
    } catch (err) {
      await new MemoryAdapter('Client').destroy(id);
      sendJson(res, 400, { error: `invalid client metadata: ${err.error_description || err.message}` }); return;
    }
    sendJson(res, 200, { ok: true, client_id: id, grant });
    return;
  }
  if (req.method === 'POST' && p === '/__admin/static-token') {
    // A manually generated token: "canvas" (Canvas sandbox dashboard token, accepted by FHIR and
    // the notes API) or "lms" (Canvas LMS access token from the profile page, accepted by the LMS API).
    const kind = body.kind;
    if (kind !== 'canvas' && kind !== 'lms') { sendJson(res, 400, { error: 'kind must be "canvas" or "lms"' }); return; }
    const random = crypto.randomBytes(36).toString('base64url').replace(/[-_]/g, '').slice(0, 40);
    const token = kind === 'lms' ? `1~${random}${crypto.randomBytes(12).toString('hex')}` : random;
    state.staticTokens.set(token, kind);
    sendJson(res, 200, { token });
    return;
  }
  if (req.method === 'POST' && p === '/__admin/static-token/revoke') {
    const known = state.staticTokens.delete(String(body.token));
    sendJson(res, known ? 200 : 404, known ? { ok: true } : { error: 'unknown static token' });
    return;
  }
  if (req.method === 'GET' && p === '/__admin/last-secrets') {
    // Test control only: the secrets of the last code exchange, so that leak scans can look
    // for them. Loopback callers only (the server listens on 127.0.0.1 anyway).
    if (!isLoopback(req.socket.remoteAddress)) { sendJson(res, 403, { error: 'loopback only' }); return; }
    sendJson(res, 200, state.lastSecrets || { client_id: null, code: null, code_verifier: null, client_secret: null });
    return;
  }
  if (p === '/__admin/fail') {
    if (req.method === 'POST') {
      const targets = ['token', 'api', 'revocation'];
      const target = String(body.target);
      const modes = [...FAIL_MODES.common, ...(target === 'api' ? FAIL_MODES.api : FAIL_MODES.oauth)];
      const mode = String(body.mode ?? '500');
      const count = body.count === undefined ? 1 : Number(body.count);
      if (!targets.includes(target)) { sendJson(res, 400, { error: `target must be one of ${targets.join(', ')}` }); return; }
      if (!modes.includes(mode)) { sendJson(res, 400, { error: `mode for ${target} must be one of ${modes.join(', ')}` }); return; }
      if (!Number.isInteger(count) || count < 0) { sendJson(res, 400, { error: 'count must be an integer >= 0' }); return; }
      if (count === 0) delete state.fail[target]; else state.fail[target] = { count, mode };
    }
    sendJson(res, 200, { fail: state.fail });
    return;
  }
  const nm = /^\/__admin\/notes\/([^/]+)$/.exec(p);
  if (req.method === 'GET' && nm) {
    const note = findNote(decodeURIComponent(nm[1]));
    if (!note) { sendJson(res, 404, { error: 'Note not found.' }); return; }
    sendJson(res, 200, { state: note.state, appointment_status: note.appointment_status, actions: note.actions });
    return;
  }
  if (req.method === 'POST' && nm) {
    // The status of the note's appointment, as the EHR's staff would set it (a cancellation).
    const note = findNote(decodeURIComponent(nm[1]));
    if (!note) { sendJson(res, 404, { error: 'Note not found.' }); return; }
    const status = body.appointment_status;
    if (!APPOINTMENT_STATUSES.includes(status)) { sendJson(res, 400, { error: `appointment_status must be one of ${APPOINTMENT_STATUSES.join(', ')}` }); return; }
    if (note.appointment_status === null) { sendJson(res, 409, { error: 'not an appointment note' }); return; }
    note.appointment_status = status;
    sendJson(res, 200, { state: note.state, appointment_status: note.appointment_status, actions: note.actions });
    return;
  }
  if (req.method === 'GET' && p === '/__admin/patients') {
    const results = searchPatients(url.searchParams).map((x) => ({ id: x.id, family: x.family, given: x.given, birthDate: x.birthDate,
      notes: Array.from({ length: x.apptCount }, (_, k) => `note-${x.index + 1}-${k + 1}`) }));
    sendJson(res, 200, { total: results.length, patients: results.slice(0, 100) });
    return;
  }
  sendJson(res, 404, { error: 'unknown admin endpoint' });
}

// ---------------------------------------------------------------- instance front
async function instanceHandler(req, res) {
  const url = new URL(req.url, ISSUER);
  const path = url.pathname;
  log(req.method, path);
  if (path === '/__admin' || path.startsWith('/__admin/')) { await handleAdmin(req, res, url); return; }
  if (path.startsWith(NOTES_PREFIX)) { await handleNotes(req, res, url); return; }
  if (path.startsWith('/interaction/')) { await handleInteraction(provider, req, res, url); return; }

  if (req.method === 'POST' && (path === ROUTES.token || path === ROUTES.revocation)) {
    let raw = await readBody(req, 56 * 1024);
    if (path === ROUTES.token) {
      countToken(stats.token, raw);
      recordCodeExchange(req, raw);
      if (takeFailure('token', res)) return;
      raw = applyModesToToken('', raw);
    } else {
      stats.revocation += 1;
      if (state.modes.noRevocationEndpoint) { sendNotFoundPage(res); return; }
      if (takeFailure('revocation', res)) return;
      if (state.modes.revocationNeedsClientAuth && !carriesClientAuth(req, raw)) {
        // A public client (no secret) cannot revoke: 401 invalid_client (empty with emptyErrorBodies).
        const headers = { 'WWW-Authenticate': 'Basic realm="canvas"' };
        if (state.modes.emptyErrorBodies) {
          res.writeHead(401, { 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers });
          res.end();
        } else {
          sendJson(res, 401, { error: 'invalid_client', error_description: 'client authentication is required to revoke a token' }, headers);
        }
        return;
      }
    }
    req.body = raw; // oidc-provider uses a pre-read body when the stream is consumed
  }
  // noRevocationEndpoint: no such route at all, whatever the method.
  if (path === ROUTES.revocation && state.modes.noRevocationEndpoint) { sendNotFoundPage(res); return; }

  if (req.method === 'GET' && path === ROUTES.authorization && url.searchParams.has('aud') && !state.modes.audIgnored
      && url.searchParams.get('aud').replace(/\/+$/, '') !== FHIR_BASE) {
    // A SMART server refuses an aud that is not one of its FHIR servers, before any sign-in
    // (an answer on the redirect URI could leak a code to an impostor's resource server).
    sendHtml(res, 400, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Canvas sandbox: error</title></head>
<body><h1>Something went wrong</h1><div id="oauth-error"><p><strong>error</strong>: <span class="error">invalid_request</span></p>
<p><strong>error_description</strong>: <span class="error_description">aud is not a FHIR server of this EHR.</span></p></div></body></html>`);
    return;
  }
  if (req.method === 'GET' && path === ROUTES.authorization) {
    // Canvas ignores `prompt`, `launch` and `aud`, and issues refresh tokens for offline_access
    // without prompt=consent. oidc-provider drops offline_access unless prompt includes consent,
    // so replace whatever prompt the client sent with prompt=consent (the consent page is shown
    // for every new authorization anyway).
    url.searchParams.delete('prompt');
    url.searchParams.set('prompt', 'consent');
    applyModesToAuthorization(url.searchParams);
    req.url = `${url.pathname}?${url.searchParams.toString()}`;
  }
  if (req.method === 'GET' && path.startsWith(ROUTES.authorization)) {
    // Canvas answers what it cannot redirect (bad redirect_uri, unknown client) with an HTML
    // page whatever the Accept header says; oidc-provider would send JSON to `Accept: */*`.
    req.headers.accept = 'text/html';
  }
  providerCallback(req, res);
}

// Whether a token-route request authenticates its client (a secret in Basic or in the form,
// or a client assertion); client_id alone (a public client) does not.
function carriesClientAuth(req, raw) {
  if (/^Basic\s+\S+/i.test(req.headers.authorization || '')) return true;
  let params;
  try { params = new URLSearchParams(raw); } catch { return false; }
  return !!(params.get('client_secret') || params.get('client_assertion'));
}
// A route the server does not have (Django's page).
function sendNotFoundPage(res) {
  sendHtml(res, 404, '<!DOCTYPE html><html lang="en"><head><title>Not Found</title></head><body><h1>Not Found</h1>'
    + '<p>The requested resource was not found on this server.</p></body></html>');
}

// ---------------------------------------------------------------- FHIR server
function searchPatients(params) {
  const name = params.get('name')?.toLowerCase();
  const family = params.get('family')?.toLowerCase();
  const given = params.get('given')?.toLowerCase();
  const birthdate = params.get('birthdate') ?? params.get('birthDate');
  const gender = params.get('gender')?.toLowerCase();
  // _id: one id or several, comma-separated (Patient?_id=a,b,c reads a batch in one request)
  const ids = params.get('_id') ? new Set(params.get('_id').split(',').map((x) => x.trim()).filter(Boolean)) : null;
  let identifier = params.get('identifier');
  if (identifier && identifier.includes('|')) identifier = identifier.split('|').pop();
  const out = [];
  for (const p of patients.list) {
    if (name && !p.familyLc.includes(name) && !p.givenLc.includes(name)) continue;
    if (family && !p.familyLc.startsWith(family)) continue;
    if (given && !p.givenLc.startsWith(given)) continue;
    if (birthdate && p.birthDate !== birthdate) continue;
    if (gender && p.gender !== gender) continue;
    if (ids && !ids.has(p.id)) continue;
    if (identifier && p.mrn !== identifier) continue;
    out.push(p);
  }
  return out;
}
function paging(params) {
  let count = params.has('_count') ? Number(params.get('_count')) : 10;
  let offset = params.has('_offset') ? Number(params.get('_offset')) : 0;
  if (!Number.isFinite(count) || count < 0) count = 10;
  if (!Number.isFinite(offset) || offset < 0) offset = 0;
  return { count: Math.min(Math.floor(count), 100), offset: Math.floor(offset) };
}
function bundle(type, params, total, resources, { count, offset }, fullUrlOf) {
  const base = new URLSearchParams();
  for (const [k, v] of params) if (k !== '_count' && k !== '_offset') base.append(k, v);
  const link = (o) => {
    const q = new URLSearchParams(base);
    q.set('_count', String(count));
    q.set('_offset', String(o));
    return `${type}?${q.toString()}`;
  };
  const links = [{ relation: 'self', url: link(offset) }];
  if (count > 0 && offset + count < total) links.push({ relation: 'next', url: link(offset + count) });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: links,
    entry: resources.map((r) => ({ fullUrl: fullUrlOf(r), resource: r, search: { mode: 'match' } })),
  };
}
function capabilityStatement() {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2024-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    implementation: { description: 'chartkey Canvas sandbox', url: FHIR_BASE },
    rest: [{
      mode: 'server',
      security: {
        service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [
            { url: 'authorize', valueUri: `${ISSUER}${ROUTES.authorization}` },
            { url: 'token', valueUri: `${ISSUER}${ROUTES.token}` },
            ...(state.modes.noRevocationEndpoint ? [] : [{ url: 'revoke', valueUri: `${ISSUER}${ROUTES.revocation}` }]),
          ],
        }],
      },
      resource: [
        { type: 'Patient', interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: ['name', 'family', 'given', 'birthdate', 'gender', 'identifier', '_id'].map((n) => ({ name: n, type: 'string' })) },
        { type: 'Appointment', interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [{ name: 'patient', type: 'reference' }, { name: 'date', type: 'date' }, { name: 'practitioner', type: 'reference' },
            { name: 'location', type: 'reference' }, { name: 'status', type: 'token' }] },
        { type: 'Practitioner', interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: [{ name: 'name', type: 'string' }, { name: '_id', type: 'token' }] },
        { type: 'Location', interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: [{ name: 'name', type: 'string' }] },
      ],
    }],
  };
}
function smartConfiguration() {
  const tokenMethods = ['none', 'client_secret_post', 'client_secret_basic', 'private_key_jwt'];
  return revocationDiscovery({
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}${ROUTES.authorization}`,
    token_endpoint: `${ISSUER}${ROUTES.token}`,
    revocation_endpoint: `${ISSUER}${ROUTES.revocation}`,
    introspection_endpoint: `${ISSUER}${ROUTES.introspection}`,
    jwks_uri: `${ISSUER}${ROUTES.jwks}`,
    token_endpoint_auth_methods_supported: tokenMethods,
    token_endpoint_auth_signing_alg_values_supported: CLIENT_AUTH_ALGS,
    grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: codeChallengeMethods(),
    scopes_supported: [...OIDC_SCOPES, ...RESOURCE_SCOPES],
    ...(state.modes.noCapabilities ? {} : { capabilities: ['launch-standalone', 'launch-ehr', 'client-public', 'client-confidential-symmetric',
      'client-confidential-asymmetric',
      'context-standalone-patient', 'permission-offline', 'permission-user', 'permission-patient', 'permission-v1', 'sso-openid-connect'] }),
  }, tokenMethods);
}
function practitionerResource() {
  return {
    resourceType: 'Practitioner',
    id: PRACTITIONER.id,
    meta: { versionId: '1', lastUpdated: '2024-01-01T00:00:00+00:00' },
    identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: PRACTITIONER.npi }],
    active: true,
    name: [{ use: 'official', text: PRACTITIONER.name, family: PRACTITIONER.family, given: [PRACTITIONER.given], prefix: [PRACTITIONER.prefix] }],
  };
}

async function fhirHandler(req, res) {
  const url = new URL(req.url, FHIR_BASE);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  log('FHIR', req.method, path);
  if (req.method === 'GET' && path === '/.well-known/smart-configuration') { sendJson(res, 200, smartConfiguration()); return; }
  if (req.method === 'GET' && path === '/metadata') { sendFhir(res, 200, capabilityStatement()); return; }

  const done = (status, body, headers) => { countApi(status); sendFhir(res, status, body, headers); };
  if (takeFailure('api', res, (s) => { if (s !== 'hang') countApi(s); }, 'fhir')) return;
  // openReads: a request without any Authorization header is served (a server that forgot
  // to protect its reads).
  const auth = state.modes.openReads && !req.headers.authorization ? { ok: true } : await validateBearer(req);
  if (!auth.ok) { countApi(401); send401(res, auth.reason); return; }
  if (req.method !== 'GET') { done(405, outcome('not-supported', `${req.method} is not supported by this sandbox.`)); return; }

  const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = url.searchParams;
  if (seg[0] === 'Patient' && seg.length === 1) {
    const pg = paging(params);
    const all = searchPatients(params);
    const pageItems = all.slice(pg.offset, pg.offset + pg.count).map(patientResource);
    done(200, bundle('Patient', params, all.length, pageItems, pg, (r) => `${FHIR_BASE}/Patient/${r.id}`));
    return;
  }
  if (seg[0] === 'Patient' && seg.length === 2) {
    const p = patients.byId.get(seg[1]);
    if (!p) { done(404, outcome('not-found', `Patient/${seg[1]} not found.`)); return; }
    done(200, patientResource(p));
    return;
  }
  if (seg[0] === 'Appointment' && seg.length === 1) {
    const ref = params.get('patient');
    const scheduleSearch = params.has('date') || params.has('practitioner') || params.has('location') || params.has('actor');
    if (!ref && !scheduleSearch) { done(400, outcome('required', 'Appointment search requires the patient parameter, or a date with a practitioner or location.')); return; }
    const pid = ref ? (ref.startsWith('Patient/') ? ref.slice(8) : ref) : null;
    const p = pid ? patients.byId.get(pid) : null;
    let appts;
    if (scheduleSearch) {
      // The days' schedules (by date, practitioner, location); with `patient`, that patient's.
      const found = searchSchedule(params);
      if (typeof found === 'string') { done(400, outcome('invalid', found)); return; }
      appts = found.filter((x) => !pid || x.patient.id === pid).map((x) => scheduleAppointmentResource(x, FHIR_BASE));
    } else {
      appts = p ? Array.from({ length: p.apptCount }, (_, k) => appointmentResource(p, k + 1, FHIR_BASE)) : [];
    }
    const pg = paging(params);
    const items = appts.slice(pg.offset, pg.offset + pg.count);
    const b = bundle('Appointment', params, appts.length, items, pg, (r) => r._fullUrl);
    for (const e of b.entry) delete e.resource._fullUrl;
    done(200, b);
    return;
  }
  if (seg[0] === 'Practitioner' && seg.length === 2) {
    const pr = PRACTITIONERS.find((x) => x.id === seg[1]);
    if (!pr) { done(404, outcome('not-found', `Practitioner/${seg[1]} not found.`)); return; }
    done(200, pr.id === PRACTITIONER.id ? practitionerResource() : practitionerResourceOf(pr));
    return;
  }
  if (seg[0] === 'Practitioner' && seg.length === 1) {
    // name: case-insensitive substring of the whole name; _id: one or several, comma-separated
    const name = params.get('name')?.toLowerCase();
    const ids = params.get('_id') ? new Set(params.get('_id').split(',')) : null;
    const all = PRACTITIONERS.filter((x) => (!name || x.name.toLowerCase().includes(name)) && (!ids || ids.has(x.id)));
    const pg = paging(params);
    const items = all.slice(pg.offset, pg.offset + pg.count).map(practitionerResourceOf);
    done(200, bundle('Practitioner', params, all.length, items, pg, (r) => `${FHIR_BASE}/Practitioner/${r.id}`));
    return;
  }
  if (seg[0] === 'Location' && seg.length === 1) {
    const name = params.get('name')?.toLowerCase();
    const all = LOCATIONS.filter((x) => !name || x.name.toLowerCase().includes(name));
    const pg = paging(params);
    const items = all.slice(pg.offset, pg.offset + pg.count).map(locationResource);
    done(200, bundle('Location', params, all.length, items, pg, (r) => `${FHIR_BASE}/Location/${r.id}`));
    return;
  }
  if (seg[0] === 'Location' && seg.length === 2) {
    const l = LOCATIONS.find((x) => x.id === seg[1]);
    if (!l) { done(404, outcome('not-found', `Location/${seg[1]} not found.`)); return; }
    done(200, locationResource(l));
    return;
  }
  if (seg[0] === 'Appointment' && seg.length === 2 && seg[1].startsWith('sched-')) {
    const slot = scheduleSlot(seg[1]);
    if (!slot) { done(404, outcome('not-found', `Appointment/${seg[1]} not found.`)); return; }
    const r = scheduleAppointmentResource(slot, FHIR_BASE);
    delete r._fullUrl;
    done(200, r);
    return;
  }
  if (seg[0] === 'Appointment' && seg.length === 2) {
    const m = /^appt-(\d+)-(\d+)$/.exec(seg[1]);
    const p = m && patients.list[Number(m[1]) - 1];
    const k = m && Number(m[2]);
    if (!p || k < 1 || k > p.apptCount) { done(404, outcome('not-found', `Appointment/${seg[1]} not found.`)); return; }
    const r = appointmentResource(p, k, FHIR_BASE);
    delete r._fullUrl;
    done(200, r);
    return;
  }
  done(404, outcome('not-found', `Unknown resource path ${path}.`));
}

// ---------------------------------------------------------------- wiring
function wrap(handler, name) {
  return (req, res) => {
    handler(req, res).catch((err) => {
      log(`${name} handler error`, err?.stack || err);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: String(err?.message || err) });
      else res.destroy();
    });
  };
}
instanceServer.on('request', wrap(instanceHandler, 'instance'));
fhirServer.on('request', wrap(fhirHandler, 'fhir'));
lmsServer.on('request', wrap(lms.handler, 'lms'));
cognitoIdpServer.on('request', wrap(cognito.idpHandler, 'cognito-idp'));
cognitoAuthServer.on('request', wrap(cognito.authHandler, 'cognito-auth'));

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`received ${signal}, shutting down`);
  for (const res of state.hanging) res.destroy();
  let open = allServers.length;
  const closed = () => { open -= 1; if (open === 0) process.exit(0); };
  for (const s of allServers) {
    s.close(closed);
    s.closeAllConnections();
  }
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

const ready = {
  issuer: ISSUER,
  instance: ISSUER,
  fhirBase: FHIR_BASE,
  admin: `${ISSUER}/__admin`,
  authorizationEndpoint: `${ISSUER}${ROUTES.authorization}`,
  tokenEndpoint: `${ISSUER}${ROUTES.token}`,
  revocationEndpoint: `${ISSUER}${ROUTES.revocation}`,
  endSessionEndpoint: `${ISSUER}${ROUTES.end_session}`,
  notesBase: `${ISSUER}${NOTES_PREFIX}`,
  clients: CLIENTS,
  user: { login: USER.login, password: USER.password, name: PRACTITIONER.name, fhirUser: `Practitioner/${PRACTITIONER.id}` },
  jwksUri: `${ISSUER}${ROUTES.jwks}`,
  scope: DEFAULT_SCOPE,
  accessTtl: state.accessTtl,
  patients: opts.patients,
  smartConfiguration: `${FHIR_BASE}/.well-known/smart-configuration`,
  openidConfiguration: `${ISSUER}/.well-known/openid-configuration`,
  lms: lms.ready,
  cognito: cognito.ready,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
