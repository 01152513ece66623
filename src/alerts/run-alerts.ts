/** Alert digests: new articles matching each saved search, e-mailed over SMTP (nodemailer), immediately or daily. */
import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { InputError } from '../core/errors.js';
import type { Config } from '../config.js';
import type { Alert, SearchHit, Store } from '../store.js';
import { deskArticleLink, escapeXml } from './alert-feed.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
  /** Skip STARTTLS even when offered (a local relay or test sink). */
  ignoreTLS: boolean;
}

/** Newest matches looked at per alert and run; a digest lists at most this many. */
export const DIGEST_SIZE = 50;
/** A daily digest goes out when the last one is at least this old. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** SMTP settings from the config's `smtp` section, or null when e-mail is not configured. */
export function smtpFrom(config: Config): SmtpSettings | null {
  const s = config['smtp'] as Partial<SmtpSettings> | undefined;
  if (!s) return null;
  if (typeof s.host !== 'string' || !s.host) throw new InputError('config/smtp', 'smtp.host: expected a host name');
  if (typeof s.from !== 'string' || !s.from)
    throw new InputError('config/smtp', 'smtp.from: expected a sender address');
  return {
    host: s.host,
    port: typeof s.port === 'number' ? s.port : 587,
    secure: s.secure === true,
    user: s.user ?? null,
    pass: s.pass ?? process.env['WATCHFLOOR_SMTP_PASS'] ?? null,
    from: s.from,
    ignoreTLS: s.ignoreTLS === true,
  };
}

export interface AlertRunOptions {
  smtp: SmtpSettings;
  /** Where the desk is served, for links in the e-mails. */
  baseUrl: string;
  now?: Date;
  /** Only these alerts (default: all that are due). */
  alertIds?: number[];
}

export interface AlertRunResult {
  alertId: number;
  sent: number;
  error: string | null;
}

/** Sends every due digest; one alert's failure is reported and the others still go. */
export async function runAlerts(store: Store, options: AlertRunOptions): Promise<AlertRunResult[]> {
  const now = options.now ?? new Date();
  const transport: Transporter = nodemailer.createTransport({
    host: options.smtp.host,
    port: options.smtp.port,
    secure: options.smtp.secure,
    ignoreTLS: options.smtp.ignoreTLS,
    ...(options.smtp.user ? { auth: { user: options.smtp.user, pass: options.smtp.pass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const results: AlertRunResult[] = [];
  try {
    for (const alert of await store.listAlerts()) {
      if (options.alertIds && !options.alertIds.includes(alert.id)) continue;
      if (!alert.email || alert.digest === 'none') continue;
      if (alert.digest === 'daily' && alert.lastSentAt && now.getTime() - Date.parse(alert.lastSentAt) < DAY_MS)
        continue;
      try {
        const hits = await newMatches(store, alert);
        if (hits.length === 0) {
          results.push({ alertId: alert.id, sent: 0, error: null });
          continue;
        }
        await transport.sendMail(digestMail(alert, hits, options.smtp.from, options.baseUrl));
        await store.markAlertSent(alert.id, now.toISOString(), Math.max(...hits.map((h) => h.id)));
        results.push({ alertId: alert.id, sent: hits.length, error: null });
      } catch (error) {
        results.push({
          alertId: alert.id,
          sent: 0,
          error: `alert ${alert.id} (${alert.name}): ${(error as Error).message}`,
        });
      }
    }
  } finally {
    transport.close();
  }
  return results;
}

/** Articles matching the alert that are newer than the last one sent. */
export async function newMatches(store: Store, alert: Alert): Promise<SearchHit[]> {
  const result = await store.search({ ...alert.query, sort: 'date', limit: DIGEST_SIZE, offset: 0 });
  return result.hits.filter((h) => h.id > alert.lastArticleId);
}

function digestMail(alert: Alert, hits: readonly SearchHit[], from: string, baseUrl: string): SendMailOptions {
  const base = baseUrl.replace(/\/+$/, '');
  const link = (h: SearchHit): string => h.url ?? deskArticleLink(base, h.id);
  const line = (h: SearchHit): string =>
    `- ${h.title ?? `Article ${h.id}`} (${[h.source ?? h.publisher, h.published?.slice(0, 10)].filter(Boolean).join(', ')})\n  ${link(h)}`;
  const subject = `[Watchfloor] ${alert.name.replace(/[\r\n]+/g, ' ')}: ${hits.length} new article${hits.length === 1 ? '' : 's'}`;
  const text = `${hits.length} new article(s) match "${alert.name}".\n\n${hits.map(line).join('\n')}\n\nFeed: ${base}/api/alerts/${alert.id}/feed.atom\n`;
  const html =
    `<p>${hits.length} new article(s) match <b>${escapeXml(alert.name)}</b>.</p><ul>` +
    hits
      .map(
        (h) =>
          `<li><a href="${escapeXml(link(h))}">${escapeXml(h.title ?? `Article ${h.id}`)}</a> ${escapeXml(h.source ?? h.publisher ?? '')} ${escapeXml(h.published?.slice(0, 10) ?? '')}</li>`,
      )
      .join('') +
    `</ul>`;
  return { from, to: alert.email!, subject, text, html };
}
