/**
 * The `decoded` stage: the capture's bytes as text. Order of evidence: byte-order mark, the
 * transport's charset, the page's own <meta> charset, strict UTF-8, then statistical detection.
 */
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { defineStage, need } from '../../core/stage.js';
import { InputError } from '../../core/errors.js';
import type { Decoded, Message } from '../../core/doc.js';

/** Share of control characters above which a file is taken for binary, not text. */
const BINARY_CONTROL_SHARE = 0.02;
/** Share of undecodable bytes a page declared as UTF-8 may have before it is refused. */
const MAX_INVALID_UTF8_SHARE = 0.01;

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Decodes bytes to text; messages get a warning when bytes had to be replaced. */
export function decodeBytes(
  body: Buffer,
  options: { origin: string; contentType?: string | null; isHtml: boolean; messages?: Message[] },
): Decoded {
  const { origin } = options;
  for (const [bom, charset] of BOMS) {
    if (bom.every((byte, i) => body[i] === byte)) {
      return finish(iconv.decode(body.subarray(bom.length), charset), charset, 'bom', origin);
    }
  }
  const fromHeader = normaliseCharset(options.contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1]);
  if (fromHeader) return decodeDeclared(body, fromHeader, 'header', options);
  if (options.isHtml) {
    const fromMeta = normaliseCharset(findMetaCharset(body));
    if (fromMeta) return decodeDeclared(body, fromMeta, 'meta', options);
  }
  if (looksLikeUtf16(body)) {
    const charset = body[0] === 0 ? 'utf-16be' : 'utf-16le';
    return finish(iconv.decode(body, charset), charset, 'detected', origin);
  }
  if (body.includes(0)) throw binary(origin);
  const strict = tryUtf8(body);
  if (strict !== null) return finish(strict, 'utf-8', 'utf-8', origin);
  const guess = normaliseCharset(chardet.detect(body) ?? undefined);
  if (guess && guess !== 'utf-8') return finish(iconv.decode(body, guess), guess, 'detected', origin);
  return decodeDeclared(body, 'utf-8', 'default', options);
}

function decodeDeclared(
  body: Buffer,
  charset: string,
  source: Decoded['charsetSource'],
  options: { origin: string; messages?: Message[] },
): Decoded {
  if (charset !== 'utf-8') return finish(iconv.decode(body, charset), charset, source, options.origin);
  const strict = tryUtf8(body);
  if (strict !== null) return finish(strict, charset, source, options.origin);
  // Declared UTF-8 but not valid: a legacy page mislabelled, or a damaged one.
  const lossy = new TextDecoder('utf-8').decode(body);
  const replaced = countReplacements(lossy);
  if (replaced / Math.max(1, lossy.length) > MAX_INVALID_UTF8_SHARE) {
    throw new InputError(
      'capture/invalid-utf8',
      `${options.origin}: not valid UTF-8 (${replaced} undecodable byte sequences) and no other character set fits`,
    );
  }
  options.messages?.push({
    level: 'warning',
    rule: 'decoded/invalid-utf8',
    reason: `${replaced} undecodable byte sequence(s) replaced with U+FFFD`,
  });
  return finish(lossy, charset, source, options.origin);
}

function finish(text: string, charset: string, charsetSource: Decoded['charsetSource'], origin: string): Decoded {
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++;
  }
  if (sample.length > 0 && controls / sample.length > BINARY_CONTROL_SHARE) throw binary(origin);
  if (text.trim().length === 0) throw new InputError('capture/empty', `${origin}: no text (only whitespace)`);
  return { text: text.replace(/\r\n?/g, '\n'), charset, charsetSource };
}

function binary(origin: string): InputError {
  return new InputError('capture/binary', `${origin}: binary data, not a text or HTML page`);
}

function tryUtf8(body: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** UTF-16 without a BOM: every other byte is zero in mostly-Latin text. */
function looksLikeUtf16(body: Buffer): boolean {
  const n = Math.min(body.length, 512) & ~1;
  if (n < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (body[i] === 0) evenZeros++;
    if (body[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  return (evenZeros > half * 0.4 && oddZeros < half * 0.05) || (oddZeros > half * 0.4 && evenZeros < half * 0.05);
}

/** How far into the page a charset declaration is looked for: heads with long inline scripts push it past 1 KB. */
const META_SCAN_BYTES = 16384;

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="...; charset=x">` in the <head>, within 16 KB. */
function findMetaCharset(body: Buffer): string | undefined {
  let head = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  // Past the head a "charset=" is page text or script, not a declaration.
  const headEnd = head.search(/<\/head\s*>|<body[\s>]/i);
  if (headEnd !== -1) head = head.slice(0, headEnd);
  return (
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1] ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i)?.[1]
  );
}

/** A charset name iconv-lite knows, lower-cased, with the aliases browsers apply; undefined otherwise. */
function normaliseCharset(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let charset = name.trim().toLowerCase();
  // Browsers decode these labels as their supersets (WHATWG Encoding).
  const aliases: Record<string, string> = {
    'iso-8859-1': 'windows-1252',
    latin1: 'windows-1252',
    'us-ascii': 'windows-1252',
    ascii: 'windows-1252',
    utf8: 'utf-8',
    gb2312: 'gb18030',
    gbk: 'gb18030',
    'x-sjis': 'shift_jis',
    'iso-8859-9': 'windows-1254',
    'x-user-defined': 'windows-1252',
  };
  charset = aliases[charset] ?? charset;
  return iconv.encodingExists(charset) ? charset : undefined;
}

export const decoded = defineStage('decoded', (doc) => {
  const capture = need(doc, 'capture');
  return decodeBytes(capture.body, {
    origin: doc.input.origin,
    contentType: doc.input.contentType ?? null,
    isHtml: capture.mediaType === 'text/html',
    messages: doc.messages,
  });
});
