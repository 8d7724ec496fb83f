// Preloaded into a benchmarked child (node --require): on exit, writes the process's
// peak resident set size in kilobytes to $JIAODUI_BENCH_RSS_FILE. Worker threads share
// the process, so they are counted.
const fs = require('node:fs');
const out = process.env.JIAODUI_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // the measurement is lost, the child's own result is not
    }
  });
}
