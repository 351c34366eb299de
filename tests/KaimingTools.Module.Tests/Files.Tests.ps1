BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
    $script:Python = if ($env:KAIMINGTOOLS_PYTHON) { $env:KAIMINGTOOLS_PYTHON } elseif (Test-Path /usr/bin/python3) { '/usr/bin/python3' } else { 'python3' }
    function Get-Snapshot([string] $Folder) {
        Get-ChildItem -LiteralPath $Folder -Force | ForEach-Object { '{0}:{1}' -f $_.Name, (Get-FileHash -LiteralPath $_.FullName).Hash }
    }
}

Describe 'Export-InitWeights and Import-InitWeights' {
    BeforeEach {
        $script:Dir = Join-Path ([System.IO.Path]::GetTempPath()) ("kt-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $script:Dir | Out-Null
        Push-Location $script:Dir
    }
    AfterEach {
        Pop-Location
        Remove-Item -Recurse -Force $script:Dir
    }

    It 'writes a .npy that NumPy reads with the same values (relative path, PowerShell''s location)' {
        $w = New-KaimingWeights -FanIn 64 -FanOut 32 -Seed 3
        $w | Export-InitWeights -Path fc.npy
        Test-Path (Join-Path $script:Dir fc.npy) | Should -BeTrue
        $sum = & $script:Python -c "import numpy as np; a = np.load('$((Join-Path $script:Dir fc.npy) -replace '\\', '/')'); print(a.dtype, a.shape, repr(float(a.astype(np.float64).sum())))"
        $LASTEXITCODE | Should -Be 0 -Because 'python3-numpy must be installed (.ci/run installs it)'
        $expected = 0.0; foreach ($v in $w.Data) { $expected += [double]$v }
        $parts = $sum -split ' '
        $parts[0] | Should -Be 'float32'
        ($parts[1] + $parts[2]) | Should -Be '(32,64)'
        [double]$parts[3] | Should -Be $expected
    }

    It 'round-trips several named tensors and their provenance through .safetensors' {
        $a = New-KaimingWeights -FanIn 16 -FanOut 8 -Seed 1 -Name conv
        $b = New-XavierWeights -FanIn 8 -FanOut 4 -Seed 2 -Name fc -DataType Double
        $a, $b | Export-InitWeights -Path model.safetensors
        $back = Import-InitWeights model.safetensors
        $back.Name | Sort-Object | Should -Be @('conv', 'fc')
        $fc = $back | Where-Object Name -eq 'fc'
        [System.Linq.Enumerable]::SequenceEqual([double[]]$fc.Data, [double[]]$b.Data) | Should -BeTrue
        $fc.Init.Scheme | Should -Be 'Xavier'
        $fc.Seed | Should -Be 2
        ($fc | Test-InitWeights).Expected | Should -Not -BeNullOrEmpty
        (Import-InitWeights model.safetensors -Name conv).Count | Should -Be 128
    }

    It 'streams -Path output with the same bytes as generating in memory and exporting' {
        New-KaimingWeights -Shape 300, 70 -Seed 11 -Distribution TruncatedNormal | Export-InitWeights -Path a.npy
        $summary = New-KaimingWeights -Shape 300, 70 -Seed 11 -Distribution TruncatedNormal -Path b.npy -ThrottleLimit 1
        $summary.Count | Should -Be 21000
        (Get-FileHash a.npy).Hash | Should -Be (Get-FileHash b.npy).Hash
    }

    It 'does not replace an existing file without -Force, and does with it' {
        New-KaimingWeights -FanIn 4 -Seed 1 | Export-InitWeights -Path w.npy
        $before = Get-Snapshot $script:Dir
        $err = $null
        try { New-KaimingWeights -FanIn 4 -Seed 2 | Export-InitWeights -Path w.npy } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'FileExists,KaimingTools.PowerShell.Commands.ExportInitWeightsCommand'
        $err.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Snapshot $script:Dir | Should -Be $before
        New-KaimingWeights -FanIn 4 -Seed 2 | Export-InitWeights -Path w.npy -Force
        Get-Snapshot $script:Dir | Should -Not -Be $before
    }

    It '-WhatIf writes nothing' {
        New-KaimingWeights -FanIn 4 -Seed 1 | Export-InitWeights -Path w.npy -WhatIf
        New-KaimingWeights -FanIn 4 -Seed 1 -Path v.npy -WhatIf
        @(Get-ChildItem -Force $script:Dir).Count | Should -Be 0
    }

    It 'leaves the old file exactly when a streamed write is stopped with Ctrl+C' {
        New-KaimingWeights -FanIn 4 -Seed 1 | Export-InitWeights -Path big.npy
        $before = Get-Snapshot $script:Dir
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Set-Location '$script:Dir'; Import-Module '$(Join-Path $PSScriptRoot '../../module/KaimingTools')'; New-KaimingWeights -Shape 16384, 16384 -DataType Double -Distribution TruncatedNormal -Path big.npy -Force")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while (@(Get-ChildItem -Force $script:Dir -Filter '*.tmp').Count -eq 0 -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            @(Get-ChildItem -Force $script:Dir -Filter '*.tmp').Count | Should -Be 1 -Because 'the write goes to a temporary file first'
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        Get-Snapshot $script:Dir | Should -Be $before
    }
}

Describe 'Bad input across the cmdlets: stable error ids, nothing created or changed' {
    BeforeAll {
        $script:Bad = Join-Path ([System.IO.Path]::GetTempPath()) ("kt-bad-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory $script:Bad | Out-Null
        $t = New-KaimingWeights -FanIn 4 -Seed 1
        $t | Export-InitWeights -Path (Join-Path $script:Bad 'good.npy')
        [System.IO.File]::WriteAllBytes((Join-Path $script:Bad 'pickle.npy'), [byte[]](@(0x93) + [System.Text.Encoding]::ASCII.GetBytes("NUMPY") + @(1, 0, 70, 0) + [System.Text.Encoding]::ASCII.GetBytes("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }".PadRight(69) + "`n")))
        [System.IO.File]::WriteAllBytes((Join-Path $script:Bad 'fortran.npy'), [byte[]](@(0x93) + [System.Text.Encoding]::ASCII.GetBytes("NUMPY") + @(1, 0, 70, 0) + [System.Text.Encoding]::ASCII.GetBytes("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }".PadRight(69) + "`n") + @(0, 0, 128, 63)))
        [System.IO.File]::WriteAllBytes((Join-Path $script:Bad 'huge.safetensors'), [byte[]](@(0, 0, 0, 0, 1, 0, 0, 0) + [System.Text.Encoding]::ASCII.GetBytes('{}')))
        [System.IO.File]::WriteAllBytes((Join-Path $script:Bad 'json.safetensors'), [byte[]](@(4, 0, 0, 0, 0, 0, 0, 0) + [System.Text.Encoding]::ASCII.GetBytes('{"a"')))
        $script:Snapshot = Get-Snapshot $script:Bad
    }
    AfterAll { Remove-Item -Recurse -Force $script:Bad }

    It '<Case> -> <Id>' -ForEach @(
        @{ Case = 'NaN fan'; Command = { New-KaimingWeights -FanIn ([double]::NaN) -Path (Join-Path $script:Bad 'x.npy') }; Id = 'InvalidFanIn' }
        @{ Case = 'infinite gain'; Command = { New-KaimingWeights -FanIn 4 -Gain ([double]::PositiveInfinity) -Path (Join-Path $script:Bad 'x.npy') }; Id = 'InvalidGain' }
        @{ Case = 'negative scale'; Command = { New-InitWeights -Scheme VarianceScaling -Scale -1 -FanIn 4 -Path (Join-Path $script:Bad 'x.npy') }; Id = 'InvalidScale' }
        @{ Case = 'NaN slope'; Command = { New-KaimingWeights -FanIn 4 -NegativeSlope ([double]::NaN) -Path (Join-Path $script:Bad 'x.npy') }; Id = 'InvalidNegativeSlope' }
        @{ Case = '1-D shape'; Command = { New-LeCunWeights -Shape 9 -Path (Join-Path $script:Bad 'x.npy') }; Id = 'ShapeTooFewDimensions' }
        @{ Case = 'overflowing shape'; Command = { New-XavierWeights -Shape 9223372036854775807, 3 -Path (Join-Path $script:Bad 'x.npy') }; Id = 'ShapeTooLarge' }
        @{ Case = 'unknown format'; Command = { New-KaimingWeights -FanIn 4 -Path (Join-Path $script:Bad 'x.bin') -Format Parquet }; Id = 'UnknownFormat' }
        @{ Case = 'unknown extension'; Command = { New-KaimingWeights -FanIn 4 -Path (Join-Path $script:Bad 'x.bin') }; Id = 'UnknownFormat' }
        @{ Case = 'missing folder'; Command = { New-KaimingWeights -FanIn 4 -Path (Join-Path $script:Bad 'no/such/x.npy') }; Id = 'DirectoryNotFound' }
        @{ Case = 'existing file without -Force'; Command = { New-KaimingWeights -FanIn 4 -Path (Join-Path $script:Bad 'good.npy') }; Id = 'FileExists' }
        @{ Case = '-Force with -NoClobber'; Command = { $t | Export-InitWeights -Path (Join-Path $script:Bad 'y.npy') -Force -NoClobber }; Id = 'ForceWithNoClobber' }
        @{ Case = 'two tensors into .npy'; Command = { $t, $t | Export-InitWeights -Path (Join-Path $script:Bad 'y.npy') }; Id = 'FormatHoldsOneTensor' }
        @{ Case = 'missing file'; Command = { Import-InitWeights (Join-Path $script:Bad 'absent.npy') }; Id = 'FileNotFound' }
        @{ Case = 'object dtype (pickle)'; Command = { Import-InitWeights (Join-Path $script:Bad 'pickle.npy') }; Id = 'NpyUnsupportedDtype' }
        @{ Case = 'Fortran order'; Command = { Import-InitWeights (Join-Path $script:Bad 'fortran.npy') }; Id = 'NpyFortranOrder' }
        @{ Case = 'safetensors header > 100 MB'; Command = { Import-InitWeights (Join-Path $script:Bad 'huge.safetensors') }; Id = 'SafetensorsHeaderTooLarge' }
        @{ Case = 'safetensors invalid JSON'; Command = { Import-InitWeights (Join-Path $script:Bad 'json.safetensors') }; Id = 'SafetensorsInvalidJson' }
        @{ Case = 'CSV is write-only'; Command = { Import-InitWeights (Join-Path $script:Bad 'good.npy') -Format Csv }; Id = 'CsvNotReadable' }
    ) {
        $err = $null
        try { & $Command } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        ($err.FullyQualifiedErrorId -split ',')[0] | Should -Be $Id
        Get-Snapshot $script:Bad | Should -Be $script:Snapshot
    }
}
