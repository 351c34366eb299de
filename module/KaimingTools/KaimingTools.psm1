# Loads the build that fits this PowerShell: net8.0 on PowerShell 7.4+ (the fast paths), netstandard2.0
# on Windows PowerShell 5.1 and older PowerShell 7. KAIMINGTOOLS_FRAMEWORK=netstandard2.0 forces the
# portable build (the tests use it to check both builds give the same bits).
$framework = $env:KAIMINGTOOLS_FRAMEWORK
if (-not $framework) {
    $framework = if ($PSVersionTable.PSEdition -eq 'Core' -and $PSVersionTable.PSVersion -ge [version]'7.4') { 'net8.0' } else { 'netstandard2.0' }
}

$assembly = Join-Path (Join-Path $PSScriptRoot $framework) 'KaimingTools.PowerShell.dll'
if (-not (Test-Path -LiteralPath $assembly)) {
    throw "KaimingTools is not built for $framework ($assembly is missing). Run 'dotnet build KaimingTools.sln -c Release' in the repository first."
}

$binaryModule = Import-Module -Name $assembly -PassThru
$ExecutionContext.SessionState.Module.OnRemove = { Remove-Module -ModuleInfo $binaryModule }
