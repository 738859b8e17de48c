// Signing keys of the Canvas instance and the layer that rewrites the ID tokens of its token
// answers (modes `idTokenAlg`, `brokenIdToken`, `rotateJwks`; see README.md). JWS with Node's
// own crypto: RS256/RS384 (PKCS#1 v1.5), PS256 (PSS, salt = digest length), ES256/ES384
// (IEEE P1363 r||s signatures, as JWS wants them).

import * as crypto from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPair = promisify(crypto.generateKeyPair);

const HASH = { RS256: 'sha256', RS384: 'sha384', PS256: 'sha256', ES256: 'sha256', ES384: 'sha384' };
export const ID_TOKEN_ALGS = Object.keys(HASH);
export const BROKEN_ID_TOKEN_CASES = ['wrong-aud', 'wrong-nonce', 'expired', 'bad-signature', 'alg-none',
  'unknown-kid', 'wrong-iss', 'future-iat', 'bad-at_hash'];
export const WRONG_ISSUER = 'https://issuer.example.invalid';
export const WRONG_AUDIENCE = 'someone-else';

const b64json = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
export const decodeJwtPart = (s) => JSON.parse(Buffer.from(String(s), 'base64url').toString('utf8'));

// A key as the rest of the sandbox uses it: `jwk` (private, with kid/use/alg: what oidc-provider
// takes), `publicJwk` (what a JWKS publishes), `privateKey` (a KeyObject for signing).
function keyFromPrivate(privateKey, kid, alg) {
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig', alg };
  const publicJwk = { ...crypto.createPublicKey(privateKey).export({ format: 'jwk' }), kid, use: 'sig', alg };
  return { kid, alg, jwk, publicJwk, privateKey };
}
async function generatePrivateKey(alg) {
  if (alg.startsWith('ES')) return (await generateKeyPair('ec', { namedCurve: alg === 'ES256' ? 'P-256' : 'P-384' })).privateKey;
  return (await generateKeyPair('rsa', { modulusLength: 2048 })).privateKey;
}
export async function generateSigningKey(alg, kid) {
  return keyFromPrivate(await generatePrivateKey(alg), kid, alg);
}
// The instance's keys: one RSA key pair (the one it always had) serves RS256, RS384 and PS256
// under three kids (an RSA key pair costs about half a second to make on a slow machine, and
// the sandbox starts for every test); ES256 and ES384 have their own.
export async function instanceSigningKeys(rsaPrivateKey) {
  const [p256, p384] = await Promise.all([generatePrivateKey('ES256'), generatePrivateKey('ES384')]);
  return [
    keyFromPrivate(rsaPrivateKey, 'sandbox-rs256', 'RS256'),
    keyFromPrivate(rsaPrivateKey, 'sandbox-rs384', 'RS384'),
    keyFromPrivate(rsaPrivateKey, 'sandbox-ps256', 'PS256'),
    keyFromPrivate(p256, 'sandbox-es256', 'ES256'),
    keyFromPrivate(p384, 'sandbox-es384', 'ES384'),
  ];
}

export function signJwt(header, payload, key) {
  const input = `${b64json(header)}.${b64json(payload)}`;
  const data = Buffer.from(input);
  const hash = HASH[key.alg];
  let signature;
  if (key.alg.startsWith('RS')) signature = crypto.sign(hash, data, key.privateKey);
  else if (key.alg.startsWith('PS')) {
    signature = crypto.sign(hash, data, { key: key.privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST });
  } else signature = crypto.sign(hash, data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

// The rewriting layer. `baseKeys` are the keys oidc-provider signs with (and publishes).
export class IdTokenKeys {
  constructor(baseKeys) {
    this.base = new Map(baseKeys.map((k) => [k.kid, k]));
    this.rotated = []; // rotateJwks: newest last; published next to the base keys
    this.throwaway = new Map(); // alg -> a key nobody publishes (brokenIdToken "unknown-kid")
    this.rotations = 0;
  }

  // rotateJwks: a new key for `alg`, published from now on and used to sign ID tokens of that alg.
  async rotate(alg) {
    this.rotations += 1;
    const kid = `sandbox-${alg.toLowerCase()}-rotated-${this.rotations}-${crypto.randomBytes(3).toString('hex')}`;
    this.rotated.push(await generateSigningKey(alg, kid));
  }

  clearRotated() { this.rotated = []; }

  publicRotated() { return this.rotated.map((k) => k.publicJwk); }

  // The newest rotated key for `alg`, if any: it signs the ID tokens of that alg from now on.
  rotatedKey(alg) {
    for (let i = this.rotated.length - 1; i >= 0; i -= 1) if (this.rotated[i].alg === alg) return this.rotated[i];
    return undefined;
  }

  async throwawayKey(alg) {
    if (!this.throwaway.has(alg)) this.throwaway.set(alg, await generateSigningKey(alg, `unknown-${crypto.randomBytes(6).toString('hex')}`));
    return this.throwaway.get(alg);
  }

  // Returns the ID token to hand out instead of `idToken` (oidc-provider's), or `idToken` itself.
  async rewrite(idToken, brokenCase) {
    const [h, p, s] = String(idToken).split('.');
    let header; let payload;
    try { header = decodeJwtPart(h); payload = decodeJwtPart(p); } catch { return idToken; }
    const rotatedKey = this.rotatedKey(header.alg);
    let key = rotatedKey || this.base.get(header.kid);
    if (!key) return idToken;
    let resign = !!rotatedKey;
    const now = Math.floor(Date.now() / 1000);
    switch (brokenCase) {
      case 'wrong-aud': payload.aud = WRONG_AUDIENCE; resign = true; break;
      case 'wrong-nonce': payload.nonce = crypto.randomBytes(12).toString('base64url'); resign = true; break;
      case 'wrong-iss': payload.iss = WRONG_ISSUER; resign = true; break;
      case 'expired': {
        const ttl = Math.max(60, (payload.exp || now) - (payload.iat || now));
        payload.iat = now - 2 * 3600 - ttl;
        payload.exp = now - 2 * 3600;
        if (payload.auth_time) payload.auth_time = Math.min(payload.auth_time, payload.iat);
        resign = true;
        break;
      }
      case 'future-iat': {
        const ttl = Math.max(60, (payload.exp || now) - (payload.iat || now));
        payload.iat = now + 3600;
        payload.exp = payload.iat + ttl;
        resign = true;
        break;
      }
      case 'bad-at_hash': payload.at_hash = crypto.randomBytes(16).toString('base64url'); resign = true; break;
      case 'unknown-kid': key = await this.throwawayKey(header.alg); resign = true; break;
      case 'alg-none':
        return `${b64json({ alg: 'none', typ: header.typ || 'JWT' })}.${b64json(payload)}.`;
      case 'bad-signature': {
        const token = resign ? signJwt({ ...header, kid: key.kid }, payload, key) : idToken;
        const parts = token.split('.');
        const sig = Buffer.from(parts[2], 'base64url');
        sig[0] ^= 0x55;
        sig[sig.length - 1] ^= 0xaa;
        return `${parts[0]}.${parts[1]}.${sig.toString('base64url')}`;
      }
      default:
    }
    if (!resign) return `${h}.${p}.${s}`;
    return signJwt({ ...header, alg: key.alg, kid: key.kid }, payload, key);
  }
}
