/** Where the command line writes: the terminal, or a test's capture. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Write without a line end, piece by piece (a large JSON report to the terminal). */
  write?(piece: string): Promise<void> | void;
}

/** The process's stdout and stderr; `write` waits for stdout to drain. */
export const processIo: Io = {
  out: (t) => process.stdout.write(t + '\n'),
  err: (t) => process.stderr.write(t + '\n'),
  write: (piece) =>
    new Promise<void>((resolve) => {
      if (process.stdout.write(piece)) resolve();
      else process.stdout.once('drain', () => resolve());
    }),
};

