/** The worker's bundle as text, for a blob worker (webpack.config.js builds it first). */
declare module 'peramban-worker-source' {
  const source: string;
  export default source;
}
