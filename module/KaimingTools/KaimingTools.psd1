@{
    # The build that fits this PowerShell. The manifest chooses it, not a script module that imports it: a
    # .psm1 doing the same added about 135 ms to a cold pwsh start (docs/performance.md, "Import-Module").
    # Each folder holds one build (cmdlets, KaimingTools.Core, dependencies); the cmdlets load the core next
    # to them.
    # - Core edition (PowerShell 7.4+): net8.0, whose core has the SIMD paths.
    # - Desktop edition (Windows PowerShell 5.1): netstandard2.0, the portable build.
    # - KAIMINGTOOLS_FRAMEWORK=netstandard2.0 loads the portable build on PowerShell 7 too (the tests use it to
    #   check that both builds give the same bits; PowerShell 7.0-7.3, on .NET 6/7, need it).
    # A manifest can read $PSEdition and environment variables; testing for a file (Join-Path -Resolve) would
    # load Microsoft.PowerShell.Management, about 70 ms. So an unbuilt module fails with PowerShell's own "The
    # module to process 'net8.0/KaimingTools.PowerShell.dll' ... was not processed because no valid module was
    # found": run 'dotnet build KaimingTools.sln -c Release' in the repository first.
    RootModule           = if ($PSEdition -eq 'Core' -and $env:KAIMINGTOOLS_FRAMEWORK -ne 'netstandard2.0') {
        'net8.0/KaimingTools.PowerShell.dll'
    }
    else {
        'netstandard2.0/KaimingTools.PowerShell.dll'
    }
    ModuleVersion        = '0.1.0'
    GUID                 = 'bb45bab3-bdf0-4e7f-ac2d-87b3f6d4bb10'
    Author               = 'KaimingTools contributors'
    CompanyName          = 'KaimingTools'
    Copyright            = '(c) KaimingTools contributors. MIT License.'
    Description          = 'Kaiming He, Xavier/Glorot and LeCun weight initialisation: the exact distributions (uniform, normal, truncated normal) with their parameters from fan and gain, and reproducible counter-based weight generation.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('KaimingTools.format.ps1xml')
    CmdletsToExport      = @(
        'New-KaimingWeights'
        'New-XavierWeights'
        'New-LeCunWeights'
        'New-InitWeights'
        'Get-InitBounds'
        'Get-InitDistribution'
        'Get-InitGain'
        'Test-InitWeights'
        'Show-InitHistogram'
        'Export-InitWeights'
        'Import-InitWeights'
        'Measure-SignalPropagation'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Kaiming', 'He', 'Xavier', 'Glorot', 'LeCun', 'initialization', 'initialisation', 'weights', 'neural-network', 'deep-learning', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'First release: New-KaimingWeights and Get-InitBounds on the KaimingTools core.'
        }
    }
}
