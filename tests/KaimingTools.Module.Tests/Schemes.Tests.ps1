BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'New-XavierWeights, New-LeCunWeights and New-InitWeights' {
    It 'Xavier draws U(±√(6/(fan_in+fan_out))) in shape (FanOut, FanIn)' {
        $w = New-XavierWeights -FanIn 784 -FanOut 256 -Seed 7
        $w.Shape | Should -Be @(256, 784)
        $w.Init.Scheme | Should -Be 'Xavier'
        $w.Init.Bound | Should -Be ([math]::Sqrt(6 / 1040))
        $w.Summary.Max | Should -BeLessOrEqual $w.Init.Bound
        $w.Summary.Max | Should -BeGreaterThan (0.999 * $w.Init.Bound)
    }

    It 'LeCun is N(0, 1/fan_in)' {
        $w = New-LeCunWeights -FanIn 400 -FanOut 100 -Seed 3
        $w.Init.Std | Should -Be 0.05
        $w.Init.Distribution | Should -Be 'Normal'
    }

    It 'the scheme-specific cmdlets and New-InitWeights share one implementation: same seed, same bits' {
        $a = New-KaimingWeights -FanIn 64 -FanOut 8 -Seed 99 -Distribution Uniform
        $b = New-InitWeights -Scheme Kaiming -FanIn 64 -FanOut 8 -Seed 99 -Distribution Uniform
        [System.Linq.Enumerable]::SequenceEqual([float[]]$a.Data, [float[]]$b.Data) | Should -BeTrue
        $c = New-XavierWeights -FanIn 64 -FanOut 8 -Seed 99
        $d = New-InitWeights -Scheme glorot -FanIn 64 -FanOut 8 -Seed 99
        [System.Linq.Enumerable]::SequenceEqual([float[]]$c.Data, [float[]]$d.Data) | Should -BeTrue
    }

    It 'VarianceScaling(2, fan_in, truncated normal) is Keras he_normal: std √(2/fan_in), cut at ±2σ''' {
        $w = New-InitWeights -Scheme VarianceScaling -Scale 2 -Mode fan_in -FanIn 512 -Seed 1
        $w.Init.Distribution | Should -Be 'TruncatedNormal'
        [math]::Abs($w.Init.Std - 0.0625) | Should -BeLessThan 1e-16
        $w.Summary.Max | Should -BeLessOrEqual $w.Init.Upper
        # 262 144 samples of a truncated normal: std within 5 standard errors (≈ 0.0625/√(2n)·1.1).
        [math]::Abs($w.Summary.StdDev - 0.0625) | Should -BeLessThan 5e-4
    }

    It 'refuses <Case> with ParameterNotApplicable' -ForEach @(
        @{ Case = 'a scale for Kaiming'; Command = { New-InitWeights -Scheme Kaiming -Scale 2 -FanIn 4 } }
        @{ Case = 'a gain for LeCun'; Command = { New-LeCunWeights -Gain 2 -FanIn 4 } }
        @{ Case = 'FanIn mode for Xavier'; Command = { New-XavierWeights -Mode FanIn -FanIn 4 } }
        @{ Case = 'a nonlinearity for VarianceScaling'; Command = { New-InitWeights -Scheme VarianceScaling -Nonlinearity relu -FanIn 4 } }
    ) {
        $err = $null
        try { & $Command } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterNotApplicable,*'
    }

    It 'refuses an unknown scheme' {
        $err = $null
        try { New-InitWeights -Scheme Orthogonalish -FanIn 4 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'UnknownScheme,KaimingTools.PowerShell.Commands.NewInitWeightsCommand'
    }

    It 'completes scheme names' {
        $line = 'New-InitWeights -Scheme Va'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('VarianceScaling')
    }

    It 'stops within a fraction of a second on Ctrl+C, and its progress ends with a Completed record' {
        # A float64 truncated-normal tensor of 2^28 elements takes seconds to generate.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Join-Path $PSScriptRoot '../../module/KaimingTools')'; New-KaimingWeights -Shape 16384, 16384 -Distribution TruncatedNormal -DataType Double -Seed 1 | Out-Null")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            while ($ps.Streams.Progress.Count -eq 0 -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.Streams.Progress.Count | Should -BeGreaterThan 0 -Because 'work longer than half a second reports progress'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $clock.Elapsed.TotalMilliseconds | Should -BeLessThan 500
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }
}
