/**
 * Reads a model from JSON, checking its schema and version, and filling any section
 * an older model lacks with an empty one so rules can rely on the shape.
 */
import { MODEL_SCHEMA, MODEL_VERSION, type LearnedModel } from './types';
import { emptyRepeats } from './sections/repeats';
import { emptyStyle } from './sections/style';
import { emptyDigits } from './sections/digits';
import { emptyPhrases } from './sections/phrases';
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
  if (version !== MODEL_VERSION) {
    throw new ModelError(`${source}: 模型版本 ${String(version)} 与本程序（${MODEL_VERSION}）不符，请用 jiaodui learn 重新生成`);
  }
  return { ...emptyModel(), ...(data as Partial<LearnedModel>) } as LearnedModel;
}
