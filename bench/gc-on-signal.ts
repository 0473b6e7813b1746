/**
 * Preloaded into a bench child (`--expose-gc --require gc-on-signal.js`):
 * SIGUSR2 runs a full garbage collection, so the memory item can read the
 * live heap after each round instead of whatever garbage V8 has not yet
 * collected. The app's own code is untouched; this only adds the handler.
 */
process.on('SIGUSR2', () => {
  if (typeof globalThis.gc === 'function') globalThis.gc();
});
