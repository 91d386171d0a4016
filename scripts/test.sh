#!/bin/sh
# Set up and run the tests: the project with its test extras, Debian's chromium
# for the browser tests (installed when this machine can), then pytest.
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' >/dev/null
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium: browser tests will skip" >&2
fi
exec .venv/bin/python -m pytest "$@"
