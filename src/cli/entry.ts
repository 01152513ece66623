/** Runs the command line from source (tests spawn this through tsx; bin/watchfloor.js runs the build). */
import { main } from './main.js';

// main() prints its own errors and sets the exit status; it does not throw.
await main(process.argv);
