/**
 * A jest reporter that ends the run with one plain line, "N passed, N failed",
 * for anyone (or any CI) reading only the last line of the log. Skipped groups
 * are listed above it by name, and the name says why (e.g. redis-server missing).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const groups = new Set();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const group = test.ancestorTitles[0] ?? test.title;
        // Only groups skipped for a stated reason (not those left out by -t or .only).
        if ((test.status === 'pending' || test.status === 'todo') && group.includes('[skipped: ')) groups.add(group);
      }
    }
    for (const group of groups) process.stdout.write(`\nskipped: ${group}`);
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = SummaryReporter;
