BeforeAll {
    $script:ModulePath = Join-Path $PSScriptRoot '../../module/KaimingTools'
    Import-Module $script:ModulePath -Force
}

Describe 'The KaimingTools module' {
    It 'has a valid manifest whose version matches Directory.Build.props' {
        $manifest = Test-ModuleManifest -Path (Join-Path $script:ModulePath 'KaimingTools.psd1')
        $props = [xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))
        $manifest.Version.ToString() | Should -Be $props.Project.PropertyGroup.Version
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile (Join-Path $script:ModulePath 'KaimingTools.psd1')
        $exported = (Get-Command -Module KaimingTools).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        (Get-Command -Module KaimingTools -CommandType Function) | Should -BeNullOrEmpty
    }

    It 'loads the net8.0 build on PowerShell 7.4+' {
        (Get-Command New-KaimingWeights).DLL | Should -Match 'net8\.0'
    }

    It 'gives the same bits from its netstandard2.0 build (Windows PowerShell 5.1) as from net8.0' {
        $script = "Import-Module '$script:ModulePath'; " +
            "foreach (`$d in 'Uniform','Normal','TruncatedNormal') { foreach (`$t in 'Single','Double') { " +
            "`$w = New-KaimingWeights -Shape 33,7 -Distribution `$d -DataType `$t -Seed 123; " +
            "[Convert]::ToBase64String([Security.Cryptography.SHA256]::Create().ComputeHash([byte[]](`$w.Data | ForEach-Object { [BitConverter]::GetBytes(`$_) } | ForEach-Object { `$_ }))) } }; " +
            "(Get-Command New-KaimingWeights).DLL"
        $hashes = @{}
        foreach ($framework in 'net8.0', 'netstandard2.0') {
            $env:KAIMINGTOOLS_FRAMEWORK = $framework
            try { $hashes[$framework] = @(dotnet pwsh -NoProfile -NonInteractive -Command $script) }
            finally { Remove-Item Env:KAIMINGTOOLS_FRAMEWORK }
        }

        $hashes['net8.0'][-1] | Should -Match 'net8\.0'
        $hashes['netstandard2.0'][-1] | Should -Match 'netstandard2\.0'
        $hashes['netstandard2.0'].Count | Should -Be 7
        $hashes['netstandard2.0'][0..5] | Should -Be $hashes['net8.0'][0..5]
    }
}
