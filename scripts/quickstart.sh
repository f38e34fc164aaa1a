#!/usr/bin/env bash
# Installs what is missing (Debian 12 packages), builds, and runs algojudge.
#   scripts/quickstart.sh run    Release build, then the main job on the bundled data:
#                                verify data/cases, and ap on a bundled VOC 2007 detection set
#   scripts/quickstart.sh test   Release build, then the whole test suite through ctest
#   scripts/quickstart.sh deps   only install the packages
# Environment: BUILD_DIR (default build), CMAKE_ARGS (extra configure flags), JOBS (default nproc).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config libfmt-dev libcli11-dev doctest-dev nlohmann-json3-dev
          libbenchmark-dev libgmp-dev libsimdjson-dev libpugixml-dev libxml2-utils
          bubblewrap)  # bubblewrap: judge --sandbox
# Only for `test`: the --plot report is loaded in headless Chromium (tests/cli/ap_report_browser.sh).
test_packages=(chromium)

# install_missing [PACKAGE...]: installs `packages` and the given extra ones that are missing.
install_missing() {
    local missing=()
    for p in "${packages[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "quickstart: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}

# build [TARGET]: configure a Release build and build TARGET (default: everything).
build() {
    # shellcheck disable=SC2086
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release ${CMAKE_ARGS:-} >/dev/null
    cmake --build "$build_dir" -j "$jobs" ${1:+--target "$1"}
}

case "${1:-}" in
    deps)
        install_missing
        ;;
    run)
        install_missing
        build algojudge  # only what the main job needs: no tests, no benchmarks
        "$build_dir/algojudge" verify data/cases
        echo
        "$build_dir/algojudge" ap data/ap/review_database_voc.json
        ;;
    test)
        install_missing "${test_packages[@]}"
        build
        ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
        ;;
    *)
        echo "usage: scripts/quickstart.sh run|test|deps" >&2
        exit 2
        ;;
esac
