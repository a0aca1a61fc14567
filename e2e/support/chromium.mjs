// How the tests and the benchmarks start Debian's Chromium: one place for its path and flags,
// with no package of its own, so the benchmarks (bench/, their own node_modules) share it.

// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The options for playwright-core's `chromium.launch`: Debian's build (or $CHROMIUM), headless.
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  };
}
