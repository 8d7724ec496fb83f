/** One document of a learning corpus, as every section's learner reads it. */
import type { TextModel } from '../text';

export interface CorpusDocument {
  path: string;
  text: TextModel;
}
