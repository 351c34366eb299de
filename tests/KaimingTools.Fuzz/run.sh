#!/usr/bin/env bash
# Fuzzes the .npy and .safetensors parsers with AFL++ over a SharpFuzz-instrumented KaimingTools.Core.
#
#   tests/KaimingTools.Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s; npy safetensors)
#
# Setup, done here when missing: AFL++ from Debian (apt-get install afl++) and the SharpFuzz 2.3.0
# instrumenter (dotnet tool SharpFuzz.CommandLine, installed into ./.tools, not the repo's tool manifest).
# Output goes to ./.out (ignored by git): findings-<target>/default/{crashes,hangs,fuzzer_stats}.
# Exit status 1 when any target found a crash or a hang; replay one with
#   dotnet .out/bin/KaimingTools.Fuzz.dll <target> --repro <file>
# and turn it into a regression test in tests/KaimingTools.Core.Tests/Formats/FuzzRegressionTests.cs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-60}"
shift || true
targets=("${@:-npy safetensors}")
read -r -a targets <<< "${targets[*]}"
out="$here/.out"
tools="$here/.tools"

if ! command -v afl-fuzz >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
if [[ ! -x "$tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

rm -rf "$out/bin"
dotnet publish "$here/KaimingTools.Fuzz.csproj" -c Release -o "$out/bin" --nologo -v quiet
# Only the code under test is instrumented: AFL's coverage map then reflects the parsers, not the runtime.
"$tools/sharpfuzz" "$out/bin/KaimingTools.Core.dll"

# SharpFuzz binaries are managed (no AFL instrumentation in the ELF), crashes come from .NET exceptions,
# and this machine's core_pattern and CPU governor are not ours to change.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1

status=0
for target in "${targets[@]}"; do
  findings="$out/findings-$target"
  rm -rf "$findings"
  # -t: a parse taking over 10 s is a hang; -m none: the CLR reserves far more address space than AFL's default cap.
  afl-fuzz -V "$seconds" -t 10000 -m none -i "$here/corpus/$target" -o "$findings" \
    -- dotnet "$out/bin/KaimingTools.Fuzz.dll" "$target" >"$out/afl-$target.log" 2>&1 || true
  stats="$findings/default/fuzzer_stats"
  if [[ ! -f "$stats" ]]; then
    echo "$target: afl-fuzz did not start; see $out/afl-$target.log" >&2
    tail -20 "$out/afl-$target.log" >&2
    status=1
    continue
  fi
  execs=$(awk -F' *: *' '$1=="execs_done"{print $2}' "$stats")
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id:*' | wc -l)
  paths=$(awk -F' *: *' '$1=="corpus_count"{print $2}' "$stats")
  echo "$target: ${seconds}s, $execs executions, corpus $paths, $crashes crashes, $hangs hangs"
  if (( crashes > 0 || hangs > 0 )); then status=1; fi
done
exit $status
