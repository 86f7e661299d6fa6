// The .wasm as a JavaScript module of printable ASCII, for the package's default entry: any bundler, dev server or
// minifier takes it as plain JavaScript (no .wasm loader, no plugin, no top-level await), and the page compiles it
// synchronously on first use.
//
// The code: the 90 most frequent bytes are one character each, the others an escape character and one more. A
// byte is always written the same way, so repeated byte runs stay repeated text and HTTP gzip or brotli compress
// the module about as well as the .wasm itself (base64 would break them up: about 25% larger gzipped). The
// alphabet is printable ASCII without `'` (the text is one single-quoted literal), `\` and `<` (so no HTML parser
// can see a closing tag in it): nothing in it needs escaping, so no minifier has a reason to rewrite it.
//
// Decoding: TextEncoder copies the text into the memory of a small WebAssembly decoder (DECODER below, built with
// binaryen's wasm-as for each .wasm, its code tables in its data segment), whose loop turns it into the bytes in
// place; the bytes are returned as a view of that memory, which nothing else holds (no copy). A JavaScript loop over the same 300,000
// characters ran mostly before the engine had optimised it, about four times as long on a cold page. The loop is
// never optimised: V8 runs a function's first calls as baseline (Liftoff) code and, once the function has run a
// given amount of code, optimises it on a background thread. For this loop that job (2.6-3.6 ms of CPU, traced)
// began as the decoding ended, so nothing ran the optimised code, and it took the page's other core while the
// module compiled and the first calculation ran. So the decoder has one copy of the loop per CHUNK characters,
// each called once, and none of them runs long enough to be optimised.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { eagerCompile } from './eager-compile.mjs';

const ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => !`'\\<`.includes(c)).join('');
const ESCAPES = 2;
const SINGLES = ALPHABET.length - ESCAPES;
// The decoder's memory: the byte of each single character (128 bytes), the byte of each escape character and
// the character after it (2 x 128), then the text, which is decoded in place (a byte never takes more room than its
// characters). The escape characters are the last two of ALPHABET, the only characters at or above ESCAPE_AT.
const SINGLE = 0, ESCAPED = 128, TEXT_AT = 384;
const ESCAPE_AT = ALPHABET.charCodeAt(SINGLES);
const CHUNK = 32768;
/**
 * The decoder's text: `single` (the byte of each single character) and `escaped` (of each escape and character);
 * `copies` functions, exported as "0", "1", …
 */
const decoder = (single, escaped, copies) => `(module
  (import "m" "m" (memory 1))
  (data (i32.const ${SINGLE}) "${wat(single)}")
  (data (i32.const ${ESCAPED}) "${wat(escaped)}")
  ;; Where the next call goes on: the next character to read and the next byte to write.
  (global $in (mut i32) (i32.const ${TEXT_AT}))
  (global $out (mut i32) (i32.const ${TEXT_AT}))
${Array.from({ length: copies }, (_, k) => copy(k)).join('\n')})`;

/** Copy `k` of the decoding loop. */
const copy = (k) => `  ;; Decodes the characters before address $end (a code that starts before it is read whole); returns the number
  ;; of bytes written so far. Four characters at a time while none of them is an escape (adding 128 - ESCAPE_AT to
  ;; each byte of the word sets the high bit of an escape's alone, as characters are below 128 and no byte carries
  ;; into the next), otherwise one: 0.8 -> 0.63 ms median in a cold Chromium page, unthrottled (its loop runs as
  ;; Liftoff code), against one character a step through two tables.
  (func (export "${k}") (param $end i32) (result i32)
    (local $i i32) (local $o i32) (local $w i32) (local $c i32)
    (local.set $i (global.get $in))
    (local.set $o (global.get $out))
    (block $done
      (loop $next
        (if (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $end))
          (then
            (local.set $w (i32.load (local.get $i)))
            (if (i32.eqz (i32.and (i32.add (local.get $w) (i32.const ${0x01010101 * (128 - ESCAPE_AT)})) (i32.const 0x80808080)))
              (then
                (i32.store (local.get $o) (i32.or
                  (i32.or
                    (i32.load8_u offset=${SINGLE} (i32.and (local.get $w) (i32.const 0xff)))
                    (i32.shl (i32.load8_u offset=${SINGLE} (i32.and (i32.shr_u (local.get $w) (i32.const 8)) (i32.const 0xff))) (i32.const 8)))
                  (i32.or
                    (i32.shl (i32.load8_u offset=${SINGLE} (i32.and (i32.shr_u (local.get $w) (i32.const 16)) (i32.const 0xff))) (i32.const 16))
                    (i32.shl (i32.load8_u offset=${SINGLE} (i32.shr_u (local.get $w) (i32.const 24))) (i32.const 24)))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (local.set $o (i32.add (local.get $o) (i32.const 4)))
                (br $next)))))
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (i32.ge_u (local.get $c) (i32.const ${ESCAPE_AT}))
          (then
            (local.set $c (i32.load8_u offset=${ESCAPED}
              (i32.or (i32.shl (i32.sub (local.get $c) (i32.const ${ESCAPE_AT})) (i32.const 7)) (i32.load8_u (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1))))
          (else (local.set $c (i32.load8_u offset=${SINGLE} (local.get $c)))))
        (i32.store8 (local.get $o) (local.get $c))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (br $next)))
    (global.set $in (local.get $i))
    (global.set $out (local.get $o))
    (i32.sub (local.get $o) (i32.const ${TEXT_AT})))`;

/** `bytes` as a WebAssembly text string's contents. */
const wat = (bytes) => Array.from(bytes, (b) => `\\${b.toString(16).padStart(2, '0')}`).join('');

/** The characters of the byte of rank `rank`: one of the first SINGLES, or an escape and one more. */
const codeOf = (rank) => (rank < SINGLES ? ALPHABET[rank]
  : ALPHABET[SINGLES + Math.floor((rank - SINGLES) / ALPHABET.length)] + ALPHABET[(rank - SINGLES) % ALPHABET.length]);

/**
 * The decoder for `byRank` (the byte of each rank) with `copies` copies of its loop, assembled by binaryen's wasm-as
 * (`wasmAs`, its path).
 */
function decoderBytes(byRank, wasmAs, copies) {
  const single = new Uint8Array(ESCAPED - SINGLE), escaped = new Uint8Array(TEXT_AT - ESCAPED);
  byRank.forEach((byte, rank) => {
    const code = codeOf(rank);
    if (code.length === 1) single[code.charCodeAt(0)] = byte;
    else escaped[((code.charCodeAt(0) - ESCAPE_AT) << 7) | code.charCodeAt(1)] = byte;
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'centile-decoder-'));
  try {
    writeFileSync(path.join(dir, 'decoder.wat'), decoder(single, escaped, copies));
    execFileSync(wasmAs, [path.join(dir, 'decoder.wat'), '-o', path.join(dir, 'decoder.wasm')], { stdio: 'inherit' });
    return readFileSync(path.join(dir, 'decoder.wasm'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The module's source text for `bytes` (a Uint8Array); it exports `wasmBytes()`, which decodes them anew at each
 * call.
 * `wasmAs` is the path of binaryen's wasm-as.
 */
export function wasmModuleSource(bytes, banner, wasmAs) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  // Most frequent first; ties by byte value, so the same .wasm always gives the same text.
  const byRank = [...count.keys()].sort((a, b) => count[b] - count[a] || a - b);
  const code = new Array(256);
  byRank.forEach((byte, rank) => {
    code[byte] = codeOf(rank);
  });
  const text = Array.from(bytes, (b) => code[b]).join('');
  // A character of the first SINGLES in ALPHABET is the byte of that rank; either of the last ESCAPES starts a
  // two-character code for the rarer ones. Shipped minified like the package's other browser files (esbuild keeps
  // the text as it is, which is checked), its function compiled with the script (scripts/eager-compile.mjs).
  const source = `const SIZE = ${bytes.length};
const DECODER = [${[...decoderBytes(byRank, wasmAs, Math.max(1, Math.ceil(text.length / CHUNK)))].join(',')}];
const TEXT = '${text}';

export function wasmBytes() {
  const memory = new WebAssembly.Memory({ initial: Math.ceil((${TEXT_AT} + TEXT.length) / 65536) });
  const heap = new Uint8Array(memory.buffer);
  const { read, written } = new TextEncoder().encodeInto(TEXT, heap.subarray(${TEXT_AT}));
  const decode = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(DECODER)), { m: { m: memory } }).exports;
  let n = -1;
  if (read === TEXT.length && written === TEXT.length) {
    for (let k = 0, end = ${TEXT_AT}; end < ${TEXT_AT} + written; k++) n = decode[k](end = Math.min(end + ${CHUNK}, ${TEXT_AT} + written));
  }
  if (n !== SIZE) throw new Error(\`centile: the embedded WebAssembly module is damaged (\${n} of \${SIZE} bytes)\`);
  return heap.subarray(${TEXT_AT}, ${TEXT_AT} + SIZE);
}
`;
  const { code: minified } = transformSync(source, { format: 'esm', legalComments: 'none', minify: true });
  if (!minified.includes(`'${text}'`)) throw new Error('esbuild rewrote the .wasm text');
  return banner + eagerCompile(minified);
}
