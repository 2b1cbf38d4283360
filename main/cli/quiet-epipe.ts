// `clusters | head -1`: the reader left; stop quietly instead of printing a stack trace. For
// process.stdout's 'error' event, in both entries (the bin's cached answer and the ES module one).
export function quietOnEpipe(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
}
