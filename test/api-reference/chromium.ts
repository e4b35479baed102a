import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser"];

/** Debian's Chromium (`apt-get install chromium`), or `CHROMIUM_PATH`; undefined when neither is there. */
export function findChromium(): string | undefined {
  const candidates = [
    ...(process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : []),
    ...(process.env.PATH ?? "").split(delimiter).flatMap((dir) => NAMES.map((name) => join(dir, name))),
  ];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The flags the project runs Chromium with: headless, no sandbox (containers), and none
 * of the background traffic a first run starts. Playwright adds `--headless` and the
 * `--user-data-dir` it is given.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
