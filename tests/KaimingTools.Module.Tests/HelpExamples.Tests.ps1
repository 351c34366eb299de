BeforeDiscovery {
    # Every example of every cmdlet's help, as the build generated it.
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
    $script:Examples = foreach ($command in Get-Command -Module KaimingTools -CommandType Cmdlet) {
        $n = 0
        foreach ($example in @((Get-Help $command.Name -Full).examples.example)) {
            $n++
            @{ Name = $command.Name; Number = $n; Code = [string]$example.code }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../module/KaimingTools') -Force
    # The files the examples name, made once and copied fresh for each example.
    $script:Fixtures = Join-Path ([System.IO.Path]::GetTempPath()) ("kt-examples-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory $script:Fixtures | Out-Null
    Push-Location $script:Fixtures
    try {
        "Name,FanIn,FanOut`nfc1,784,256`nfc2,256,10" | Set-Content layers.csv
        New-KaimingWeights -FanIn 512 -Seed 1 | Export-InitWeights fc1.npy
        @(New-KaimingWeights -Shape 16, 3, 3, 3 -Seed 2 -Name conv1; New-KaimingWeights -FanIn 64 -FanOut 10 -Seed 3 -Name fc) | Export-InitWeights model.safetensors
        (New-XavierWeights -FanIn 256 -FanOut 128 -Seed 4 -DataType Double).Data | ForEach-Object { $_.ToString('R', [cultureinfo]::InvariantCulture) } | Set-Content weights.txt
        Copy-Item (Join-Path $PSScriptRoot '../fixtures/torch_linear_default_24x96.npy') linear.npy
    }
    finally { Pop-Location }
}

AfterAll { Remove-Item -Recurse -Force $script:Fixtures }

Describe 'Help examples' {
    It '<Name> example <Number> runs without error: <Code>' -ForEach $script:Examples {
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("kt-example-" + [guid]::NewGuid().ToString('N'))
        Copy-Item -Recurse $script:Fixtures $dir
        Push-Location $dir
        try {
            $Error.Clear()
            $output = Invoke-Expression $Code -ErrorAction Stop 3>$null 6>$null | Out-String
            $Error.Count | Should -Be 0 -Because ($Error | Out-String)
            if ($Code -notmatch '-WhatIf|Export-InitWeights') { $output.Trim() | Should -Not -BeNullOrEmpty }
        }
        finally {
            Pop-Location
            Remove-Item -Recurse -Force $dir
        }
    }
}
