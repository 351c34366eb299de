BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'Measure-SignalPropagation' {
    BeforeAll {
        # One run shared by the tests below: 30 ReLU layers of 128 units, four weight sources, one seed.
        $rows = Measure-SignalPropagation -Depth 30 -Width 128 -Scheme Kaiming, Xavier -Std 0.01 -Seed 1 -BatchSize 32
        $bySchemeAndLayer = @{}
        foreach ($row in $rows) { $bySchemeAndLayer["$($row.Scheme)/$($row.Layer)"] = $row }
    }

    It 'returns one row per layer and scheme, in order' {
        $rows.Count | Should -Be 90
        ($rows | Select-Object -ExpandProperty Scheme -Unique) | Should -Be @('Kaiming FanIn', 'Xavier', 'Fixed std 0.01')
        $rows[0].PSObject.TypeNames[0] | Should -Be 'KaimingTools.Simulation.LayerSignal'
        $rows[0..29].Layer | Should -Be (1..30)
        $rows[0].FanIn | Should -Be 128
    }

    It 'Kaiming keeps Var[y] near 2 (first layer exactly n·(2/n)·E[x0²] in expectation) and within a finite-width band at layer 30' {
        $first = $bySchemeAndLayer['Kaiming FanIn/1'].ActivationVariance
        $last = $bySchemeAndLayer['Kaiming FanIn/30'].ActivationVariance
        $first | Should -BeGreaterThan 1.9
        $first | Should -BeLessThan 2.1
        # ln of the ratio has σ ≈ √(5·29/128) ≈ 1.06 at this width (Hanin & Nica 2019); 4σ ≈ 4.3.
        [math]::Abs([math]::Log($last / $first)) | Should -BeLessThan 4.3
    }

    It 'Xavier halves the variance of a ReLU net per layer: about 2^-29 after 30 layers' {
        $ratio = $bySchemeAndLayer['Xavier/30'].ActivationVariance / $bySchemeAndLayer['Xavier/1'].ActivationVariance
        [math]::Pow($ratio, 1 / 29) | Should -BeGreaterThan 0.42
        [math]::Pow($ratio, 1 / 29) | Should -BeLessThan 0.58
    }

    It 'a fixed std of 0.01 makes the signal vanish (½·128·10^-4 = 0.0064 per layer)' {
        $bySchemeAndLayer['Fixed std 0.01/30'].ActivationVariance | Should -BeLessThan 1e-60
        $bySchemeAndLayer['Fixed std 0.01/1'].GradientVariance | Should -BeLessThan 1e-60
        $bySchemeAndLayer['Fixed std 0.01/5'].WeightVariance | Should -Be 1e-4
    }

    It 'is reproducible by seed, and each scheme sees the same inputs' {
        $again = Measure-SignalPropagation -Depth 30 -Width 128 -Scheme Xavier -Seed 1 -BatchSize 32
        $again[29].ActivationVariance | Should -Be $bySchemeAndLayer['Xavier/30'].ActivationVariance
        $other = Measure-SignalPropagation -Depth 30 -Width 128 -Scheme Xavier -Seed 2 -BatchSize 32
        $other[29].ActivationVariance | Should -Not -Be $again[29].ActivationVariance
    }

    It 'with growing widths, FanIn and FanOut gradients differ by exactly d_2/d_0 = 4 (a constant, not a power of the depth)' {
        $r = Measure-SignalPropagation -Depth 3 -Width 16, 32, 64, 128 -Mode fan_in, fan_out -Seed 5 -BatchSize 16
        $r.Count | Should -Be 6
        $in = $r | Where-Object Scheme -EQ 'Kaiming FanIn'
        $out = $r | Where-Object Scheme -EQ 'Kaiming FanOut'
        $ratioIn = $in[0].GradientVariance / $in[2].GradientVariance
        $ratioOut = $out[0].GradientVariance / $out[2].GradientVariance
        # Var[Δx_1]/Var[Δx_3] passes W_1 and W_2: fan_in scales it by (32/16)·(64/32) relative to fan_out.
        [math]::Abs($ratioIn / $ratioOut - 4) | Should -BeLessThan 1e-9
        [math]::Abs($out[2].WeightVariance - 2 / 128) | Should -BeLessThan 1e-17
    }

    It 'refuses <Case> with <Id>' -ForEach @(
        @{ Case = 'a width list of the wrong length'; Id = 'WidthCountMismatch'; Command = { Measure-SignalPropagation -Depth 3 -Width 8, 8 } }
        @{ Case = 'a zero width'; Id = 'InvalidWidth'; Command = { Measure-SignalPropagation -Depth 3 -Width 0 } }
        @{ Case = 'a negative std'; Id = 'InvalidStd'; Command = { Measure-SignalPropagation -Depth 3 -Width 8 -Std -1 } }
        @{ Case = 'an unknown scheme'; Id = 'UnknownScheme'; Command = { Measure-SignalPropagation -Depth 3 -Width 8 -Scheme Orthogonalish } }
        @{ Case = 'an unknown nonlinearity'; Id = 'UnknownNonlinearity'; Command = { Measure-SignalPropagation -Depth 3 -Width 8 -Nonlinearity hardswish } }
    ) {
        $err = $null
        try { & $Command } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$Id,KaimingTools.PowerShell.Commands.MeasureSignalPropagationCommand"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'stops within a fraction of a second on Ctrl+C (StopProcessing cancels the core)' {
        # 20 layers of 1024 units with a batch of 256 take several seconds here.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Join-Path $PSScriptRoot '../../module/KaimingTools')'; Measure-SignalPropagation -Depth 20 -Width 1024 -Seed 1 -Verbose | Out-Null")
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            # The cmdlet writes its seed to the verbose stream just before simulating.
            while ($ps.Streams.Verbose.Count -eq 0 -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            Start-Sleep -Milliseconds 300
            $handle.IsCompleted | Should -BeFalse -Because 'the simulation is still running'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $clock.Elapsed.TotalMilliseconds | Should -BeLessThan 1000
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'completes scheme and nonlinearity names' {
        $line = 'Measure-SignalPropagation -Depth 3 -Width 8 -Scheme Xa'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'Xavier'
    }
}
