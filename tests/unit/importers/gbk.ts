/** A GBK/GB18030 two-byte encoder built by inverting TextDecoder (Node and browsers only decode GBK). */
let table: Map<string, [number, number]> | undefined;

function build(): Map<string, [number, number]> {
  const dec = new TextDecoder('gbk');
  const m = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !m.has(ch)) m.set(ch, [lead, trail]);
    }
  }
  return m;
}

export function encodeGbk(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const b = table.get(ch);
    if (!b) throw new Error(`not encodable in GBK: ${ch}`);
    out.push(b[0], b[1]);
  }
  return new Uint8Array(out);
}
