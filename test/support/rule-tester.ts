/**
 * RuleTester in the manner of ESLint's: a table of valid texts (must produce no
 * finding of the rule) and invalid ones (each expected finding names the flagged
 * text or exact offset/length, and the fixed output is checked).
 */
import * as assert from 'node:assert/strict';
import { Linter, applyFixes, RULES_BY_ID, type Finding, type LintOptions } from '../../server/src/core';
import { optionsWith } from './resources';

export interface ExpectedFinding {
  /** The exact flagged text: raw.slice(offset, offset + length). */
  text?: string;
  offset?: number;
  length?: number;
  /** Substring or pattern the message must contain. */
  message?: string | RegExp;
}

export interface ValidCase {
  text: string;
  name?: string;
  options?: Partial<LintOptions>;
  language?: 'markdown' | 'plaintext';
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Text after applying every fix of this rule; omit only when the rule offers no fix. */
  output?: string;
}

export function ruleFindings(ruleId: string, text: string, options: Partial<LintOptions> = {}, language: 'markdown' | 'plaintext' = 'plaintext'): Finding[] {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) throw new Error(`unknown rule ${ruleId}`);
  const linter = new Linter({ ...optionsWith(), ...options }, [rule]);
  return linter.lint(text, language).filter((f) => f.rule === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  describe(`rule ${ruleId}`, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const c = typeof raw === 'string' ? { text: raw } : raw;
        it(c.name ?? c.text.slice(0, 60), () => {
          const found = ruleFindings(ruleId, c.text, c.options, c.language);
          assert.deepEqual(
            found.map((f) => `${c.text.slice(f.offset, f.offset + f.length)}: ${f.message}`),
            [],
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? c.text.slice(0, 60), () => {
          const found = ruleFindings(ruleId, c.text, c.options, c.language);
          assert.equal(
            found.length,
            c.errors.length,
            `expected ${c.errors.length} finding(s), got: ${found.map((f) => `“${c.text.slice(f.offset, f.offset + f.length)}”@${f.offset} ${f.message}`).join(' | ')}`,
          );
          c.errors.forEach((expected, i) => {
            const f = found[i];
            if (expected.text !== undefined) assert.equal(c.text.slice(f.offset, f.offset + f.length), expected.text, `finding ${i} flagged text`);
            if (expected.offset !== undefined) assert.equal(f.offset, expected.offset, `finding ${i} offset`);
            if (expected.length !== undefined) assert.equal(f.length, expected.length, `finding ${i} length`);
            if (expected.message instanceof RegExp) assert.match(f.message, expected.message);
            else if (expected.message !== undefined) assert.ok(f.message.includes(expected.message), `message “${f.message}” lacks “${expected.message}”`);
          });
          if (c.output !== undefined) assert.equal(applyFixes(c.text, found), c.output);
        });
      }
    });
  });
}
