/**
 * E-mail through SMTP (RELAY_SMTP_URL, RELAY_MAIL_FROM) with nodemailer. Sending never holds up
 * or fails a request: a message is tried now and twice more (after 2 s and 10 s), then dropped
 * with a log line.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export const MAIL_RETRY_DELAYS_MS = [2_000, 10_000];

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

export function mailConfigured(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): boolean {
  return Boolean(config.smtpUrl && config.mailFrom);
}

/** Text in HTML: every character that means something there escaped. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** Sends in the background; resolves true once sent, false once given up (both logged, never thrown). */
export function sendMail(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  mail: Mail,
  delays: readonly number[] = MAIL_RETRY_DELAYS_MS,
): Promise<boolean> {
  if (!config.smtpUrl || !config.mailFrom) return Promise.resolve(false);
  const transport = transportFor(config.smtpUrl);
  const message = { from: config.mailFrom, ...mail };
  const attempt = async (tries: number): Promise<boolean> => {
    try {
      await transport.sendMail(message);
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (tries >= delays.length) {
        console.error(`e-mail to ${mail.to} dropped after ${tries + 1} attempts: ${reason}`);
        return false;
      }
      console.error(`e-mail to ${mail.to} failed (${reason}); trying again in ${delays[tries]! / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delays[tries]).unref());
      return attempt(tries + 1);
    }
  };
  return attempt(0);
}
