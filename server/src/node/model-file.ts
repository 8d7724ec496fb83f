/**
 * How a learned model is written (by `jiaodui learn` and the server's learn command):
 * a large archive's model as a binary container with the phrase index built in, so a
 * lint starts without building it; a small one as readable JSON. Atomically: a linter
 * reading meanwhile never sees half a model.
 */
import { phraseTables, serializeModel, serializeModelBinary, type LearnedModel } from '../core';
import { writeFileAtomic } from './write';

/**
 * Phrases from which the binary container is written: below it, building the index at
 * start-up costs a few milliseconds (the seeds' 3,000 phrases) and JSON is easier to read.
 */
export const BINARY_MODEL_MIN_PHRASES = 20_000;

export function modelFileContent(model: LearnedModel): string | Uint8Array {
  return model.phrases.phrases.length >= BINARY_MODEL_MIN_PHRASES ? serializeModelBinary(model, phraseTables(model.phrases)) : serializeModel(model);
}

export function writeModelFile(file: string, model: LearnedModel): void {
  writeFileAtomic(file, modelFileContent(model));
}
