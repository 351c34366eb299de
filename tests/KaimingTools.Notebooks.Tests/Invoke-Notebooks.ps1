#Requires -Version 7.4
<#
.SYNOPSIS
    Runs every notebook in notebooks/ headless with dotnet-repl and writes {"passed":N,"failed":M} to -ResultPath.
.DESCRIPTION
    A notebook passes only if dotnet-repl exits 0 and no cell of the executed copy has an error output. The executed
    copies go to artifacts/notebooks/ (never into notebooks/, which are committed without outputs). Needs the Release
    build and `dotnet tool restore`. #!pwsh cells run in dotnet-repl's own PowerShell, which does not find the built-in
    Microsoft.PowerShell.* modules by itself: PSModulePath is pointed at the pinned PowerShell tool's Modules folder.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
$notebooks = Join-Path $root 'notebooks'
$outputs = Join-Path $root 'artifacts/notebooks'
New-Item -ItemType Directory -Force $outputs | Out-Null

# The local tool 'powershell' (pinned in .config/dotnet-tools.json) is restored into the NuGet global packages folder.
$version = (Get-Content -Raw (Join-Path $root '.config/dotnet-tools.json') | ConvertFrom-Json).tools.powershell.version
$packages = ((dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
$platform = if ($IsWindows) { 'win' } else { 'unix' }
$modules = Join-Path $packages "powershell/$version/tools/net10.0/any/$platform/Modules"
if (-not (Test-Path $modules)) { throw "PowerShell $version's Modules folder is missing ($modules): run 'dotnet tool restore'." }

$passed = 0
$failed = 0
$clock = [Diagnostics.Stopwatch]::StartNew()
$savedModulePath = $env:PSModulePath
try {
    $env:PSModulePath = $modules
    foreach ($notebook in Get-ChildItem -Path $notebooks -Filter *.ipynb | Sort-Object Name) {
        $executed = Join-Path $outputs $notebook.Name
        Remove-Item -Force -ErrorAction SilentlyContinue $executed
        $started = $clock.Elapsed
        # #r and Import-Module paths in the notebooks are relative to notebooks/, so run from there (the tool
        # manifest is still found, one folder up).
        Push-Location $notebooks
        try {
            $log = dotnet repl --run $notebook.FullName --exit-after-run --output-path $executed --working-dir $notebooks 2>&1
            $exitCode = $LASTEXITCODE
        }
        finally {
            Pop-Location
        }

        $errors = @()
        if (Test-Path $executed) {
            $cells = (Get-Content -Raw $executed | ConvertFrom-Json).cells
            foreach ($cell in $cells) {
                foreach ($output in @($cell.outputs)) {
                    if ($output.output_type -eq 'error') { $errors += "$($output.ename): $($output.evalue)" }
                }
            }
        }
        else {
            $errors += 'dotnet-repl wrote no executed notebook'
        }

        $seconds = ($clock.Elapsed - $started).TotalSeconds
        if ($exitCode -eq 0 -and $errors.Count -eq 0) {
            $passed++
            Write-Host ('   passed  {0} ({1:N1} s)' -f $notebook.Name, $seconds)
        }
        else {
            $failed++
            Write-Host ('   FAILED  {0} (exit code {1}, {2:N1} s)' -f $notebook.Name, $exitCode, $seconds) -ForegroundColor Red
            foreach ($e in $errors) { Write-Host "           $e" -ForegroundColor Red }
            if ($errors.Count -eq 0) { $log | Select-Object -Last 20 | ForEach-Object { Write-Host "           $_" } }
        }
    }
}
finally {
    $env:PSModulePath = $savedModulePath
}

Write-Host ('   notebooks: {0} passed, {1} failed in {2:N0} s' -f $passed, $failed, $clock.Elapsed.TotalSeconds)
@{ passed = $passed; failed = $failed } | ConvertTo-Json -Compress | Set-Content -Path $ResultPath -Encoding utf8
