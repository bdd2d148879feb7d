/** The demo's advocates: 25 Northwind colleagues in two teams, each with their own habits. */

export const DEMO_TEAMS = ['Engineering', 'Sales'] as const;

export interface DemoPerson {
  name: string;
  team: (typeof DEMO_TEAMS)[number];
  /** How likely they are to share a post they see (0–1). */
  keenness: number;
  /** How likely they are to post on X as well as LinkedIn (0–1). */
  onX: number;
  /** Days before the seed they enrolled; default 40 (before the month shown). */
  joinedDaysAgo?: number;
  /** They stopped sharing this many days ago (a lapsed advocate). */
  lapsedDaysAgo?: number;
  /** They turned click tracking off (their links are untracked: no clicks counted). */
  noClickTracking?: true;
  /** They keep themselves off the leaderboard. */
  offLeaderboard?: true;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: 'Priya Raman', team: 'Engineering', keenness: 0.95, onX: 0.8 },
  { name: 'Mateo García', team: 'Engineering', keenness: 0.85, onX: 0.6 },
  { name: 'Aisha Bello', team: 'Engineering', keenness: 0.8, onX: 0.3 },
  { name: 'Lukas Becker', team: 'Engineering', keenness: 0.7, onX: 0.7 },
  { name: 'Mei Lin Chen', team: 'Engineering', keenness: 0.9, onX: 0.4 },
  { name: 'Tomás Novak', team: 'Engineering', keenness: 0.55, onX: 0.5, lapsedDaysAgo: 16 },
  { name: 'Fatima Al-Sayed', team: 'Engineering', keenness: 0.75, onX: 0.2, noClickTracking: true },
  { name: 'Jonas Lindqvist', team: 'Engineering', keenness: 0.6, onX: 0.9 },
  { name: 'Sofia Rossi', team: 'Engineering', keenness: 0.8, onX: 0.3, joinedDaysAgo: 11 },
  { name: 'Kwame Mensah', team: 'Engineering', keenness: 0.65, onX: 0.5 },
  { name: 'Hannah Kowalski', team: 'Engineering', keenness: 0.5, onX: 0.1, offLeaderboard: true },
  { name: 'Rahul Mehta', team: 'Engineering', keenness: 0.85, onX: 0.6 },
  { name: 'Élodie Martin', team: 'Engineering', keenness: 0.7, onX: 0.4, joinedDaysAgo: 6 },
  { name: "Daniel O'Connor", team: 'Sales', keenness: 0.95, onX: 0.5 },
  { name: 'Yuki Tanaka', team: 'Sales', keenness: 0.8, onX: 0.7 },
  { name: 'Camila Souza', team: 'Sales', keenness: 0.9, onX: 0.3 },
  { name: 'Ibrahim Diallo', team: 'Sales', keenness: 0.7, onX: 0.4 },
  { name: 'Chloé Dubois', team: 'Sales', keenness: 0.85, onX: 0.2 },
  { name: 'Marcus Johnson', team: 'Sales', keenness: 0.6, onX: 0.8, lapsedDaysAgo: 12 },
  { name: 'Ana Petrović', team: 'Sales', keenness: 0.75, onX: 0.3 },
  { name: 'Oliver Hughes', team: 'Sales', keenness: 0.65, onX: 0.6 },
  { name: 'Leila Haddad', team: 'Sales', keenness: 0.9, onX: 0.5 },
  { name: 'Sven Andersen', team: 'Sales', keenness: 0.5, onX: 0.2, joinedDaysAgo: 13 },
  { name: 'Grace Okafor', team: 'Sales', keenness: 0.8, onX: 0.4 },
  { name: 'Nina Ivanova', team: 'Sales', keenness: 0.55, onX: 0.6 },
];

/** The fixed id of the demo's nth advocate (0-based): how a restart tells they exist. */
export const demoAdvocateId = (index: number): string => `demo-advocate-${String(index + 1).padStart(2, '0')}`;
