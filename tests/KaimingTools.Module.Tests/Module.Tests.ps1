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
        # Test-ModuleManifest, not Import-PowerShellDataFile: the manifest's RootModule is an if on $PSEdition.
        $manifest = Test-ModuleManifest -Path (Join-Path $script:ModulePath 'KaimingTools.psd1')
        $manifest.ExportedCmdlets.Count | Should -Be 12
        $exported = (Get-Command -Module KaimingTools).Name | Sort-Object
        $exported | Should -Be ($manifest.ExportedCmdlets.Keys | Sort-Object)
        (Get-Command -Module KaimingTools -CommandType Function) | Should -BeNullOrEmpty
    }

    It 'loads the net8.0 build, cmdlets and core (the SIMD paths), on PowerShell 7.4+' {
        (Get-Command New-KaimingWeights).DLL | Should -Match 'net8\.0[\\/]KaimingTools\.PowerShell\.dll$'
        [KaimingTools.Sampling.CounterSampler].Assembly.Location | Should -Match 'net8\.0[\\/]KaimingTools\.Core\.dll$'
    }

    It 'is the binary module itself, with no script module in front of it' {
        $module = Get-Module KaimingTools
        $module.ModuleType | Should -Be 'Binary'
        $module.NestedModules | Should -BeNullOrEmpty
        $module.ModuleBase | Should -Be (Resolve-Path $script:ModulePath).Path
    }

    It 'removes its cmdlets with Remove-Module and imports again' {
        try {
            Remove-Module KaimingTools
            Get-Module KaimingTools | Should -BeNullOrEmpty
            Get-Command -Module KaimingTools | Should -BeNullOrEmpty
        }
        finally { Import-Module $script:ModulePath -Force }
        (Get-Command -Module KaimingTools).Count | Should -Be 12
        (Get-InitBounds -FanIn 512).Std | Should -Be 0.0625
    }

    It 'names the missing build when the module is not built' {
        # The manifest without the build folders. A fresh pwsh: in this one PowerShell would reuse the loaded
        # KaimingTools.PowerShell assembly. PowerShell's own error names the RootModule it cannot find.
        $unbuilt = Join-Path $TestDrive 'KaimingTools'
        New-Item -ItemType Directory $unbuilt | Out-Null
        Copy-Item (Join-Path $script:ModulePath 'KaimingTools.psd1'), (Join-Path $script:ModulePath 'KaimingTools.format.ps1xml') $unbuilt
        $output = dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$unbuilt' -ErrorAction Stop" 2>&1 | Out-String
        $LASTEXITCODE | Should -Not -Be 0
        ($output -replace '\s+', ' ') | Should -BeLike "*The module to process 'net8.0/KaimingTools.PowerShell.dll'*no valid module was found*"
    }

    It 'gives the same bits from its netstandard2.0 build (Windows PowerShell 5.1) as from net8.0' {
        $script = "Import-Module '$script:ModulePath'; " +
            "foreach (`$d in 'Uniform','Normal','TruncatedNormal') { foreach (`$t in 'Single','Double') { " +
            "`$w = New-KaimingWeights -Shape 33,7 -Distribution `$d -DataType `$t -Seed 123; " +
            "[Convert]::ToBase64String([Security.Cryptography.SHA256]::Create().ComputeHash([byte[]](`$w.Data | ForEach-Object { [BitConverter]::GetBytes(`$_) } | ForEach-Object { `$_ }))) } }; " +
            "(Get-Command New-KaimingWeights).DLL; [KaimingTools.Sampling.CounterSampler].Assembly.Location"
        $hashes = @{}
        foreach ($framework in 'net8.0', 'netstandard2.0') {
            $env:KAIMINGTOOLS_FRAMEWORK = $framework
            try { $hashes[$framework] = @(dotnet pwsh -NoProfile -NonInteractive -Command $script) }
            finally { Remove-Item Env:KAIMINGTOOLS_FRAMEWORK }
        }

        $hashes['net8.0'][-2] | Should -Match 'net8\.0[\\/]KaimingTools\.PowerShell\.dll$'
        $hashes['net8.0'][-1] | Should -Match 'net8\.0[\\/]KaimingTools\.Core\.dll$'
        $hashes['netstandard2.0'][-2] | Should -Match 'netstandard2\.0[\\/]KaimingTools\.PowerShell\.dll$'
        $hashes['netstandard2.0'][-1] | Should -Match 'netstandard2\.0[\\/]KaimingTools\.Core\.dll$'
        $hashes['netstandard2.0'].Count | Should -Be 8
        $hashes['netstandard2.0'][0..5] | Should -Be $hashes['net8.0'][0..5]
    }
}
