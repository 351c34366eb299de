BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'Get-InitGain -Method Exact' {
    # References: mpmath at 40 digits, tests/fixtures/exact_gains_reference.py.
    It '<Name> has exact gain <Gain> (table <Table>)' -ForEach @(
        @{ Name = 'tanh'; Gain = 1.592537419722831427770439; Table = 5 / 3 }
        @{ Name = 'sigmoid'; Gain = 1.846228545338605412960881; Table = 1.0 }
        @{ Name = 'selu'; Gain = 1.0; Table = 0.75 }
        @{ Name = 'GELU'; Gain = 1.533530441195535233767746; Table = $null }
        @{ Name = 'gelu_tanh'; Gain = 1.533580521666146918056822; Table = $null }
        @{ Name = 'swish'; Gain = 1.676532470331091158604258; Table = $null }
        @{ Name = 'mish'; Gain = 1.486847581273208102007613; Table = $null }
        @{ Name = 'softplus'; Gain = 1.041866835535301708043961; Table = $null }
        @{ Name = 'elu'; Gain = 1.245198300700706550286952; Table = $null }
    ) {
        $g = Get-InitGain $Name -Method Exact
        $g.Method | Should -Be 'Exact'
        [math]::Abs($g.Gain - $Gain) / $Gain | Should -BeLessThan 1e-12
        $g.TableGain | Should -Be $Table
    }

    It 'ReLU is exactly √2 and leaky ReLU exactly √(2/(1+s²))' {
        (Get-InitGain relu -Method Exact).Gain | Should -Be ([math]::Sqrt(2))
        (Get-InitGain leaky_relu -NegativeSlope 0.2 -Method Exact).Gain | Should -Be ([math]::Sqrt(2 / 1.04))
    }

    It 'the default method keeps the PyTorch table' {
        (Get-InitGain tanh).Gain | Should -Be (5 / 3)
        (Get-InitGain selu).Gain | Should -Be 0.75
    }

    It 'gives the whole exact table without -Nonlinearity' {
        $rows = Get-InitGain -Method Exact
        $rows.Count | Should -Be ([enum]::GetValues([KaimingTools.Nonlinearity]).Count)
        ($rows | Where-Object Name -EQ 'gelu').Gain | Should -BeGreaterThan 1.5335
    }

    It 'integrates a user-supplied script block: relu² has E = 3/2' {
        $g = Get-InitGain -Activation { param($x) [math]::Max(0.0, $x) * [math]::Max(0.0, $x) } -Name 'relu2'
        $g.Name | Should -Be 'relu2'
        [math]::Abs($g.SecondMoment - 1.5) | Should -BeLessThan 1e-12
        [math]::Abs($g.Gain - [math]::Sqrt(2 / 3)) | Should -BeLessThan 1e-12
    }

    It 'a script block may use $_' {
        [math]::Abs((Get-InitGain -Activation { [math]::Tanh($_) }).Gain - 1.592537419722831427770439) | Should -BeLessThan 1e-12
    }

    It 'refuses a script block that does not return one number, with <Id>' -ForEach @(
        @{ Id = 'ActivationNotNumeric'; Block = { 'x' } }
        @{ Id = 'ActivationNotFinite'; Block = { param($x) if ($x -gt 3) { [double]::NaN } else { $x } } }
        @{ Id = 'ActivationFailed'; Block = { throw 'boom' } }
    ) {
        $err = $null
        try { Get-InitGain -Activation $Block } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be "$Id,KaimingTools.PowerShell.Commands.GetInitGainCommand"
    }

    It 'the exact gain is accepted as -Gain, and -Nonlinearity GELU uses it' {
        $exact = (Get-InitGain GELU -Method Exact).Gain
        $a = Get-InitBounds -FanIn 768 -Gain $exact
        $b = Get-InitBounds -FanIn 768 -Nonlinearity GELU
        $b.Gain | Should -Be $exact
        $b.Std | Should -Be $a.Std
        (New-KaimingWeights -FanIn 64 -Nonlinearity silu -Seed 1).Init.Gain | Should -Be (Get-InitGain silu -Method Exact).Gain
    }

    It 'completes the new nonlinearity names' {
        $line = 'Get-InitGain -Nonlinearity GEL'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'GELUTanh'
    }
}
