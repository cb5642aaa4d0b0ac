import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

/*
 * A software passkey for tests: an ES256 key pair that answers WebAuthn registration and
 * authentication options the way a browser with a platform authenticator does ("none"
 * attestation), so the server's verification runs on real signatures.
 */

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

/** Just enough CBOR for attestation objects and COSE keys: maps, ints, byte and text strings. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
    throw new Error("too long for this encoder");
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (value instanceof Map) {
    return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  }
  throw new Error(`cannot encode ${typeof value}`);
}

/** Whether a DER-encoded ECDSA signature (SEQUENCE of INTEGER r, INTEGER s) has r or s below 2^248. */
export function hasShortInteger(der: Buffer): boolean {
  const rLength = der[3]!;
  const sLength = der[4 + rLength + 1]!;
  const valueLength = (start: number, length: number) => {
    let i = start;
    while (i < start + length - 1 && der[i] === 0) i++;
    return start + length - i;
  };
  return valueLength(4, rLength) < 32 || valueLength(4 + rLength + 2, sLength) < 32;
}

type RegistrationOptions = { challenge: string; rp: { id?: string } };
type AuthenticationOptions = { challenge: string; rpId?: string };

export class SoftwarePasskey {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  counter = 0;

  constructor() {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.publicJwk = pair.publicKey.export({ format: "jwk" }) as { x: string; y: string };
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: string, challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** What navigator.credentials.create() answers, as @simplewebauthn/browser sends it. */
  register(options: RegistrationOptions, origin: string, { rpId = options.rp.id ?? new URL(origin).hostname } = {}) {
    const coseKey = new Map<number, unknown>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.publicJwk.x, "base64url")],
      [-3, Buffer.from(this.publicJwk.y, "base64url")],
    ]);
    const length = Buffer.from([this.credentialId.length >> 8, this.credentialId.length & 255]);
    const authData = Buffer.concat([
      createHash("sha256").update(rpId).digest(),
      Buffer.from([0x45]), // user present, user verified, attested credential data
      Buffer.alloc(4), // counter 0
      Buffer.alloc(16), // aaguid
      length,
      this.credentialId,
      cbor(coseKey),
    ]);
    const attestationObject = cbor(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /**
   * What navigator.credentials.get() answers; each assertion counts one up. With `shortInteger`,
   * the signature is one whose r or s is below 2^248 (fewer than 32 bytes), as about one real
   * ECDSA signature in 128 is: it is signed again until it is one.
   */
  authenticate(
    options: AuthenticationOptions,
    origin: string,
    { rpId = options.rpId ?? new URL(origin).hostname, shortInteger = false } = {},
  ) {
    this.counter += 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    const authData = Buffer.concat([createHash("sha256").update(rpId).digest(), Buffer.from([0x05]), counter]);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const signed = Buffer.concat([authData, createHash("sha256").update(clientDataJSON).digest()]);
    let signature = sign("sha256", signed, this.privateKey);
    while (shortInteger && !hasShortInteger(signature)) signature = sign("sha256", signed, this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }
}
