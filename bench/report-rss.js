// Preloaded with `node -r` by the bench: prints the process's peak resident memory when it exits.
process.on('exit', () => require('fs').writeSync(2, `\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));
