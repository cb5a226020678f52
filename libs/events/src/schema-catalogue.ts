/**
 * Which Avro schema a wire-format schema id stands for, and the newest schema of each subject.
 * Without a schema registry the answer is the versioned catalogue in schemas/catalogue.json,
 * embedded at build time by scripts/generate-types.ts so nothing is read from disk at runtime.
 */
import { type Schema } from 'avsc';
import { CATALOGUE_ENTRIES } from './generated/schema-catalogue.data';

/** Subject of learning.events.v1 values (Confluent TopicNameStrategy: `<topic>-value`). */
export const LEARNING_EVENTS_SUBJECT = 'learning.events.v1-value';

export interface SchemaCatalogueEntry {
  readonly subject: string;
  /** 1, 2, 3, ... within the subject. */
  readonly version: number;
  /** Globally unique id written after the magic byte of every record. */
  readonly id: number;
  readonly schema: Schema;
}

/** An entry of the in-repo catalogue: also names the .avsc file it was embedded from. */
export interface StaticCatalogueEntry extends SchemaCatalogueEntry {
  readonly schemaFile: string;
}

/**
 * Lookups are synchronous so codecs stay synchronous on the hot path; a registry-backed
 * catalogue would load its subjects once at start and answer from memory the same way.
 */
export interface SchemaCatalogue {
  /** The newest version of the subject: writers use it and readers resolve into it. */
  latest(subject: string): SchemaCatalogueEntry;
  /** The schema a wire-format id refers to, or undefined when the id is unknown. */
  byId(id: number): SchemaCatalogueEntry | undefined;
  /** Every version of the subject, oldest first. */
  versions(subject: string): readonly SchemaCatalogueEntry[];
  /** Every subject the catalogue knows. */
  subjects(): readonly string[];
}

/** Builds a catalogue from a fixed list, checking that ids are unique and versions consecutive. */
export function createStaticCatalogue(entries: readonly StaticCatalogueEntry[]): SchemaCatalogue {
  const byId = new Map<number, StaticCatalogueEntry>();
  const bySubject = new Map<string, StaticCatalogueEntry[]>();
  for (const entry of entries) {
    if (!Number.isInteger(entry.id) || entry.id < 1 || entry.id > 0x7fffffff) {
      throw new Error(`schema catalogue: id ${entry.id} of ${entry.schemaFile} is not 1..2^31-1`);
    }
    const taken = byId.get(entry.id);
    if (taken !== undefined) {
      throw new Error(
        `schema catalogue: id ${entry.id} is used by both ${taken.schemaFile} and ${entry.schemaFile}`,
      );
    }
    byId.set(entry.id, entry);
    const versions = bySubject.get(entry.subject) ?? [];
    versions.push(entry);
    bySubject.set(entry.subject, versions);
  }
  for (const [subject, versions] of bySubject) {
    versions.sort((a, b) => a.version - b.version);
    versions.forEach((entry, index) => {
      if (entry.version !== index + 1) {
        throw new Error(
          `schema catalogue: ${subject} versions must be 1..${versions.length} without gaps, found version ${entry.version} (${entry.schemaFile})`,
        );
      }
    });
  }

  function versionsOf(subject: string): readonly StaticCatalogueEntry[] {
    const versions = bySubject.get(subject);
    if (versions === undefined) {
      throw new Error(`schema catalogue: unknown subject ${subject}`);
    }
    return versions;
  }

  return {
    latest(subject) {
      const versions = versionsOf(subject);
      // Subjects exist only with at least one version, so the last element is defined.
      return versions[versions.length - 1] as StaticCatalogueEntry;
    },
    byId(id) {
      return byId.get(id);
    },
    versions: versionsOf,
    subjects() {
      return [...bySubject.keys()];
    },
  };
}

/** The catalogue committed in this repository. */
export const schemaCatalogue: SchemaCatalogue = createStaticCatalogue(CATALOGUE_ENTRIES);
