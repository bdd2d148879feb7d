/** Approvals by e-mail: a real SMTP server on loopback (smtp-server) receives the notifications; a failing one never fails a request. */
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schemas';
import { noticeMail } from '../../server/services/notifications';
import { sendMail } from '../../server/services/mail';
import { HOUR } from '../helpers/api';
import { approvalCalls, type Admin } from '../helpers/approvals';
import { startTestServer, type TestServer } from '../helpers/server';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** An SMTP server on 127.0.0.1 that keeps every message it receives. */
async function smtpSink(): Promise<{
  url: string;
  received: Received[];
  next(): Promise<Received>;
  stop(): Promise<void>;
}> {
  const received: Received[] = [];
  const waiting: ((message: Received) => void)[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data: Buffer.concat(chunks).toString('utf8'),
        };
        received.push(message);
        waiting.shift()?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    stop: () => new Promise((resolve) => smtp.close(() => resolve())),
  };
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Quoted-printable bytes (=XX) as UTF-8 text. */
const unquote = (text: string) =>
  Buffer.from(
    text.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** A message as a mail client shows it: encoded-word headers and quoted-printable parts decoded. */
const decoded = (data: string) =>
  unquote(
    data
      .replace(/\?=\s+=\?UTF-8\?Q\?/g, '')
      .replace(/=\?UTF-8\?Q\?(.*?)\?=/g, (_, word: string) => word.replace(/_/g, ' '))
      .replace(/=\r?\n/g, ''),
  );

describe('approvals by e-mail', () => {
  let server: TestServer;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let editor: Admin;
  let approver: Admin;
  const { ok, create, reject, setApprovals } = approvalCalls(() => server);

  beforeAll(async () => {
    sink = await smtpSink();
    server = await startTestServer({
      sessionTtlMs: 365 * 24 * HOUR,
      smtpUrl: sink.url,
      mailFrom: 'Relay <relay@example.com>',
    });
    editor = await server.adminAs('editor', 'eddie@example.com');
    approver = await server.adminAs('approver', 'amy@example.com');
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  it('mails nothing while the e-mail setting is off', async () => {
    await setApprovals(true, false);
    const post = await ok<ContentItem>(create(editor, { submit: true }), 201);
    await ok(reject(approver, post.id, { comment: 'Not yet' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(0);
  });

  it('mails every reviewer a submission and the submitter a rejection, with the comment and a console link', async () => {
    await setApprovals(true, true);
    const submitted = sink.next();
    const post = await ok<ContentItem>(create(editor, { submit: true, title: 'Q3 <results> & more' }), 201);
    const toReviewers = await submitted;
    expect(toReviewers.from).toBe('relay@example.com');
    // The approver and the first admin (an owner) review; the editor is not told of their own submission.
    const reviewerMails = [toReviewers, ...(sink.received.length > 1 ? [] : [await sink.next()])];
    const recipients = reviewerMails.flatMap((message) => message.to);
    expect(recipients).toContain('amy@example.com');
    expect(recipients).not.toContain('eddie@example.com');
    const body = decoded(toReviewers.data);
    expect(body).toContain('Subject: Approval needed: “Q3 <results> & more” (submitted by eddie@example.com)');
    expect(body).toContain('http://relay.test/admin#/approvals');
    // The HTML part escapes the title.
    expect(body).toContain('Q3 &lt;results&gt; &amp; more');

    const rejection = sink.next();
    await ok(reject(approver, post.id, { comment: 'Cite the source, please' }));
    const toEditor = await rejection;
    expect(toEditor.to).toEqual(['eddie@example.com']);
    const text = decoded(toEditor.data);
    expect(text).toContain('Subject: Changes requested: “Q3 <results> & more” (by amy@example.com)');
    expect(text).toContain('Cite the source, please');
    expect(text).toContain(`http://relay.test/admin#/content/${post.id}`);
  });

  it('never fails the request when the SMTP server is down: retried, then dropped with a log line', async () => {
    const config = { smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, mailFrom: 'relay@example.com' };
    const mail = {
      to: 'x@example.com',
      ...noticeMail({ kind: 'approved', comment: null }, { title: 't', actor: 'a', link: 'l' }),
    };
    const started = Date.now();
    expect(await sendMail(config, mail, [10, 10])).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20);

    const down = await startTestServer({ sessionTtlMs: HOUR, ...config });
    try {
      const token = await down.adminToken();
      await down.call('/v1/admin/settings/approvals', { method: 'PUT', token, json: { enabled: true, email: true } });
      const writer = await down.adminAs('editor');
      const response = await down.call('/v1/admin/content', {
        method: 'POST',
        token: writer.token,
        json: { title: 'Still works', url: 'https://example.com/', variants: { linkedin: ['Hi'] }, submit: true },
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ status: 'pending' });
    } finally {
      await down.stop();
    }
  });
});
