/**
 * Reads a model from JSON, checking its schema and version, and filling any section
 * an older model lacks with an empty one so rules can rely on the shape.
 */
import { MODEL_SCHEMA, MODEL_VERSION, READABLE_MODEL_VERSIONS, type LearnedModel } from './types';
import { emptyRepeats } from './sections/repeats';
import { emptyStyle } from './sections/style';
import { emptyDigits } from './sections/digits';
import { emptyPhrases, loadStoredPhrases, storePhrases, type StoredPhrases } from './sections/phrases';
import { emptyNames } from './sections/names';
import { emptyCharacters } from './sections/characters';
import { emptyCorrections } from './sections/corrections';

export class ModelError extends Error {}

export function emptyModel(): LearnedModel {
  return {
    schema: MODEL_SCHEMA,
    version: MODEL_VERSION,
    corpus: { documents: 0, characters: 0, files: [] },
    repeats: emptyRepeats(),
    style: emptyStyle(),
    digits: emptyDigits(),
    phrases: emptyPhrases(),
    names: emptyNames(),
    characters: emptyCharacters(),
    corrections: emptyCorrections(),
  };
}

export function parseModel(json: string, source = 'model'): LearnedModel {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ModelError(`${source}: 不是有效的 JSON（${(error as Error).message}）`);
  }
  if (typeof data !== 'object' || data === null || (data as { schema?: unknown }).schema !== MODEL_SCHEMA) {
    throw new ModelError(`${source}: 不是 jiaodui 模型（缺少 "schema": "${MODEL_SCHEMA}"）`);
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !READABLE_MODEL_VERSIONS.includes(version)) {
    throw new ModelError(`${source}: 模型版本 ${String(version)} 与本程序（${MODEL_VERSION}）不符，请用 jiaodui learn 重新生成`);
  }
  const sections = data as Partial<LearnedModel> & { phrases?: unknown };
  const stored = sections.phrases as StoredPhrases | undefined;
  if (stored && (stored as { format?: unknown }).format === 'columns') {
    const phrases = loadStoredPhrases(stored);
    if (!phrases) throw new ModelError(`${source}: 模型的 phrases 部分已损坏，请用 jiaodui learn 重新生成`);
    sections.phrases = phrases;
  }
  return { ...emptyModel(), ...sections, version: MODEL_VERSION } as LearnedModel;
}

/** A model as its file stores it: JSON, the large phrases section as columns. */
export function serializeModel(model: LearnedModel): string {
  return JSON.stringify({ ...model, version: MODEL_VERSION, phrases: storePhrases(model.phrases) });
}
