// UTF-8 for the pure-JavaScript build (centile/js), which must run where TextDecoder and TextEncoder do not exist
// (Hermes, script engines). scripts/build-js.mjs injects these in place of the globals that wasm-bindgen's glue
// uses. They behave exactly as the WHATWG encoding standard's UTF-8 decoder (replacement mode, BOM kept, as the
// glue's `ignoreBOM: true`) and encoder; tests/js/utf8.test.mjs compares them with Node's on random input.
// Written with function constructors, not class syntax, so that older engines parse them unchanged.

const REPLACEMENT = 0xfffd;

/** Decodes UTF-8 bytes, each invalid or truncated sequence becoming one U+FFFD ("maximal subpart" rule). */
export function TextDecoder() {}
TextDecoder.prototype.decode = function decode(bytes) {
  if (bytes === undefined) return '';
  const n = bytes.length;
  let out = '';
  let units = [];
  const flush = () => {
    out += String.fromCharCode.apply(null, units);
    units = [];
  };
  let i = 0;
  while (i < n) {
    const b = bytes[i++];
    let cp = b;
    if (b >= 0x80) {
      let need = 0, lower = 0x80, upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
      else cp = REPLACEMENT;
      for (; need > 0; need--) {
        const c = i < n ? bytes[i] : -1;
        // A byte that does not continue the sequence ends it with U+FFFD and is read again on its own.
        if (c < lower || c > upper) { cp = REPLACEMENT; break; }
        cp = (cp << 6) | (c & 0x3f);
        lower = 0x80;
        upper = 0xbf;
        i++;
      }
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= 8190) flush();
  }
  flush();
  return out;
};

/** The UTF-8 bytes of one code point starting at `s[i]` into `sink(byte)`; returns the UTF-16 units read. */
function encodePoint(s, i, sink) {
  let cp = s.charCodeAt(i);
  let read = 1;
  if (cp >= 0xd800 && cp <= 0xdfff) {
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      read = 2;
    } else {
      cp = REPLACEMENT; // a lone surrogate
    }
  }
  if (cp < 0x80) sink(cp);
  else if (cp < 0x800) { sink(0xc0 | (cp >> 6)); sink(0x80 | (cp & 0x3f)); }
  else if (cp < 0x10000) { sink(0xe0 | (cp >> 12)); sink(0x80 | ((cp >> 6) & 0x3f)); sink(0x80 | (cp & 0x3f)); }
  else { sink(0xf0 | (cp >> 18)); sink(0x80 | ((cp >> 12) & 0x3f)); sink(0x80 | ((cp >> 6) & 0x3f)); sink(0x80 | (cp & 0x3f)); }
  return read;
}

/** Encodes strings as UTF-8, each lone surrogate as U+FFFD. */
export function TextEncoder() {}
TextEncoder.prototype.encode = function encode(input) {
  const s = input === undefined ? '' : String(input);
  const bytes = [];
  const sink = (b) => { bytes.push(b); };
  for (let i = 0; i < s.length;) i += encodePoint(s, i, sink);
  return new Uint8Array(bytes);
};
/** Writes whole code points while they fit into `view`; returns `{ read, written }` as the standard does. */
TextEncoder.prototype.encodeInto = function encodeInto(input, view) {
  const s = String(input);
  let read = 0, written = 0;
  const sink = (b) => { view[written++] = b; };
  while (read < s.length) {
    const c = s.charCodeAt(read);
    // A surrogate pair takes 4 bytes; a lone surrogate becomes U+FFFD, 3 bytes.
    const pair = c >= 0xd800 && c <= 0xdbff && read + 1 < s.length && (s.charCodeAt(read + 1) & 0xfc00) === 0xdc00;
    const need = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    if (written + need > view.length) break;
    read += encodePoint(s, read, sink);
  }
  return { read, written };
};
