import * as assert from 'node:assert/strict';
import {
  HAN_CODES,
  hanContextAfter,
  hanContextBefore,
  isHan,
  isHanAt,
  isHanBefore,
  isHanIdeograph,
  isHanIdeographRun,
} from '../../server/src/core/analysis/han';

const cp = (ch: string) => ch.codePointAt(0)!;

describe('analysis/han: Han on code points', () => {
  it('covers every CJK Unified Ideographs block, Extension A to H, and the compatibility ideographs', () => {
    // URO, Ext A, Ext B (𠮷), C, D, E, F, G, H, I, Compatibility, Compatibility Supplement
    for (const code of [0x4e00, 0x9fff, 0x3400, 0x4dbf, 0x20bb7, 0x2a700, 0x2b740, 0x2b820, 0x2ceb0, 0x30000, 0x31350, 0x2ebf0, 0xf900, 0x2f800]) {
      assert.ok(isHanIdeograph(code), code.toString(16));
      assert.ok(isHan(code), code.toString(16));
    }
  });

  it('is not fooled by neighbours of the blocks, punctuation, radicals or surrogate halves', () => {
    for (const ch of ['a', '1', '，', '。', '々', '⺀', '\ud842', '\udfb7', 'ぁ', '가']) assert.ok(!isHan(cp(ch)), ch);
    assert.ok(!isHan(-1));
  });

  it('tables every UTF-16 unit as isHan judges it', () => {
    for (let code = 0; code < 0x10000; code++) assert.equal(HAN_CODES[code] === 1, isHan(code), code.toString(16));
  });

  it('decides 〇 deliberately: Han for Chinese context, not an ideograph for word logic', () => {
    assert.ok(isHan(cp('〇')));
    assert.ok(!isHanIdeograph(cp('〇')));
    assert.ok(!isHanIdeographRun('二〇〇八', 0, 4));
  });

  it('reads a surrogate pair as one character from either side', () => {
    const text = 'a𠮷b';
    assert.ok(isHanAt(text, 1));
    assert.ok(!isHanAt(text, 2), 'a low surrogate alone is never Han');
    assert.ok(isHanBefore(text, 3));
    assert.ok(!isHanBefore(text, 1));
    assert.ok(isHanIdeographRun('𠮷𠮷', 0, 4));
  });

  it('takes a context window in characters, not code units, and stops at non-Han', () => {
    const text = '，𠮷𠮷工作重复';
    const start = text.indexOf('工');
    assert.equal(hanContextBefore(text, start, 2), '𠮷𠮷');
    assert.equal(hanContextBefore(text, start, 5), '𠮷𠮷');
    assert.equal(hanContextAfter(text, start, 3), '工作重');
    assert.equal(hanContextAfter('工〇八', 1, 2, isHanIdeograph), '');
  });
});
