/**
 * The house roster: canonical names, titles and fixed formulations (提法) that a
 * newsroom maintains by hand in `.jiaoduirc.json` (`names`, `phrases`). Roster
 * entries always win over what was learned.
 * TODO(rule owner of fixed-phrase/name-consistency): merge into the model sections.
 */
import type { LearnedModel } from './types';

export interface RosterName {
  /** Canonical form, e.g. 国家卫生健康委员会. */
  name: string;
  kind?: 'person' | 'organisation';
  /** Accepted other forms (short forms), e.g. ["国家卫生健康委", "国家卫健委"]. */
  aliases?: string[];
}

export interface Roster {
  names?: Array<string | RosterName>;
  phrases?: string[];
}

export function applyRoster(model: LearnedModel, _roster: Roster): LearnedModel {
  return model;
}
