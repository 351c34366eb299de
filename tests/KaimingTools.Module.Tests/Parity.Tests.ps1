BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'New-InitWeights: torch.nn.init parity schemes' {
    It 'Orthogonal (<Rows>×<Cols>) has orthonormal <What> within 1e-5' -ForEach @(
        @{ Rows = 48; Cols = 12; What = 'columns (WᵀW = I)' }
        @{ Rows = 12; Cols = 48; What = 'rows (WWᵀ = I)' }
    ) {
        $w = New-InitWeights -Scheme Orthogonal -Shape $Rows, $Cols -Seed 2
        $w.Structure | Should -Be 'Orthogonal, gain 1'
        $d = [float[]]$w.Data
        $tall = $Rows -ge $Cols
        $size = if ($tall) { $Cols } else { $Rows }
        $inner = if ($tall) { $Rows } else { $Cols }
        $worst = 0.0
        for ($a = 0; $a -lt $size; $a++) {
            for ($b = 0; $b -lt $size; $b++) {
                $dot = 0.0
                for ($k = 0; $k -lt $inner; $k++) {
                    $dot += if ($tall) { $d[$k * $Cols + $a] * $d[$k * $Cols + $b] } else { $d[$a * $Cols + $k] * $d[$b * $Cols + $k] }
                }
                $worst = [math]::Max($worst, [math]::Abs($dot - [int]($a -eq $b)))
            }
        }
        $worst | Should -BeLessThan 1e-5
    }

    It 'Orthogonal is reproducible by seed and scales by -Gain' {
        $a = New-InitWeights -Scheme Orthogonal -FanIn 8 -FanOut 8 -Seed 4 -Gain 2
        $b = New-InitWeights -Scheme Orthogonal -FanIn 8 -FanOut 8 -Seed 4 -Gain 2
        [System.Linq.Enumerable]::SequenceEqual([float[]]$a.Data, [float[]]$b.Data) | Should -BeTrue
        $row = ([float[]]$a.Data)[0..7]
        [math]::Sqrt(($row | ForEach-Object { $_ * $_ } | Measure-Object -Sum).Sum) | Should -BeGreaterThan 1.9999
    }

    It 'Identity (eye) puts ones on the diagonal' {
        $w = New-InitWeights -Scheme eye -FanIn 4 -FanOut 3
        ([float[]]$w.Data) -join ',' | Should -Be '1,0,0,0,0,1,0,0,0,0,1,0'
    }

    It 'Dirac matches torch.nn.init.dirac_(groups=2) positions' {
        $w = New-InitWeights -Scheme Dirac -Shape 6, 3, 3, 3 -Groups 2
        $d = [float[]]$w.Data
        (0..($d.Length - 1) | Where-Object { $d[$_] -eq 1 }) -join ',' | Should -Be '4,40,76,85,121,157'
    }

    It 'Sparse has exactly ceil(sparsity*rows) zeros in every column' {
        $w = New-InitWeights -Scheme Sparse -Sparsity 0.3 -Shape 10, 25 -Std 0.5 -Seed 8
        $d = [float[]]$w.Data
        foreach ($c in 0..24) {
            @(0..9 | Where-Object { $d[$_ * 25 + $c] -eq 0 }).Count | Should -Be 3
        }
    }

    It 'Constant, Zeros and Ones' {
        ([float[]](New-InitWeights -Scheme Constant -Value 0.5 -FanIn 2).Data) -join ',' | Should -Be '0.5,0.5,0.5,0.5'
        ([float[]](New-InitWeights -Scheme Zeros -FanIn 2).Data) -join ',' | Should -Be '0,0,0,0'
        ([float[]](New-InitWeights -Scheme Ones -FanIn 2).Data) -join ',' | Should -Be '1,1,1,1'
    }

    It '<Command> refuses a structured scheme with NoElementwiseDistribution' -ForEach @(
        @{ Command = 'Get-InitBounds' }
        @{ Command = 'Get-InitDistribution' }
    ) {
        $err = $null
        try { & $Command -Scheme Orthogonal -FanIn 8 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'NoElementwiseDistribution,*'
    }

    It 'refuses <Case> with <Id>' -ForEach @(
        @{ Case = 'a sparsity for Orthogonal'; Id = 'ParameterNotApplicable'; Command = { New-InitWeights -Scheme Orthogonal -Sparsity 0.5 -FanIn 4 } }
        @{ Case = 'a distribution for Dirac'; Id = 'ParameterNotApplicable'; Command = { New-InitWeights -Scheme Dirac -Distribution Normal -Shape 4, 4, 3 } }
        @{ Case = 'a value for Kaiming'; Id = 'ParameterNotApplicable'; Command = { New-InitWeights -Value 1 -FanIn 4 } }
        @{ Case = 'Sparse without a sparsity'; Id = 'SparsityRequired'; Command = { New-InitWeights -Scheme Sparse -FanIn 4 } }
        @{ Case = 'Dirac on a matrix'; Id = 'ShapeNotConvolution'; Command = { New-InitWeights -Scheme Dirac -FanIn 4 } }
        @{ Case = 'eye on a 3-D shape'; Id = 'ShapeNotMatrix'; Command = { New-InitWeights -Scheme Identity -Shape 2, 2, 2 } }
    ) {
        $err = $null
        try { & $Command } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$Id,KaimingTools.PowerShell.Commands.NewInitWeightsCommand"
    }
}
