// Preloaded into a benchmarked child (node --require): on exit, writes the process's
// peak resident set size in kilobytes to $JIAODUI_BENCH_RSS_FILE, and its CPU time
// (user + system, milliseconds) to the same name with ".cpu" added: on a loaded machine
// CPU time compares runs where wall time does not. Worker threads share the process,
// so they are counted.
const fs = require('node:fs');
const out = process.env.JIAODUI_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      fs.writeFileSync(out, String(usage.maxRSS));
      fs.writeFileSync(`${out}.cpu`, String((usage.userCPUTime + usage.systemCPUTime) / 1000));
    } catch {
      // the measurement is lost, the child's own result is not
    }
  });
}
