#!/usr/bin/env bash
# Runs deploy/slurm/sweep.sbatch on a real one-node Slurm started on this machine, the way its header documents it,
# and checks that the sharded sweep equals a local one.
#   usage (as root, Debian 12 or Ubuntu, apt reachable): bash deploy/slurm/test-local.sh
#   1. installs slurm-wlm and munge when missing;
#   2. starts a private munged, slurmctld and slurmd (one node, "localhost", with this machine's CPUs): every file of
#      theirs lives in a temporary folder, with their own ports and munge socket, so /etc/slurm and any Slurm or munge
#      already running are left alone;
#   3. builds the CLI once (unless AIM names a built aim, as the job script accepts);
#   4. submits the job script without --array (it must fail with its message), then the documented array over
#      sweeps/smoke.json (4 shards), cancels task 1 in the middle of its run and resubmits only that task;
#   5. waits for the jobs (timeout AIM_SLURM_TIMEOUT seconds, default 900), merges the shard folders as documented and
#      compares the merged tables with a local `aim sweep` of the same config: same run ids, same tables except the
#      wall-time columns (runs.csv Seconds, metrics.csv time_s);
#   6. stops everything it started (trap on exit). On failure it prints the logs and keeps the temporary folder.
# About 2½ minutes on 2 busy cores once the packages and the CLI are there (the four smoke runs twice: on Slurm, then
# locally); a fresh machine adds about 20 s of apt and 70 s for the Release build of the CLI.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export PATH="$PATH:/usr/sbin:/sbin"   # the daemons live in sbin, which a non-login root shell may lack
config=sweeps/smoke.json
name=smoke          # the config's "name": the sweep folder inside each shard folder
shards=4            # the job script's default SHARDS
cancelled=1         # the task cancelled and resubmitted
timeout=${AIM_SLURM_TIMEOUT:-900}
started=$SECONDS

say() { echo "test-local: $*"; }
die() {
    echo "test-local: FAILED: $*" >&2
    exit 1
}

[[ $(id -u) == 0 ]] || die "run as root: the test installs packages and starts slurmctld and slurmd (SlurmUser=root)"

work=$(mktemp -d /tmp/aim-slurm-test.XXXXXX)
chmod 755 "$work"   # munged refuses a socket in a folder that others cannot search
pids=()             # daemons started here, stopped in reverse order
jobs_submitted=()
logs=()             # Slurm's job logs, written into the submit directory (the repository root)

cleanup() {
    local rc=$?
    set +e
    if ((${#jobs_submitted[@]} > 0)); then
        scancel "${jobs_submitted[@]}" 2>/dev/null
        # Let slurmd kill the jobs' processes before it stops.
        for _ in $(seq 30); do
            [[ -z "$(squeue -h -o %i 2>/dev/null)" ]] && break
            sleep 1
        done
    fi
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null && wait "${pids[i]}" 2>/dev/null
    done
    mkdir -p "$work/logs"
    for log in "${logs[@]}"; do
        [[ -f "$root/$log" ]] && mv "$root/$log" "$work/logs/"
    done
    if ((rc != 0)); then
        for log in "$work"/logs/* "$work"/slurmctld.log "$work"/slurmd.log; do
            [[ -f "$log" ]] || continue
            echo "--- tail of $log" >&2
            tail -n 25 "$log" >&2
        done
        echo "test-local: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT   # through cleanup, which stops the daemons and the jobs
trap 'exit 143' TERM

install_packages() {
    local need=()
    command -v sbatch >/dev/null 2>&1 && command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 || need+=(slurm-wlm)
    command -v munged >/dev/null 2>&1 || need+=(munge)
    if ((${#need[@]} == 0)); then
        say "slurm-wlm and munge already present"
        return
    fi
    say "installing ${need[*]}"
    local munge_before=0
    [[ -S /run/munge/munge.socket.2 ]] && munge_before=1
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    # Where services may start (no policy-rc.d), munge's package starts the system munged: stop what this install started.
    if ((munge_before == 0)) && [[ -S /run/munge/munge.socket.2 ]]; then
        munged --stop >/dev/null 2>&1 || true
    fi
}

# Waits until "$@" succeeds, polling twice a second; fails after $1 seconds with message $2.
wait_for() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@"; do
        ((SECONDS < deadline)) || die "timed out after $seconds s waiting for $what"
        sleep 0.5
    done
}

start_slurm() {
    # A private munge: its own key and socket, so the key of a real installation is neither needed nor touched.
    head -c 1024 /dev/urandom >"$work/munge.key"
    chmod 600 "$work/munge.key"
    munged --foreground --socket="$work/munge.socket" --key-file="$work/munge.key" --log-file="$work/munged.log" \
        --pid-file="$work/munged.pid" --seed-file="$work/munged.seed" >"$work/munged.stderr" 2>&1 &
    pids+=($!)
    wait_for 10 "munged's socket" test -S "$work/munge.socket"

    local cpus memory
    cpus=$(nproc)
    memory=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
    # The job script asks for --mem=4G; memory is not a consumable here (CR_CPU, no cgroups), so a smaller machine may
    # declare 4 GiB (config_overrides: slurmd takes the node as configured instead of draining it).
    ((memory >= 4096)) || memory=4096
    mkdir -p "$work/state" "$work/spool"
    export SLURM_CONF="$work/slurm.conf"
    # SlurmctldHost must carry this host's short name (slurmctld checks it); ports other than the default 6817/6818
    # keep clear of a Slurm that may already run here.
    cat >"$SLURM_CONF" <<EOF
ClusterName=aimtest
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
# Finished jobs stay visible to scontrol for the checks (there is no accounting database for sacct).
MinJobAge=3600
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
    slurmctld -D -f "$SLURM_CONF" >"$work/slurmctld.stderr" 2>&1 &   # -D: the log file gets the same lines
    pids+=($!)
    wait_for 30 "slurmctld" controller_up
    slurmd -D -N localhost -f "$SLURM_CONF" >"$work/slurmd.stderr" 2>&1 &
    pids+=($!)
    wait_for 60 "the node to be idle" node_idle
    say "Slurm $(sinfo -V | awk '{ print $2 }') up: node localhost, $cpus CPUs"
}

controller_up() { scontrol ping 2>/dev/null | grep -q ' is UP'; }
node_idle() { [[ $(sinfo -h -n localhost -o %t 2>/dev/null) == idle ]]; }

# The running and pending jobs (all are this test's: the cluster is private).
queue_empty() { [[ -z "$(squeue -h -o %i)" ]]; }

# Submits the job script with sbatch options $2.. (plus the config) as documented; sets variable $1 to the job id.
submit() {
    local var=$1 id
    shift
    id=$(AIM_SWEEP_OUT="$work/out" sbatch --parsable "$@" deploy/slurm/sweep.sbatch "$config")
    id=${id%%;*}
    jobs_submitted+=("$id")
    printf -v "$var" %s "$id"
}

# "STATE EXITCODE" of array task $2 of job $1 (task "" for a job without array).
job_state() {
    local line
    if [[ -n "$2" ]]; then
        line=$(scontrol -o show job "$1" | grep -E "(^| )ArrayTaskId=$2 " || true)   # none while the task is pending in a range
    else
        line=$(scontrol -o show job "$1")
    fi
    echo "$(grep -o 'JobState=[A-Z_]*' <<<"$line" | cut -d= -f2) $(grep -o 'ExitCode=[0-9:]*' <<<"$line" | cut -d= -f2)"
}

# True once task $2 of job $1 has left the running and completing states.
task_ended() { [[ ! $(job_state "$1" "$2") =~ ^(RUNNING|COMPLETING) ]]; }

# A shard's run directories (the runs that started).
started_runs() { compgen -G "$work/out/shard-$1/$name/runs/*/" >/dev/null; }

# True once task $2 of job $1 started a run, or ended without one (a failed job script or CLI).
run_started_or_task_ended() {
    started_runs "$2" && return 0
    local state
    state=$(job_state "$1" "$2")
    [[ -n "${state%% *}" && ! $state =~ ^(PENDING|CONFIGURING|RUNNING) ]]
}

# Prints CSV $1 without the columns named $2.. (fails when one is missing: then the wall-time column was renamed).
drop_columns() {
    local file=$1
    shift
    if grep -q '"' "$file"; then
        die "$file has quoted fields; this comparison splits on commas"
    fi
    awk -F, -v names="$*" '
        NR == 1 {
            n = split(names, drop, " ")
            for (j = 1; j <= n; j++) {
                found = 0
                for (i = 1; i <= NF; i++) if ($i == drop[j]) { skip[i] = 1; found = 1 }
                if (!found) { print FILENAME ": no column " drop[j] > "/dev/stderr"; exit 3 }
            }
        }
        {
            line = ""; sep = ""
            for (i = 1; i <= NF; i++) if (!(i in skip)) { line = line sep $i; sep = "," }
            print line
        }' "$file"
}

compare_sweeps() {
    local merged=$1 local_=$2
    local ids_merged ids_local
    ids_merged=$(ls "$merged/runs")
    ids_local=$(ls "$local_/runs")
    [[ "$ids_merged" == "$ids_local" ]] || die "run ids differ: merged [$ids_merged] local [$ids_local]"
    (($(wc -l <<<"$ids_local") == 4)) || die "expected the 4 runs of $config, got: $ids_local"
    local tables_merged tables_local
    tables_merged=$(cd "$merged" && ls ./*.csv)
    tables_local=$(cd "$local_" && ls ./*.csv)
    [[ "$tables_merged" == "$tables_local" ]] || die "tables differ: merged [$tables_merged] local [$tables_local]"
    local table
    for table in $tables_local; do
        table=${table#./}
        case $table in
        runs.csv) diff <(drop_columns "$merged/$table" Seconds) <(drop_columns "$local_/$table" Seconds) ;;
        metrics.csv) diff <(drop_columns "$merged/$table" time_s) <(drop_columns "$local_/$table" time_s) ;;
        *) diff "$merged/$table" "$local_/$table" ;;
        esac || die "$table differs between the merged Slurm sweep and the local one"
        say "  $table: same$( [[ $table == runs.csv ]] && echo ' (but Seconds)')$( [[ $table == metrics.csv ]] && echo ' (but time_s)')"
    done
}

t0=$SECONDS
install_packages
say "packages: $((SECONDS - t0)) s"

t0=$SECONDS
if [[ -n "${AIM:-}" ]]; then
    aim=("$AIM")
    say "using AIM=$AIM"
else
    dotnet build src/Aim.Cli -c Release --nologo -v q
    aim=(dotnet run --no-build --project src/Aim.Cli -c Release --)   # what the job script runs without AIM
fi
say "build: $((SECONDS - t0)) s"

t0=$SECONDS
start_slurm
say "Slurm start: $((SECONDS - t0)) s"

t0=$SECONDS
# Without --array the script must stop with its message (it used to die on an unbound variable).
submit plain
logs+=("aim-sweep-${plain}_4294967294.out")   # %a of a job that is not an array task
submit array --array=0-$((shards - 1))
for ((task = 0; task < shards; task++)); do logs+=("aim-sweep-${array}_$task.out"); done
say "submitted job $plain (no array) and array job $array (tasks 0-$((shards - 1)))"

# Cancel task 1 once its run has started, so that the resubmission finds an unfinished run directory.
wait_for "$timeout" "task $cancelled to start a run" run_started_or_task_ended "$array" "$cancelled"
started_runs "$cancelled" || die "task $cancelled ended ($(job_state "$array" "$cancelled")) before it started a run"
scancel "${array}_$cancelled"
wait_for 60 "task $cancelled to end" task_ended "$array" "$cancelled"
unfinished=$(find "$work/out/shard-$cancelled/$name/runs" -mindepth 1 -maxdepth 1 -type d '!' -exec test -e '{}/summary.json' ';' -printf '%f\n')
say "cancelled task $cancelled ($(job_state "$array" "$cancelled")); unfinished runs left in its shard: ${unfinished:-none}"
[[ -n "$unfinished" ]] || say "warning: task $cancelled finished its run before the cancel landed; the restart of a run is not exercised"

submit again --array=$cancelled
logs+=("aim-sweep-${again}_$cancelled.out")
say "resubmitted task $cancelled as job $again"
wait_for "$timeout" "the jobs to finish" queue_empty
say "Slurm jobs: $((SECONDS - t0)) s"

read -r state code <<<"$(job_state "$plain" "")"
[[ $state == FAILED && $code == 2:0 ]] || die "job $plain without --array: expected FAILED 2:0, got $state $code"
grep -q "not an array task" "$root/aim-sweep-${plain}_4294967294.out" || die "job $plain's log lacks the 'not an array task' message"
say "without --array: $state, exit 2, '$(grep -o 'not an array task[^(]*' "$root/aim-sweep-${plain}_4294967294.out")…'"
for ((task = 0; task < shards; task++)); do
    read -r state code <<<"$(job_state "$array" "$task")"
    if ((task == cancelled)); then
        [[ $state == CANCELLED ]] || die "task $task: expected CANCELLED, got $state"
    else
        [[ $state == COMPLETED && $code == 0:0 ]] || die "task $task: expected COMPLETED 0:0, got $state $code"
    fi
done
read -r state code <<<"$(job_state "$again" "$cancelled")"
[[ $state == COMPLETED && $code == 0:0 ]] || die "resubmitted task $cancelled: expected COMPLETED 0:0, got $state $code"
grep -q "shard $cancelled/$shards" "$root/aim-sweep-${again}_$cancelled.out" || die "the resubmitted task did not run shard $cancelled/$shards"
for run in $unfinished; do
    grep -Eq "$run +done" "$root/aim-sweep-${again}_$cancelled.out" || die "the resubmitted task did not redo the cancelled run $run"
done
say "array tasks: COMPLETED but task $cancelled CANCELLED; its resubmission COMPLETED shard $cancelled/$shards"

t0=$SECONDS
# As the job script's header documents it.
"${aim[@]}" merge --inputs "$work"/out/shard-*/"$name" --out "$work/out/$name" >"$work/merge.log" 2>&1 \
    || { cat "$work/merge.log" >&2; die "aim merge failed"; }
OMP_NUM_THREADS=1 "${aim[@]}" sweep --config "$config" --out "$work/local" >"$work/local.log" 2>&1 \
    || { tail -n 20 "$work/local.log" >&2; die "the local aim sweep failed"; }
say "merge and local sweep: $((SECONDS - t0)) s"
compare_sweeps "$work/out/$name" "$work/local/$name"
say "passed in $((SECONDS - started)) s"
