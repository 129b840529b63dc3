#!/usr/bin/env bash
# expect.sh STATUS EXPECTED -- COMMAND...: runs COMMAND and passes when it exits with STATUS and
# either its standard output equals the file EXPECTED (when EXPECTED is a file), or its standard
# output or error contains the text EXPECTED (with printf %b escapes such as \n). Prints a diff or the output on failure.
set -u
want_status=$1 expected=$2
shift 3
errors=$(mktemp)
output=$("$@" 2>"$errors")
status=$?
fail=0
if [[ $status -ne $want_status ]]; then
  echo "exit status $status, expected $want_status"
  fail=1
fi
if [[ -f $expected ]]; then
  if ! diff -u "$expected" <(printf '%s\n' "$output"); then fail=1; fi
elif text=$(printf '%b' "$expected"); [[ $output != *"$text"* && $(cat "$errors") != *"$text"* ]]; then
  echo "output does not contain: $expected"
  fail=1
fi
if [[ $fail -ne 0 ]]; then
  printf '%s\n' "--- output ---" "$output" "--- standard error ---"
  cat "$errors"
  rm -f "$errors"
  exit 1
fi
rm -f "$errors"
echo "ok: $*"
