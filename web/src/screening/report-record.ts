/** SHA-256 of a text's UTF-8 bytes, as lowercase hex (Web Crypto; the canonical text is web/domain/report/record.ts). */
export async function sha256Hex(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}
