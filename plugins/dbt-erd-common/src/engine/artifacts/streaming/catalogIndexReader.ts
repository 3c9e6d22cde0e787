import {
  CatalogIndexBuilder,
  CatalogLookup,
  readCatalogSection,
} from '../catalogIndex';
import { catalogNotAnObject } from '../indexArtifacts';
import { DocumentReader, MemberHandling, SKIP } from './documentReader';
import { CATALOG_ENTRY_PLAN } from './entryPlans';
import { StringPool } from './stringPool';

/** Feeds a catalog's entries, cut to metadata and columns, to a CatalogIndexBuilder. */
export class CatalogIndexReader implements DocumentReader {
  private readonly builder = new CatalogIndexBuilder();

  constructor(private readonly strings: StringPool) {}

  pauseBefore(): boolean {
    return false;
  }

  notAnObject(): Error {
    return catalogNotAnObject();
  }

  handle(key: string): MemberHandling {
    if (key !== 'nodes' && key !== 'sources') return SKIP;
    this.builder.startSection(key);
    const add = (uniqueId: string, raw: unknown) =>
      this.strings.internColumns(this.builder.add(key, uniqueId, raw));
    return {
      kind: 'entries',
      section: { planFor: () => CATALOG_ENTRY_PLAN, onEntry: add },
      onValue: value => {
        const entries = readCatalogSection({ [key]: value }, key);
        for (const [uniqueId, raw] of Object.entries(entries))
          add(uniqueId, raw);
      },
    };
  }

  finish(): CatalogLookup {
    return this.builder.build();
  }
}
