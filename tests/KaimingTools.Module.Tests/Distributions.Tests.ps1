BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'Get-InitDistribution' {
    It 'answers "what is the Kaiming He pdf" for fan_in 512 with the formula and exact methods' {
        $d = Get-InitDistribution -FanIn 512
        $d.Kind | Should -Be 'Normal'
        $d.StdDev | Should -Be 0.0625
        $d.Formula | Should -Match 'σ = 0\.0625'
        $d.Formula | Should -Match '0\.00390625'
        $d.Pdf(0) | Should -BeGreaterThan (1 / (0.0625 * [math]::Sqrt(2 * [math]::PI)) * (1 - 1e-15))
        $d.Pdf(0) | Should -BeLessThan (1 / (0.0625 * [math]::Sqrt(2 * [math]::PI)) * (1 + 1e-15))
        [math]::Abs($d.Quantile(0.975) - 1.959963984540054 * 0.0625) | Should -BeLessThan 1e-15
        $d.Cdf(0) | Should -Be 0.5
    }

    It 'evaluates pdf and cdf at -X points, one row each' {
        $rows = Get-InitDistribution -FanIn 512 -Distribution Uniform -X -0.2, 0, 0.1
        $rows.Count | Should -Be 3
        $rows[0].Pdf | Should -Be 0
        $b = [math]::Sqrt(6 / 512)
        [math]::Abs($rows[1].Pdf - 1 / (2 * $b)) | Should -BeLessThan 1e-12
        [math]::Abs($rows[2].Cdf - (0.1 + $b) / (2 * $b)) | Should -BeLessThan 1e-15
    }

    It 'shows the truncated normal''s cut points and Z' {
        $d = Get-InitDistribution -FanIn 512 -Distribution TruncatedNormal
        [math]::Abs($d.StdDev - 0.0625) | Should -BeLessThan 1e-15
        [math]::Abs($d.Maximum - 2 * 0.0625 / 0.87962566103423978) | Should -BeLessThan 1e-15
        $d.FormulaLaTeX | Should -Match '\\sigma'
    }
}

Describe 'Get-InitGain' {
    It 'lists the whole table when no nonlinearity is named' {
        $table = Get-InitGain
        $table.Count | Should -Be 13
        ($table | Where-Object Nonlinearity -eq 'Tanh').Gain | Should -Be (5 / 3)
    }

    It 'gives √(2/(1+s²)) for leaky_relu with slope <Slope>' -ForEach @(@{ Slope = 0.2 }, @{ Slope = 0 }) {
        (Get-InitGain leaky_relu -NegativeSlope $Slope).Gain | Should -Be ([math]::Sqrt(2 / (1 + $Slope * $Slope)))
    }

    It 'refuses an unknown name' {
        $err = $null
        try { Get-InitGain swishy } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'UnknownNonlinearity,KaimingTools.PowerShell.Commands.GetInitGainCommand'
    }
}

Describe 'Test-InitWeights' {
    It 'passes weights against the initialisation they record' {
        $r = New-KaimingWeights -FanIn 512 -Seed 1 | Test-InitWeights
        $r.Passed | Should -BeTrue
        $r.PValue | Should -BeGreaterThan 0.05
        $r.Count | Should -Be 262144
        $r.ExpectedStd | Should -Be 0.0625
    }

    It 'rejects normal weights tested as uniform with the same variance' {
        $r = New-KaimingWeights -FanIn 512 -Seed 1 | Test-InitWeights -Distribution Uniform
        $r.Passed | Should -BeFalse
        $r.PValue | Should -BeLessThan 1e-6
        $r.ExpectedExcessKurtosis | Should -Be -1.2
    }

    It 'rejects Kaiming weights tested as Xavier (variance off by a factor of 2)' {
        $r = New-KaimingWeights -FanIn 256 -FanOut 256 -Seed 2 | Test-InitWeights -Scheme Xavier -Distribution Normal
        $r.Passed | Should -BeFalse
    }

    It 'tests numbers from the pipeline against a layer''s fans' {
        $w = New-KaimingWeights -FanIn 100 -FanOut 50 -Seed 4 -DataType Double
        $r = $w.Data | Test-InitWeights -FanIn 100 -FanOut 50
        $r.Count | Should -Be 5000
        $r.Passed | Should -BeTrue
        $r2 = $w.Data | Test-InitWeights -FanIn 25
        $r2.Passed | Should -BeFalse
    }
}

Describe 'Show-InitHistogram' {
    It 'draws bars and the pdf, as wide as asked, with the numbers under it' {
        $out = New-KaimingWeights -FanIn 512 -Seed 1 | Show-InitHistogram -Width 60 -Height 10
        $picture = $out[0] -split "`r?`n"
        $picture.Count | Should -Be 12
        ($picture | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 60
        $out[0] | Should -Match '█'
        $out[0] | Should -Match '•'
        $out[1] | Should -Match 'KS D = '
        $out[1] | Should -Match 'σ = 0\.0625'
    }

    It 'puts the tallest bar in the middle for a normal and keeps a uniform flat' {
        $normal = (New-KaimingWeights -FanIn 512 -Seed 1 | Show-InitHistogram -Width 60 -Height 10)[0] -split "`r?`n"
        $top = $normal | Where-Object { $_.Contains('█') } | Select-Object -First 1
        $mid = $top.IndexOf('█')
        $mid | Should -BeGreaterThan 25
        $mid | Should -BeLessThan 45
        $uniform = (New-KaimingWeights -FanIn 512 -Seed 1 -Distribution Uniform | Show-InitHistogram -Width 60 -Height 10)[0] -split "`r?`n"
        # Bottom bar row of a uniform is full across the support.
        ($uniform[9].Substring(10) -replace '[^█•]', '').Length | Should -BeGreaterThan 45
    }
}

Describe 'Test-InitWeights with a tensor and explicit fans' {
    It 'uses -FanIn/-FanOut over the tensor''s own when given (a .npy carries none)' {
        $w = New-KaimingWeights -FanIn 512 -Seed 1
        ($w | Test-InitWeights -FanIn 512).Passed | Should -BeTrue
        $wrong = $w | Test-InitWeights -FanIn 128
        $wrong.Passed | Should -BeFalse
        $wrong.Fan | Should -Be 128
        # Without fans, the tensor's recorded initialisation is used.
        ($w | Test-InitWeights).Fan | Should -Be 512
    }
}
