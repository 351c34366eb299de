#Requires -Version 7.4
<#
.SYNOPSIS
    Builds KaimingTools and runs every test suite: xUnit, Pester (the module) and the notebooks.
.DESCRIPTION
    Ends with one line "tests: N passed, M failed" summing all suites, and exits non-zero if any test
    failed or any suite could not run. Run from anywhere: dotnet tool restore && dotnet pwsh -File tests/run-all.ps1
#>
[CmdletBinding()]
param(
    # Skip the build (use what is already built).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$results = Join-Path $root 'artifacts/test-results'
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $results
New-Item -ItemType Directory -Force $results | Out-Null

$passed = 0
$failed = 0
$problems = [System.Collections.Generic.List[string]]::new()

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command | Out-Host
    if ($LASTEXITCODE -ne 0) { $script:problems.Add("$What exited with code $LASTEXITCODE") }
    return $LASTEXITCODE -eq 0
}

Push-Location $root
try {
    if (-not $NoBuild) {
        Write-Host '== build' -ForegroundColor Cyan
        if (-not (Invoke-Native 'dotnet build' { dotnet build KaimingTools.sln -c Release --nologo -v minimal })) {
            Write-Host "tests: 0 passed, 1 failed"
            exit 1
        }
    }

    Write-Host '== xUnit' -ForegroundColor Cyan
    $null = Invoke-Native 'dotnet test' { dotnet test KaimingTools.sln -c Release --no-build --nologo --logger 'trx' --results-directory $results }
    $trx = @(Get-ChildItem -Path $results -Filter *.trx -Recurse)
    if ($trx.Count -eq 0) { $problems.Add('xUnit wrote no results') }
    foreach ($file in $trx) {
        $counters = ([xml](Get-Content -Raw $file.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Write-Host ("   {0}: {1} passed, {2} failed" -f $file.Name, $counters.passed, $counters.failed)
    }

    Write-Host '== Pester' -ForegroundColor Cyan
    if (Invoke-Native 'Pester restore' { dotnet restore tests/KaimingTools.Module.Tests/PesterPackage.csproj --nologo -v quiet }) {
        $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
        $pester = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
        $pesterResult = Join-Path $results 'pester.xml'
        # A child process, so the module under test loads fresh and cannot affect this script.
        $null = Invoke-Native 'Pester' { dotnet pwsh -NoProfile -NonInteractive -File tests/KaimingTools.Module.Tests/Invoke-ModuleTests.ps1 -PesterPath $pester -ResultPath $pesterResult }
        if (Test-Path $pesterResult) {
            $suite = ([xml](Get-Content -Raw $pesterResult)).'test-results'
            $pesterFailed = [int]$suite.failures + [int]$suite.errors
            $pesterPassed = [int]$suite.total - $pesterFailed - [int]$suite.'not-run' - [int]$suite.inconclusive - [int]$suite.skipped
            $passed += $pesterPassed
            $failed += $pesterFailed
            Write-Host "   pester.xml: $pesterPassed passed, $pesterFailed failed"
        }
        else {
            $problems.Add('Pester wrote no results')
        }
    }

    $notebookRunner = Join-Path $root 'tests/KaimingTools.Notebooks.Tests/Invoke-Notebooks.ps1'
    if (Test-Path $notebookRunner) {
        Write-Host '== notebooks' -ForegroundColor Cyan
        $notebookResult = Join-Path $results 'notebooks.json'
        $null = Invoke-Native 'notebooks' { dotnet pwsh -NoProfile -NonInteractive -File $notebookRunner -ResultPath $notebookResult }
        if (Test-Path $notebookResult) {
            $nb = Get-Content -Raw $notebookResult | ConvertFrom-Json
            $passed += [int]$nb.passed
            $failed += [int]$nb.failed
        }
        else {
            $problems.Add('the notebook run wrote no results')
        }
    }
}
finally {
    Pop-Location
}

foreach ($problem in $problems) { Write-Host "problem: $problem" -ForegroundColor Red }
if ($problems.Count -gt 0 -and $failed -eq 0) { $failed = 1 }
Write-Host "tests: $passed passed, $failed failed"
exit ([int]($failed -gt 0))
