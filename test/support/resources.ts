/**
 * Test resources: the real lexicon and default model from dist/ (npm test builds
 * them first), and a helper to make a LintOptions with a hand-made model.
 */
import { loadLexicon, loadModel } from '../../server/src/node/resources';
import { emptyModel } from '../../server/src/core/model/load';
import type { LearnedModel, LintOptions } from '../../server/src/core';

export const lexicon = () => loadLexicon();
export const defaultModel = () => loadModel();

export function optionsWith(model: Partial<LearnedModel> = {}, extra: Partial<LintOptions> = {}): LintOptions {
  return { model: { ...defaultModel(), ...model }, lexicon: lexicon(), ...extra };
}

export function emptyModelOptions(extra: Partial<LintOptions> = {}): LintOptions {
  return { model: emptyModel(), lexicon: lexicon(), ...extra };
}
