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

export function learnModel(files: CorpusFile[], lexicon: Lexicon): LearnedModel {
  const docs = toCorpusDocuments(files);
  return {
    schema: MODEL_SCHEMA,
    version: MODEL_VERSION,
    corpus: {
      documents: docs.length,
      characters: files.reduce((sum, f) => sum + f.content.length, 0),
      files: files.map((f) => f.path.split(/[\\/]/).pop() ?? f.path),
    },
    repeats: learnRepeats(docs, lexicon),
    style: learnStyle(docs, lexicon),
    digits: learnDigits(docs, lexicon),
    phrases: learnPhrases(docs, lexicon),
    names: learnNames(docs, lexicon),
    characters: learnCharacters(docs, lexicon),
  };
}
