# Sourced by the ensure-*.sh scripts, which make sure a test finds what it needs before the tests run,
# and by bench/run. The sourcing script defines fail <message> (print what to do, exit 1).

# Reads the arguments every ensure-*.sh takes and sets $out, the properties file the test reads. Ends
# the script when no test will run (-Dmaven.test.skip) or when the test is skipped: then it writes
# <property>=skip to $out (the test reports itself skipped). A mode other than run or skip is an error.
#
#   ensure_start <log tag> <property> <what skip means> <mode> <output properties file> [<maven.test.skip>]
ensure_start() {
  local tag=$1 property=$2 skipped=$3
  local mode="${4:-run}"
  out="${5:?usage: $tag.sh <$property> <output properties file> [<maven.test.skip>]}"
  if [ "${6:-false}" = "true" ]; then
    exit 0   # -Dmaven.test.skip: no tests run, so nothing is needed.
  fi
  mkdir -p "$(dirname "$out")"
  if [ "$mode" != "run" ] && [ "$mode" != "skip" ]; then
    echo "[$tag] ERROR: $property must be run or skip, not '$mode'." >&2
    exit 1
  fi
  if [ "$mode" = "skip" ]; then
    echo "[$tag] $property=skip: $skipped"
    printf '%s=skip\n' "$property" > "$out"
    exit 0
  fi
}

# Installs Debian packages a test needs, once per machine, as root or with passwordless sudo, trying
# again after refreshing the package lists; calls fail with what went wrong.
#
#   apt_install <log tag> <what is missing> <package>...
apt_install() {
  local tag=$1 missing=$2
  shift 2
  local as_root=()
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      fail "$missing and this user can neither install packages (not root, no passwordless sudo)."
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || fail "$missing and there is no apt-get to install $* with."
  local started
  started=$(date +%s)
  echo "[$tag] installing $* with apt-get (once per machine)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@"; then
    echo "[$tag] install failed; refreshing the package lists and trying again."
    "${as_root[@]}" apt-get update -q || fail "apt-get update failed."
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@" || fail "apt-get install $* failed."
  fi
  echo "[$tag] installed in $(( $(date +%s) - started ))s."
}
