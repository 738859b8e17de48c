// Canvas LMS (Instructure) stand-in for the chartkey sandbox, on its own port (the LMS is a
// different host from a Canvas Medical instance in reality). Used by server.mjs:
//
//   GET    /login/oauth2/auth    authorization (same login + consent pages as the instance)
//   POST   /login/oauth2/token   authorization_code / refresh_token, Canvas-LMS-shaped answers
//   DELETE /login/oauth2/token   revokes the bearer token (and its refresh token)
//   GET    /api/v1/users/self    the signed-in user; LMS access tokens and "lms" static tokens
//
// A second oidc-provider instance issues real codes and opaque tokens; this module maps the
// routes, reshapes the answers and turns errors into what Canvas LMS says.

const LMS_USER = { id: 1, global_id: '10000000000001' };
export const LMS_CLIENT = { client_id: '10000000000001', client_secret: 'chartkey-lms-secret' };
// Internal scope every LMS token carries (Canvas LMS developer keys without scope enforcement
// give full access); requested `url:…` scopes are shown on the consent page and kept when known.
const LMS_SCOPES = ['lms', 'url:GET|/api/v1/users/self', 'url:GET|/api/v1/courses'];
const ACCESS_TTL = 3600;

export async function createLms(sb) {
  const { Provider, USER, state, base, sendJson, readBody, log, singleResource } = sb;
  const API = `${base}/api/v1`;
  const ROUTES = { authorization: '/login/oauth2/auth', token: '/login/oauth2/token', jwks: '/login/oauth2/jwks' };
  const user = { id: LMS_USER.id, name: USER.name, global_id: LMS_USER.global_id };

  const provider = new Provider(base, {
    adapter: sb.makeAdapter('lms/'),
    jwks: { keys: [sb.signingJwk] }, // never used (no id_token), avoids the development keys
    cookies: { keys: ['chartkey-sandbox-lms-cookie-key-1'] },
    clients: [{
      client_id: LMS_CLIENT.client_id,
      client_secret: LMS_CLIENT.client_secret,
      client_name: 'chartkey (Canvas LMS developer key)',
      application_type: 'native', // RFC 8252: any port on the 127.0.0.1 redirect URI
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    }],
    routes: ROUTES,
    scopes: [],
    responseTypes: ['code'],
    // PKCE is optional at Canvas LMS; a code_challenge that was sent is checked.
    pkce: { required: () => false },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      resourceIndicators: singleResource(API, () => ({
        scope: LMS_SCOPES.join(' '), accessTokenTTL: ACCESS_TTL, accessTokenFormat: 'opaque',
      })),
    },
    // Canvas LMS issues a refresh token with every code and never rotates it.
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: false,
    ttl: {
      AccessToken: ACCESS_TTL,
      AuthorizationCode: 600,
      RefreshToken: 10 * 365 * 24 * 3600,
      Grant: 10 * 365 * 24 * 3600,
      Session: 24 * 3600,
      Interaction: 3600,
    },
    expiresWithSession: async () => false,
    findAccount: async (ctx, sub) => (sub === USER.login ? { accountId: sub, claims: async () => ({ sub }) } : undefined),
    interactions: { url: async (ctx, interaction) => `/interaction/${interaction.uid}` },
    // What the authorization endpoint cannot redirect: Canvas LMS answers JSON.
    renderError: async (ctx, out) => {
      if (out.error === 'invalid_redirect_uri') {
        ctx.status = 400;
        out = { error: 'invalid_request', error_description: 'redirect_uri does not match client settings' };
      } else if (out.error === 'invalid_client') {
        ctx.status = 401;
        out = { error: 'invalid_client', error_description: 'unknown client' };
      }
      ctx.type = 'json';
      ctx.body = { error: out.error, error_description: out.error_description };
    },
  });
  provider.proxy = false;
  provider.on('server_error', (ctx, err) => log('lms server_error', err?.stack || err));

  // Token answers in Canvas LMS's shape: the user instead of a scope; a refresh answer carries
  // no refresh_token (the one the client holds stays valid).
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'token' && ctx.status === 200 && ctx.body?.access_token) {
      const b = ctx.body;
      const code = ctx.oidc.params?.grant_type === 'authorization_code';
      ctx.body = {
        access_token: b.access_token,
        token_type: 'Bearer',
        user,
        ...(code && b.refresh_token ? { refresh_token: b.refresh_token } : {}),
        expires_in: b.expires_in,
      };
    }
  });
  sb.installLoginPage401(provider, 'Canvas LMS sandbox'); // mode loginPage401
  const callback = provider.callback();

  const lmsStats = () => sb.stats().lms;
  const apiDone = (res, status, body, headers) => {
    lmsStats().api[status] = (lmsStats().api[status] || 0) + 1;
    sendJson(res, status, body, headers);
  };
  const invalidToken = (res) => apiDone(res, 401, { errors: [{ message: 'Invalid access token.' }] },
    { 'WWW-Authenticate': 'Bearer realm="canvas-lms"' });

  // The bearer token of an LMS request: { kind: 'static' | 'oauth', value, token } or null.
  async function bearer(req) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization || '');
    if (!m) return null;
    const value = m[1];
    const kind = state.staticTokens.get(value);
    if (kind === 'lms') return { kind: 'static', value };
    if (kind) return null;
    let token;
    try { token = await provider.AccessToken.find(value, { ignoreExpiration: true }); } catch { token = undefined; }
    if (!token || token.isExpired || state.expiredTokenIds.has(token.jti)) return null;
    return { kind: 'oauth', value, token };
  }

  async function handler(req, res) {
    const url = new URL(req.url, base);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    log('LMS', req.method, path);
    if (url.pathname.startsWith('/interaction/')) {
      await sb.handleInteraction(provider, req, res, url, 'Canvas LMS sandbox');
      return;
    }
    if (path === '/api/v1/users/self') {
      if (req.method !== 'GET') { apiDone(res, 405, { errors: [{ message: 'Method not allowed.' }] }); return; }
      if (!await bearer(req)) { invalidToken(res); return; }
      apiDone(res, 200, { id: user.id, name: user.name, login_id: USER.login });
      return;
    }
    if (path === ROUTES.token && req.method === 'DELETE') {
      // Canvas LMS "logout": revokes the access token used (and the refresh token of its grant).
      lmsStats().revocation += 1;
      const b = await bearer(req);
      if (!b) { invalidToken(res); return; }
      if (b.kind === 'static') state.staticTokens.delete(b.value);
      else { await b.token.destroy(); sb.revokeGrant('lms/', b.token.grantId); }
      sendJson(res, 200, {});
      return;
    }
    if (path === ROUTES.token && req.method === 'POST') {
      let raw = await readBody(req, 56 * 1024);
      sb.countToken(lmsStats().token, raw);
      sb.recordCodeExchange(req, raw);
      let gt = null;
      try { gt = new URLSearchParams(raw).get('grant_type'); } catch { /* oidc-provider answers */ }
      if (gt === 'client_credentials') {
        sendJson(res, 400, {
          error: 'unsupported_grant_type',
          error_description: 'client_credentials is only allowed with an LTI 1.3 JWT client assertion '
            + '(client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer), not with a client secret',
        });
        return;
      }
      raw = sb.applyModesToToken('lms/', raw);
      req.body = raw; // oidc-provider uses a pre-read body
      req.url = ROUTES.token;
    }
    if (req.method === 'GET' && path.startsWith(ROUTES.authorization)) {
      if (path === ROUTES.authorization) {
        // Every LMS token carries the internal "lms" scope (see LMS_SCOPES).
        const scopes = (url.searchParams.get('scope') || '').split(' ').filter(Boolean);
        if (!scopes.includes('lms')) scopes.push('lms');
        url.searchParams.set('scope', scopes.join(' '));
        sb.applyModesToAuthorization(url.searchParams);
        req.url = `${url.pathname}?${url.searchParams.toString()}`;
      }
      req.headers.accept = 'text/html'; // errors go through renderError (JSON, Canvas LMS wording)
    }
    callback(req, res);
  }

  return {
    handler,
    provider,
    ready: {
      base,
      authorizationEndpoint: `${base}${ROUTES.authorization}`,
      tokenEndpoint: `${base}${ROUTES.token}`,
      apiSelf: `${API}/users/self`,
      client: { ...LMS_CLIENT },
    },
  };
}
