BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'Get-InitBounds' {
    It 'gives std √(2/n) and bound √(6/n) for ReLU, fan_in = <FanIn>' -ForEach @(
        @{ FanIn = 512 }, @{ FanIn = 3 }, @{ FanIn = 4096 }
    ) {
        $b = Get-InitBounds -FanIn $FanIn
        $b.Std | Should -BeExactly ([math]::Sqrt(2) / [math]::Sqrt($FanIn))
        $b.Bound | Should -BeGreaterThan ([math]::Sqrt(6 / $FanIn) * (1 - 1e-15))
        $b.Bound | Should -BeLessThan ([math]::Sqrt(6 / $FanIn) * (1 + 1e-15))
        [math]::Abs($b.Variance / (2.0 / $FanIn) - 1) | Should -BeLessOrEqual 4.5e-16
        $b.Gain | Should -BeExactly ([math]::Sqrt(2))
        $b.Mode | Should -Be 'FanIn'
        $b.Distribution | Should -Be 'Normal'
    }

    It 'uses the nonlinearity''s gain: <Nonlinearity> -> <Gain>' -ForEach @(
        @{ Nonlinearity = 'tanh'; Gain = 5 / 3 }
        @{ Nonlinearity = 'leaky_relu'; Gain = [math]::Sqrt(2 / (1 + 0.01 * 0.01)) }
        @{ Nonlinearity = 'SELU'; Gain = 0.75 }
        @{ Nonlinearity = 'sigmoid'; Gain = 1 }
        @{ Nonlinearity = 'conv_transpose2d'; Gain = 1 }
    ) {
        (Get-InitBounds -FanIn 100 -Nonlinearity $Nonlinearity).Gain | Should -Be $Gain
    }

    It 'reads fans from a Torch conv shape (out, in, kh, kw)' {
        $b = Get-InitBounds -Shape 64, 3, 7, 7 -Mode fan_out
        $b.FanIn | Should -Be 147
        $b.FanOut | Should -Be 3136
        $b.Fan | Should -Be 3136
    }

    It 'reads fans from a Keras kernel (kh, kw, in, out) and from text' {
        $b = Get-InitBounds -Shape '3x3x16x32' -Layout Keras
        $b.FanIn | Should -Be 144
        $b.FanOut | Should -Be 288
    }

    It 'truncated normal keeps std σ and cuts at ±2σ/0.8796' {
        $b = Get-InitBounds -FanIn 512 -Distribution TruncatedNormal
        $b.Std | Should -Be 0.0625
        $b.Upper | Should -BeGreaterThan (2 * 0.0625 / 0.87962566103423978 - 1e-15)
        $b.Upper | Should -BeLessThan (2 * 0.0625 / 0.87962566103423978 + 1e-15)
    }

    It 'takes a layer table from the pipeline and keeps each row''s Name' {
        $rows = @'
Name,FanIn,FanOut
fc1,784,256
fc2,256,10
'@ | ConvertFrom-Csv
        $out = $rows | Get-InitBounds -Mode FanOut
        $out.Count | Should -Be 2
        $out[0].Name | Should -Be 'fc1'
        $out[0].Fan | Should -Be 256
        $out[1].Name | Should -Be 'fc2'
        $out[1].Std | Should -Be ([math]::Sqrt(2 / 10))
    }

    It 'refuses <Case> with error id <Id>' -ForEach @(
        @{ Case = 'FanIn 0'; Arguments = @{ FanIn = 0 }; Id = 'InvalidFanIn' }
        @{ Case = 'negative FanIn'; Arguments = @{ FanIn = -3 }; Id = 'InvalidFanIn' }
        @{ Case = 'NaN FanIn'; Arguments = @{ FanIn = [double]::NaN }; Id = 'InvalidFanIn' }
        @{ Case = 'infinite FanOut'; Arguments = @{ FanIn = 3; FanOut = [double]::PositiveInfinity }; Id = 'InvalidFanOut' }
        @{ Case = 'NaN gain'; Arguments = @{ FanIn = 3; Gain = [double]::NaN }; Id = 'InvalidGain' }
        @{ Case = 'infinite slope'; Arguments = @{ FanIn = 3; NegativeSlope = [double]::PositiveInfinity }; Id = 'InvalidNegativeSlope' }
        @{ Case = 'a 1-D shape'; Arguments = @{ Shape = 5 }; Id = 'ShapeTooFewDimensions' }
        @{ Case = 'a zero dimension'; Arguments = @{ Shape = 5, 0 }; Id = 'InvalidShapeDimension' }
        @{ Case = 'an overflowing shape'; Arguments = @{ Shape = 4294967296, 4294967296, 2 }; Id = 'ShapeTooLarge' }
        @{ Case = 'an unknown nonlinearity'; Arguments = @{ FanIn = 3; Nonlinearity = 'swishy' }; Id = 'UnknownNonlinearity' }
        @{ Case = 'an unknown distribution'; Arguments = @{ FanIn = 3; Distribution = 'cauchy' }; Id = 'UnknownDistribution' }
        @{ Case = 'an unknown layout'; Arguments = @{ Shape = 3, 3; Layout = 'NCHW?' }; Id = 'UnknownLayout' }
        @{ Case = 'FanAvg for Kaiming'; Arguments = @{ FanIn = 3; Mode = 'fan_avg' }; Id = 'InvalidModeForScheme' }
        @{ Case = 'a gain and a nonlinearity'; Arguments = @{ FanIn = 3; Gain = 2; Nonlinearity = 'tanh' }; Id = 'GainWithNonlinearity' }
        @{ Case = 'a slope without leaky ReLU'; Arguments = @{ FanIn = 3; Nonlinearity = 'tanh'; NegativeSlope = 0.2 }; Id = 'NegativeSlopeNotApplicable' }
        @{ Case = 'groups that do not divide'; Arguments = @{ Shape = 10, 3, 3, 3; Groups = 3 }; Id = 'InvalidGroups' }
    ) {
        $err = $null
        try { Get-InitBounds @Arguments } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -Be "$Id,KaimingTools.PowerShell.Commands.GetInitBoundsCommand"
        $err.Exception.Message | Should -Not -BeNullOrEmpty
    }

    It 'reports an oversized shape as LimitsExceeded' {
        $err = $null
        try { Get-InitBounds -Shape 4294967296, 4294967296, 2 } catch { $err = $_ }
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'completes <Parameter> values' -ForEach @(
        @{ Parameter = 'Mode'; Prefix = 'fan_o'; Expected = @('fan_out') }
        @{ Parameter = 'Layout'; Prefix = 'K'; Expected = @('Keras') }
        @{ Parameter = 'Distribution'; Prefix = 'u'; Expected = @('Uniform') }
        @{ Parameter = 'Scheme'; Prefix = 'x'; Expected = @('Xavier') }
    ) {
        $line = "Get-InitBounds -FanIn 4 -$Parameter $Prefix"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be $Expected
    }

    It 'completes nonlinearity names, PyTorch spellings included' {
        $line = 'Get-InitBounds -Nonlinearity leaky'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('LeakyReLU', 'leaky_relu')
        $line = 'Get-InitBounds -Distribution tr'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'TruncatedNormal'
    }
}
