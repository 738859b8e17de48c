// AWS-Cognito-shaped OpenID Provider for the chartkey sandbox (what b.well's reference
// document uses). Two ports, as in reality:
//
//   idp ("cognito-idp.<region>.amazonaws.com"):
//     GET /us-east-1_chartkey/.well-known/openid-configuration   Cognito-shaped discovery
//     GET /us-east-1_chartkey/.well-known/jwks.json
//   auth domain ("<domain>.auth.<region>.amazoncognito.com"):
//     GET /oauth2/authorize, POST /oauth2/token, POST /oauth2/revoke, GET /oauth2/userInfo,
//     login + consent pages under /interaction/ (the sandbox's usual pages and user)
//
// Issuer {idp}/us-east-1_chartkey. One app client with a secret: client_credentials (custom
// scopes "system/*.read system/*.write", all of them when none is asked for, as Cognito does)
// and authorization_code (PKCE optional, S256). Access tokens are RS256 JWTs (token_use
// "access", audience the sandbox FHIR server, which accepts them); refresh tokens come with
// every code and do not rotate (a refresh answer has none). /oauth2/revoke revokes refresh
// tokens (and the grant); access tokens stay valid until they expire, as JWTs do.

import * as crypto from 'node:crypto';

export const COGNITO_POOL = 'us-east-1_chartkey';
export const COGNITO_CLIENT = { client_id: 'chartkey-cognito', client_secret: 'chartkey-cognito-secret' };
const CUSTOM_SCOPES = ['system/*.read', 'system/*.write'];
const OIDC_SCOPES = ['openid', 'email', 'phone', 'profile'];
const ACCESS_TTL = 3600;

const b64json = (s) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

export async function createCognito(sb) {
  const { Provider, USER, state, idpBase, authBase, FHIR_BASE, sendJson, readBody, log, singleResource } = sb;
  const ISSUER = `${idpBase}/${COGNITO_POOL}`;
  const ROUTES = {
    authorization: '/oauth2/authorize',
    token: '/oauth2/token',
    revocation: '/oauth2/revoke',
    userinfo: '/oauth2/userInfo',
    jwks: '/oauth2/jwks', // not advertised: the JWKS lives on the idp host
    end_session: '/logout',
  };

  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const KID = crypto.randomBytes(16).toString('base64url');
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256' };
  const publicJwk = { alg: 'RS256', e: signingJwk.e, kid: KID, kty: 'RSA', n: signingJwk.n, use: 'sig' };

  const issuedJtis = new Set(); // JWT access tokens are not stored; remembered for expire-tokens

  const provider = new Provider(ISSUER, {
    adapter: sb.makeAdapter('cognito/'),
    jwks: { keys: [signingJwk] },
    cookies: { keys: ['chartkey-sandbox-cognito-cookie-key-1'] },
    clients: [{
      client_id: COGNITO_CLIENT.client_id,
      client_secret: COGNITO_CLIENT.client_secret,
      client_name: 'chartkey (Cognito app client)',
      application_type: 'native', // RFC 8252: any port on the 127.0.0.1 redirect URI
      token_endpoint_auth_method: 'client_secret_basic', // client_secret_post works too
      grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    }],
    routes: ROUTES,
    scopes: OIDC_SCOPES,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      phone: ['phone_number', 'phone_number_verified'],
      profile: ['name', 'preferred_username'],
    },
    responseTypes: ['code'],
    pkce: { required: () => false },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      clientCredentials: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: singleResource(FHIR_BASE, () => ({
        scope: CUSTOM_SCOPES.join(' '),
        accessTokenTTL: ACCESS_TTL,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      })),
    },
    formats: {
      customizers: {
        // Cognito access token claims.
        jwt: async (ctx, token, jwt) => {
          jwt.payload.token_use = 'access';
          jwt.payload.version = 2;
          if (token.accountId) jwt.payload.username = USER.login;
        },
      },
    },
    issueRefreshToken: async (ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.kind === 'AuthorizationCode',
    rotateRefreshToken: false,
    ttl: {
      AccessToken: ACCESS_TTL,
      ClientCredentials: ACCESS_TTL,
      AuthorizationCode: 300,
      IdToken: ACCESS_TTL,
      RefreshToken: 30 * 24 * 3600,
      Grant: 30 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
    },
    expiresWithSession: async () => false,
    findAccount: async (ctx, sub) => {
      if (sub !== USER.login) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub, name: USER.name, preferred_username: USER.login,
          email: 'clinician@example.org', email_verified: true, phone_number: '+15555550100', phone_number_verified: false,
        }),
      };
    },
    interactions: { url: async (ctx, interaction) => `/interaction/${interaction.uid}` },
    // The hosted UI's error page; a redirect URI mismatch is "redirect_mismatch" there.
    renderError: async (ctx, out) => {
      if (out.error === 'invalid_redirect_uri') out = { error: 'redirect_mismatch', error_description: 'redirect_mismatch' };
      else if (out.error === 'invalid_client') { ctx.status = 400; out = { error: 'invalid_request', error_description: 'Invalid client_id' }; }
      sb.renderErrorPage(ctx, out, 'Cognito sandbox: error');
    },
  });
  provider.proxy = false;
  provider.on('server_error', (ctx, err) => log('cognito server_error', err?.stack || err));
  provider.on('access_token.issued', (t) => issuedJtis.add(t.jti));
  provider.on('client_credentials.issued', (t) => issuedJtis.add(t.jti));

  // Token answers in Cognito's shape: no scope field; a refresh answer has no refresh_token.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && ctx.body?.access_token) {
      const b = ctx.body;
      const code = ctx.oidc.params?.grant_type === 'authorization_code';
      ctx.body = {
        ...(b.id_token ? { id_token: b.id_token } : {}),
        access_token: b.access_token,
        ...(code && b.refresh_token ? { refresh_token: b.refresh_token } : {}),
        expires_in: b.expires_in,
        token_type: 'Bearer',
      };
    }
  });
  sb.installLoginPage401(provider, 'Sign in (Cognito sandbox)'); // mode loginPage401
  const callback = provider.callback();

  const discovery = () => ({
    authorization_endpoint: `${authBase}${ROUTES.authorization}`,
    end_session_endpoint: `${authBase}${ROUTES.end_session}`,
    id_token_signing_alg_values_supported: ['RS256'],
    issuer: ISSUER,
    jwks_uri: `${ISSUER}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    revocation_endpoint: `${authBase}${ROUTES.revocation}`,
    scopes_supported: OIDC_SCOPES,
    subject_types_supported: ['public'],
    token_endpoint: `${authBase}${ROUTES.token}`,
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    userinfo_endpoint: `${authBase}${ROUTES.userinfo}`,
  });

  async function idpHandler(req, res) {
    const path = new URL(req.url, idpBase).pathname;
    log('COGNITO-IDP', req.method, path);
    if (req.method === 'GET' && path === `/${COGNITO_POOL}/.well-known/openid-configuration`) { sendJson(res, 200, discovery(), { 'Cache-Control': 'max-age=3600' }); return; }
    if (req.method === 'GET' && path === `/${COGNITO_POOL}/.well-known/jwks.json`) { sendJson(res, 200, { keys: [publicJwk] }, { 'Cache-Control': 'max-age=3600' }); return; }
    sendJson(res, 404, { code: 'ResourceNotFoundException', message: 'Not found' });
  }

  async function authHandler(req, res) {
    const url = new URL(req.url, authBase);
    const path = url.pathname;
    log('COGNITO-AUTH', req.method, path);
    if (path.startsWith('/interaction/')) { await sb.handleInteraction(provider, req, res, url, 'Sign in (Cognito sandbox)'); return; }
    if (req.method === 'POST' && (path === ROUTES.token || path === ROUTES.revocation)) {
      let raw = await readBody(req, 56 * 1024);
      const c = sb.stats().cognito;
      if (path === ROUTES.token) {
        sb.countToken(c.token, raw);
        sb.recordCodeExchange(req, raw);
        // Cognito: client_credentials without scope = every custom scope of the app client;
        // a scope the app client does not have is an error (oidc-provider would drop it).
        const params = new URLSearchParams(raw);
        if (params.get('grant_type') === 'client_credentials') {
          const asked = (params.get('scope') || '').split(' ').filter(Boolean);
          if (asked.some((x) => !CUSTOM_SCOPES.includes(x))) { sendJson(res, 400, { error: 'invalid_scope' }); return; }
          if (!asked.length) {
            params.set('scope', CUSTOM_SCOPES.join(' '));
            raw = params.toString();
          }
        }
        raw = sb.applyModesToToken('cognito/', raw);
      } else {
        c.revocation += 1;
      }
      req.body = raw; // oidc-provider uses a pre-read body
    }
    if (req.method === 'GET' && path.startsWith(ROUTES.authorization)) {
      if (path === ROUTES.authorization && sb.applyModesToAuthorization(url.searchParams)) {
        req.url = `${url.pathname}?${url.searchParams.toString()}`;
      }
      req.headers.accept = 'text/html'; // the hosted UI answers errors with a page
    }
    callback(req, res);
  }

  // For the FHIR server: a Cognito access token, checked as a resource server does.
  function validateAccessToken(value) {
    const fail = (reason) => ({ ok: false, reason });
    const [h, p, sig] = value.split('.');
    let header; let payload;
    try { header = b64json(h); payload = b64json(p); } catch { return fail('unknown or revoked access token'); }
    if (header.kid !== KID || header.alg !== 'RS256') return fail('unknown or revoked access token');
    const valid = crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(sig, 'base64url'));
    if (!valid || payload.iss !== ISSUER || payload.token_use !== 'access') return fail('unknown or revoked access token');
    if (typeof payload.exp !== 'number' || payload.exp <= Date.now() / 1000) return fail('access token expired');
    if (state.expiredTokenIds.has(payload.jti)) return fail('access token expired');
    return { ok: true, token: payload };
  }

  return {
    idpHandler,
    authHandler,
    provider,
    validateAccessToken,
    issuedTokenIds: () => [...issuedJtis],
    ready: {
      discoveryUrl: `${ISSUER}/.well-known/openid-configuration`,
      issuer: ISSUER,
      authorizationEndpoint: `${authBase}${ROUTES.authorization}`,
      tokenEndpoint: `${authBase}${ROUTES.token}`,
      revocationEndpoint: `${authBase}${ROUTES.revocation}`,
      userinfoEndpoint: `${authBase}${ROUTES.userinfo}`,
      jwksUri: `${ISSUER}/.well-known/jwks.json`,
      client: { ...COGNITO_CLIENT },
      scope: CUSTOM_SCOPES.join(' '),
    },
  };
}
