/**
 * Offset of the first JSON syntax error in `s`, with a short description, or undefined if it parses.
 * Used only after JSON.parse has failed, because engines differ in whether they report a position.
 */
export function locateJsonError(s: string): { at: number; what: string } | undefined {
  let i = 0;
  const n = s.length;
  class Stop {
    constructor(
      readonly at: number,
      readonly what: string,
    ) {}
  }
  const ws = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (what: string): never => {
    throw new Stop(i, i >= n ? 'unexpected end of data' : what);
  };
  const ch = () => (i < n ? JSON.stringify(s[i]) : '');
  const value = (depth: number): void => {
    if (depth > 10000) fail('nesting too deep');
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (s[i] !== '"') fail(`expected a double-quoted property name, found ${ch()}`);
        string();
        ws();
        if (s[i] !== ':') fail(`expected “:”, found ${ch()}`);
        i++;
        value(depth + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return;
        }
        fail(`expected “,” or “}”, found ${ch()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return;
        }
        fail(`expected “,” or “]”, found ${ch()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      number();
      return;
    }
    for (const w of ['true', 'false', 'null']) {
      if (s.startsWith(w, i)) {
        i += w.length;
        return;
      }
    }
    fail(`unexpected ${ch()}`);
  };
  const string = () => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c < 0x20) fail('control character in string');
      i++;
    }
    fail('unterminated string');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) fail(`invalid number`);
    i += (m as RegExpExecArray)[0].length;
  };
  try {
    if (s.charCodeAt(0) === 0xfeff) i = 1;
    value(0);
    ws();
    if (i < n) fail(`unexpected ${ch()} after the end of the data`);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { at: e.at, what: e.what };
    if (e instanceof RangeError) return { at: i, what: 'nesting too deep' };
    throw e;
  }
}

/** Line and column (1-based) of a character offset. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}
