// How every test and benchmark starts Debian's Chromium: headless, and never reaching the network.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Dates in inputs as a UK planner sees them (dd/mm/yyyy).
  '--lang=en-GB',
];
