#!/usr/bin/env bash
# ctest docs.user-guide: every picture docs/user-guide.uk.md links is produced
# by scripts/screenshots from this build (BUILD_DIR, first argument), is a
# non-blank PNG, and is committed under docs/images/guide/.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD="${1:?usage: user-guide-test.sh BUILD_DIR}"
GUIDE="$SRC/docs/user-guide.uk.md"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/cnap-guide-test.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT

fail() { echo "docs.user-guide: $*" >&2; exit 1; }
[ -f "$GUIDE" ] || fail "no $GUIDE"

# scripts/screenshots itself fails when a screen cannot be captured or looks blank.
CNAP_BUILD_DIR="$BUILD" CNAP_SCREENSHOTS_NO_BUILD=1 \
    CNAP_DEMO_CASES="${CNAP_DEMO_CASES:-200}" CNAP_SCREENSHOT_DELAY="${CNAP_SCREENSHOT_DELAY:-800}" \
    bash "$SRC/scripts/screenshots" "$OUT" || fail "scripts/screenshots failed"

mapfile -t refs < <(grep -o '](images/guide/[^)]*)' "$GUIDE" | sed 's/^](images\/guide\///; s/)$//' | sort -u)
[ "${#refs[@]}" -gt 0 ] || fail "the guide links no images/guide/*.png"
problems=0
for name in "${refs[@]}"; do
    shot="$OUT/$name"
    if [ ! -s "$shot" ]; then
        echo "docs.user-guide: the guide links images/guide/$name, but scripts/screenshots does not make it" >&2
        problems=$((problems + 1))
    elif [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "$(stat -c %s "$shot")" -lt 4096 ]; then
        echo "docs.user-guide: images/guide/$name is not a PNG with content" >&2
        problems=$((problems + 1))
    fi
    if [ ! -s "$SRC/docs/images/guide/$name" ]; then
        echo "docs.user-guide: docs/images/guide/$name is not committed (run scripts/screenshots)" >&2
        problems=$((problems + 1))
    fi
done
[ "$problems" -eq 0 ] || fail "$problems problem(s)"
echo "docs.user-guide: ${#refs[@]} images linked by the guide, all produced from this build"
