#!/bin/sh
# ap_report_browser.sh ALGOJUDGE GT_DIR DET_DIR WORK
# Writes `ap --plot` for GT_DIR/DET_DIR into WORK, loads WORK/plots/index.html in headless
# Chromium after its script ran (--dump-dom), and checks that the two charts are drawn and that
# `#sort=ap_area` and `#sort=-ap_area` reorder the table's rows. Exits 77 (skipped) when there is
# no chromium on PATH. Each load is bounded by `timeout` (which ends Chromium's whole process
# group), uses a private profile under WORK, and leaves no process behind.
set -eu
algojudge=$1 gt=$2 det=$3 work=$4

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "SKIP: chromium is not installed (Debian: apt-get install chromium; scripts/quickstart.sh test installs it)"
    exit 77
fi

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

rm -rf "$work"
mkdir -p "$work"
"$algojudge" ap --format voc --gt "$gt" --det "$det" --plot "$work/plots" >"$work/table.txt"
page="$work/plots/index.html"

# dump FRAGMENT OUT: the page's DOM after its script ran, with the URL fragment #FRAGMENT.
dump() {
    # --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
    timeout -k 5 60 env DBUS_SESSION_BUS_ADDRESS=disabled: HOME="$work" "$browser" --headless \
        --no-sandbox --disable-gpu --no-first-run --disable-extensions \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" --dump-dom "file://$page#$1" >"$2" 2>"$work/chromium.log" ||
        fail "chromium exited with status $? on #$1 (log: $work/chromium.log)"
    # Anything still running on this private profile is ours: end it by its id.
    for pid in $(pgrep -f -- "--user-data-dir=$work/profile" || true); do
        kill "$pid" 2>/dev/null || true
    done
    [ -s "$2" ] || fail "chromium dumped nothing for #$1"
}

# column OUT K: the data-sort values of the table's column K (1-based), top to bottom; "n/a"
# for a cell without one (a class without AP).
column() {
    xmllint --html --xpath "//table[@id='ap-table']/tbody/tr/td[$2]" "$1" 2>/dev/null |
        sed -n 's/^<td[^>]*data-sort="\([^"]*\)".*/\1/p; t; s/^<td.*/n\/a/p'
}

# sorted OUT K ORDER: column K of OUT is sorted (ORDER: -g or -gr), classes without AP last.
sorted() {
    column "$1" "$2" >"$1.column"
    [ -s "$1.column" ] || fail "no table rows in $1"
    grep -v '^n/a$' "$1.column" >"$1.values" || true
    sort -c "$3" "$1.values" || fail "column $2 of $1 is not sorted $3: $(tr '\n' ' ' <"$1.column")"
    if grep -q '^n/a$' "$1.column"; then
        first_na=$(grep -n '^n/a$' "$1.column" | head -1 | cut -d: -f1)
        [ "$(tail -n +"$first_na" "$1.column" | grep -vc '^n/a$')" -eq 0 ] ||
            fail "a class without AP is not last in $1"
    fi
}

dump "sort=ap_area" "$work/ascending.html"
grep -q 'data-sorted="ap_area"' "$work/ascending.html" || fail "the script did not sort by ap_area"
for chart in ap-compare-chart counts-chart; do
    grep -q "<svg[^>]*class=\"$chart\"" "$work/ascending.html" || fail "no $chart in the page"
done
[ "$(grep -o 'class="bar-area"' "$work/ascending.html" | wc -l)" -ge 2 ] ||
    fail "the compare chart has no area bars"
[ "$(grep -o 'class="bar-tp"' "$work/ascending.html" | wc -l)" -ge 2 ] ||
    fail "the counts chart has no TP bars"
sorted "$work/ascending.html" 9 -g
# The rows really moved: the class column (natural-order positions) is no longer 0, 1, 2, ...
column "$work/ascending.html" 1 >"$work/ranks"
sort -c -n "$work/ranks" 2>/dev/null && fail "#sort=ap_area left the rows in class order"

dump "sort=-ap_area" "$work/descending.html"
grep -q 'data-sorted="-ap_area"' "$work/descending.html" ||
    fail "the script did not sort by -ap_area"
sorted "$work/descending.html" 9 -gr
[ "$(column "$work/descending.html" 1 | wc -l)" -eq "$(wc -l <"$work/ranks")" ] ||
    fail "sorting lost rows"
echo "ok: charts drawn, #sort=ap_area and #sort=-ap_area reorder $(wc -l <"$work/ranks") rows"
