/**
 * The typed model of a briefing. This zod schema is the single source of truth for the type:
 * the parser's output, the archive file and the CLI's JSON are all checked against it.
 */
import { z } from 'zod';

/** Lower-case ASCII words joined by single hyphens; at most 100 characters (a Discord choice value). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SlugSchema = z.string().max(100).regex(SLUG_PATTERN, 'a slug is lower-case letters, digits and single hyphens');

export const MotivationSchema = z.strictObject({
  /** "Outward", "Inward", "Toward the U.S."; empty when the author gave no label. */
  label: z.string(),
  text: z.string().min(1),
});

export const NumberedItemSchema = z.strictObject({
  /** 1-based position in the source list. */
  n: z.number().int().positive(),
  text: z.string().min(1),
});

export const DimensionSchema = z.strictObject({
  name: z.string().min(1),
  /** Actor name -> that actor's position. An actor whose cell was missing has no key here. */
  positions: z.record(z.string(), z.string()),
});

export const StructureSchema = z.strictObject({
  actors: z.array(z.string().min(1)),
  dimensions: z.array(DimensionSchema),
});

/** Sections whose emoji we keep as visual anchors for rendering. */
export const SECTION_KEYS = ['incident', 'motivations', 'structure', 'keyVariables', 'trends', 'structuralSummary'] as const;
export const SectionKeySchema = z.enum(SECTION_KEYS);

/** Something the parser tolerated but a reader or author should know (a ragged table row, an unknown section). */
export const ParseWarningSchema = z.strictObject({
  line: z.number().int().nonnegative(),
  code: z.string(),
  message: z.string(),
});

export const BriefingSchema = z.strictObject({
  slug: SlugSchema,
  title: z.string().min(1),
  summary: z.string(),
  incident: z.string(),
  motivations: z.array(MotivationSchema),
  structure: StructureSchema,
  keyVariables: z.array(NumberedItemSchema),
  trends: z.array(NumberedItemSchema),
  structuralSummary: z.string(),
  publishedAt: z.iso.datetime(),
  tags: z.array(z.string()),
  /** The emoji the source put before each section heading, when it had one. */
  sectionEmoji: z.partialRecord(SectionKeySchema, z.string()),
  warnings: z.array(ParseWarningSchema),
});

export type Briefing = z.infer<typeof BriefingSchema>;
export type Motivation = z.infer<typeof MotivationSchema>;
export type NumberedItem = z.infer<typeof NumberedItemSchema>;
export type Dimension = z.infer<typeof DimensionSchema>;
export type Structure = z.infer<typeof StructureSchema>;
export type SectionKey = z.infer<typeof SectionKeySchema>;
export type ParseWarning = z.infer<typeof ParseWarningSchema>;
