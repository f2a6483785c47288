#!/usr/bin/env bash
# Makes sure GuidePythonFunctionsIT has a Python 3 that can import requests (the guide's functions use it).
# Run by the emulator's build before its integration tests (exec-maven-plugin, see emulator/pom.xml).
#
#   ensure-python-requests.sh <guide.python> <output properties file> [<maven.test.skip>]
#
# guide.python = skip  -> does nothing; the test reports itself skipped.
# otherwise            -> finds python3 (on the PATH, else /usr/bin/python3) with requests, or installs
#                         Debian's python3-requests with apt-get install -y (as root or with passwordless
#                         sudo), or fails the build saying what to do.
# On success the interpreter's path goes to the properties file the test reads.
set -euo pipefail
source "$(dirname "$0")/ensure-common.sh"

ensure_start ensure-python-requests guide.python "the guide's Python functions will not be run." "$@"

find_python() {
  python_bin=""
  for candidate in "$(command -v python3 || true)" /usr/bin/python3; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import requests' 2>/dev/null; then
      python_bin="$candidate"
      return 0
    fi
  done
  return 1
}

fail() {
  cat >&2 <<MSG
[ensure-python-requests] ERROR: $1
  The emulator's GuidePythonFunctionsIT runs the guide's Python functions, which need Python 3 and requests.
  Install them:     sudo apt-get update && sudo apt-get install -y python3 python3-requests
  or skip the test: mvn -B verify -Dguide.python=skip
MSG
  exit 1
}

if ! find_python; then
  apt_install ensure-python-requests "no python3 can import requests" python3 python3-requests
  find_python || fail "python3-requests was installed but no python3 can import requests."
fi

version="$("$python_bin" -c 'import sys, requests; print("Python %d.%d.%d, requests %s" % (sys.version_info[:3] + (requests.__version__,)))')"
echo "[ensure-python-requests] using $version at $python_bin"
printf 'guide.python=run\npython=%s\nversion=%s\n' "$python_bin" "$version" > "$out"
