/**
 * A small, fixed programme for looking at the console: the organisation's name, three posts, five
 * advocates (three called Ada Lovelace, two told apart by email), invites, and shares, on a server and a
 * page whose clocks stand still at FIXED_NOW.
 */
import type { Page } from '@playwright/test';
import type { TestServer } from '../helpers/server';

/** A moment in the future (cookies the server dates by it must not look expired to the browser). */
export const FIXED_NOW = Date.parse('2027-03-10T10:00:00Z');
const DAY = 86_400_000;

/** Sets the server's clock to FIXED_NOW (it still ticks in real time from there) and stops the page's at exactly it. */
export async function freezeClocks(server: TestServer, page: Page): Promise<void> {
  setServerTime(server, FIXED_NOW);
  await page.clock.setFixedTime(FIXED_NOW);
}

async function call(server: TestServer, path: string, init: { method: string; json?: unknown; token?: string }) {
  const response = await server.call(path, { token: init.token ?? (await server.adminToken()), ...init });
  if (response.status >= 300) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
}

const POSTS = [
  {
    title: 'Northwind opens its Lisbon office',
    url: 'https://northwind.example/news/lisbon',
    variants: { linkedin: ['We just opened our third office, in Lisbon. {link}'], x: ['Hello Lisbon! {link}'] },
  },
  {
    title: 'Robotics in the warehouse: a field guide',
    url: 'https://northwind.example/blog/field-guide',
    variants: { linkedin: ['Our field guide to warehouse robots, from the people who build them. {link}'] },
  },
];

export interface Seeded {
  advocates: { id: string; name: string; token: string }[];
  posts: { id: string; title: string }[];
}

/** Sets the server's clock to `at` (it ticks on in real time from there). */
function setServerTime(server: TestServer, at: number): void {
  server.clock.advance(at - server.clock.now);
}

/** Publishes, enrols and shares over the six days before FIXED_NOW, and leaves the server's clock at FIXED_NOW. */
export async function seedProgramme(server: TestServer): Promise<Seeded> {
  setServerTime(server, FIXED_NOW - 6 * DAY);
  await call(server, '/v1/admin/organization', { method: 'PUT', json: { name: 'Northwind Robotics', logoUrl: null } });
  const posts: Seeded['posts'] = [];
  for (const post of POSTS) {
    const item = await call(server, '/v1/admin/content', { method: 'POST', json: { ...post, publish: true } });
    posts.push({ id: String(item?.id), title: post.title });
  }
  await call(server, '/v1/admin/content', {
    method: 'POST',
    json: {
      title: 'Quarterly results (draft)',
      url: 'https://northwind.example/q1',
      variants: { linkedin: ['Our first quarter, in numbers. {link}'] },
    },
  });
  const people = [
    { name: 'Ada Lovelace', email: 'ada.lovelace@northwind.example', team: 'Engineering' },
    { name: 'Ada Lovelace', email: 'ada.l@northwind.example', team: 'Sales' },
    { name: 'Grace Hopper', email: null, team: null },
    { name: 'Katherine Johnson', email: null, team: null },
    // A third Ada, enrolled with a code: only the day she joined tells her apart.
    { name: 'Ada Lovelace', email: null, team: null },
  ];
  const advocates: Seeded['advocates'] = [];
  for (const person of people) {
    const enrolled = await server.enroll(person.name);
    await server.deps.db
      .updateTable('advocates')
      .set({ email: person.email, team: person.team })
      .where('id', '=', enrolled.id)
      .execute();
    advocates.push({ ...enrolled, name: person.name });
  }
  // (The admin's session ends before the week does.)
  await call(server, '/v1/admin/invites', { method: 'POST', json: {} });
  // A share or two a day over the week, so analytics and the counts are not zeros.
  let n = 0;
  for (let day = 5; day >= 0; day--) {
    setServerTime(server, FIXED_NOW - day * DAY);
    for (const [index, advocate] of advocates.entries()) {
      if (index === 3 || (day + index) % 3 === 0) continue;
      const events = posts.slice(0, 1 + ((day + index) % 2)).map((post) => ({
        id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
        contentId: post.id,
        network: day % 2 && post === posts[0] ? 'x' : 'linkedin',
        sharedAt: new Date(FIXED_NOW - day * DAY).toISOString(),
      }));
      await call(server, '/v1/shares', { method: 'POST', json: { events }, token: advocate.token });
    }
  }
  setServerTime(server, FIXED_NOW);
  return { advocates, posts };
}
