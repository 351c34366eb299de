BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force

    $script:Fixtures = Join-Path $PSScriptRoot '../fixtures'
}

Describe 'Test-InitWeights -Infer' {
    It 'recognises PyTorch''s <File> as <Expected>' -ForEach @(
        @{ File = 'torch_linear_default_24x96.npy'; Expected = 'kaiming_uniform_(a=√5) (PyTorch nn.Linear/Conv default)'; Fan = 96 }
        @{ File = 'torch_conv2d_default_16x8x3x3.npy'; Expected = 'kaiming_uniform_(a=√5) (PyTorch nn.Linear/Conv default)'; Fan = 72 }
        @{ File = 'torch_kaiming_normal_32x64.npy'; Expected = 'kaiming_normal_ (he_normal untruncated)'; Fan = 64 }
        @{ File = 'torch_xavier_uniform_40x60.npy'; Expected = 'xavier_uniform_ (glorot_uniform)'; Fan = 50 }
    ) {
        # The user's path: PyTorch saved the weights with numpy.save; Import-InitWeights reads them.
        $rows = Import-InitWeights (Join-Path $script:Fixtures $File) | Test-InitWeights -Infer
        $rows[0].Rank | Should -Be 1
        $rows[0].Name | Should -Be $Expected
        $rows[0].Fan | Should -Be $Fan
        $rows[0].Fits | Should -BeTrue
        # Rows outside the winning tie group are rejected, and the last row is the unranked reference.
        @($rows | Where-Object { $_.Rank -gt 1 -and $_.Fits }).Count | Should -Be 0
        $rows[-1].Rank | Should -Be 0
        $rows[-1].Scheme | Should -Be 'FittedStd'
    }

    It 'works on numbers from the pipeline, taking the fans from -Shape' {
        $tensor = Import-InitWeights (Join-Path $script:Fixtures 'torch_xavier_uniform_40x60.npy')
        $best = ($tensor.Data | Test-InitWeights -Infer -Shape $tensor.Shape)[0]
        $best.Scheme | Should -Be 'Xavier'
        $best.Distribution | Should -Be 'Uniform'
        $best.Mode | Should -Be 'FanAvg'
    }

    It 'ranks the exact tie ReLU fan_in 64 = linear fan_out 32 together, fan_in first' {
        $first = @(Import-InitWeights (Join-Path $script:Fixtures 'torch_kaiming_normal_32x64.npy') | Test-InitWeights -Infer | Where-Object Rank -EQ 1)
        $first.Count | Should -Be 3
        $first[0].Mode | Should -Be 'FanIn'
        $first.Tied | Should -Not -Contain $false
        ($first | Where-Object Mode -EQ 'FanOut').Nonlinearity | Should -Be 'linear'
    }

    It 'identifies this module''s own Keras-style he_normal' {
        $w = New-InitWeights -Scheme VarianceScaling -Scale 2 -Mode FanIn -Distribution TruncatedNormal -FanIn 400 -FanOut 64 -Seed 9
        ($w | Test-InitWeights -Infer)[0].Name | Should -Be 'he_normal (Keras/JAX)'
    }

    It 'warns and sets Fits false when nothing fits' {
        $values = 1..3000 | ForEach-Object { 0.05 + 0.001 * ($_ % 17) }
        $rows = $values | Test-InitWeights -Infer -FanIn 64 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike 'No candidate initialisation fits*'
        @($rows | Where-Object Fits).Count | Should -Be 0
    }

    It 'refuses -Infer together with initialiser parameters' {
        $err = $null
        try { New-KaimingWeights -FanIn 8 -Seed 1 | Test-InitWeights -Infer -Scheme Xavier } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InferWithInitParameters,KaimingTools.PowerShell.Commands.TestInitWeightsCommand'
    }
}
