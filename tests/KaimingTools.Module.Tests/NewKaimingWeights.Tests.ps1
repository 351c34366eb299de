BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'New-KaimingWeights' {
    It 'makes a (FanOut, FanIn) float32 tensor from N(0, 2/fan_in)' {
        $w = New-KaimingWeights -FanIn 512 -Distribution Normal -Seed 1
        $w.Shape | Should -Be @(512, 512)
        $w.ElementType | Should -Be 'Single'
        $w.Data.GetType() | Should -Be ([float[]])
        $w.Init.Std | Should -Be 0.0625
        # 262 144 samples: std's standard error is σ/√(2n) ≈ 8.6e-5; allow 5 of them.
        [math]::Abs($w.Summary.StdDev - 0.0625) | Should -BeLessThan 4.5e-4
        [math]::Abs($w.Summary.Mean) | Should -BeLessThan 6.2e-4
    }

    It 'is reproducible: the same seed gives the same bits, another seed does not' {
        $a = New-KaimingWeights -FanIn 64 -FanOut 32 -Seed 42
        $b = New-KaimingWeights -FanIn 64 -FanOut 32 -Seed 42
        $c = New-KaimingWeights -FanIn 64 -FanOut 32 -Seed 43
        [System.Linq.Enumerable]::SequenceEqual([float[]]$a.Data, [float[]]$b.Data) | Should -BeTrue
        [System.Linq.Enumerable]::SequenceEqual([float[]]$a.Data, [float[]]$c.Data) | Should -BeFalse
        $a.Shape | Should -Be @(32, 64)
    }

    It 'records a fresh seed when none is given, and that seed reproduces the tensor' {
        $a = New-KaimingWeights -FanIn 16
        $b = New-KaimingWeights -FanIn 16 -Seed $a.Seed
        [System.Linq.Enumerable]::SequenceEqual([float[]]$a.Data, [float[]]$b.Data) | Should -BeTrue
    }

    It 'pins the first values of seed 0 (stream version 1)' {
        $w = New-KaimingWeights -FanIn 2 -FanOut 2 -Distribution Uniform -Seed 0 -Nonlinearity linear
        # Standard values -0.2019071, 0.7610404, … times b = √(3/2), rounded once to float32
        # (the product of two floats is exact in double, so PowerShell's double arithmetic rounds the same way).
        $b = [float][math]::Sqrt(3 / 2)
        $w.Data[0] | Should -Be ([float]([float](-0.2019071) * $b))
        $w.Data[1] | Should -Be ([float]([float]0.7610404 * $b))
        $w.StreamVersion | Should -Be 1
    }

    It 'draws uniform weights inside ±√(6/fan_in)' {
        $w = New-KaimingWeights -FanIn 300 -FanOut 200 -Distribution Uniform -Seed 5
        $bound = [math]::Sqrt(6 / 300)
        $w.Summary.Max | Should -BeLessOrEqual $bound
        $w.Summary.Min | Should -BeGreaterOrEqual (-$bound)
        $w.Summary.Max | Should -BeGreaterThan (0.99 * $bound)
    }

    It 'makes float64 tensors with -DataType Double' {
        $w = New-KaimingWeights -Shape 8, 4, 3, 3 -DataType Double -Seed 3
        $w.Data.GetType() | Should -Be ([double[]])
        $w.Count | Should -Be 288
        $w.Init.FanIn | Should -Be 36
    }

    It 'is one object in the pipeline, not a stream of numbers' {
        (New-KaimingWeights -FanIn 1000 -Seed 1 | Measure-Object).Count | Should -Be 1
    }

    It 'shows a short summary, never the raw numbers' {
        $text = New-KaimingWeights -FanIn 512 -Seed 1 | Out-String
        ($text.Trim() -split "`n").Count | Should -BeLessOrEqual 8
        $text | Should -Match 'σ = 0\.0625'
        $text | Should -Match '\(512, 512\)'
    }

    It 'makes one tensor per row of a layer table, with its Name' {
        $rows = @'
Name,Shape
conv1,64x3x7x7
fc,10x512
'@ | ConvertFrom-Csv
        $out = $rows | New-KaimingWeights -Seed 9
        $out.Count | Should -Be 2
        $out[0].Name | Should -Be 'conv1'
        $out[0].Shape | Should -Be @(64, 3, 7, 7)
        $out[1].Shape | Should -Be @(10, 512)
    }

    It 'gives the bare numbers with -AsArray' {
        $a = New-KaimingWeights -FanIn 8 -FanOut 4 -Seed 5 -AsArray
        $a.GetType() | Should -Be ([float[]])
        $a.Length | Should -Be 32
        $a[3] | Should -Be (New-KaimingWeights -FanIn 8 -FanOut 4 -Seed 5).Data[3]
    }

    It 'reports a bad row of a layer table and goes on with the others' {
        $rows = @'
Name,FanIn,FanOut
good1,16,8
bad,0,8
good2,32,8
'@ | ConvertFrom-Csv
        $out = $rows | New-KaimingWeights -Seed 1 -ErrorAction SilentlyContinue -ErrorVariable problems
        $out.Name | Should -Be @('good1', 'good2')
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'InvalidFanIn,KaimingTools.PowerShell.Commands.NewKaimingWeightsCommand'
        { $rows | New-KaimingWeights -Seed 1 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFanIn,KaimingTools.PowerShell.Commands.NewKaimingWeightsCommand'
    }

    It 'refuses <Case> with error id <Id> before allocating' -ForEach @(
        @{ Case = 'FanIn 0'; Arguments = @{ FanIn = 0 }; Id = 'InvalidFanIn' }
        @{ Case = 'a fractional fan'; Arguments = @{ FanIn = 2.5 }; Id = 'FanNotWholeNumber' }
        @{ Case = 'a 1-D shape'; Arguments = @{ Shape = 7 }; Id = 'ShapeTooFewDimensions' }
        @{ Case = 'a tensor larger than an array'; Arguments = @{ Shape = 65536, 65536 }; Id = 'TensorTooLarge' }
        @{ Case = 'an overflowing shape'; Arguments = @{ Shape = 9223372036854775807, 2 }; Id = 'ShapeTooLarge' }
        @{ Case = 'an unknown nonlinearity'; Arguments = @{ FanIn = 3; Nonlinearity = 'nope' }; Id = 'UnknownNonlinearity' }
    ) {
        $err = $null
        try { New-KaimingWeights @Arguments } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$Id,KaimingTools.PowerShell.Commands.NewKaimingWeightsCommand"
    }

    It 'says how large a refused tensor would be' {
        $err = $null
        try { New-KaimingWeights -Shape 65536, 65536 } catch { $err = $_ }
        $err.Exception.Message | Should -Match '4,294,967,296 elements \(16 GiB\)'
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }
}
