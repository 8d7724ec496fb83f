import * as assert from 'node:assert/strict';
import { fixer, makeFix } from '../../server/src/core/fixer';

describe('fixer (the rules’ fix builder)', () => {
  it('builds replace, remove and insert edits from ranges', () => {
    assert.deepEqual(fixer.replaceTextRange([2, 4], '，'), { offset: 2, length: 2, newText: '，' });
    assert.deepEqual(fixer.removeRange([5, 6]), { offset: 5, length: 1, newText: '' });
    assert.deepEqual(fixer.insertTextAfterRange([1, 3], '是'), { offset: 3, length: 0, newText: '是' });
    assert.deepEqual(fixer.insertTextBeforeRange([1, 3], '“'), { offset: 1, length: 0, newText: '“' });
    assert.deepEqual(fixer.insertTextAt(0, 'x'), { offset: 0, length: 0, newText: 'x' });
  });

  it('rejects a range that is not one, where it is made', () => {
    assert.throws(() => fixer.replaceTextRange([4, 2], 'x'), RangeError);
    assert.throws(() => fixer.removeRange([-1, 2]), RangeError);
    assert.throws(() => fixer.removeRange([0.5, 2]), RangeError);
    assert.throws(() => fixer.insertTextAt(Number.NaN, 'x'), RangeError);
  });

  it('makes a fix of one or several edits, with a kind only when given; overlapping edits are refused', () => {
    assert.deepEqual(makeFix('删去', fixer.removeRange([0, 1])), { title: '删去', edits: [{ offset: 0, length: 1, newText: '' }] });
    assert.equal(makeFix('t', [fixer.removeRange([3, 4]), fixer.removeRange([0, 1])], 'safe').kind, 'safe');
    assert.throws(() => makeFix('t', [fixer.removeRange([0, 3]), fixer.removeRange([2, 4])]), RangeError);
  });
});
