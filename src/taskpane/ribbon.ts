import { Problem } from '../adapters/office/errors';

/** What the ribbon asks of the pane: a run, or to show a sentence it could not show itself. */
export type RibbonRequest = { hitung: true } | { pesan: Problem };

/**
 * Between the ribbon's Hitung Capaian and the pane, which share one runtime (SharedRuntime 1.1): the
 * button starts the run in the pane, where Office ends no run after five minutes as it ends a
 * function command. A request sent before the pane listens waits for it.
 */
export class RibbonChannel {
  private waiting: RibbonRequest[] = [];
  private listener: ((request: RibbonRequest) => void) | null = null;

  send(request: RibbonRequest): void {
    if (this.listener) this.listener(request);
    else this.waiting.push(request);
  }

  /** Hears every request from now on, and those that waited; returns how to stop. */
  listen(listener: (request: RibbonRequest) => void): () => void {
    this.listener = listener;
    for (const request of this.waiting.splice(0)) listener(request);
    return () => {
      if (this.listener === listener) this.listener = null;
    };
  }
}

const LEFT = 'hitungCapaian.pesanPita';

/**
 * Where the ribbon's function runs apart from the pane (no SharedRuntime), a sentence it could not
 * show (its dialog would not open) waits in the add-in's storage for the pane to show when it opens.
 */
export function leaveForPane(problem: Problem): void {
  try {
    localStorage.setItem(LEFT, JSON.stringify(problem));
  } catch {
    // No storage here: the sentence is lost, as the dialog was.
  }
}

/** The sentence the ribbon left for the pane, once. */
export function takeLeft(): Problem | null {
  try {
    const text = localStorage.getItem(LEFT);
    localStorage.removeItem(LEFT);
    const left = text === null ? null : (JSON.parse(text) as Partial<Problem>);
    return left && typeof left.pesan === 'string' ? { pesan: left.pesan, rincian: typeof left.rincian === 'string' ? left.rincian : null } : null;
  } catch {
    return null;
  }
}
