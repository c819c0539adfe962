import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

// Preloaded into a server by `npm run bench:profile` (node --require): SIGUSR2 starts the V8 CPU
// profiler, the next SIGUSR2 stops it and writes the profile to PROFILE_DIR. The bench starts it
// after a warm-up, so start-up (migrations, schema building) and the JIT's first compilations stay
// out of the profile; --cpu-prof would record the whole life of the process.
const directory = process.env.PROFILE_DIR;
if (!directory) throw new Error("profile-hook needs PROFILE_DIR");
const session = new Session();
session.connect();
let running = false;
let written = 0;

const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

process.on("SIGUSR2", () => {
  const step = running
    ? post("Profiler.stop").then((result) => {
        const file = path.join(directory, `profile-${++written}.cpuprofile`);
        fs.writeFileSync(`${file}.part`, JSON.stringify((result as { profile: unknown }).profile));
        // Renamed when complete: the bench waits for this name.
        fs.renameSync(`${file}.part`, file);
      })
    : post("Profiler.enable")
        .then(() => post("Profiler.setSamplingInterval", { interval: 100 }))
        .then(() => post("Profiler.start"));
  running = !running;
  step.catch((error: unknown) => console.error(`profile-hook: ${error instanceof Error ? error.message : String(error)}`));
});
