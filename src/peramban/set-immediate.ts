/**
 * setImmediate for JSZip in the page's worker, which has none. The setimmediate package JSZip would
 * bring compiles a string callback into code, which the page's Content-Security-Policy refuses (and
 * the bundle check finds): a message to itself does the same for functions, as that package does.
 */
const scope = globalThis as unknown as { setImmediate?: (callback: (...args: unknown[]) => void, ...args: unknown[]) => void };
if (!scope.setImmediate) {
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (callback, ...args) => {
    queue.push(() => callback(...args));
    channel.port2.postMessage(null);
  };
}
