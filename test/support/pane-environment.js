const { TestEnvironment } = require('jest-environment-jsdom');

/**
 * jsdom, with what the pane's code uses from the platform and jsdom lacks (every browser the pane
 * supports has them): text encoding, streams, compression, matchMedia and ResizeObserver (Fluent).
 */
class PaneEnvironment extends TestEnvironment {
  async setup() {
    await super.setup();
    const { TextEncoder, TextDecoder } = require('util');
    const streams = require('stream/web');
    Object.assign(this.global, {
      TextEncoder,
      TextDecoder,
      ReadableStream: streams.ReadableStream,
      WritableStream: streams.WritableStream,
      TransformStream: streams.TransformStream,
      CompressionStream: streams.CompressionStream,
      DecompressionStream: streams.DecompressionStream,
      // jsdom's Blob has no stream(), which the package reader uses.
      Blob: require('buffer').Blob,
      setImmediate,
      clearImmediate,
    });
    this.global.matchMedia ??= (query) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} });
    this.global.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
}

module.exports = PaneEnvironment;
