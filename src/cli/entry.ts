/** Runs the command line from source (tests spawn this through tsx; bin/watchfloor.js runs the build). */
import { main } from './main.js';

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`watchfloor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = process.exitCode || 2;
});
