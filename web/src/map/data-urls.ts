const urls = import.meta.glob('../../../data/layers/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const byFile = new Map(Object.entries(urls).map(([path, url]) => [path.split('/').pop() ?? path, url]));

/** Same-origin URL of a generated layer file; the build hashes and copies each file. */
export function dataUrl(file: string): string {
  const url = byFile.get(file);
  if (!url) throw new Error(`No data file named ${file} under data/layers/`);
  return new URL(url, document.baseURI).href;
}
