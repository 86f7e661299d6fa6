// The .wasm as a JavaScript module of printable ASCII, for the package's default entry: any bundler, dev server or
// minifier takes it as plain JavaScript (no .wasm loader, no plugin, no top-level await), and the page compiles it
// synchronously on first use.
//
// The code: the 87 most frequent bytes are one character each, the others an escape character and one more. A
// byte is always written the same way, so repeated byte runs stay repeated text and HTTP gzip or brotli compress
// the module about as well as the .wasm itself (base64 would break them up: about 25% larger gzipped), and
// decoding is one pass with no inflater. The alphabet leaves out the quotes, `\`, `$` and `<`, so no minifier has
// a reason to escape a character and no HTML parser can see a closing tag in it.

const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !`"'\`\\$<`.includes(c)).join('');
const ESCAPES = 2;
const SINGLES = ALPHABET.length - ESCAPES;

/** The module's source text for `bytes` (a Uint8Array); it exports `wasmBytes()`, which returns a copy of them. */
export function wasmModuleSource(bytes, banner) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  // Most frequent first; ties by byte value, so the same .wasm always gives the same text.
  const byRank = [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
  const code = new Array(256);
  byRank.forEach((byte, rank) => {
    code[byte] = rank < SINGLES ? ALPHABET[rank]
      : ALPHABET[SINGLES + Math.floor((rank - SINGLES) / ALPHABET.length)] + ALPHABET[(rank - SINGLES) % ALPHABET.length];
  });
  const text = Array.from(bytes, (b) => code[b]).join('');
  const hex = Buffer.from(byRank).toString('hex');
  return `${banner}// The bytes of centile_bg.wasm as printable ASCII (see scripts/wasm-text.mjs): a character of the first
// ${SINGLES} in ALPHABET is the byte of that rank; either of the last ${ESCAPES} starts a two-character code for the rarer ones.
const ALPHABET = '${ALPHABET}';
const BYTE_OF_RANK = '${hex}';
const SIZE = ${bytes.length};
const TEXT = '${text}';

/** The .wasm bytes, decoded afresh on each call. */
export function wasmBytes() {
  const rank = new Uint8Array(128);
  for (let i = 0; i < ALPHABET.length; i++) rank[ALPHABET.charCodeAt(i)] = i;
  const byteOf = new Uint8Array(256);
  for (let i = 0; i < 256; i++) byteOf[i] = parseInt(BYTE_OF_RANK.slice(2 * i, 2 * i + 2), 16);
  const out = new Uint8Array(SIZE);
  let n = 0;
  for (let i = 0; i < TEXT.length; i++) {
    let r = rank[TEXT.charCodeAt(i)];
    if (r >= ${SINGLES}) r = ${SINGLES} + (r - ${SINGLES}) * ${ALPHABET.length} + rank[TEXT.charCodeAt(++i)];
    out[n++] = byteOf[r];
  }
  if (n !== SIZE) throw new Error(\`centile: the embedded WebAssembly module is damaged (\${n} of \${SIZE} bytes)\`);
  return out;
}
`;
}
