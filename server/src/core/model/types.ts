/**
 * The learned model: data with a schema name and a version. `jiaodui learn` writes
 * it; the engine hands it to rules; rules never load it. Each section belongs to
 * the rules that read it and is learned by the module of the same name in sections/.
 */
export type { CorpusDocument } from './corpus';
import type { RepeatsSection } from './sections/repeats';
import type { StyleSection } from './sections/style';
import type { DigitsSection } from './sections/digits';
import type { PhrasesSection } from './sections/phrases';
import type { NamesSection } from './sections/names';
import type { CharactersSection } from './sections/characters';
import type { CorrectionsSection } from './sections/corrections';

export const MODEL_SCHEMA = 'jiaodui-model';
/**
 * 2: the phrases section is stored as columns (see sections/phrases.ts). Version 1
 * files (phrases as objects) still load.
 */
export const MODEL_VERSION = 2;
/** Older versions this program still reads. */
export const READABLE_MODEL_VERSIONS: readonly number[] = [1, MODEL_VERSION];

export interface CorpusInfo {
  documents: number;
  characters: number;
  /** Base names of the corpus files, for hovers that cite evidence. */
  files: string[];
}

export interface LearnedModel {
  schema: typeof MODEL_SCHEMA;
  version: typeof MODEL_VERSION;
  corpus: CorpusInfo;
  repeats: RepeatsSection;
  style: StyleSection;
  digits: DigitsSection;
  phrases: PhrasesSection;
  names: NamesSection;
  characters: CharactersSection;
  /** Not learned from the corpus: from drafts and their published versions (learn --edits) and the house list. */
  corrections: CorrectionsSection;
}
