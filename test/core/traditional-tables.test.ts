import * as assert from 'node:assert/strict';
import { Converter, Locale } from 'opencc-js/t2cn';
import { T2S_CONVERSION, T2S_NORMALIZATION, toSimplified, traditionalTables } from '../../server/src/core/analysis/traditional-chars';

/**
 * The bundle imports opencc-js's core and only the three dictionaries `t` → `cn` reads
 * (the preset module 'opencc-js/t2cn' carries every regional table too). These tests
 * hold that subset to the preset: same tables, same conversion of everything in them.
 */
describe('analysis/traditional-chars: the OpenCC subset equals the t2cn preset', () => {
  const preset = Locale as unknown as {
    to: { cn: unknown };
    configs: { t2s: { normalizationChain: unknown; conversionChain: unknown; segmentation?: unknown } };
  };
  const presetConvert = Converter({ from: 't', to: 'cn' });

  /** Every string of every table the preset carries: entries, their replacements, their characters. */
  function presetStrings(): Set<string> {
    const strings = new Set<string>();
    const walk = (value: unknown): void => {
      if (typeof value === 'string') {
        for (const entry of value.split('|')) for (const word of entry.split(' ')) if (word) for (const s of [word, ...word]) strings.add(s);
      } else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(Locale);
    return strings;
  }

  it("imports exactly the preset's t2s dictionaries (Locale.to.cn and the normalisation)", () => {
    assert.deepEqual(T2S_CONVERSION, preset.to.cn);
    assert.deepEqual(T2S_CONVERSION, preset.configs.t2s.conversionChain);
    assert.deepEqual(T2S_NORMALIZATION, preset.configs.t2s.normalizationChain);
    assert.equal(preset.configs.t2s.segmentation, undefined);
  });

  it('converts every character and phrase of the preset, alone and as running text, as the preset does', () => {
    const strings = presetStrings();
    assert.ok(strings.size > 10_000, `${strings.size} strings`);
    for (const s of strings) assert.equal(toSimplified(s), presetConvert(s), s);
    const running = [...strings].join('');
    assert.equal(toSimplified(running), presetConvert(running));
  });

  it('converts every CJK code point as the preset does', () => {
    for (const [from, to] of [
      [0x2e80, 0x9fff],
      [0xf900, 0xfaff],
      [0x20000, 0x3ffff],
    ]) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (toSimplified(ch) !== presetConvert(ch)) assert.fail(`U+${cp.toString(16)} ${ch}`);
      }
    }
  });

  it('uses that converter for the tables', () => {
    const tables = traditionalTables();
    assert.equal(tables.convert('說這個問題'), presetConvert('說這個問題'));
    assert.ok(tables.traditionalOnly.has('醫') && !tables.traditionalOnly.has('乾'));
  });
});
