/**
 * Debian's Chromium as the browser tests and the first-paint benchmark launch it: headless, without the
 * work a desktop browser does beside the page (its own interface pages, updates, sync), so that what it
 * costs is the application's pages.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/**
 * What Playwright turns off with its own --disable-features. Chromium honours only the last of those
 * switches, so ours names them again; browser.test.ts fails when Playwright's list names one more.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
/**
 * Headless Chromium builds its window's interface for every context, and the address bar's suggestion
 * popups are web pages of their own (chrome://omnibox-popup.top-chrome) loaded in a renderer of their own:
 * 1.3 to 1.5 seconds of processor time a context, more than the application's page took.
 */
const BROWSER_INTERFACE_PAGES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_INTERFACE_PAGES].join(',')}`,
  // One renderer process for a context, where Chromium started one for the blank page a context opens
  // with, another for the application it then loads, one for each sandboxed frame and one in reserve.
  // Contexts never share one, so each test still has its own.
  '--renderer-process-limit=1',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
