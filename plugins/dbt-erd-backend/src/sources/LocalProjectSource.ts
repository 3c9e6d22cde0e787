import { resolve } from 'node:path';
import {
  readArtifactsDirectory,
  statArtifactsDirectory,
} from 'backstage-plugin-dbt-erd-node';
import { LocalProjectConfig } from '../config/readDbtErdConfig';
import {
  ArtifactSource,
  FetchedArtifacts,
  LocatedArtifacts,
} from './ArtifactSource';

/** Artifacts in a folder on the backend host, named in app-config. */
export class LocalProjectSource implements ArtifactSource {
  private readonly dir: string;

  constructor(private readonly project: LocalProjectConfig) {
    this.dir = resolve(project.path);
  }

  async locate(): Promise<LocatedArtifacts> {
    const version = await statArtifactsDirectory(this.dir);
    return {
      key: `local:${this.project.name}:${version}`,
      info: { kind: 'local', name: this.project.name },
    };
  }

  async fetch<T>(
    _located: LocatedArtifacts,
    read: (artifacts: FetchedArtifacts) => Promise<T>,
  ): Promise<T> {
    return read(await readArtifactsDirectory(this.dir));
  }
}
