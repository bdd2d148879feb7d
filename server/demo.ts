/**
 * The demo organisation `npm start` runs with: Northwind Robotics, a fictional maker of warehouse
 * robots. `seedDemo` creates an admin, an invite code, six published posts, guidelines and scoring,
 * each only when it is missing, so every later start finds the demo and changes nothing.
 *
 * The admin's password and the invite code are generated on the first start and kept in a
 * credentials file (by default demo-credentials.json next to the SQLite database;
 * data/demo-credentials.json for PostgreSQL), readable by the owner only, so the start banner can
 * show them again. The server itself only ever stores their hashes. Deleting the database and that
 * file starts the demo over; deleting the file alone makes a new invite code (the old one still works).
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentInputSchema, DEFAULT_SCORING, type ContentInput, type Guidelines } from '../lib/schemas';
import { addAdmin } from './admins';
import { seedDemoActivity } from './demo-activity';
import type { Deps } from './context';
import { hashInviteCode, newInviteCode, randomString, verifyPassword } from './crypto';
import { parseDatabaseUrl } from './db';
import { createContent } from './services/content-writes';
import { seedDemoAudiences } from './demo-audiences';
import { writeDocument } from './services/documents';
import { createInvite } from './services/invites';
import { seedDemoLogo } from './demo-logo';

export const DEMO_ADMIN_EMAIL = 'admin@demo.relay';
export const DEMO_COMPANY = 'Northwind Robotics';
const CREDENTIALS_FILE_NAME = 'demo-credentials.json';

export const DEMO_GUIDELINES: Guidelines = {
  disclosure: { text: '#NorthwindEmployee', networks: ['linkedin', 'x'] },
  bannedTerms: [
    {
      pattern: 'guaranteed returns',
      reason: 'Northwind never promises financial results; anything about returns needs approval from Legal.',
    },
    {
      pattern: 'cure',
      reason: 'Our robots make no health or medical claims; those are regulated.',
    },
    {
      pattern: '\\b(confidential|internal only)\\b',
      regex: true,
      reason: 'Material marked confidential or internal only must not leave the company.',
    },
    {
      pattern: 'carbon neutral',
      reason: 'Northwind does not claim to be carbon neutral; quote the impact report instead.',
    },
  ],
  maxHashtags: 5,
  dailyShareCap: 10,
  companyNames: ['Northwind Robotics', 'Northwind'],
  languages: {
    de: {
      disclosure: { text: '#NorthwindMitarbeiter', networks: ['linkedin', 'x'] },
      bannedTerms: [{ pattern: 'garantierte Rendite', reason: 'Northwind verspricht keine finanziellen Ergebnisse.' }],
    },
  },
};

export interface DemoPost {
  /** Fixed, so a restart can tell which posts exist (even after an admin edits or archives one). */
  id: string;
  input: ContentInput;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The six demo posts; the last one goes live an hour after `now`, to show scheduling. */
export function demoPosts(now: number): DemoPost[] {
  const inAnHour = now + HOUR;
  return [
    {
      id: 'demo-northwind-01',
      input: {
        title: 'Meet Atlas: our new autonomous mobile robot for warehouses',
        url: 'https://northwind.example/news/atlas-launch',
        note: 'Our biggest launch of the year. Add a line about what Atlas means for your team: personal posts reach far more people than the company page. Pricing is not public yet, so please leave it out.',
        campaign: 'atlas-launch',
        language: 'en',
        tags: ['product', 'launch', 'atlas'],
        variants: {
          linkedin: [
            'Today we launched Atlas, the autonomous mobile robot our team has spent two years building. It moves loads of up to 600 kg through busy warehouses, plans around people in real time and is up and running in days, not months.\n\nProud of everyone at Northwind Robotics who made this happen. Have a look: {link}\n\n#Robotics #WarehouseAutomation',
            "Two years, hundreds of test runs and one very patient warehouse floor later: Atlas is here.\n\nAtlas is Northwind's new autonomous mobile robot. It carries heavy loads safely alongside people, so teams can spend their time on the work that needs a human.\n\n#Robotics #Logistics #Atlas",
          ],
          x: [
            'Atlas is live! Our new autonomous mobile robot moves 600 kg loads through busy warehouses and works safely alongside people. Two years of work by an amazing team: {link} #Robotics',
            'Two years in the making: meet Atlas, the autonomous mobile robot we built at Northwind Robotics for warehouses that never stop. #WarehouseAutomation',
          ],
        },
        translations: {
          de: {
            title: 'Das ist Atlas: unser neuer autonomer mobiler Roboter für Lager',
            variants: {
              linkedin: [
                'Heute haben wir Atlas vorgestellt, den autonomen mobilen Roboter, an dem unser Team zwei Jahre gearbeitet hat. Er bewegt Lasten bis 600 kg durch volle Lager und plant in Echtzeit um Menschen herum.\n\nStolz auf alle bei Northwind Robotics: {link}\n\n#Robotik #Lagerautomatisierung',
              ],
              x: [
                'Atlas ist da! Unser neuer autonomer mobiler Roboter bewegt 600 kg durch volle Lager: {link} #Robotik',
              ],
            },
          },
        },
        publish: true,
      },
    },
    {
      id: 'demo-northwind-02',
      input: {
        title: "We're hiring 40 engineers in Lyon and Austin",
        url: 'https://northwind.example/careers?team=engineering',
        note: 'Referrals bring us our best hires. Share this with people in your network and tell them what working here is really like. All roles are on the careers page; no need to mention salaries.',
        campaign: 'hiring-2026',
        language: 'en',
        tags: ['careers', 'engineering', 'hiring'],
        variants: {
          linkedin: [
            "My team is growing! Northwind Robotics is hiring 40 engineers across robotics software, embedded systems and field operations in Lyon and Austin.\n\nIf you like seeing your code move real machines, take a look at the open roles: {link}\n\nHappy to answer questions about what it's like to work here. #Hiring #RoboticsJobs",
            "We're hiring 40 engineers at Northwind Robotics: robotics software, embedded, perception and field engineering, in Lyon and Austin.\n\nKnow someone great? Send them my way or point them to the open roles. #Hiring #Engineering",
          ],
          x: [
            "We're hiring 40 engineers in Lyon and Austin: robotics software, embedded, perception and field ops. Come build robots that ship. {link} #Hiring",
            'Want to see your code move real machines? Northwind Robotics is hiring engineers in Lyon and Austin. Ask me anything about working here. #RoboticsJobs',
          ],
        },
        publish: true,
      },
    },
    {
      id: 'demo-northwind-03',
      input: {
        title: 'How Harbor Foods cut picking errors by 38%',
        url: 'https://northwind.example/customers/harbor-foods',
        note: 'Harbor Foods approved this story for public sharing. Quote the 38% figure as written and please add no other numbers from the project.',
        campaign: 'customer-stories',
        language: 'en',
        tags: ['customer-story', 'food-logistics'],
        variants: {
          linkedin: [
            'Harbor Foods runs one of the busiest cold-chain warehouses in the Midwest. Six months after rolling out Northwind robots, picking errors are down 38% and their team has more time for the orders that need a careful hand.\n\nThe full story, in their own words: {link}\n\n#Logistics #ColdChain',
            'Love this story from our customer Harbor Foods: 38% fewer picking errors after six months with Northwind robots on their warehouse floor, and a team that now spends less time walking and more time on quality.\n\n#CustomerStory #WarehouseAutomation',
          ],
          x: [
            '38% fewer picking errors in six months. How Harbor Foods put Northwind robots to work in a cold-chain warehouse: {link} #Logistics',
            'Harbor Foods cut picking errors by 38% after bringing Northwind robots onto their warehouse floor. Great story from a great customer. #ColdChain',
          ],
        },
        publish: true,
      },
    },
    {
      id: 'demo-northwind-04',
      input: {
        title: 'Safety by design: how our cobots share the floor with people',
        url: 'https://northwind.example/resources/cobot-safety-whitepaper',
        note: 'A good one for contacts in operations and health and safety. The whitepaper is free to read, with no form to fill in.',
        campaign: 'thought-leadership',
        language: 'en',
        tags: ['safety', 'whitepaper', 'cobots'],
        variants: {
          linkedin: [
            "How do you put robots and people on the same warehouse floor safely? Our engineers wrote down what we've learned: speed and separation monitoring, clear signals of what a robot will do next, and the tests every robot passes before it ships.\n\nFree to read, no form: {link}\n\n#Safety #Cobots",
            "Safety isn't a feature you add at the end. Our new whitepaper walks through how Northwind designs cobots to work next to people, from sensors to standards to the human side of change.\n\nWorth a read if you work in operations or health and safety. #WorkplaceSafety #Robotics",
          ],
          x: [
            'Robots and people on the same floor, safely. Our engineers share how we design and test cobots before they ship. Free whitepaper, no form: {link}',
            "Safety isn't a feature you add at the end. How Northwind designs cobots to work next to people. #WorkplaceSafety #Cobots",
          ],
        },
        publish: true,
      },
    },
    {
      id: 'demo-northwind-05',
      input: {
        title: 'Our 2026 impact report',
        url: 'https://northwind.example/impact/2026',
        note: 'Quote figures exactly as they appear in the report, and please do not call Northwind carbon neutral: we do not claim that.',
        campaign: 'impact-report',
        language: 'en',
        tags: ['sustainability', 'impact'],
        variants: {
          linkedin: [
            "Our 2026 impact report is out. Both Northwind Robotics plants now run on renewable electricity, and 92% of returned robot parts were refurbished or recycled last year.\n\nThere's more to do, and the report is honest about it: {link}\n\n#Sustainability #Manufacturing",
            "Proud of this one: Northwind's 2026 impact report covers energy, repairability and how we design robots to last a decade or more.\n\n#Sustainability #Robotics",
          ],
          x: [
            'Our 2026 impact report is out: renewable power at both our plants and 92% of returned robot parts refurbished or recycled. {link} #Sustainability',
            "Robots built to last a decade or more, and plants on renewable power. Read Northwind's 2026 impact report. #Sustainability",
          ],
        },
        publish: true,
      },
    },
    {
      id: 'demo-northwind-06',
      input: {
        title: 'Meet us at RoboWorld Expo 2026, booth 4212',
        url: 'https://northwind.example/events/roboworld-2026#demo-schedule',
        note: 'Scheduled to go live an hour after the demo was first started. If you will be at the show, say so in your post and invite people to the booth.',
        campaign: 'roboworld-expo',
        language: 'en',
        tags: ['events', 'atlas'],
        variants: {
          linkedin: [
            'Heading to RoboWorld Expo next month? Come and see Atlas live at booth 4212. Our engineers run demos every hour and are happy to talk about your warehouse.\n\nDemo times and booking: {link}\n\n#RoboWorld #Robotics',
            'Northwind Robotics is at RoboWorld Expo 2026, booth 4212. If you want to see an autonomous mobile robot move 600 kg through a crowd of people, this is your chance.\n\n#RoboWorld #WarehouseAutomation',
          ],
          x: [
            'See Atlas live at RoboWorld Expo 2026, booth 4212. Hourly demos with our engineers. Book a slot: {link} #RoboWorld',
            'Northwind Robotics is at RoboWorld Expo 2026! Come and find us at booth 4212. #RoboWorld #Robotics',
          ],
        },
        publishAt: new Date(inAnHour).toISOString(),
        expiresAt: new Date(inAnHour + 30 * DAY).toISOString(),
        publish: true,
      },
    },
  ];
}

/** Where the demo admin's password is kept: next to a SQLite database, else under data/. */
export function demoCredentialsFile(databaseUrl: string): string {
  const parsed = parseDatabaseUrl(databaseUrl);
  const inSqliteDirectory = parsed.dialect === 'sqlite' && parsed.path !== ':memory:';
  return join(inSqliteDirectory ? dirname(parsed.path) : 'data', CREDENTIALS_FILE_NAME);
}

interface StoredCredentials {
  password?: string;
  inviteCode?: string;
}

function readCredentials(file: string): StoredCredentials {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      email?: unknown;
      password?: unknown;
      inviteCode?: unknown;
    };
    if (stored.email !== DEMO_ADMIN_EMAIL) return {};
    return {
      password: typeof stored.password === 'string' ? stored.password : undefined,
      inviteCode: typeof stored.inviteCode === 'string' ? stored.inviteCode : undefined,
    };
  } catch {
    return {};
  }
}

/** Writes `changes` into the credentials file, keeping what else it holds (owner-only). */
function storeCredentials(file: string, changes: StoredCredentials): void {
  mkdirSync(dirname(file), { recursive: true });
  const body = {
    note: 'The Relay demo admin and invite code (npm start). Delete this file together with the demo database to start over.',
    email: DEMO_ADMIN_EMAIL,
    ...readCredentials(file),
    ...changes,
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface DemoOptions {
  /** Where the generated admin password is kept; see demoCredentialsFile. */
  credentialsFile?: string;
}

export interface DemoInfo {
  company: string;
  adminEmail: string;
  /**
   * The demo admin's password, or null when the admin exists but the credentials file is gone or
   * holds a password that no longer matches (it is never guessed or reset).
   */
  adminPassword: string | null;
  credentialsFile: string;
  /**
   * A multi-use invite code that never expires. The database holds only its hash: the code comes
   * from the credentials file, or is new when the file does not name a live demo invite.
   */
  inviteCode: string;
  /** How many demo posts there are, and how many of them were scheduled. */
  posts: number;
  scheduledPosts: number;
  /** What this start created: empty when the demo was already complete. */
  created: string[];
}

/**
 * Creates whatever part of the demo is missing and describes the demo for the start banner.
 * Idempotent: the admin is found by email, posts by their fixed ids, the invite as the demo admin's
 * unlimited, non-expiring, unrevoked one whose code the credentials file holds, and guidelines and
 * scoring are written only when they were never set (an admin's later changes are kept).
 */
export async function seedDemo(deps: Deps, options: DemoOptions = {}): Promise<DemoInfo> {
  const { db } = deps;
  const credentialsFile = options.credentialsFile ?? demoCredentialsFile(deps.config.databaseUrl);
  const now = deps.now();
  const created: string[] = [];

  // The admin. The password is on disk before the account exists, so a crash in between loses nothing.
  const stored = readCredentials(credentialsFile);
  const existing = await db
    .selectFrom('admins')
    .select(['id', 'password_hash'])
    .where('email', '=', DEMO_ADMIN_EMAIL)
    .executeTakeFirst();
  let adminId: string;
  let adminPassword: string | null;
  if (existing) {
    adminId = existing.id;
    adminPassword =
      stored.password !== undefined && (await verifyPassword(stored.password, existing.password_hash))
        ? stored.password
        : null;
  } else {
    adminPassword = stored.password ?? randomString(20);
    if (stored.password === undefined) storeCredentials(credentialsFile, { password: adminPassword });
    adminId = (await addAdmin(db, DEMO_ADMIN_EMAIL, adminPassword, now)).id;
    created.push('admin');
  }

  // The invite code: the one the credentials file names, if it is still a live demo invite. A new
  // code is on disk before its invite exists, like the password.
  const demoInvites = await db
    .selectFrom('invites')
    .select('code_hash')
    .where('created_by', '=', adminId)
    .where('max_uses', 'is', null)
    .where('expires_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const storedCode = stored.inviteCode;
  const known = storedCode !== undefined && demoInvites.some((row) => row.code_hash === hashInviteCode(storedCode));
  const inviteCode = known ? storedCode : newInviteCode();
  if (!known) {
    storeCredentials(credentialsFile, { inviteCode });
    await createInvite(db, { createdBy: adminId, maxUses: null, expiresAt: null, now, code: inviteCode });
    created.push('invite');
  }

  // Guidelines, scoring and the organisation's name, unless an admin (or an earlier start) set them.
  const documents = new Set((await db.selectFrom('documents').select('name').execute()).map((row) => row.name));
  if (!documents.has('guidelines')) {
    deps.changes.changed(await writeDocument(db, 'guidelines', DEMO_GUIDELINES, now));
    created.push('guidelines');
  }
  if (!documents.has('scoring')) {
    deps.changes.changed(await writeDocument(db, 'scoring', DEFAULT_SCORING, now));
    created.push('scoring');
  }
  if (!documents.has('organization')) {
    deps.changes.changed(await writeDocument(db, 'organization', { name: DEMO_COMPANY, logoUrl: null }, now));
    created.push('organization');
  }
  if (await seedDemoLogo(deps, DEMO_COMPANY, now)) created.push('logo');

  // The posts, validated exactly as the API validates an admin's.
  const posts = demoPosts(now);
  const ids = posts.map((post) => post.id);
  const rows = await db.selectFrom('content').select('id').where('id', 'in', ids).execute();
  const present = new Set(rows.map((row) => row.id));
  for (const post of posts) {
    if (present.has(post.id)) continue;
    await createContent(deps, contentInputSchema.parse(post.input), { id: post.id });
    created.push(post.id);
  }
  // The month of activity behind them (advocates, shares, clicks, points), on the start that made them.
  created.push(...(await seedDemoActivity(deps, created)));
  created.push(...(await seedDemoAudiences(deps)));

  return {
    company: DEMO_COMPANY,
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword,
    credentialsFile,
    inviteCode,
    posts: posts.length,
    scheduledPosts: posts.filter((post) => post.input.publishAt !== undefined).length,
    created,
  };
}
