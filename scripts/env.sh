# Shared by the scripts: tool versions and the PATH that finds them.
# Source it; it changes nothing on the machine.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
TOOLS_DIR="${BAL_TOOLS_DIR:-$HOME/.cache/bal-register}"
BINARYEN_DIR="$TOOLS_DIR/binaryen-$BINARYEN_VERSION"
# axe-core, the accessibility checker the end-to-end tests inject into pages.
AXE_VERSION="4.14.1"
export BAL_AXE_JS="${BAL_AXE_JS:-$TOOLS_DIR/axe-core-$AXE_VERSION/axe.min.js}"

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"

export PATH="$BINARYEN_DIR/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
