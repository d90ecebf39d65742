// Preloaded by bench/lib.mjs: prints this process's peak RSS to stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`ACTFN_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
