# The reaper sidecar (see Reaper.java): reads "pid startTicks" and "D path" lines until the test
# JVM is gone, then kills what is registered and deletes the temp dirs. $1 is the run's marker.
run="$1"
trap '' INT TERM HUP
f="${TMPDIR:-/tmp}/junit-process-reaper.$$"
: > "$f" || f=/dev/null
while read -r pid ticks; do echo "$pid $ticks" >> "$f"; done
reap() {
  while read -r pid ticks; do
    [ "$pid" = D ] && continue
    if read -r st < "/proc/$pid/stat"; then
      rest=${st##*) }; set -- $rest
      if [ "${20}" = "$ticks" ]; then kill -KILL -- "-$pid"; kill -KILL "$pid"; fi
    fi
  done < "$f"
  for e in $(grep -lzs "^JUNIT_PROCESS_ID=$run-" /proc/[0-9]*/environ); do
    p=${e#/proc/}; kill -KILL "${p%/environ}"
  done
}
reap 2>/dev/null; reap 2>/dev/null
while read -r kind dir; do [ "$kind" = D ] && rm -rf -- "$dir"; done < "$f"
rm -f "$f"
