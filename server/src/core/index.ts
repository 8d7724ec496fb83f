/**
 * The pure core's public surface: no vscode, no file system. The language server
 * and the CLI are thin shells around these functions.
 */
export * from './types';
export { TextModel, computeLineStarts, languageOfPath, type Paragraph, type Position, type Language } from './text';
export { Lexicon } from './lexicon';
export { LEXICON_BINARY_HEADER, decodeLexicon, encodeLexicon, prepareLexicon, type LexiconBinaryHeader, type LexiconColumns } from './lexicon-format';
export { segment, type Token } from './segmenter';
export { Linter, lint, fixAll, type FixAllResult } from './engine';
export { fixer, makeFix } from './fixer';
export {
  applyFixes,
  applyFixesDetailed,
  applyEdits,
  overlaps,
  MAX_FIX_PASSES,
  autoFix,
  fixKindOf,
  mapOffset,
  runFixes,
  type FixResult,
  type FixRun,
  type FixRunOptions,
} from './fixes';
export { RULES, RULES_BY_ID } from './rules';
export {
  learnModel,
  learnSections,
  assembleModel,
  toCorpusDocuments,
  MODEL_SECTIONS,
  type CorpusFile,
  type SectionName,
  type LearnedSections,
} from './model/learn';
export { parseModel, parseModelBytes, serializeModel, serializeModelBinary, emptyModel, ModelError } from './model/load';
export { phraseTables } from './rules/fixed-phrase/phrase-index';
export { toSimplified } from './analysis/traditional-chars';
export type { LearnedModel, CorpusDocument } from './model/types';
export { learnEditCorrections, type CorrectionEntry, type EditPair } from './model/sections/corrections';
export { applyRoster, type Roster } from './model/roster';
