import { InputError } from '@backstage/errors';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { UrlArtifactsSource } from './UrlArtifactsSource';
import { validateFolderUrl } from './validateFolderUrl';

describe('validateFolderUrl', () => {
  it.each([
    // Host names, in any case, with trailing dots, percent-encoded.
    ['http://localhost/x', 'the host localhost is not allowed'],
    ['http://LOCALHOST/x', 'the host localhost is not allowed'],
    ['http://localhost./x', 'the host localhost is not allowed'],
    ['http://localhost../x', 'the host localhost is not allowed'],
    ['http://%6c%6fcalhost/x', 'the host localhost is not allowed'],
    ['http://api.localhost./x', 'the host api.localhost is not allowed'],
    [
      'http://metadata.google.internal/x',
      'the host metadata.google.internal is not allowed',
    ],
    [
      'http://metadata.google.internal./x',
      'the host metadata.google.internal is not allowed',
    ],
    ['http://Metadata/computeMetadata/v1', 'the host metadata is not allowed'],
    // IPv4 in every notation the URL parser reads.
    ['http://127.0.0.1/x', 'the address 127.0.0.1 is internal'],
    ['http://127.0.0.1./x', 'the address 127.0.0.1 is internal'],
    ['http://127.1/x', 'the address 127.0.0.1 is internal'],
    ['http://0x7f.1/x', 'the address 127.0.0.1 is internal'],
    ['http://2130706433/x', 'the address 127.0.0.1 is internal'],
    ['http://0/x', 'the address 0.0.0.0 is internal'],
    [
      'http://169.254.169.254/latest',
      'the address 169.254.169.254 is internal',
    ],
    ['http://10.1.2.3/x', 'the address 10.1.2.3 is internal'],
    ['http://172.16.0.1/x', 'the address 172.16.0.1 is internal'],
    ['http://192.168.1.1/x', 'the address 192.168.1.1 is internal'],
    ['http://100.64.0.1/x', 'the address 100.64.0.1 is internal'],
    ['http://100.100.100.200/x', 'the address 100.100.100.200 is internal'],
    ['http://198.18.0.1/x', 'the address 198.18.0.1 is internal'],
    ['http://198.19.255.255/x', 'the address 198.19.255.255 is internal'],
    ['http://192.0.0.1/x', 'the address 192.0.0.1 is internal'],
    ['http://224.0.0.1/x', 'the address 224.0.0.1 is internal'],
    ['http://240.0.0.1/x', 'the address 240.0.0.1 is internal'],
    ['http://255.255.255.255/x', 'the address 255.255.255.255 is internal'],
    // IPv6, including every form that embeds an IPv4 address.
    ['http://[::1]/x', 'the address ::1 is internal'],
    ['http://[0:0:0:0:0:0:0:1]/x', 'the address ::1 is internal'],
    ['http://[::]/x', 'the address :: is internal'],
    ['http://[fe80::1]/x', 'the address fe80::1 is internal'],
    ['http://[fec0::1]/x', 'the address fec0::1 is internal'],
    ['http://[FEFF::1]/x', 'the address feff::1 is internal'],
    ['http://[fd00:ec2::254]/x', 'the address fd00:ec2::254 is internal'],
    ['http://[ff02::1]/x', 'the address ff02::1 is internal'],
    ['http://[::ffff:127.0.0.1]/x', 'the address ::ffff:7f00:1 is internal'],
    ['http://[::ffff:a9fe:a9fe]/x', 'the address ::ffff:a9fe:a9fe is internal'],
    ['http://[::7f00:1]/x', 'the address ::7f00:1 is internal'],
    ['http://[::127.0.0.1]/x', 'the address ::7f00:1 is internal'],
    [
      'http://[64:ff9b::a9fe:a9fe]/x',
      'the address 64:ff9b::a9fe:a9fe is internal',
    ],
    [
      'http://[64:ff9b::169.254.169.254]/x',
      'the address 64:ff9b::a9fe:a9fe is internal',
    ],
    [
      'http://[64:ff9b:1::a9fe:a9fe]/x',
      'the address 64:ff9b:1::a9fe:a9fe is internal',
    ],
    ['http://[::ffff:0:7f00:1]/x', 'the address ::ffff:0:7f00:1 is internal'],
    ['http://[2002:7f00:1::]/x', 'the address 2002:7f00:1:: is internal'],
    ['http://[2001::1]/x', 'the address 2001::1 is internal'],
    ['http://[2001:db8::1]/x', 'the address 2001:db8::1 is internal'],
    ['http://[100::1]/x', 'the address 100::1 is internal'],
    // The annotation names a folder, never the exact file.
    [
      'https://github.com/acme/dbt/raw/main/secret.json?',
      'a query (?) or fragment (#) is not allowed',
    ],
    [
      'https://github.com/acme/dbt/raw/main/secret.json?x=',
      'a query (?) or fragment (#) is not allowed',
    ],
    [
      'https://github.com/acme/dbt/raw/main/secret.json#',
      'a query (?) or fragment (#) is not allowed',
    ],
    // Scheme and credentials.
    ['file:///etc/passwd', 'the file: scheme is not allowed'],
    ['ftp://example.com/x', 'the ftp: scheme is not allowed'],
    ['https://user:pw@github.com/x', 'credentials in the URL are not allowed'],
    ['not a url', '"not a url" is not a valid URL'],
  ])('refuses %s: %s', (url, why) => {
    let error: unknown;
    try {
      validateFolderUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      `getdbt.com/artifacts-location: ${why}`,
    );
    expect((error as Error).message).toContain('use url:https://');
  });

  it.each([
    [
      'https://github.com/acme/dbt/tree/main/target',
      'https://github.com/acme/dbt/tree/main/target',
    ],
    [
      'https://github.com/acme/dbt/tree/main/target/',
      'https://github.com/acme/dbt/tree/main/target',
    ],
    ['https://GitHub.COM./Acme/Target', 'https://github.com/Acme/Target'],
    [
      'https://github.com/acme/%3F/target',
      'https://github.com/acme/%3F/target',
    ],
    ['https://8.8.8.8/target', 'https://8.8.8.8/target'],
    [
      'https://[2606:4700:4700::1111]/target',
      'https://[2606:4700:4700::1111]/target',
    ],
    [
      'https://gitlab.example.com:8443/a/b',
      'https://gitlab.example.com:8443/a/b',
    ],
  ])('accepts %s as %s', (url, folder) => {
    expect(validateFolderUrl(url)).toBe(folder);
  });
});

describe('validateFolderUrl on long hostile input', () => {
  // A generous guard bound (the issue asks every regular expression on user
  // text to be checked for backtracking): the trailing-slash and
  // trailing-dot regexes this replaced took seconds on 30 000 characters.
  it.each([
    [
      'a run of slashes inside the path',
      `https://github.com/${'/'.repeat(100_000)}x`,
    ],
    ['a run of dots inside the host', `https://a${'.'.repeat(100_000)}b/x`],
  ])('answers at once for %s', (_what, url) => {
    const started = performance.now();
    try {
      validateFolderUrl(url);
    } catch {
      // Refusing is as good as accepting here; only the time matters.
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('UrlArtifactsSource', () => {
  it('reads <folder>/manifest.json and <folder>/catalog.json as child URLs of the folder', async () => {
    const read: string[] = [];
    const urlReader = {
      readUrl: async (url: string) => {
        read.push(url);
        return {
          buffer: async () => Buffer.from('{"metadata": {}, "nodes": {}}'),
        };
      },
    } as unknown as UrlReaderService;
    const folder = validateFolderUrl(
      'https://github.com/acme/dbt/tree/main/a/../target/',
    );
    const source = new UrlArtifactsSource(folder, {
      urlReader,
      cache: mockServices.cache.mock(),
      maxBytes: 1024,
    });
    await source
      .fetch(
        { key: 'folder', info: { kind: 'url', name: folder, url: folder } },
        async () => undefined,
      )
      .catch(() => undefined);
    expect(read.sort()).toEqual([
      'https://github.com/acme/dbt/tree/main/target/catalog.json',
      'https://github.com/acme/dbt/tree/main/target/manifest.json',
    ]);
  });
});
