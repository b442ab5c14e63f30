// Preloaded by the bench into the processes it measures (`node --expose-gc --import ./bench/settle.mjs …`), the
// server and the bare relay alike: on SIGUSR2 a full garbage collection runs, so their memory is read settled.
// It answers `bench:settled <process.memoryUsage() as JSON>` on stderr once done. Nothing else changes.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  process.stderr.write(`bench:settled ${JSON.stringify(process.memoryUsage())}\n`);
});
