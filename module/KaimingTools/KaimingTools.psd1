@{
    RootModule           = 'KaimingTools.psm1'
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
