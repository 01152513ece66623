/** Legacy national encodings: declared by meta (also late in a long head), aliased, or detected. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes } from './index.js';

const TEXTS: Record<string, string> = {
  'shift_jis': '海上保安庁は離島周辺の海域で巡視船による警戒を強化すると発表した。外国船の接近が増えていることを受けた措置だという。',
  gb18030: '据海军新闻发言人介绍，海军多艘驱逐舰和护卫舰于本周在东部海域举行联合演习，重点演练防空、反潜和海上补给等科目。',
  'windows-1256': 'تعرضت قاعدة عسكرية في شرق البلاد فجر اليوم السبت لهجوم بثلاث طائرات مسيرة، وفق ما أعلنه متحدث باسم وزارة الدفاع.',
  'koi8-r': 'Пограничная служба усилила охрану южного участка государственной границы, сообщил в пятницу представитель ведомства.',
  'windows-1251': 'Пограничная служба усилила охрану южного участка государственной границы, сообщил в пятницу представитель ведомства.',
};

function page(charset: string, text: string, meta: string): Buffer {
  return Buffer.concat([
    Buffer.from(`<html><head>${meta}<title>t</title></head><body><p>`),
    iconv.encode(text, charset),
    Buffer.from('</p></body></html>'),
  ]);
}

void test('undeclared Shift_JIS, GB18030, windows-1256, KOI8-R and windows-1251 pages are detected and decoded', () => {
  for (const [charset, text] of Object.entries(TEXTS)) {
    const decoded = decodeBytes(page(charset, text, ''), { origin: charset, isHtml: true });
    assert.ok(decoded.text.includes(text), `${charset}: ${decoded.text.slice(40, 90)}`);
    assert.equal(decoded.charsetSource, 'detected', charset);
  }
});

void test('gb2312 and x-sjis labels decode as their supersets', () => {
  const zh = decodeBytes(page('gb18030', TEXTS['gb18030']!, '<meta charset="gb2312">'), { origin: 'zh', isHtml: true });
  assert.equal(zh.charset, 'gb18030');
  assert.ok(zh.text.includes(TEXTS['gb18030']!));
  const ja = decodeBytes(page('shift_jis', TEXTS['shift_jis']!, '<meta charset="x-sjis">'), { origin: 'ja', isHtml: true });
  assert.equal(ja.charset, 'shift_jis');
  assert.ok(ja.text.includes(TEXTS['shift_jis']!));
});

void test('a meta charset after a long inline script in the head is still found', () => {
  const script = `<script>var config = ${JSON.stringify('x'.repeat(6000))};</script>`;
  const decoded = decodeBytes(page('koi8-r', TEXTS['koi8-r']!, `${script}<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`), {
    origin: 'late-meta',
    isHtml: true,
  });
  assert.equal(decoded.charsetSource, 'meta');
  assert.ok(decoded.text.includes(TEXTS['koi8-r']!));
});

void test('a "charset=" in the body text is not taken for a declaration', () => {
  const html = Buffer.concat([
    Buffer.from('<html><head><title>t</title></head><body><p>Set charset=koi8-r in the form. '),
    Buffer.from('Привет, это обычный текст в UTF-8. '.repeat(5)),
    Buffer.from('</p></body></html>'),
  ]);
  const decoded = decodeBytes(html, { origin: 'body-mention', isHtml: true });
  assert.equal(decoded.charset, 'utf-8');
  assert.ok(decoded.text.includes('Привет, это обычный текст'));
});
