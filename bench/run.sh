#!/usr/bin/env bash
# bench/run.sh [--quick]: issue 9's benchmarks of forum-tui beside the tools
# people use, on generated files of about 1 MB, 100 MB and 1 GB (--quick:
# without the 1 GB file). Run from anywhere in a clone; bench/README.md says
# what each row measures. Installs what it needs (apt-get), builds the
# release binary and the examples it uses, keeps its files under
# target/bench/ (reused when the same N and seed made them), and prints one
# table, also written to target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
for arg in "$@"; do
    case $arg in
    --quick) quick=1 ;;
    -h | --help)
        sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "bench/run.sh: unknown argument $arg (try --quick)" >&2
        exit 2
        ;;
    esac
done

# One locale for every program: the one a user of Chinese text has.
export LC_ALL=C.UTF-8
seed=1
query=質量 # a word of examples/synth.rs's vocabulary
scratch=target/bench
bin=target/release/forum-tui
synth=target/release/examples/synth
bare=target/release/examples/bare_parse
# name:speeches:hyperfine runs (fewer for the larger files)
files=("1MB:500:10" "100MB:50000:5")
[[ $quick == 1 ]] || files+=("1GB:500000:3")
# Repetitions of each key in the tmux rows.
reps=30

log() { printf '%s\n' "bench: $*" >&2; }

# --- what it needs ---------------------------------------------------------
need=()
for tool in jq:jq tmux:tmux hyperfine:hyperfine less:less rg:ripgrep; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
    log "installing ${need[*]}"
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    # ripgrep is optional: its rows are left out when it cannot be had.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2 ||
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            "${need[@]/ripgrep/}" >&2
fi
for tool in jq tmux hyperfine less /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "bench/run.sh: $tool is missing and could not be installed" >&2
        exit 1
    }
done
have_rg=0
command -v rg >/dev/null && have_rg=1

log "building the release binary and the examples"
cargo build --release --quiet --bin forum-tui --example synth --example bare_parse
mkdir -p "$scratch"

# --- helpers ---------------------------------------------------------------
table=()
# row MEASURE FILE FORUM-TUI PEER RATIO TARGET MET
row() {
    local r
    r=$(printf '| %s | %s | %s | %s | %s | %s | %s |' "$@")
    table+=("$r")
}
# Arithmetic on decimals.
calc() { awk "BEGIN { printf \"%.${2:-2}f\", ($1) }"; }
# met VALUE MAX: yes when VALUE <= MAX.
met() { awk -v v="$1" -v m="$2" 'BEGIN { print (v <= m) ? "yes" : "NO" }'; }
ms() { calc "($1) * 1000" "${2:-1}"; }
# The medians (seconds) of a hyperfine --export-json file, one a line.
medians() { jq -r '.results[].median' "$1"; }
# bench NAME RUNS OUTPUT COMMAND...: hyperfine over the commands, run
# without a shell, their output to OUTPUT (a file, or `pipe`: never
# /dev/null, where GNU grep -c stops at the first match); prints medians.
bench() {
    local name=$1 runs=$2 output=$3 json warm=1
    shift 3
    json=$scratch/$name.json
    ((runs < 10)) || warm=3
    ((runs > 3)) || warm=0
    hyperfine --style none -N --output "$output" --runs "$runs" --warmup "$warm" \
        --export-json "$json" "$@" >&2
    medians "$json"
}
# Peak RSS in KiB of a command (GNU time's %M).
peak_kib() {
    local out=$scratch/time.txt
    /usr/bin/time -f %M -o "$out" "$@" >/dev/null 2>&1
    tail -n 1 "$out"
}
# median and p99 (µs) of numbers on standard input: "MEDIAN P99".
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "- -"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        p = int(NR * 0.99 + 0.999999); if (p > NR) p = NR
        print m, v[p] }'
}

# --- the tmux side ---------------------------------------------------------
# A tmux server of its own (its own socket), one pane of 120 x 40 cells,
# ended on exit: the user's tmux sessions are never touched.
sock=forum-tui-bench-$$
tm() { tmux -L "$sock" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; }
trap cleanup EXIT
tm -f /dev/null new-session -d -s bench -x 120 -y 40 "sleep 100000"
tm set-option -g remain-on-exit on
tm set-option -g history-limit 0
now_us() { echo $(($(date +%s%N) / 1000)); }
# launch COMMAND: runs COMMAND in the pane, replacing what ran there.
launch() { tm respawn-pane -k -t bench "$1"; }
# shows TEXT TIMEOUT_S: polls the pane until it shows TEXT; prints the
# microseconds since $t0, or "-" on time-out.
shows() {
    local deadline=$(($(now_us) + $2 * 1000000))
    while (($(now_us) < deadline)); do
        if tm capture-pane -p -t bench | grep -qF -- "$1"; then
            echo $(($(now_us) - t0))
            return
        fi
    done
    echo -
}
pane_pid() { tm display-message -p -t bench '#{pane_pid}'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo gone; }
# Waits until process $1 has used no CPU for a second (at most 120 s).
settle() {
    local before after i
    for ((i = 0; i < 120; i++)); do
        before=$(cpu_ticks "$1")
        sleep 1
        after=$(cpu_ticks "$1")
        [[ $before == "$after" ]] && return
    done
}
# The characters of $1, one a line.
chars() { grep -o . <<<"$1"; }
key_lines() { grep -c ' key ' "$trace" 2>/dev/null || true; }
# press LABEL KEY...: sends the keys (tmux send-keys names) one at a time,
# each after the frame of the one before is written, and files the latency
# of the last under LABEL (an empty LABEL files nothing).
press() {
    local label=$1 k n deadline
    shift
    for k in "$@"; do
        n=$(key_lines)
        if [[ $k == lit:* ]]; then tm send-keys -t bench -l "${k#lit:}"; else tm send-keys -t bench "$k"; fi
        deadline=$(($(now_us) + 10000000))
        while (($(key_lines) <= n)) && (($(now_us) < deadline)); do sleep 0.002; done
    done
    [[ -z $label ]] || grep ' key ' "$trace" | tail -n 1 | awk -v l="$label" '{ print l, $4 }' >>"$keys"
}

# --- per file --------------------------------------------------------------
declare -A key1mb # the 1 MB file's key medians, for the growth ratio
for spec in "${files[@]}"; do
    IFS=: read -r name n runs <<<"$spec"
    file=$scratch/synth-n$n-s$seed.json
    dump=$scratch/synth-n$n-s$seed-w80.txt
    if [[ ! -s $file ]]; then
        log "generating $file (synth --speeches $n --seed $seed)"
        "$synth" --speeches "$n" --seed "$seed" >"$file.part"
        mv "$file.part" "$file"
    fi
    bytes=$(stat -c %s "$file")
    mib=$(calc "$bytes / 1048576" 1)
    label="$name ($mib MiB)"
    log "$label: load and validate"

    read -r tui_load bare_load jq_load < <(bench "load-$name" "$runs" pipe \
        "$bin --check $file" "$bare $file" "jq length $file" | paste -sd ' ')
    r=$(calc "$tui_load / $bare_load")
    row "load + validate vs bare serde_json parse" "$label" "$(ms "$tui_load") ms" \
        "$(ms "$bare_load") ms" "$r" "≤ 1.3" "$(met "$r" 1.3)"
    r=$(calc "$tui_load / $jq_load")
    row "load + validate vs \`jq length\`" "$label" "$(ms "$tui_load") ms" \
        "$(ms "$jq_load") ms" "$r" "≤ 0.5" "$(met "$r" 0.5)"

    log "$label: peak RSS"
    kib=$(peak_kib "$bin" --check "$file")
    r=$(calc "$kib * 1024 / $bytes")
    row "peak RSS of \`--check\` vs file size" "$label" "$(calc "$kib / 1024" 1) MiB" \
        "$mib MiB" "$r" "≤ 1.5" "$(met "$r" 1.5)"
    kib=$(peak_kib "$bare" "$file")
    r=$(calc "$kib * 1024 / $bytes")
    row "peak RSS of bare parse vs file size (context)" "$label" "$(calc "$kib / 1024" 1) MiB" \
        "$mib MiB" "$r" "-" "-"

    log "$label: --dump"
    tui_dump=$(bench "dump-$name" "$runs" "$dump" "$bin --dump --width 80 $file")
    wc_dump=$(bench "wc-$name" "$runs" pipe "wc -m $dump")
    r=$(calc "$tui_dump / $wc_dump")
    row "\`--dump --width 80\` vs \`wc -m\` on its output" "$label" "$(ms "$tui_dump") ms" \
        "$(ms "$wc_dump") ms" "$r" "≤ 1.5" "$(met "$r" 1.5)"

    log "$label: forum-wide search"
    cmds=("$bin --count $query $file" "grep -c $query $dump")
    [[ $have_rg == 0 ]] || cmds+=("rg -c $query $dump")
    read -r tui_count grep_count rg_count < <(bench "count-$name" "$runs" pipe "${cmds[@]}" |
        paste -sd ' ')
    # The search itself, as the reader runs it on a loaded file: the
    # trace's `counted` less its `loaded`, median of $runs runs.
    search_s=$(for _ in $(seq "$runs"); do
        t=$(mktemp "$scratch/count-trace.XXXX")
        FORUM_TUI_TRACE=$t "$bin" --count "$query" "$file" >/dev/null
        awk '$2 == "loaded" { l = $1 } $2 == "counted" { print ($1 - l) / 1e6 }' "$t"
        rm -f "$t"
    done | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    r=$(calc "$search_s / $grep_count")
    row "forum-wide search in the loaded file (trace: \`counted\` − \`loaded\`) vs \`grep -c\`" \
        "$label" "$(ms "$search_s") ms" "$(ms "$grep_count") ms" "$r" "≤ 3" "$(met "$r" 3)"
    r=$(calc "$tui_count / $grep_count")
    row "\`--count\` (load included) vs \`grep -c\` on the dump (context)" "$label" \
        "$(ms "$tui_count") ms" "$(ms "$grep_count") ms" "$r" "-" "-"
    if [[ $have_rg == 1 ]]; then
        r=$(calc "$tui_count / $rg_count")
        row "search count \`--count\` vs \`rg -c\` on the dump" "$label" \
            "$(ms "$tui_count") ms" "$(ms "$rg_count") ms" "$r" "-" "-"
    fi

    # The reader in tmux. The title is on forum-tui's first screen and on
    # the dump's first line, so both are polled for the same text.
    log "$label: the reader in tmux"
    title=合成論壇紀錄
    trace=$scratch/trace-$name.txt
    keys=$scratch/keys-$name.txt
    : >"$trace"
    : >"$keys"
    poll_less=-
    for _ in 1 2 3; do
        t0=$(now_us)
        launch "exec env -u LESSOPEN -u LESS less -S $dump"
        t=$(shows "$title" 60)
        [[ $t == - ]] || poll_less=$t
        tm send-keys -t bench q
    done
    t0=$(now_us)
    launch "exec env XDG_STATE_HOME=$PWD/$scratch/state FORUM_TUI_TRACE=$PWD/$trace \
$PWD/$bin --no-resume $PWD/$file"
    poll_tui=$(shows "$title" 600)
    pid=$(pane_pid)
    settle "$pid"
    rss_kib=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
    r=$(calc "$rss_kib * 1024 / $bytes")
    row "steady RSS of the reader (idle in tmux) vs file size" "$label" \
        "$(calc "$rss_kib / 1024" 1) MiB" "$mib MiB" "$r" "≤ 1.3" "$(met "$r" 1.3)"
    before=$(cpu_ticks "$pid")
    sleep 5
    idle=$(($(cpu_ticks "$pid") - before))
    row "CPU ticks used idle over 5 s" "$label" "$idle" "-" "-" "0" \
        "$([[ $idle == 0 ]] && echo yes || echo NO)"
    if [[ $poll_tui != - && $poll_less != - ]]; then
        row "first screen, polled (tmux capture-pane) vs \`less\` on the dump" "$label" \
            "$(calc "$poll_tui / 1000" 1) ms" "$(calc "$poll_less / 1000" 1) ms" \
            "$(calc "$poll_tui / $poll_less")" "-" "-"
    else
        row "first screen, polled vs \`less\`" "$label" "${poll_tui}" "${poll_less}" "-" "-" \
            "NO (no first screen)"
    fi
    first=$(awk '$2 == "first-frame" { print $1; exit }' "$trace")
    if [[ -z $first ]]; then
        row "first screen (trace) vs load + validate" "$label" "no trace" "-" "-" "≤ 1.2" \
            "needs FORUM_TUI_TRACE"
        row "key to frame (trace)" "$label" "no trace" "-" "-" "≤ 1 / ≤ 4 ms" \
            "needs FORUM_TUI_TRACE"
        log "$label: no first-frame line in $trace: the key rows need FORUM_TUI_TRACE"
        launch "sleep 100000"
        continue
    fi
    r=$(calc "$first / 1000000 / $tui_load")
    row "first screen (trace) vs load + validate" "$label" "$(calc "$first / 1000" 1) ms" \
        "$(ms "$tui_load") ms" "$r" "≤ 1.2" "$(met "$r" 1.2)"

    # The longest segment's number (from 1), for G in the longest page,
    # and how many there are.
    read -r longest segments < <("$bare" --longest "$file")
    for ((i = 0; i < reps; i++)); do
        # `:` + a target spread over the file + Enter: each page is laid
        # out for the first time.
        press ":" ":"
        mapfile -t typed < <(chars "$((1 + i * segments / reps))")
        press "" "${typed[@]}"
        press "Enter (go to)" Enter
    done
    mapfile -t typed < <(chars "$longest")
    press "" ":" "${typed[@]}" Enter
    for ((i = 0; i < reps; i++)); do
        press "G (longest page)" G
        press "" g
    done
    for ((i = 0; i < reps; i++)); do press j j; done
    for ((i = 0; i < reps; i++)); do press Space Space; done
    for ((i = 0; i < reps; i++)); do press "]" "]"; done
    for ((i = 0; i < reps; i++)); do press "}" "}"; done
    # `{` back to the overview from the first segment's top, and `}` again.
    press "" ":" 1 Enter
    for ((i = 0; i < reps; i++)); do
        press "{ (to the overview)" "{"
        press "}" "}"
    done
    mapfile -t typed < <(chars "$query")
    press "" f "${typed[@]/#/lit:}" Enter Enter
    for ((i = 0; i < reps; i++)); do press n n; done
    tm send-keys -t bench q
    for kl in j Space "G (longest page)" "]" "}" "{ (to the overview)" n ":" "Enter (go to)"; do
        read -r med p99 < <(awk -v l="$kl" \
            '{ k = $0; sub(/ [0-9]+$/, "", k); if (k == l) print $NF }' "$keys" | stats)
        measure="key to frame: \`$kl\` (median / p99; peer: the 1 MB median)"
        if [[ $med == - ]]; then
            row "$measure" "$label" "no key lines" "-" "-" "≤ 1 / ≤ 4 ms" "NO"
            continue
        fi
        med_ms=$(calc "$med / 1000" 2)
        p99_ms=$(calc "$p99 / 1000" 2)
        ok=$(awk -v m="$med_ms" -v p="$p99_ms" 'BEGIN { print (m <= 1 && p <= 4) ? "yes" : "NO" }')
        [[ $name != 1MB ]] || key1mb[$kl]=$med_ms
        base=${key1mb[$kl]:-}
        r=-
        if [[ $name != 1MB && -n $base ]] && awk -v b="$base" 'BEGIN { exit !(b > 0) }'; then
            r=$(calc "$med_ms / $base")
            [[ $(met "$r" 1.5) == yes ]] || ok=NO
        fi
        peer="$base ms"
        [[ $name != 1MB ]] || peer=-
        row "$measure" "$label" "$med_ms / $p99_ms ms" "$peer" "$r" \
            "≤ 1 / ≤ 4 ms; ≤ 1.5" "$ok"
    done
    launch "sleep 100000"
done

# --- the table -------------------------------------------------------------
{
    echo "forum-tui bench, $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| measure | file | forum-tui | peer | ratio | target | met? |"
    echo "|---|---|---|---|---|---|---|"
    # Grouped by measure, then file, in the order they were run.
    printf '%s\n' "${table[@]}" | awk -F' [|] ' '{ key = $1; if (!(key in seen)) { seen[key] = ++n } rows[seen[key]] = rows[seen[key]] $0 "\n" }
        END { for (i = 1; i <= n; i++) printf "%s", rows[i] }'
} | tee "$scratch/results.md"
