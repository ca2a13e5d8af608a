/**
 * A briefing read the way ask reads it: split into the sentences and table cells that may explain
 * its key variables, each as its set of index terms. One question reads the same briefing up to
 * three times (its key variables' neighbourhoods to rank them, again for the best one's related
 * material, and once more for the passages to quote), and tokenising a briefing is most of what
 * each costs: a {@link BriefingReader} lives for one question and reads each briefing once.
 */
import type { Briefing } from '../domain/briefing.schema.js';
import { indexTerms } from './analyzer.js';
import type { Lexicon } from './lexicon.js';

/** A sentence ends at `.`, `!` or `?` after a lower-case letter or digit: not after `U.S.`. */
const SENTENCE_END = /(?<=[\p{Ll}\p{N}%)"'”’][.!?])\s+(?=[\p{Lu}\p{N}"“‘'])/u;

/** Where a list breaks into items: commas, semicolons, `and`. */
const LIST_BREAK = /,\s+|;\s+|\s+and\s+/;

/** A sentence or table cell of a briefing, and where it stands (`Incident`, `Trend 4`, `U.S. on Security`). */
export interface ExplainingUnit {
  section: string;
  text: string;
}

/** Sentences of a text. */
export const sentencesOf = (text: string): string[] => text.split(SENTENCE_END).filter((s) => s.trim().length > 0);

/** The pieces of a briefing that may explain its key variables: sentences and table cells. */
export function explainingUnits(briefing: Briefing): ExplainingUnit[] {
  const of = (section: string, texts: string[]): ExplainingUnit[] => texts.map((text) => ({ section, text }));
  return [
    // The summary names the key variables in other words ("Key variables include the EU's answer
    // on SWIFT, attacks on Odesa ports, and ..."): each item of that list explains one of them.
    ...of('Summary', sentencesOf(briefing.summary).flatMap((s) => (/\bkey variables\b/i.test(s) ? s.split(LIST_BREAK) : [s]))),
    ...of('Incident', sentencesOf(briefing.incident)),
    ...briefing.motivations.flatMap((m) => of(m.label ? `Motivations: ${m.label}` : 'Motivations', sentencesOf(m.text))),
    // A cell alone ("Non-negotiable precondition") says little; its row and column say what it is about.
    ...briefing.structure.dimensions.flatMap((d) =>
      Object.entries(d.positions).map(([actor, text]) => ({ section: `${actor} on ${d.name}`, text: `${d.name}. ${actor}: ${text}` })),
    ),
    ...briefing.trends.flatMap((t) => of(`Trend ${t.n}`, sentencesOf(t.text))),
    ...of('Structural summary', sentencesOf(briefing.structuralSummary)),
  ].filter((unit) => unit.text.trim().length > 0);
}

/** A briefing's explaining units and key variables, each with its distinct index terms. */
export interface BriefingReading {
  readonly briefing: Briefing;
  readonly units: readonly ExplainingUnit[];
  /** `unitTerms[i]`: the terms of `units[i]`, in order of first use. */
  readonly unitTerms: readonly ReadonlySet<string>[];
  /** The terms of each key variable, in briefing order. */
  readonly keyVariableTerms: readonly ReadonlySet<string>[];
  /** The terms of each key variable in text order, with repeats: where its words stand (its subject and predicate: key-variable-subject.ts). */
  readonly keyVariableSequences: readonly (readonly string[])[];
}

/** Reads briefings for one question, each once; also the one place that turns a text into its term set. */
export class BriefingReader {
  readonly lexicon: Lexicon;
  readonly #read = new Map<Briefing, BriefingReading>();
  /** Anything a caller derives from a reading and wants to share too (neighbourhoods). */
  readonly derived = new Map<BriefingReading, unknown>();

  constructor(lexicon: Lexicon) {
    this.lexicon = lexicon;
  }

  /** The reading of `briefing`, made on first use. */
  read(briefing: Briefing): BriefingReading {
    let reading = this.#read.get(briefing);
    if (!reading) {
      const units = explainingUnits(briefing);
      const keyVariableSequences = briefing.keyVariables.map((kv) => this.sequenceOf(kv.text));
      reading = {
        briefing,
        units,
        unitTerms: units.map((unit) => this.termsOf(unit.text)),
        keyVariableTerms: keyVariableSequences.map((sequence) => new Set(sequence)),
        keyVariableSequences,
      };
      this.#read.set(briefing, reading);
    }
    return reading;
  }

  /** The distinct index terms of a text (see `indexTerms`). */
  termsOf(text: string): Set<string> {
    return new Set(this.sequenceOf(text));
  }

  /** The index terms of a text in order, with repeats (an entity term stands just before its alias's first word). */
  sequenceOf(text: string): string[] {
    const terms: string[] = [];
    indexTerms(text, this.lexicon, terms);
    return terms;
  }
}
