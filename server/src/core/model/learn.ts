/**
 * Builds a LearnedModel from a corpus. Each section is learned by its own module;
 * this file only wires them together.
 */
import { TextModel, languageOfPath } from '../text';
import type { Lexicon } from '../lexicon';
import { MODEL_SCHEMA, MODEL_VERSION, type CorpusDocument, type LearnedModel } from './types';
import { learnRepeats } from './sections/repeats';
import { learnStyle } from './sections/style';
import { learnDigits } from './sections/digits';
import { learnPhrases } from './sections/phrases';
import { learnNames } from './sections/names';
import { learnCharacters } from './sections/characters';
import { learnCorrections, type CorrectionEntry } from './sections/corrections';

export interface CorpusFile {
  path: string;
  content: string;
}

export function toCorpusDocuments(files: CorpusFile[]): CorpusDocument[] {
  return files.map((file) => ({
    path: file.path,
    text: new TextModel(file.content, languageOfPath(file.path)),
  }));
}

/** The learned sections, in the order a model file lists them. */
export const MODEL_SECTIONS = ['repeats', 'style', 'digits', 'phrases', 'names', 'characters', 'corrections'] as const;
export type SectionName = (typeof MODEL_SECTIONS)[number];
export type LearnedSections = Pick<LearnedModel, SectionName>;

const LEARNERS: { [K in SectionName]: (docs: CorpusDocument[], lexicon: Lexicon) => LearnedModel[K] } = {
  repeats: learnRepeats,
  style: learnStyle,
  digits: learnDigits,
  phrases: learnPhrases,
  names: learnNames,
  characters: learnCharacters,
  corrections: learnCorrections,
};

/**
 * Some sections only: each is learned from the whole corpus independently of the
 * others, so a shell may learn them on separate threads and join the results.
 */
export function learnSections(files: CorpusFile[], lexicon: Lexicon, names: readonly SectionName[] = MODEL_SECTIONS): Partial<LearnedSections> {
  const docs = toCorpusDocuments(files);
  const learned: Partial<LearnedSections> = {};
  for (const name of names) (learned as Record<string, unknown>)[name] = LEARNERS[name](docs, lexicon);
  return learned;
}

/** A model from its corpus and its sections (learned in one pass or in shares). */
/** `edits`: corrections learned from drafts and their published versions (learn --edits), joined to the corpus's section. */
export function assembleModel(files: readonly CorpusFile[], sections: LearnedSections, edits: readonly CorrectionEntry[] = []): LearnedModel {
  const model = {
    schema: MODEL_SCHEMA,
    version: MODEL_VERSION,
    corpus: {
      documents: files.length,
      characters: files.reduce((sum, f) => sum + f.content.length, 0),
      files: files.map((f) => f.path.split(/[\\/]/).pop() ?? f.path),
    },
  } as LearnedModel;
  for (const name of MODEL_SECTIONS) (model as unknown as Record<string, unknown>)[name] = sections[name];
  if (edits.length > 0) model.corrections = { ...model.corrections, entries: [...edits, ...model.corrections.entries] };
  return model;
}

export function learnModel(files: CorpusFile[], lexicon: Lexicon): LearnedModel {
  return assembleModel(files, learnSections(files, lexicon) as LearnedSections);
}
