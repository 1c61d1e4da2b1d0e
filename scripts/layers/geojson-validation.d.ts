declare module 'geojson-validation' {
  export function valid(obj: unknown, trace: true): string[];
  export function valid(obj: unknown, trace?: false): boolean;
}
