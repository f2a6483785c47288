#!/usr/bin/env bash
# Makes sure the browser test has Debian's headless Chromium and its matching chromedriver.
# Run by the emulator's build before its tests (exec-maven-plugin, see emulator/pom.xml).
#
#   ensure-chromium.sh <browser.tests> <output properties file> [<maven.test.skip>]
#
# browser.tests = skip  -> does nothing; the browser test reports itself skipped.
# otherwise             -> finds chromium + chromedriver, or installs them with
#                          apt-get install -y chromium chromium-driver (as root or with
#                          passwordless sudo), or fails the build saying what to do.
# On success the paths go to the properties file the browser test reads.
set -euo pipefail
source "$(dirname "$0")/ensure-common.sh"

ensure_start ensure-chromium browser.tests "the real-browser test will be skipped." "$@"

find_browser() {
  chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
  driver_bin="$(command -v chromedriver || true)"
  [ -z "$driver_bin" ] && [ -x /usr/bin/chromedriver ] && driver_bin=/usr/bin/chromedriver
  [ -n "$chromium_bin" ] && [ -n "$driver_bin" ]
}

fail() {
  cat >&2 <<MSG
[ensure-chromium] ERROR: $1
  The emulator's real-browser test (HostedCheckoutInARealBrowserTest) needs Debian's Chromium and chromedriver.
  Install them:     sudo apt-get update && sudo apt-get install -y chromium chromium-driver
  or skip the test: mvn -B verify -Dbrowser.tests=skip
MSG
  exit 1
}

if ! find_browser; then
  apt_install ensure-chromium "chromium or chromedriver is missing" chromium chromium-driver
  find_browser || fail "chromium-driver was installed but chromium or chromedriver is still not on the PATH."
fi

version="$("$chromium_bin" --version 2>/dev/null || true)"
[ -n "$version" ] || fail "$chromium_bin does not run (chromium --version printed nothing)."
echo "[ensure-chromium] using $version at $chromium_bin, driver $driver_bin"
printf 'browser.tests=run\nchromium=%s\nchromedriver=%s\nversion=%s\n' "$chromium_bin" "$driver_bin" "$version" > "$out"
