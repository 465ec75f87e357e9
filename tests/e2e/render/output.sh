# -o writes the file only when the run succeeds; a full disk is exit 74;
# a missing input is exit 66; a reader that goes away early is not an error
T=$ROOT/tests/e2e/render/tickets.ndjson
pulse-render -o report.md "$T"
head -n 1 report.md
echo old > kept.md
set +e
pulse-render -o kept.md "$T" nosuch.ndjson 2> err
echo "missing input: exit $?"
set -e
cat err kept.md
ls -a | grep -c '^\.kept' || true
set +e
pulse-render "$T" > /dev/full 2> err
echo "full disk: exit $?"
set -e
set -o pipefail
pulse-render "$T" | head -n 1
echo "head: ${PIPESTATUS[0]}"
