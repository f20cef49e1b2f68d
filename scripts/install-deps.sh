#!/usr/bin/env bash
# Installs everything Sitebook needs to build and test on Debian 12 (bookworm), as root.
# Idempotent: packages already present are left alone, and apt is only asked when something
# is missing. SQLCipher 4 comes from bookworm-backports; that suite is added by reusing the
# URI of the machine's own Debian sources, so no mirror is named here.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
  qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
  qml6-module-qtqml-workerscript qml6-module-qtquick-shapes qml6-module-qtquick-dialogs
  qt6-qpa-plugins libqt6svg6
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libsodium-dev libssl-dev openssl curl libqrencode-dev zlib1g-dev libzxing-dev
  libgtest-dev libgmock-dev nlohmann-json3-dev
  postgresql-15 libpq-dev
  qtkeychain-qt6-dev
  xvfb xauth
)

# Finds the URI Debian's main archive is served from on this machine.
debian_uri() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ {for (i = 2; i <= NF; i++) if ($i !~ /security/) {print $i; exit}}' \
      /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ]; then
    uri=$(grep -hE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      grep -v security | awk '$3 ~ /^bookworm/ {print $2; exit}')
  fi
  printf '%s' "$uri"
}

ensure_backports() {
  if grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  local uri
  uri=$(debian_uri)
  if [ -z "$uri" ]; then
    echo "error: could not find a Debian archive URI in the apt sources to reuse for bookworm-backports" >&2
    exit 1
  fi
  echo "Adding bookworm-backports (from the existing Debian sources URI)"
  $SUDO tee /etc/apt/sources.list.d/sitebook-backports.sources >/dev/null <<SRC
Types: deb
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  NEED_UPDATE=1
}

sqlcipher_ok() {
  local v
  v=$(dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null || true)
  [ -n "$v" ] && dpkg --compare-versions "$v" ge 4.0
}

NEED_UPDATE=0
ensure_backports

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ] || ! sqlcipher_ok; then
  if [ "$NEED_UPDATE" = 1 ] || [ ! -d /var/lib/apt/lists ] || [ -z "$(ls /var/lib/apt/lists/ 2>/dev/null | grep -i backports)" ]; then
    $SUDO apt-get update -q
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  if ! sqlcipher_ok; then
    echo "Installing SQLCipher 4 from bookworm-backports"
    $SUDO apt-get install -y -q --no-install-recommends -t bookworm-backports libsqlcipher-dev sqlcipher
  fi
fi
echo "Dependencies present."
