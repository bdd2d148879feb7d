import { describe, expect, it } from 'vitest';
import { isMachineVisit } from './visitors';

const get = (userAgent: string | undefined, purpose?: string) => isMachineVisit({ method: 'GET', userAgent, purpose });

describe('isMachineVisit', () => {
  it.each([
    ['LinkedIn', 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)'],
    ['X', 'Twitterbot/1.0'],
    ['Facebook', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Meta', 'meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)'],
    ['Slack', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['Slack images', 'Slack-ImgProxy (+https://api.slack.com/robots)'],
    ['Discord', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['WhatsApp', 'WhatsApp/2.23.20.0 A'],
    ['Telegram', 'TelegramBot (like TwitterBot)'],
    ['Google', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Bing', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    [
      'Apple',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)',
    ],
    ['Skype', 'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5'],
    ['a generic crawler', 'Mozilla/5.0 (compatible; SomeCrawler/1.0)'],
    ['a spider', 'Baiduspider+(+http://www.baidu.com/search/spider.htm)'],
    ['Mastodon', 'http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)'],
    ['curl', 'curl/8.5.0'],
    ['wget', 'Wget/1.21.4'],
    ['Python', 'python-requests/2.31.0'],
    ['Go', 'Go-http-client/1.1'],
    ['Java', 'Java/17.0.2'],
    ['Node', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)'],
    [
      'headless Chrome',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    ],
  ])('%s is a machine', (_name, agent) => {
    expect(get(agent)).toBe(true);
  });

  it.each([
    [
      'Chrome',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    ],
    ['Firefox', 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0'],
    [
      'Safari on iPhone',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    ],
    [
      'the LinkedIn app',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.1',
    ],
    [
      'the Facebook app',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/460.0.0.39.109]',
    ],
    [
      'Edge',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
    ],
  ])('%s is a person', (_name, agent) => {
    expect(get(agent)).toBe(false);
  });

  it('counts no visit without a user agent', () => {
    expect(get(undefined)).toBe(true);
    expect(get('  ')).toBe(true);
  });

  it('counts no HEAD request and no prefetch or preview', () => {
    const chrome =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
    expect(isMachineVisit({ method: 'HEAD', userAgent: chrome, purpose: undefined })).toBe(true);
    expect(get(chrome, 'prefetch')).toBe(true);
    expect(get(chrome, 'prefetch;prerender')).toBe(true);
    expect(get(chrome, 'preview')).toBe(true);
  });
});
