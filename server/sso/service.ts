/** Sign-in with the identity provider, start to finish: the authorization redirect, the callback, and the extension's code exchange. */
import type { Deps } from '../context';
import type { SsoConfig } from '../config';
import { ProblemError } from '../problem';
import { issueAdvocateToken } from '../services/advocate-tokens';
import { restoreAccess } from '../services/advocates';
import { signInAdmin } from './admins';
import { endedByCompany, signInAdvocate } from './advocates';
import { identityOf } from './claims';
import { describeError, OidcClient } from './client';
import { issueCode, redeemCode } from './codes';
import { beginLogin, takeLogin, type LoginPurpose } from './logins';
import { originMayRedeem } from './redirects';
import { refusalOf, SsoRefusal, type SsoErrorType } from './refusals';

export const CALLBACK_PATH = '/v1/sso/callback';

type SsoDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'config'>;

export type CallbackOutcome =
  | { purpose: 'console'; admin: { id: string; email: string } }
  | { purpose: 'extension'; returnTo: string; code: string }
  | { purpose: LoginPurpose; returnTo: string | null; refused: SsoErrorType };

export interface Exchanged {
  token: string;
  advocate: { id: string; name: string; email: string | null; team: string | null };
}

function codeInvalid(): ProblemError {
  return new ProblemError(401, 'That sign-in code is unknown, was used already or expired. Sign in again.', {
    type: 'sso-code-invalid',
    title: 'Sign-in code not valid',
  });
}

export class SsoService {
  readonly client: OidcClient;

  constructor(
    private readonly deps: SsoDeps,
    readonly sso: SsoConfig,
  ) {
    this.client = new OidcClient(sso);
  }

  /** The one redirect URI registered at the provider. */
  redirectUri(): string {
    return this.deps.config.publicUrl + CALLBACK_PATH;
  }

  /** Begins a sign-in: its state, and where to send the browser (the provider's authorization endpoint). */
  async start(request: {
    purpose: LoginPurpose;
    returnTo: string | null;
    prompt?: 'none';
  }): Promise<{ state: string; location: URL }> {
    // Discovery first: a provider out of reach leaves no sign-in row behind.
    await this.client.configuration();
    const login = await beginLogin(this.deps.db, request, this.deps.now());
    const location = await this.client.authorizationUrl({
      redirectUri: this.redirectUri(),
      state: login.state,
      nonce: login.nonce,
      codeChallenge: login.codeChallenge,
      prompt: request.prompt,
    });
    return { state: login.state, location };
  }

  /**
   * Finishes the sign-in `state` began: undefined when no sign-in has that state (unknown, or used
   * already). `sameBrowser` says whether a console sign-in came back to the browser that began it.
   */
  async callback(search: string, state: string, sameBrowser: boolean): Promise<CallbackOutcome | undefined> {
    const now = this.deps.now();
    const login = await takeLogin(this.deps.db, state, now);
    if (!login) return undefined;
    const refused = (type: SsoErrorType) => ({ purpose: login.purpose, returnTo: login.returnTo, refused: type });
    try {
      if (!login.fresh) throw new SsoRefusal('failed', 'the sign-in took longer than ten minutes');
      if (login.purpose === 'console' && !sameBrowser) {
        throw new SsoRefusal('failed', 'a console sign-in came back to another browser than the one that began it');
      }
      const claims = await this.client.claims(new URL(this.redirectUri() + search), {
        state,
        nonce: login.nonce,
        verifier: login.verifier,
      });
      const identity = identityOf(claims, this.sso.claims);
      if (login.purpose === 'console') {
        return { purpose: 'console', admin: await signInAdmin(this.deps, identity, this.sso, now) };
      }
      if (login.returnTo === null) throw new SsoRefusal('failed', 'an extension sign-in without its redirect');
      const advocateId = await signInAdvocate(this.deps, identity, now);
      return {
        purpose: 'extension',
        returnTo: login.returnTo,
        code: await issueCode(this.deps.db, advocateId, login.returnTo, now),
      };
    } catch (error) {
      const { type, expected } = refusalOf(error);
      if (!expected) console.warn(`sso: a sign-in for the ${login.purpose} failed: ${describeError(error)}`);
      return refused(type);
    }
  }

  /** Redeems a one-time code for a new advocate token (one per browser). */
  async exchange(code: string, origin: string | undefined): Promise<Exchanged> {
    const now = this.deps.now();
    const redeemed = await redeemCode(this.deps.db, code, now);
    if (!redeemed || !originMayRedeem(origin, redeemed.returnTo)) throw codeInvalid();
    return this.deps.db.transaction().execute(async (trx) => {
      let select = trx
        .selectFrom('advocates')
        .select(['id', 'name', 'email', 'team', 'access_ended'])
        .where('id', '=', redeemed.advocateId);
      if (this.deps.dialect === 'postgres') select = select.forUpdate();
      const advocate = await select.executeTakeFirst();
      if (!advocate) throw codeInvalid();
      if (endedByCompany(advocate.access_ended)) {
        throw new ProblemError(403, 'Your company has ended your access to Relay.', {
          type: 'access-removed',
          title: 'Access removed',
        });
      }
      // Signed out or expired: back in, in the same transaction as the new token.
      await restoreAccess(trx, advocate.id);
      const token = await issueAdvocateToken(trx, advocate.id, 'sso', now);
      return { token, advocate: { id: advocate.id, name: advocate.name, email: advocate.email, team: advocate.team } };
    });
  }
}
