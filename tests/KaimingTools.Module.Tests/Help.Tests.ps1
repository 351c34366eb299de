BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
}

Describe 'Help' {
    It '<Name> has a synopsis, a description, every parameter described and at least two examples' -ForEach @(
        (Get-Command -Module KaimingTools -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    ) {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -Match "^\s*$Name"
        $help.Synopsis.Length | Should -BeGreaterThan 20
        ($help.description.Text -join ' ').Length | Should -BeGreaterThan 50
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in @($help.examples.example)) {
            $example.code | Should -Match "$Name|\$" -Because 'every example shows a command line'
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because 'every example says what it does'
        }
        foreach ($parameter in @($help.parameters.parameter)) {
            ($parameter.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'has an about_KaimingTools topic with the formulas and the common mistakes' {
        $about = Get-Help about_KaimingTools | Out-String
        $about | Should -Match 'sqrt\(6/n\)'
        $about | Should -Match '0\.87962566103423978'
        $about | Should -Match 'integrates to about 0\.354'
        $about | Should -Match 'REPRODUCIBILITY'
    }
}
