import { Injectable } from '@nestjs/common';
import { decodeProtectedHeader } from 'jose';
import { AuthErrorCode, NODE_CREDENTIAL_TYPE } from '#contracts';
import { bearerToken } from '#service-kit';
import { CoordinatorError } from '../common/coordinator-error.js';
import { AccessTokenVerifier } from './access-token.verifier.js';
import { ANONYMOUS, type Caller } from './caller.js';
import { NodeCredentialVerifier } from './node-credential.verifier.js';

/**
 * Who is calling: nobody (no Authorization header), a person (an OpenID access token) or a creditor
 * node (its self-signed credential, told apart by the JWT `typ`). A bad token is refused outright,
 * never treated as anonymous, so a caller learns at once that their session is broken.
 */
@Injectable()
export class CallerAuthenticator {
  constructor(
    private readonly people: AccessTokenVerifier,
    private readonly nodes: NodeCredentialVerifier,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Caller> {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const token = bearerToken(authorization);
    if (!token) throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'Send the token as "Authorization: Bearer <token>".');
    let typ: unknown;
    try {
      typ = decodeProtectedHeader(token).typ;
    } catch {
      throw new CoordinatorError(AuthErrorCode.UNAUTHENTICATED, 'The access token is not valid.');
    }
    return typ === NODE_CREDENTIAL_TYPE ? this.nodes.verify(token) : this.people.verify(token);
  }
}
