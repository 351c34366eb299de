<#
.SYNOPSIS
    Times the KaimingTools cmdlets the way a user meets them: the cost Import-Module adds to a bare pwsh
    start, one New-KaimingWeights -FanIn 512 call in a warm session, and generation throughput through the
    cmdlet. Used by compare.sh; prints "cmdlet<TAB>op<TAB>elements<TAB>threads<TAB>seconds" lines for the
    table and writes the latency lines to -LatencyPath (to the console without it).
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/KaimingTools.Benchmarks/Measure-Cmdlets.ps1 -LatencyOnly -ImportRuns 51
    Only the import cost and the warm call: 51 bare and 51 importing cold starts, interleaved.
#>
param(
    # Runs per throughput figure (medians).
    [int] $Runs = 7,
    # Cold starts per variant for the import cost. A cold start varies by tens of ms on a busy machine, so
    # this is many more than -Runs.
    [int] $ImportRuns = 31,
    [string] $LatencyPath,
    # Measure only the import cost and the warm call, not the throughput.
    [switch] $LatencyOnly
)

$ErrorActionPreference = 'Stop'
$module = Join-Path $PSScriptRoot '../../module/KaimingTools'

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0] } else { 'n/a' }
}

# Cold start: the same pwsh started bare (-Command '$null') and with the import, interleaved, the order
# alternating each round so drift and order effects hit both alike; one round of warm-up is discarded.
# "adds" is the median of the per-round differences (the difference of the two medians is printed too).
$pwsh = (Get-Process -Id $PID).Path
# Under the dotnet tool, the process is dotnet and the first argument is pwsh.dll.
[string[]] $arguments = @()
if ((Split-Path -Leaf $pwsh) -like 'dotnet*') { $arguments = @([Environment]::GetCommandLineArgs()[0]) }
$commands = @{ bare = '$null'; import = "Import-Module '$module'" }
$cold = @{ bare = [System.Collections.Generic.List[double]]::new(); import = [System.Collections.Generic.List[double]]::new() }
$loadBefore = Get-LoadAverage
for ($i = 0; $i -le $ImportRuns; $i++) {
    $order = if ($i % 2) { 'import', 'bare' } else { 'bare', 'import' }
    foreach ($name in $order) {
        $t = Measure-Command { & $pwsh @arguments -NoProfile -NonInteractive -Command $commands[$name] | Out-Null }
        if ($LASTEXITCODE) { throw "pwsh failed: $($commands[$name])" }
        if ($i -gt 0) { $cold[$name].Add($t.TotalMilliseconds) }
    }
}
$loadAfter = Get-LoadAverage
$paired = for ($i = 0; $i -lt $ImportRuns; $i++) { $cold.import[$i] - $cold.bare[$i] }

Import-Module $module
$null = New-KaimingWeights -FanIn 512 -Distribution Normal   # warm up: JIT, format data
$calls = foreach ($i in 1..50) { (Measure-Command { $null = New-KaimingWeights -FanIn 512 -Distribution Normal }).TotalMilliseconds }

$startMedian = Get-Median $cold.bare
$importMedian = Get-Median $cold.import
$latency = @(
    "pwsh start, bare:                     {0,7:N1} ms (median of $ImportRuns, interleaved; load average $loadBefore -> $loadAfter)" -f $startMedian
    "pwsh start with Import-Module:        {0,7:N1} ms" -f $importMedian
    "Import-Module adds:                   {0,7:N1} ms   (median of the paired differences; of the medians {1:N1} ms; target <= 250 ms)" -f (Get-Median $paired), ($importMedian - $startMedian)
    "New-KaimingWeights -FanIn 512, warm:  {0,7:N2} ms   (median of 50; target <= 20 ms)" -f (Get-Median $calls)
)
if ($LatencyPath) { $latency | Set-Content -LiteralPath $LatencyPath } else { $latency | Out-Host }
if ($LatencyOnly) { return }

$ops = @{ uniform = 'Uniform'; normal = 'Normal'; trunc_normal = 'TruncatedNormal' }
foreach ($side in 4096, 8192) {
    foreach ($threads in 1, [Environment]::ProcessorCount) {
        foreach ($op in 'uniform', 'normal', 'trunc_normal') {
            $null = New-KaimingWeights -Shape $side, $side -Distribution $ops[$op] -Seed 1 -ThrottleLimit $threads -AsArray
            $times = foreach ($i in 1..$Runs) {
                [GC]::Collect()
                (Measure-Command { $null = New-KaimingWeights -Shape $side, $side -Distribution $ops[$op] -Seed 1 -ThrottleLimit $threads -AsArray }).TotalSeconds
            }
            "cmdlet`t$op`t$($side * $side)`t$threads`t$(Get-Median $times)"
        }
    }
}
