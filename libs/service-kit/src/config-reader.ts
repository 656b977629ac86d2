import { importJWK, type CryptoKey, type JWK } from 'jose';

export type Env = Readonly<Record<string, string | undefined>>;

/** An Ed25519 key read from a private JWK: the private half to sign, the public JWK to publish. */
export interface Ed25519SigningKey {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK & { readonly kid: string };
  readonly keyId: string;
}

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`The ${service} configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads settings from an environment and collects every problem before failing, so an operator fixes
 * them in one go instead of one restart per typo. Each reader returns a usable fallback after
 * recording a problem; call `finish()` before using the values.
 */
export class ConfigReader {
  readonly problems: string[] = [];

  constructor(
    private readonly service: string,
    private readonly env: Env,
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  required(name: string, hint: string): string {
    const value = this.optional(name);
    if (value === undefined) {
      this.problems.push(`${name} is missing: ${hint}.`);
      return '';
    }
    return value;
  }

  url(name: string, value: string, protocols: readonly string[]): URL | undefined {
    if (value === '') return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL (got ${parsed.protocol}).`);
        return undefined;
      }
      return parsed;
    } catch {
      this.problems.push(`${name} is not a valid URL: ${JSON.stringify(value)}.`);
      return undefined;
    }
  }

  integer(name: string, fallback: number, range: { readonly min: number; readonly max: number }): number {
    const text = this.optional(name) ?? String(fallback);
    const value = Number(text);
    if (!/^[0-9]+$/.test(text) || value < range.min || value > range.max) {
      this.problems.push(`${name} must be a whole number from ${range.min} to ${range.max} (got ${JSON.stringify(text)}).`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const text = this.optional(name)?.toLowerCase();
    if (text === undefined) return fallback;
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    this.problems.push(`${name} must be true or false (got ${JSON.stringify(this.env[name])}).`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const text = this.optional(name) ?? fallback;
    if (!(allowed as readonly string[]).includes(text)) {
      this.problems.push(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(text)}).`);
      return fallback;
    }
    return text as T;
  }

  /** An Ed25519 private key given as a JWK (JSON); its `kid` names it in every signature. */
  async ed25519Key(name: string, hint: string, defaultKeyId: string): Promise<Ed25519SigningKey | undefined> {
    const text = this.required(name, hint);
    if (text === '') return undefined;
    let jwk: JWK;
    try {
      jwk = JSON.parse(text) as JWK;
    } catch {
      this.problems.push(`${name} is not JSON; give the private key as a JWK.`);
      return undefined;
    }
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string') {
      this.problems.push(`${name} must be an Ed25519 private key (JWK with kty OKP, crv Ed25519, d and x).`);
      return undefined;
    }
    try {
      const privateKey = (await importJWK(jwk, 'EdDSA')) as CryptoKey;
      const { d: _private, ...publicJwk } = jwk;
      const keyId = jwk.kid ?? defaultKeyId;
      return { privateKey, publicJwk: { ...publicJwk, kid: keyId, alg: 'EdDSA', use: 'sig' }, keyId };
    } catch {
      this.problems.push(`${name} could not be read as an Ed25519 key.`);
      return undefined;
    }
  }

  /** Throws one ConfigError naming every problem found. */
  finish(): void {
    if (this.problems.length > 0) throw new ConfigError(this.service, this.problems);
  }
}

/**
 * A service's configuration, or the end of the process with exit code 78 (EX_CONFIG) and a message
 * naming every problem: a bad setting is for the operator to fix, not a crash to retry.
 */
export async function configOrExit<T>(load: () => T | Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}
