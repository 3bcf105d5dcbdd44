// Sums the JSON reports of Vitest and Playwright written under a directory: prints
// "passed failed flaky" (flaky: Playwright tests that passed only on retry, also counted as passed).
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2];
let passed = 0;
let failed = 0;
let flaky = 0;

function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith(".json")) count(JSON.parse(fs.readFileSync(file, "utf8")));
  }
}

function count(report) {
  if (typeof report.numPassedTests === "number") {
    // Vitest (Jest-compatible JSON reporter)
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (report.stats) {
    // Playwright JSON reporter: unexpected = failed; flaky passed on retry
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected ?? 0;
    flaky += report.stats.flaky ?? 0;
  }
}

walk(root);
console.log(`${passed} ${failed} ${flaky}`);
