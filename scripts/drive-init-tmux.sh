#!/usr/bin/env bash
# Drive `csplan init` in a real pseudo-terminal with tmux, the way a person would:
#   1. Enter at every prompt (the defaults),
#   2. typed answers, including typos the prompts must catch,
#   3. Ctrl-C in the middle (nothing written, exit 130),
#   4. an existing file, kept by answering No.
# Prints each final screen, checks the written files with csplan itself, and exits non-zero on
# the first surprise. Not part of `npm test` (it needs tmux and a build): run `npm run build`
# first. CSPLAN overrides the command (default: node bin/csplan.js); KEEP=1 keeps the work folder.
set -euo pipefail

cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null 2>&1; then
  echo "drive-init-tmux: tmux is not installed; skipping (apt-get install tmux to run it)"
  exit 0
fi
if [[ -z ${CSPLAN:-} ]]; then
  if [[ ! -f dist/cli/main.js ]]; then
    echo "drive-init-tmux: dist/ is missing; run npm run build first" >&2
    exit 1
  fi
  CSPLAN="node $PWD/bin/csplan.js"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/csplan-init-tmux.XXXXXX")
session="csplan-init-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  if [[ -z ${KEEP:-} ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

screen() { tmux capture-pane -p -J -t "$session" -S -300; }
fail() {
  echo "drive-init-tmux: $*" >&2
  echo '--- screen ---' >&2
  screen >&2 || true
  exit 1
}
# Wait until the screen shows a line (fixed string), up to 10 seconds.
wait_for() {
  for _ in $(seq 1 100); do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for: $1"
}
send() { tmux send-keys -t "$session" "$@"; }
# answer PROMPT KEYS...: wait for the pending prompt ("? ..."), then type.
answer() {
  local prompt=$1
  shift
  wait_for "? $prompt"
  send "$@"
}
start() {
  tmux kill-session -t "$session" 2>/dev/null || true
  tmux new-session -d -s "$session" -x 120 -y 50 "cd '$work' && $CSPLAN init $*; echo EXIT=\$?; sleep 600"
}
# finish NAME EXPECTED_EXIT: wait for the command to end, save and print the screen.
finish() {
  wait_for 'EXIT='
  screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$work/$1.screen"
  echo "=== $1 ==="
  cat "$work/$1.screen"
  echo
  grep -qx "EXIT=$2" "$work/$1.screen" || fail "$1: expected exit $2"
  tmux kill-session -t "$session"
}
valid() {
  head -1 "$1" | grep -q '^# yaml-language-server: \$schema=' || fail "$1 does not start with the schema line"
  (cd "$work" && $CSPLAN recommend "$1" >/dev/null) || fail "csplan recommend rejects $1"
  if (cd "$work" && $CSPLAN --help) | grep -qE '^ +check '; then
    (cd "$work" && $CSPLAN check "$1" >/dev/null) || fail "csplan check rejects $1"
  fi
}

# 1. Enter everywhere.
start defaults.yaml
wait_for '? Company name'
until screen | grep -q 'EXIT='; do
  send Enter
  sleep 0.3
done
finish defaults 0
valid "$work/defaults.yaml"

# 2. Typed answers, with a typo at the ARR and an impossible date.
start typed.yaml
answer 'Company name' 'Acme Analytics' Enter
answer 'How do you sell?' Down Enter
answer 'How much work is it for a customer' Enter
answer 'How do you want to describe your customers?' Enter
answer 'How many customers pay $500k or more' Enter
answer 'How many customers pay $100k to $500k' 3 Enter
answer '  What does a typical one' 150k Enter
answer 'How many customers pay $25k to $100k' 40 Enter
answer '  What does a typical one' 40 Enter
wait_for '> $40 is below this band (from $25k): did you mean 40k?'
send k Enter
answer 'How many customers pay $5k to $25k' 25 Enter
answer '  What does a typical one of them pay per year? ($12k)' Enter
answer 'How many customers pay under $5k' Enter
answer 'Who looks after customers today?' Enter
answer 'Your name' 'Jo Park' Enter
answer 'Add another person' y Enter
answer 'Their name' 'Ana López' Enter
answer 'What does Ana López do?' Enter
answer 'Short id for Ana López' Enter
answer "Ana López's first day" 2025-02-30 Enter
wait_for '> 2025-02-30 is not a real calendar date'
send BSpace BSpace 28 Enter
answer 'Which customers does Ana López look after?' Down Down Down Enter
answer 'Who does Ana López report to?' Enter
answer 'Add another person' y Enter
answer 'Their name' 'Sam Lee' Enter
answer 'What does Sam Lee do?' Down Down Down Down Down Enter
answer 'Short id for Sam Lee' Enter
answer 'Who does Sam Lee report to?' Enter
answer 'Add another person' n Enter
answer 'Record what you expect' y Enter
answer 'New customers you expect to sign' 30 Enter
answer 'ARR growth you expect' 50% Enter
answer 'CSM hires already budgeted' 1 Enter
finish typed 0
valid "$work/typed.yaml"
grep -q 'start_date: 2025-02-28' "$work/typed.yaml" || fail 'typed.yaml lacks the corrected start date'
grep -q 'arr_each: 40000' "$work/typed.yaml" || fail 'typed.yaml lacks the corrected ARR'

# 3. Ctrl-C at the second question: nothing written, exit 130.
start cancelled.yaml
answer 'Company name' Acme Enter
wait_for '? How do you sell?'
send C-c
finish cancelled 130
[[ ! -e "$work/cancelled.yaml" ]] || fail 'Ctrl-C left cancelled.yaml behind'
[[ -z $(find "$work" -name '.cancelled.yaml.*') ]] || fail 'Ctrl-C left a temp file behind'

# 4. An existing file is kept when the answer is No.
cp "$work/typed.yaml" "$work/typed.before"
start typed.yaml
answer 'typed.yaml already exists. Replace it?' Enter
finish kept 0
cmp -s "$work/typed.yaml" "$work/typed.before" || fail 'typed.yaml changed although the answer was No'

echo "drive-init-tmux: all four runs behaved"
