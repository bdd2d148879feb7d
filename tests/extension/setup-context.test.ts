/** The popup's state never waits seconds for Chrome's first storage.managed read: it answers without the policy, then says "changed". */
import { describe, expect, it } from 'vitest';
import { NO_POLICY } from '../../entrypoints/background/policy';
import { quickPolicyRead, type PolicyRead } from '../../entrypoints/background/setup-context';

const LOCKED: PolicyRead = {
  locked: 'https://relay.example.com',
  policy: { serverUrl: 'https://relay.example.com', signIn: 'sso' },
};
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('quickPolicyRead', () => {
  it('answers with the policy when it comes in time, and says nothing later', async () => {
    let late = 0;
    expect(
      await quickPolicyRead(
        () => after(5, LOCKED),
        () => late++,
        200,
      ),
    ).toEqual(LOCKED);
    await after(50, null);
    expect(late).toBe(0);
  });

  it('answers without a policy when the read is slow, then tells the popup once it arrives', async () => {
    let late = 0;
    const started = Date.now();
    expect(
      await quickPolicyRead(
        () => after(150, LOCKED),
        () => late++,
        20,
      ),
    ).toEqual({ locked: null, policy: NO_POLICY });
    expect(Date.now() - started).toBeLessThan(140);
    expect(late).toBe(0);
    await after(200, null);
    expect(late).toBe(1);
  });

  it('stays quiet when the slow read finds no policy either', async () => {
    let late = 0;
    await quickPolicyRead(
      () => after(60, { locked: null, policy: NO_POLICY }),
      () => late++,
      10,
    );
    await after(100, null);
    expect(late).toBe(0);
  });
});
