<#
.SYNOPSIS
    Times the KaimingTools cmdlets the way a user meets them: the cost Import-Module adds to a bare pwsh
    start, one New-KaimingWeights -FanIn 512 call in a warm session, and generation throughput through the
    cmdlet. Used by compare.sh; prints "cmdlet<TAB>op<TAB>elements<TAB>threads<TAB>seconds" lines for the
    table and writes the latency lines to -LatencyPath.
#>
param(
    [int] $Runs = 7,
    [Parameter(Mandatory)] [string] $LatencyPath
)

$ErrorActionPreference = 'Stop'
$module = Join-Path $PSScriptRoot '../../module/KaimingTools'

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $sorted[[int][math]::Floor(($sorted.Count - 1) / 2)]
}

# Cold start: the same pwsh started bare and with the import, alternating so drift hits both alike.
$pwsh = (Get-Process -Id $PID).Path
# Under the dotnet tool, the process is dotnet and the first argument is pwsh.dll.
[string[]] $arguments = @()
if ((Split-Path -Leaf $pwsh) -like 'dotnet*') { $arguments = @([Environment]::GetCommandLineArgs()[0]) }
$bare = [System.Collections.Generic.List[double]]::new()
$imported = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs + 1; $i++) {
    $t = Measure-Command { & $pwsh @arguments -NoProfile -NonInteractive -Command "exit 0" | Out-Null; if ($LASTEXITCODE) { throw "pwsh failed to start" } }
    if ($i -gt 0) { $bare.Add($t.TotalMilliseconds) }
    $t = Measure-Command { & $pwsh @arguments -NoProfile -NonInteractive -Command "Import-Module '$module'; exit 0" | Out-Null; if ($LASTEXITCODE) { throw "pwsh failed to import the module" } }
    if ($i -gt 0) { $imported.Add($t.TotalMilliseconds) }
}

Import-Module $module
$null = New-KaimingWeights -FanIn 512 -Distribution Normal   # warm up: JIT, format data
$calls = foreach ($i in 1..50) { (Measure-Command { $null = New-KaimingWeights -FanIn 512 -Distribution Normal }).TotalMilliseconds }

$startMedian = Get-Median $bare
$importMedian = Get-Median $imported
@(
    "pwsh start, bare:                     {0,7:N1} ms (median of $Runs)" -f $startMedian
    "pwsh start with Import-Module:        {0,7:N1} ms" -f $importMedian
    "Import-Module adds:                   {0,7:N1} ms   (target <= 250 ms)" -f ($importMedian - $startMedian)
    "New-KaimingWeights -FanIn 512, warm:  {0,7:N2} ms   (median of 50; target <= 20 ms)" -f (Get-Median $calls)
) | Set-Content -LiteralPath $LatencyPath

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
