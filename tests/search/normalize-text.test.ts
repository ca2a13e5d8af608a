import { describe, expect, it } from 'vitest';
import { foldText, tokenize, words } from '../../src/search/normalize-text.js';
import { editDistanceWithin } from '../../src/search/edit-distance.js';

describe('folding and tokenising', () => {
  it('given accented names, then folding drops the accents and the case', () => {
    expect(foldText('Türkiye')).toBe('turkiye');
    expect(foldText('Erdoğan')).toBe('erdogan');
    expect(foldText('Maroš Šefčovič')).toBe('maros sefcovic');
    expect(foldText('Río Indio, SOMAÏR')).toBe('rio indio, somair');
  });

  it('given dotted abbreviations and possessives, then each is one plain word', () => {
    expect(words("The U.S.-Japan talks and Japan's stance")).toEqual(['the', 'us', 'japan', 'talks', 'and', 'japan', 'stance']);
    expect(words('Japan’s “America First 2.0”')).toEqual(['japan', 'america', 'first', '2', '0']);
  });

  it('given a token, then its offsets point at the word in the source text', () => {
    const text = 'Tehran says the ship carried fuel';
    const ship = tokenize(text).find((t) => t.word === 'ship');
    expect(ship && text.slice(ship.start, ship.end)).toBe('ship');
  });

  it('given two words one typo apart, then the edit distance is 1, including swapped letters', () => {
    expect(editDistanceWithin('sheild', 'shield', 1)).toBe(1);
    expect(editDistanceWithin('tarifs', 'tariffs', 1)).toBe(1);
    expect(editDistanceWithin('shiping', 'shipping', 1)).toBe(1);
    expect(editDistanceWithin('japan', 'china', 1)).toBe(2);
  });
});
