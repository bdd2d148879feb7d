/**
 * Realistic, deterministic feed data for the fixtures: people, headlines, post texts with
 * hashtags, mentions, links and emoji, reaction counts. The same seed gives the same feed, so
 * benchmarks compare like with like.
 */
(function () {
  'use strict';

  function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const FIRST = [
    'Amara',
    'Bastian',
    'Chloé',
    'Dmitri',
    'Elena',
    'Farid',
    'Grace',
    'Hiroshi',
    'Ines',
    'Jonas',
    'Kavya',
    'Liam',
    'Mei',
    'Nikolai',
    'Olivia',
    'Pedro',
    'Quinn',
    'Rosa',
    'Sven',
    'Tanvi',
    'Umar',
    'Vera',
    'William',
    'Ximena',
    'Yusuf',
    'Zoë',
  ];
  const LAST = [
    'Adeyemi',
    'Becker',
    'Castillo',
    'Dubois',
    'Eriksen',
    'Fernandes',
    'García',
    'Haddad',
    'Ivanova',
    'Jansen',
    'Kowalski',
    'Larsen',
    'Müller',
    'Nakamura',
    "O'Brien",
    'Patel',
    'Rossi',
    'Schmidt',
    'Tanaka',
    'Van Dijk',
    'Wójcik',
    'Yamamoto',
    'Zhang',
  ];
  const ROLES = [
    'Senior Software Engineer',
    'Product Manager',
    'Head of Marketing',
    'Data Scientist',
    'UX Researcher',
    'Engineering Manager',
    'Founder & CEO',
    'Talent Partner',
    'Solutions Architect',
    'Customer Success Lead',
    'Brand Designer',
    'VP Sales',
  ];
  const COMPANIES = [
    'Northwind Robotics',
    'Contoso',
    'Fabrikam',
    'Globex',
    'Initech',
    'Umbrella Health',
    'Stark Logistics',
    'Wayne Analytics',
    'Tyrell Bio',
    'Acme Cloud',
  ];
  const OPENERS = [
    'Thrilled to share that',
    'After 18 months of hard work,',
    'Big news:',
    'A quick reflection on this week:',
    'I have been thinking a lot about',
    'Hot take:',
    'Three lessons from shipping',
    'We are hiring!',
    'Grateful for the team that made',
    'Today marks',
  ];
  const MIDDLES = [
    'our platform now handles ten times the traffic it did last spring',
    'remote onboarding works best when every new hire gets a buddy for the first month',
    'the hardest part of scaling a team is keeping decisions close to the people who do the work',
    'we finally moved our analytics pipeline to streaming and the dashboards are live',
    'customer interviews beat any amount of internal debate',
    'good documentation is a product feature, not an afterthought',
    'the robotics lab opened its doors to 40 students from the local university',
    'our accessibility audit found 23 issues and we fixed every one of them',
    'small, frequent releases made our on-call weeks boring again',
    'mentoring taught me more than any course I ever took',
  ];
  const CLOSERS = [
    'What would you add?',
    'Link in the comments.',
    'More soon.',
    'Proud of this crew.',
    'Onwards!',
    'Curious how others approach this.',
    'Thank you all.',
    'Come say hi at the booth.',
  ];
  const HASHTAGS = [
    '#engineering',
    '#leadership',
    '#hiring',
    '#product',
    '#ai',
    '#robotics',
    '#accessibility',
    '#remotework',
    '#data',
    '#design',
    '#startups',
    '#devops',
  ];
  const EMOJI = ['🚀', '🎉', '💡', '🙌', '📈', '🤖', '✨', '👏'];

  function pick(random, list) {
    return list[Math.floor(random() * list.length)];
  }

  function handleOf(first, last) {
    return (first + '_' + last)
      .normalize('NFD')
      .replace(/[^A-Za-z_]/g, '')
      .toLowerCase()
      .slice(0, 15);
  }

  /** `count` posts starting at `start` (the index keeps appended posts distinct and repeatable). */
  function posts(count, start = 0, seed = 20260) {
    const result = [];
    for (let i = start; i < start + count; i++) {
      const random = mulberry32(seed * 100003 + i);
      const first = pick(random, FIRST);
      const last = pick(random, LAST);
      const paragraphs = [`${pick(random, OPENERS)} ${pick(random, MIDDLES)}. ${pick(random, EMOJI)}`];
      if (random() < 0.6)
        paragraphs.push(`${pick(random, MIDDLES)[0].toUpperCase()}${pick(random, MIDDLES).slice(1)}.`);
      if (random() < 0.3) paragraphs.push(`Read more: https://example.com/blog/${i}`);
      paragraphs.push(pick(random, CLOSERS));
      const tags = [];
      while (tags.length < Math.floor(random() * 4)) {
        const tag = pick(random, HASHTAGS);
        if (!tags.includes(tag)) tags.push(tag);
      }
      if (tags.length) paragraphs.push(tags.join(' '));
      result.push({
        index: i,
        id: String(7_200_000_000_000_000_000n + BigInt(i) * 7919n),
        name: `${first} ${last}`,
        handle: handleOf(first, last),
        headline: `${pick(random, ROLES)} at ${pick(random, COMPANIES)}`,
        age: `${1 + Math.floor(random() * 23)}h`,
        paragraphs,
        short: paragraphs[0].length > 240 ? paragraphs[0].slice(0, 237) + '…' : paragraphs[0],
        reactions: Math.floor(random() * 2400),
        comments: Math.floor(random() * 180),
        reposts: Math.floor(random() * 90),
        views: Math.floor(random() * 90000),
      });
    }
    return result;
  }

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value == null || value === false) continue;
      if (name === 'class') element.className = value;
      else element.setAttribute(name, value === true ? '' : String(value));
    }
    element.append(...children.flat().filter((child) => child != null && child !== false));
    return element;
  }

  let nextId = 0;
  /** A post id the sites would hand out (19 digits). */
  function newId() {
    nextId += 1;
    return String(7_300_000_000_000_000_000n + BigInt(Date.now() % 1_000_000_000) * 1000n + BigInt(nextId));
  }

  const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  window.FixtureFeed = { posts, el, newId, delay, mulberry32 };
})();
