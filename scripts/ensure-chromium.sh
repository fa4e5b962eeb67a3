#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests when it is missing and we are allowed to.
# Never downloads a browser from anywhere else; without chromium the browser tests skip.
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "Could not install chromium; browser tests will be skipped."
else
  echo "chromium is not installed (apt-get install chromium); browser tests will be skipped."
fi
exit 0
