// How every entry reaches the engine's instance and keeps it answering. Each entry (pkg-template/entries/)
// inlines this file after api.js, so it uses no import or export itself.

/** Linear memory above which an instance is replaced once the call that grew it has finished (wasm memory never shrinks). */
const LARGE_MEMORY = 16 * 2 ** 20;

/**
 * The glue's functions for createApi, around one instance of the engine at a time. `start()` makes an instance
 * from the compiled module (or throws): before the first call, unless `live()` says one exists, and after a break.
 *
 * A break is a call into the engine that throws anything but a CentileError. A stack overflow (an app's deep
 * recursion calling centile with the JavaScript stack nearly full) or a trap stops the engine where it stands:
 * nothing unwinds its memory, so the shadow-stack pointer is not restored and the allocator may be half-way
 * through a change. The instance is dropped and the error rethrown; the next call starts a new instance (a start
 * that itself runs out of stack is retried by the call after). When the break was an allocation the host refused
 * (the linear memory could not grow), which the engine records (`__centileAllocationFailed`), the call throws a
 * 422 CentileError (`too_large`) instead of the trap. `onStart(f)` registers what createApi must forget about the
 * old instance; `settle()`, after each public call, drops an instance whose memory grew past LARGE_MEMORY.
 * `detaches` says growing the memory detaches its old buffer, as WebAssembly's does (wasm2js's, in centile/js,
 * leaves it attached); `engine.detaches` tells createApi.
 */
function instance(glue, start, detaches = true) {
  const raw = {}, forget = [];
  let memory = null; // the live instance's memory; null when there is none
  let probe = null; // a view of the memory's buffer as `settle` last saw it (see stale)
  // Asked of the broken instance before a new one replaces it (a leaf that reads one flag; false if even that fails).
  const allocationFailed = () => {
    try {
      return glue.__centileAllocationFailed() === true;
    } catch {
      return false;
    }
  };
  const live = () => {
    memory = glue.linearMemory();
    probe = null;
    for (const f of forget) f();
  };
  for (const name of Object.keys(glue)) {
    // Not the glue's start-up functions, nor its and centile's own (`__`).
    if (name === 'default' || name === 'initSync' || name.startsWith('__')) continue;
    const f = glue[name];
    // Fixed arity (the glue's functions take at most eight arguments): a spread would go through the array
    // iterator, which other code can patch.
    raw[name] = (a, b, c, d, e, g, h, i) => {
      if (memory === null) {
        start();
        live();
      }
      try {
        return f(a, b, c, d, e, g, h, i);
      } catch (error) {
        // The wasm's 422s (plain Errors named CentileError) become the exported class.
        if (error && error.name === 'CentileError') {
          throw error instanceof CentileError ? error : new CentileError(error.message, error.detail, error.status);
        }
        memory = null;
        if (allocationFailed()) throw rejection(['body'], 'There is not enough memory for this call', 'too_large');
        throw error;
      }
    };
  }
  const settle = () => {
    if (memory === null || !stale(probe, memory, detaches)) return;
    const { buffer } = memory;
    if (buffer.byteLength > LARGE_MEMORY) memory = null;
    else probe = new Uint8Array(buffer, 0, 1);
  };
  return { raw, live, settle, detaches, onStart: (f) => { forget.push(f); } };
}

/**
 * Whether `view` (null, or a view of `memory`'s buffer) no longer shows that buffer: growing a WebAssembly memory
 * detaches its old buffer and so empties the view, whose length is read inline, where reading a memory's buffer is
 * a call into the engine each time. Where growing does not detach (`detaches` false: wasm2js's memory, in
 * centile/js), the buffers are compared.
 */
function stale(view, memory, detaches) {
  return view === null || view.length === 0 || (!detaches && view.buffer !== memory.buffer);
}
