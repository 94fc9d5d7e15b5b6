import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumInstallCommand, findChromium } from '../../src/chromium.ts';

/**
 * Browser tests never skip: with no Chromium, install Debian's package when this process may
 * (root with apt-get), otherwise stop and say the command to run.
 */
export default function setup(): void {
  if (findChromium()) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(
      `No Chromium found for the browser tests. Install it with:\n  ${chromiumInstallCommand}\nor set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  console.log("No Chromium found: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!findChromium())
    throw new Error(`Installing chromium did not provide a browser. Install it by hand: ${chromiumInstallCommand}`);
}
