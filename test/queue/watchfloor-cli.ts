/** The CLI straight from src/ (whatever dist/ holds), for tests that run workers as separate processes. */
import { main } from '../../src/cli/main.js';

try {
  await main(process.argv);
} catch (error) {
  process.stderr.write(`watchfloor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 2;
}
