// Reading and writing the few parts of a .wasm binary that the name
// minifiers touch (scripts/minify-imports.mjs, scripts/minify-exports.mjs):
// LEB128 numbers, names, and the list of sections.

/** The n-th short name: a … Z, then aa, ab, … */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const shortName = (n) => (n < LETTERS.length ? LETTERS[n] : shortName(Math.floor(n / LETTERS.length) - 1) + LETTERS[n % LETTERS.length]);

/** A reader of a .wasm's bytes from `at`; `fail(message)` reports a malformed file. */
export class Reader {
  constructor(bytes, at, fail) {
    this.bytes = bytes;
    this.at = at;
    this.fail = fail;
  }
  byte() {
    if (this.at >= this.bytes.length) this.fail('the .wasm ends early');
    return this.bytes[this.at++];
  }
  uleb() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return value;
    }
  }
  name() {
    const length = this.uleb();
    const text = this.bytes.subarray(this.at, this.at + length).toString('utf8');
    this.at += length;
    return text;
  }
}

/** `value` as an unsigned LEB128 number. */
export const uleb = (value) => {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
};

/** `text` as a .wasm name: its UTF-8 length, then its bytes. */
export const wasmName = (text) => Buffer.concat([uleb(Buffer.byteLength(text)), Buffer.from(text)]);

/** The sections of `wasm`: id, where the section starts (`head`), and its content (`start`…`end`). */
export function sections(wasm, fail) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) fail('not a .wasm');
  const found = [];
  const reader = new Reader(wasm, 8, fail);
  while (reader.at < wasm.length) {
    const head = reader.at;
    const id = reader.byte();
    const size = reader.uleb();
    found.push({ id, head, start: reader.at, end: reader.at + size });
    reader.at += size;
  }
  return found;
}

/** `wasm` with the section `section` (from `sections`) replaced by `body`. */
export const withSection = (wasm, section, body) =>
  Buffer.concat([wasm.subarray(0, section.head), Buffer.from([section.id]), uleb(body.length), body, wasm.subarray(section.end)]);
