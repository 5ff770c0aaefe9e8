// Shared Playwright helpers for the journeys: a real server, Debian's Chromium, and an axe check.
export { startServer, type RunningServer, type StartOptions } from './server.js'
export { launchBrowser, chromiumArgs, chromiumPath } from './browser.js'
export { checkA11y, type A11yOptions } from './a11y.js'
