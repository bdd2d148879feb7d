/**
 * A real OpenID provider on loopback for the tests: the certified `oidc-provider` package, with
 * its own users and groups, a login page that checks passwords (the way an IdP's does), and
 * consent granted for Relay's client as a company's IdP does for its own apps.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration, type JWK } from 'oidc-provider';
import { IdpStore } from './oidc-store';

export interface IdpUser {
  /** The subject (`sub`). */
  sub: string;
  /** What people type on the login page. */
  username: string;
  password: string;
  name: string;
  email: string;
  /** The email_verified claim (default true). */
  emailVerified?: boolean;
  groups?: string[];
  department?: string;
  locale?: string;
}

export interface IdpClient {
  clientId: string;
  /** Undefined for a public client (no secret: PKCE only, token_endpoint_auth_method none). */
  clientSecret: string | undefined;
  /** Redirect URIs the client registered. */
  redirectUris: string[];
}

export interface TestIdp {
  /** The issuer, http://127.0.0.1:<port>. */
  issuer: string;
  client: IdpClient;
  users: IdpUser[];
  /** Adds (or replaces, by sub) a user: changed groups or names show in their next sign-in's claims. */
  addUser(user: IdpUser): void;
  /** Changes some of a user's details (their next sign-in's claims say so). */
  updateUser(sub: string, changes: Partial<Omit<IdpUser, 'sub'>>): void;
  /** Ends every session at the provider: silent sign-ins answer login_required until someone signs in again. */
  endSessions(): void;
  /** Sign-ins that finished on the login page (username per sign-in), for tests to count. */
  logins: string[];
  /** The other clients registered (options.extraClients). */
  extraClients: IdpClient[];
  close(): Promise<void>;
}

export interface TestIdpOptions {
  users?: IdpUser[];
  redirectUris?: string[];
  clientId?: string;
  /** null: a public client. */
  clientSecret?: string | null;
  /** More clients of the same provider (another company app). */
  extraClients?: IdpClient[];
  /**
   * The host the provider names itself by (its issuer), when not the 127.0.0.1 it listens on: e.g.
   * 'localhost', so a client configured with http://127.0.0.1:<port> sees another issuer.
   */
  issuerHost?: string;
  /** The port to listen on (default: any free one), e.g. to start a provider again where one was. */
  port?: number;
}

/** A signing key made for this provider at start, so it never falls back to oidc-provider's development keys. */
function signingKeys(): { keys: JWK[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    keys: [{ ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'test-idp-rs256', alg: 'RS256', use: 'sig' }],
  };
}

function clientMetadata(client: IdpClient): ClientMetadata {
  return {
    redirect_uris: [...client.redirectUris],
    client_id: client.clientId,
    ...(client.clientSecret === undefined
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

export const DEFAULT_IDP_USERS: IdpUser[] = [
  {
    sub: 'u-ada',
    username: 'ada',
    password: 'ada-password',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    groups: ['relay-admins', 'engineering'],
    department: 'Engineering',
  },
  {
    sub: 'u-grace',
    username: 'grace',
    password: 'grace-password',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    groups: ['marketing'],
    department: 'Marketing',
    locale: 'en-GB',
  },
];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in · Test IdP</title></head>
<body><main><h1>Sign in to your work account</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label>Username <input name="username" required autofocus></label>
<label>Password <input name="password" type="password" required></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * Starts the provider. `redirectUris` are the client's registered redirect URIs (Relay's
 * `<publicUrl>/v1/sso/callback`); they can be given later through `client.redirectUris` before the
 * first sign-in, for a server whose port is known only once it listens.
 */
export async function startTestIdp(options: TestIdpOptions = {}): Promise<TestIdp> {
  const users = new Map((options.users ?? DEFAULT_IDP_USERS).map((user) => [user.sub, user]));
  const client: IdpClient = {
    clientId: options.clientId ?? 'relay-test',
    clientSecret:
      options.clientSecret === null ? undefined : (options.clientSecret ?? 'relay-test-secret-0123456789abcdef'),
    redirectUris: options.redirectUris ?? [],
  };
  const extraClients = options.extraClients ?? [];
  const logins: string[] = [];
  // Clients are read at each sign-in (not at start-up), so redirect URIs added later count.
  const store = new IdpStore((id) => {
    const found = [client, ...extraClients].find((each) => each.clientId === id);
    return found ? { ...clientMetadata(found) } : undefined;
  });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://${options.issuerHost ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    adapter: store.adapter,
    jwks: signingKeys(),
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: user.name,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          preferred_username: user.email,
          groups: user.groups ?? [],
          department: user.department,
          locale: user.locale,
        }),
      };
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'locale', 'department'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
    // ID tokens carry the claims, as Entra ID's and Okta's do when configured for it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, IdToken: 300, AccessToken: 300 },
    // The company's IdP trusts its own apps: consent is granted for every scope asked for.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const oidcClient = ctx.oidc.client;
      if (!session?.accountId || !oidcClient) return undefined;
      const existing = session.grantIdFor(oidcClient.clientId);
      if (existing) {
        const found = await ctx.oidc.provider.Grant.find(existing);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: oidcClient.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email groups');
      grant.addOIDCClaims(['name', 'email', 'email_verified', 'groups', 'department', 'locale', 'preferred_username']);
      await grant.save();
      session.ensureClientContainer(oidcClient.clientId);
      session.grantIdFor(oidcClient.clientId, grant.jti);
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // Loopback over http: the provider is told the requests are not behind a proxy.
  provider.proxy = false;
  const handle = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(url.pathname);
    if (!match) {
      handle(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== match[1]) return send(res, 400, 'Wrong interaction');
        if (!match[2]) return send(res, 200, loginPage(details.uid));
        if (req.method !== 'POST') return send(res, 405, 'POST the form');
        // Cancel: the provider answers the client access_denied, as when someone declines.
        if (match[2] === '/abort') {
          return await provider.interactionFinished(
            req,
            res,
            { error: 'access_denied', error_description: 'End-User aborted interaction' },
            { mergeWithLastSubmission: false },
          );
        }
        const form = await formBody(req);
        const user = [...users.values()].find((u) => u.username === form.get('username'));
        if (!user || user.password !== form.get('password')) {
          return send(res, 200, loginPage(details.uid, 'Wrong username or password.'));
        }
        logins.push(user.username);
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.sub, remember: true } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        send(res, 500, escapeHtml((error as Error).message));
      }
    })();
  });

  return {
    issuer,
    client,
    get users() {
      return [...users.values()];
    },
    addUser(user) {
      users.set(user.sub, user);
    },
    updateUser(sub, changes) {
      const user = users.get(sub);
      if (!user) throw new Error(`no test IdP user ${sub}`);
      users.set(sub, { ...user, ...changes });
    },
    endSessions: () => store.endSessions(),
    logins,
    extraClients,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
