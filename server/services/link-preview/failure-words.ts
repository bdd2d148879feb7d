/** Why a page couldn't be fetched, in words an admin reads (never "ENOTFOUND"): by the network error's code. */

const BY_CODE: Record<string, string> = {
  ENOTFOUND: 'we couldn’t find that site: check the address',
  EAI_AGAIN: 'we couldn’t look up that site just now: try again in a moment',
  ECONNREFUSED: 'the site refused the connection',
  ECONNRESET: 'the site cut the connection off',
  ETIMEDOUT: 'the site took too long to answer',
  EHOSTUNREACH: 'the site can’t be reached from the server',
  ENETUNREACH: 'the site can’t be reached from the server',
  CERT_HAS_EXPIRED: 'the site’s security certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the site’s security certificate isn’t trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'the site’s security certificate isn’t trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the site’s security certificate isn’t trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the site’s security certificate is for another address',
};

/** "example.com: we couldn’t find that site: check the address" */
export function unreachableWords(where: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return `${where}: ${(code && BY_CODE[code]) || 'the site couldn’t be reached'}`;
}
