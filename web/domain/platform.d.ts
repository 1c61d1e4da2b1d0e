/**
 * The platform APIs domain code may use, present alike in browsers, Web Workers and Node ≥ 20: WHATWG Encoding,
 * structured clone, High Resolution Time and Web Crypto (subsets, with the standard signatures). Only
 * tsconfig.domain.json includes this file; it type-checks web/domain without the DOM, WebWorker and Node
 * libraries, so anything else (document, window, indexedDB, DOMParser, Buffer, process) is a type error there.
 */

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: TextDecodeOptions): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

declare function structuredClone<T = unknown>(value: T, options?: { transfer?: ArrayBuffer[] }): T;

interface Performance {
  now(): number;
}
declare var performance: Performance;

interface Crypto {
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
  getRandomValues<T extends ArrayBufferView | null>(array: T): T;
}
declare var crypto: Crypto;
