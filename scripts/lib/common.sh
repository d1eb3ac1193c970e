# Shared by scripts/demo and scripts/test: Debian packages and the build.
# shellcheck shell=bash

CNAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CNAP_BUILD="${CNAP_BUILD_DIR:-$CNAP_ROOT/build}"

# Everything a fresh Debian 12 machine needs to build, test and run.
CNAP_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-charts-dev libqt6sql6-sqlite libqt6sql6-psql libgl1-mesa-dev
    libpoco-dev libxml2-dev libxml2-utils libssl-dev openssl
    libgtest-dev libgmock-dev googletest libbenchmark-dev
    postgresql postgresql-contrib
    xvfb xauth fonts-dejavu-core tzdata
)

cnap_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs only what is missing; apt-get runs only then (idempotent).
cnap_install_packages() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    cnap_log "installing Debian packages: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Configures and builds into $CNAP_BUILD.  Extra cmake -D options may be passed.
cnap_build() {
    local werror="${CNAP_WERROR:-ON}"  # same flags for demo and test: switching never rebuilds everything
    cnap_log "configuring ($CNAP_BUILD)"
    cmake -S "$CNAP_ROOT" -B "$CNAP_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCNAP_WERROR="$werror" "$@" >/dev/null
    cnap_log "building"
    cmake --build "$CNAP_BUILD" --parallel "$(nproc)"
}
