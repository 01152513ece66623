/** Paragraph-level boilerplate: furniture lines go, prose that merely mentions dates, links or prices stays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBoilerplateParagraph } from './boilerplate.js';

void test('furniture lines are recognised in several languages and shapes', () => {
  const furniture = [
    'Advertisement',
    'Share this article',
    'Read more: Navy orders review of night training',
    'Sign up for our daily newsletter and get the news in your inbox',
    'We use cookies to improve your experience.',
    'Photo: Anna Petrova',
    'Getty Images',
    'By Jane Roe · 14 February 2024',
    'Par Camille Rouault · Publié le 1 septembre 2022 à 19h10',
    '22 April 2024',
    'Monday, May 6, 2024 10:15 AM',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    '05:30',
    'From:',
    'Follow him on Twitter @someone.',
    'Jewels, installation views, photos © Studio, 2018',
    '[button link="/submit"] Send us your review[/button]',
    'Cite as: J. Roe, "Title", Institute, 2022.',
  ];
  for (const text of furniture) assert.equal(isBoilerplateParagraph(text), true, text);
});

void test('article prose is kept even when it holds dates, numbers or prompts-like words', () => {
  const prose = [
    'The ministry said on 12 May 2020 that the convoy would cross the border within a week.',
    '1 Kyle Busch 5040 5 1 17 27',
    'HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%',
    'Officials urged residents to sign up for text alerts about road closures during the exercise.',
    'In 2021 a minehunter grazed a ferry while leaving harbour.',
    'Source: Caspian News Agency',
  ];
  for (const text of prose) assert.equal(isBoilerplateParagraph(text), false, text);
});
