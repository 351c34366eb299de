#!/usr/bin/env bash
# Times PyTorch (Debian python3-torch), NumPy and KaimingTools on the same float32 4096² and 8192² buffers
# in one run on one machine, plus a plain store loop, and prints one table (elements/s and ratios).
# Usage: tests/KaimingTools.Benchmarks/compare.sh [runs]   (median of `runs`, default 7)
# Needs: apt-get install python3-torch python3-numpy (the Debian python, /usr/bin/python3).
set -euo pipefail
RUNS="${1:-7}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY=/usr/bin/python3
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

time_pytorch() {
  "$PY" - "$RUNS" <<'PYEOF'
import math, os, statistics, sys, time
import torch
runs = int(sys.argv[1])
def median(f):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)
for side in (4096, 8192):
    t = torch.empty(side, side, dtype=torch.float32)
    std = math.sqrt(2.0 / side)
    for threads in (1, os.cpu_count()):
        torch.set_num_threads(threads)
        ops = {
            "uniform": lambda: torch.nn.init.kaiming_uniform_(t, nonlinearity="relu"),
            "normal": lambda: torch.nn.init.kaiming_normal_(t, nonlinearity="relu"),
            "trunc_normal": lambda: torch.nn.init.trunc_normal_(t, std=std, a=-2 * std, b=2 * std),
        }
        for name, f in ops.items():
            print(f"pytorch\t{name}\t{side * side}\t{threads}\t{median(f)!r}")
PYEOF
}

time_numpy() {
  # OPENBLAS_CORETYPE does not matter for the RNG; unset for this command only so it cannot skew it.
  env -u OPENBLAS_CORETYPE "$PY" - "$RUNS" <<'PYEOF'
import statistics, sys, time
import numpy as np
runs = int(sys.argv[1])
def median(f):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)
rng = np.random.default_rng(42)
for side in (4096, 8192):
    a = np.empty(side * side, dtype=np.float32)
    print(f"numpy\tuniform\t{a.size}\t1\t{median(lambda: rng.random(out=a, dtype=np.float32))!r}")
    print(f"numpy\tnormal\t{a.size}\t1\t{median(lambda: rng.standard_normal(out=a, dtype=np.float32))!r}")
    print(f"numpy\tstore\t{a.size}\t1\t{median(lambda: a.fill(1.0))!r}")
PYEOF
}

time_kaimingtools() {
  dotnet build "$ROOT/tests/KaimingTools.Benchmarks" -c Release -v quiet -nologo >&2
  dotnet run -c Release --no-build --project "$ROOT/tests/KaimingTools.Benchmarks" -- compare "$RUNS"
}

# The cmdlets in a warm pwsh session (same shapes, through New-KaimingWeights -AsArray), plus the cost of
# Import-Module (the median of 31 paired cold starts, bare and importing, interleaved; not `runs`) and of one
# small call. Skipped until module/KaimingTools holds a built module.
time_cmdlet() {
  if ! compgen -G "$ROOT/module/KaimingTools/net8.0/*.dll" >/dev/null; then
    echo "cmdlet timing skipped: module/KaimingTools has no built module (dotnet build KaimingTools.sln -c Release)" >&2
    return 0
  fi
  (cd "$ROOT" && dotnet tool restore >/dev/null && dotnet pwsh -NoProfile -NonInteractive -File tests/KaimingTools.Benchmarks/Measure-Cmdlets.ps1 -Runs "$RUNS" -LatencyPath "$OUT/latency.txt")
}

time_pytorch >"$OUT/pytorch.tsv"
time_numpy >"$OUT/numpy.tsv"
time_kaimingtools >"$OUT/kaimingtools.tsv"
time_cmdlet >"$OUT/cmdlet.tsv"

"$PY" - "$OUT" <<'PYEOF'
import collections, glob, os, sys
rows = collections.OrderedDict()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.tsv"))):
    for line in open(path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5:
            continue
        tool, op, n, threads, seconds = parts
        rows[(tool, op, int(n), int(threads))] = int(n) / float(seconds)
torch_name = {"uniform": "kaiming_uniform_", "normal": "kaiming_normal_", "trunc_normal": "trunc_normal_", "store": None}
ncpu = max(t for (_, _, _, t) in rows)
print(f"{'shape':>10} {'operation':<13} {'tool':<13} {'threads':>7} {'M elem/s':>10} {'vs PyTorch':>10}")
for n in sorted({k[2] for k in rows}):
    side = int(round(n ** 0.5))
    for op in ("uniform", "normal", "trunc_normal", "store"):
        for tool in ("pytorch", "numpy", "kaimingtools", "cmdlet"):
            for threads in (1, ncpu):
                rate = rows.get((tool, op, n, threads))
                if rate is None:
                    continue
                ref = rows.get(("pytorch", op, n, threads))
                vs = f"{rate / ref:.1f}x" if ref and tool != "pytorch" else ""
                label = f"{op}" if tool != "pytorch" or not torch_name[op] else torch_name[op]
                print(f"{side}x{side:<5} {label:<13} {tool:<13} {threads:>7} {rate / 1e6:>10.0f} {vs:>10}")
print()
print("KaimingTools ratios:")
for n in sorted({k[2] for k in rows}):
    side = int(round(n ** 0.5))
    for op in ("uniform", "normal", "trunc_normal", "store"):
        one, all_ = rows.get(("kaimingtools", op, n, 1)), rows.get(("kaimingtools", op, n, ncpu))
        if one and all_:
            print(f"  {side}x{side} {op:<13} {ncpu} threads / 1 thread = {all_ / one:.2f}")
    u, s = rows.get(("kaimingtools", "uniform", n, 1)), rows.get(("kaimingtools", "store", n, 1))
    if u and s:
        print(f"  {side}x{side} uniform / plain store (1 thread) = {u / s:.2f}")
PYEOF
echo
echo "PowerShell:"
cat "$OUT/latency.txt" 2>/dev/null || echo "  (not measured)"
