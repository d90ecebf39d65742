/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
import type { OutputStream } from './io.js';

export interface Progress {
  step(label: string): void;
  done(): void;
}

const WIDTH = 24;

export function progressBar(stream: OutputStream, total: number): Progress {
  if (!stream.isTTY || total <= 1) return { step() {}, done() {} };
  let count = 0;
  return {
    step(label) {
      count++;
      const filled = Math.round((count / total) * WIDTH);
      stream.write(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${count}/${total} ${label}`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
