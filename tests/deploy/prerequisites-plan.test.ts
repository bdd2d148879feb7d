/**
 * What `npm test` decides to do before the suites (scripts/prepare-tests.ts), for each state of the
 * machine it can meet: all present, Chromium or Firefox ESR missing as root or not, PostgreSQL down, the test
 * database missing. Pure decisions here; prerequisites-machine.test.ts runs them for real.
 */
import { describe, expect, it } from 'vitest';
import { planChromium, type ChromiumFacts } from '../../scripts/prerequisites/chromium';
import { planFirefox, type FirefoxFacts } from '../../scripts/prerequisites/firefox';
import { parseClusters, planPostgres, type Cluster, type PostgresFacts } from '../../scripts/prerequisites/postgres';
import { shellLine } from '../../scripts/prerequisites/step';

const URL_TEST = 'postgres://postgres@127.0.0.1:5432/test';
const CLUSTER: Cluster = { version: '15', name: 'main', port: 5432, online: false, owner: 'postgres' };

const chromium = (facts: Partial<ChromiumFacts>): ChromiumFacts => ({
  found: null,
  isRoot: false,
  hasAptGet: true,
  ...facts,
});
const firefox = (facts: Partial<FirefoxFacts>): FirefoxFacts => ({
  found: null,
  isRoot: false,
  hasAptGet: true,
  ...facts,
});
const postgres = (facts: Partial<PostgresFacts>): PostgresFacts => ({
  url: URL_TEST,
  server: 'up',
  databaseExists: true,
  mayStartCluster: true,
  ...facts,
});

describe('Chromium', () => {
  it('is ready when found, whoever we are', () => {
    for (const isRoot of [true, false])
      expect(planChromium(chromium({ found: '/usr/bin/chromium', isRoot }))).toEqual({
        kind: 'ready',
        what: 'Chromium',
        detail: '/usr/bin/chromium',
      });
  });

  it('is installed from Debian when missing and we are root with apt-get', () => {
    const step = planChromium(chromium({ isRoot: true }));
    expect(step).toMatchObject({
      kind: 'run',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', 'chromium'],
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
  });

  it('is not installed when we are not root: the exact command is printed instead', () => {
    const step = planChromium(chromium({ isRoot: false }));
    expect(step.kind).toBe('missing');
    const text = step.kind === 'missing' ? step.instructions.join('\n') : '';
    expect(text).toContain('sudo apt-get update && sudo apt-get install -y chromium');
    expect(text).toContain('CHROMIUM_PATH=');
  });

  it('asks for CHROMIUM_PATH where there is no apt-get, even as root', () => {
    const step = planChromium(chromium({ isRoot: true, hasAptGet: false }));
    expect(step).toMatchObject({ kind: 'missing' });
    expect(step.kind === 'missing' && step.instructions.join(' ')).toMatch(/CHROMIUM_PATH=\/path\/to\/chromium/);
  });

  it('honours CHROMIUM_PATH: one that does not exist is reported, never replaced by an install', () => {
    const step = planChromium(chromium({ configured: '/opt/nowhere/chromium', isRoot: true }));
    expect(step).toMatchObject({
      kind: 'missing',
      why: expect.stringContaining('CHROMIUM_PATH=/opt/nowhere/chromium'),
    });
  });
});

describe('Firefox ESR', () => {
  it('is ready when found, whoever we are', () => {
    for (const isRoot of [true, false])
      expect(planFirefox(firefox({ found: '/usr/bin/firefox-esr', isRoot }))).toEqual({
        kind: 'ready',
        what: 'Firefox ESR',
        detail: '/usr/bin/firefox-esr',
      });
  });

  it('is installed from Debian when missing and we are root with apt-get', () => {
    expect(planFirefox(firefox({ isRoot: true }))).toMatchObject({
      kind: 'run',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', 'firefox-esr'],
      ],
      env: { DEBIAN_FRONTEND: 'noninteractive' },
    });
  });

  it('is not installed when we are not root: the exact command is printed instead', () => {
    const step = planFirefox(firefox({ isRoot: false }));
    expect(step.kind).toBe('missing');
    const text = step.kind === 'missing' ? step.instructions.join('\n') : '';
    expect(text).toContain('sudo apt-get update && sudo apt-get install -y firefox-esr');
    expect(text).toContain('FIREFOX_PATH=');
  });

  it('asks for FIREFOX_PATH where there is no apt-get, even as root', () => {
    const step = planFirefox(firefox({ isRoot: true, hasAptGet: false }));
    expect(step).toMatchObject({ kind: 'missing' });
    expect(step.kind === 'missing' && step.instructions.join(' ')).toMatch(/FIREFOX_PATH=\/path\/to\/firefox-esr/);
  });

  it('honours FIREFOX_PATH: one that does not exist is reported, never replaced by an install', () => {
    expect(planFirefox(firefox({ configured: '/opt/nowhere/firefox', isRoot: true }))).toMatchObject({
      kind: 'missing',
      why: expect.stringContaining('FIREFOX_PATH=/opt/nowhere/firefox'),
    });
  });
});

describe('PostgreSQL', () => {
  it('is ready when the test database answers', () => {
    expect(planPostgres(postgres({}))).toMatchObject({ kind: 'ready', detail: URL_TEST });
  });

  it('creates the database when the server is up without it (and starts nothing)', () => {
    expect(planPostgres(postgres({ databaseExists: false, cluster: { ...CLUSTER, online: true } }))).toMatchObject({
      kind: 'create-database',
      url: URL_TEST,
    });
  });

  it('starts the local cluster on the URL’s port when it is down and we may, then looks again', () => {
    const step = planPostgres(postgres({ server: 'down', databaseExists: false, cluster: CLUSTER }));
    expect(step).toMatchObject({
      kind: 'run',
      commands: [['pg_ctlcluster', '--skip-systemctl-redirect', '15', 'main', 'start']],
      settles: true,
    });
  });

  it('prints the start command when it is down and we may not start it', () => {
    const step = planPostgres(
      postgres({ server: 'down', databaseExists: false, cluster: CLUSTER, mayStartCluster: false }),
    );
    expect(step.kind).toBe('missing');
    expect(step.kind === 'missing' && step.instructions.join('\n')).toContain(
      'sudo pg_ctlcluster --skip-systemctl-redirect 15 main start',
    );
  });

  it('says how to start PostgreSQL and create the database when no local cluster serves the URL', () => {
    const url = 'postgres://postgres@127.0.0.1:6543/relay';
    const step = planPostgres(postgres({ url, server: 'down', databaseExists: false, error: 'connect ECONNREFUSED' }));
    expect(step.kind).toBe('missing');
    const text = step.kind === 'missing' ? step.instructions.join('\n') : '';
    expect(text).toContain('pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start');
    expect(text).toContain('createdb -h 127.0.0.1 -p 6543 -U postgres relay');
    expect(text).toContain('DATABASE_URL=');
  });

  it('reports a server that refuses us (authentication) without starting or creating anything', () => {
    const step = planPostgres(
      postgres({ server: 'refused', databaseExists: false, error: 'password authentication failed' }),
    );
    expect(step).toMatchObject({ kind: 'missing', why: expect.stringContaining('password authentication failed') });
  });

  it('never prints a password from DATABASE_URL', () => {
    const step = planPostgres(postgres({ url: 'postgres://relay:s3cret@127.0.0.1:5432/test' }));
    expect(JSON.stringify(step)).not.toContain('s3cret');
  });

  it('reads pg_lsclusters', () => {
    expect(
      parseClusters(
        '15  main    5432 online postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log\n' +
          '16  other   5433 down   alice    /srv/pg /var/log/pg.log\n',
      ),
    ).toEqual([
      { version: '15', name: 'main', port: 5432, online: true, owner: 'postgres' },
      { version: '16', name: 'other', port: 5433, online: false, owner: 'alice' },
    ]);
  });
});

it('prints commands as a person would type them', () => {
  expect(shellLine(['apt-get', 'install', '-y', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' })).toBe(
    'DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
  );
  expect(shellLine(['createdb', 'my db'])).toBe("createdb 'my db'");
});
