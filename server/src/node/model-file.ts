/**
 * How a learned model is written (by `jiaodui learn` and the server's learn command):
 * a large archive's model as a binary container with the phrase index built in, so a
 * lint starts without building it; a small one as readable JSON. Atomically: a linter
 * reading meanwhile never sees half a model.
 */
import { phraseTables, serializeModel, serializeModelBinary, type LearnedModel } from '../core';
import { writeFileAtomic } from './write';

/**
 * Phrases from which `learn` writes the binary container: below it, JSON is easier to
 * read and building the index at start-up costs tens of milliseconds (the seeds' 3,000
 * phrases: ~50 ms of a cold start, which is why the build also writes the default model
 * prepared, see preparedModelContent).
 */
export const BINARY_MODEL_MIN_PHRASES = 20_000;

export function modelFileContent(model: LearnedModel): string | Uint8Array {
  return model.phrases.phrases.length >= BINARY_MODEL_MIN_PHRASES ? serializeModelBinary(model, phraseTables(model.phrases)) : serializeModel(model);
}

/**
 * A model as the binary container with the phrase tables built in, whatever its size:
 * what the build writes next to the default model (dist/model.bin) so a lint loads the
 * tables instead of building them.
 */
export function preparedModelContent(model: LearnedModel): Uint8Array {
  return serializeModelBinary(model, phraseTables(model.phrases));
}

export function writeModelFile(file: string, model: LearnedModel): void {
  writeFileAtomic(file, modelFileContent(model));
}
