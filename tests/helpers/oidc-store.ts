/** The test OpenID provider's storage: sessions a test can end, and clients read at each sign-in (redirect URIs added later count). */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number | undefined;
}

/** One provider's models, kept by model name and id. */
export class IdpStore {
  private readonly entries = new Map<string, Entry>();

  /** `clients` gives a client's metadata by id, as it is now. */
  constructor(private readonly clients: (id: string) => AdapterPayload | undefined) {}

  /** The adapter factory oidc-provider's `adapter` option takes. */
  readonly adapter = (model: string): Adapter => {
    if (model === 'Client') return this.clientAdapter();
    const key = (id: string) => `${model}:${id}`;
    const live = (id: string): AdapterPayload | undefined => {
      const entry = this.entries.get(key(id));
      if (!entry) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        this.entries.delete(key(id));
        return undefined;
      }
      return entry.payload;
    };
    const findBy = (field: 'uid' | 'userCode', value: string) => {
      for (const [name, entry] of this.entries) {
        if (name.startsWith(`${model}:`) && entry.payload[field] === value) return live(name.slice(model.length + 1));
      }
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        this.entries.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      },
      find: async (id) => live(id),
      findByUid: async (uid) => findBy('uid', uid),
      findByUserCode: async (userCode) => findBy('userCode', userCode),
      consume: async (id) => {
        const payload = live(id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [name, entry] of this.entries) if (entry.payload.grantId === grantId) this.entries.delete(name);
      },
    };
  };

  private clientAdapter(): Adapter {
    const none = async () => undefined;
    return {
      find: async (id) => this.clients(id),
      upsert: none,
      findByUid: none,
      findByUserCode: none,
      consume: none,
      destroy: none,
      revokeByGrantId: none,
    };
  }

  /** Ends every session at the provider (as signing out everywhere would): the next sign-in needs the login page. */
  endSessions(): void {
    for (const name of [...this.entries.keys()]) if (name.startsWith('Session:')) this.entries.delete(name);
  }
}
