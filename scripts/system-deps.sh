#!/usr/bin/env bash
# Installs the Debian packages the test suite uses when they are missing: raptor2-utils (rapper, an independent
# RDF parser), chromium (headless browser tests of the network pages) and virtuoso-opensource-7 (a second real
# triple store for push tests). Needs root and apt-get; without them it says so and the tests that need a
# package skip with a message.
set -u
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource-7)
fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk" || need+=(fonts-wqy-zenhei)  # CJK labels in screenshots
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: cannot install ${need[*]} (needs root and apt-get); tests that need them will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
for pkg in "${need[@]}"; do
  apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null 2>&1 \
    || echo "system-deps: could not install $pkg; tests that need it will skip" >&2
done
exit 0
