#!/bin/sh
# test/repl/Inputs/terminal.sh MPC TMP: drives `mpc repl` on a real terminal
# (a tmux pane) and prints the screen and the history file: the prompt,
# emacs line editing, history recall, Ctrl-C on a blocked input and on a
# half-typed line, Ctrl-D, and os.Exit.
mpc=$1
tmp=$2
rm -rf "$tmp.home" && mkdir -p "$tmp.home"
sock="$tmp.sock"
t() { tmux -S "$sock" "$@"; }
screen() { t capture-pane -p -t repl -S -200; }
# Every wait is generous (30 s): a loaded machine only makes the test slower.
# wait_for PATTERN: until the screen shows it.  The screen
# has no trailing blanks: `mp>` is the prompt.
wait_for() {
  i=0
  while [ $i -lt 300 ]; do
    screen | grep -q -- "$1" && return 0
    sleep 0.1
    i=$((i + 1))
  done
  echo "TIMEOUT waiting for: $1"
}
keys() { t send-keys -t repl "$@"; }
prompts() { screen | grep -c '^mp>'; }
# line KEYS...: types an input and waits for the next prompt, so that keys
# are never typed ahead of the REPL.
line() {
  n=$(prompts)
  keys "$@" Enter
  next_prompt "$n" "$*"
}
# next_prompt N WHAT: waits until more than N prompts show.
next_prompt() {
  i=0
  while [ "$(prompts)" -le "$1" ] && [ $i -lt 300 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  [ $i -lt 300 ] || echo "TIMEOUT after: $2"
}
# interrupt: Ctrl-C on a running input, then waits for the prompt it gives.
interrupt() {
  n=$(prompts)
  keys C-c
  next_prompt "$n" C-c
}

# start: a pane running the REPL.  The shell around it prints its exit
# status: tmux 3.3a was seen to miss the SIGCHLD of a REPL that had exited
# (left a zombie for 30 s under load), so "Pane is dead" is not waited for.
start() {
  t "$@" new-session -d -s repl -x 100 -y 50 \
    "env HOME=$tmp.home TERM=xterm $mpc repl; echo \"[exit status \$?]\"" \; \
    set-option -t repl remain-on-exit on
}
start -f /dev/null
wait_for 'mp>'
line 'x := 4'
line 'x * 2'
# Editing: C-a to the line start, insert; Backspace at the end.
line 'x + 1' C-a '10*'
line 'x + 5' BSpace '6'
# History: Up recalls the last line.
line Up
# Multi-line input gets the continuation prompt.
keys 'func twice(n int) int {' Enter 'return 2 * n' Enter
line '}'
line 'twice(x)'
# Ctrl-C ends an input blocked for an hour; the session keeps x.
line 'import "time"'
keys 'time.Sleep(time.Hour)' Enter
sleep 1
interrupt
line 'x'
# Ctrl-C also ends an input that loops without blocking.
line 'n := 0'
keys 'for { n++ }' Enter
sleep 1
interrupt
line 'n > 0'
# Ctrl-C on a half-typed line drops it (and gives a new prompt: wait for
# it, or the next line would take it for its own and go on too early).
keys 'garbage('
interrupt
line 'x + 100'
# Ctrl-D typed while an input runs ends the REPL once the input is done
# (the terminal, in cooked mode meanwhile, keeps it as an end-of-file mark).
keys 'time.Sleep(time.Second)' Enter
sleep 0.3
keys C-d
wait_for 'exit status'
screen
# os.Exit ends the REPL with its status, and the history is still saved.
# (The first session is renamed, not killed: killing the last session
# ends the server, and a new client could race with its exit.)
t rename-session -t repl done
start
wait_for 'mp>'
line 'import "os"'
keys 'os.Exit(3)' Enter
wait_for 'exit status'
echo "--- exit"
screen | grep 'exit status'
t kill-server 2>/dev/null
echo "--- history"
cat "$tmp.home/.mp_history"
