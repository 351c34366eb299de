<#
.SYNOPSIS
    Generates the module's MAML help from the cmdlets' own XML documentation comments.
.DESCRIPTION
    platyPS is not reachable here, so the one help source is the C# doc comments on each cmdlet class
    (synopsis, description, <example>s) and on each parameter property. This script reads them from the
    compiled XML doc file, takes syntax (sets, positions, pipeline input, types) from the imported
    cmdlets' metadata, and writes en-US/KaimingTools.PowerShell.dll-Help.xml in the module folder: PowerShell
    looks for a binary module's cmdlet help under the module base (where the manifest is), and both builds'
    cmdlets are the same, so one file serves both editions.
    Run by the PowerShell project's build (see KaimingTools.PowerShell.csproj); it fails the build if a
    cmdlet lacks a synopsis, a description, two examples, or a parameter description.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $XmlDocPath
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$docs = [xml](Get-Content -Raw -LiteralPath $XmlDocPath)
$members = @{}
foreach ($member in $docs.doc.members.member) { $members[$member.name] = $member }

$common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name +
          [System.Management.Automation.Internal.ShouldProcessParameters].GetProperties().Name
$problems = [System.Collections.Generic.List[string]]::new()

function Get-Text($node) {
    if ($null -eq $node) { return '' }
    # PowerShell's XML adapter gives text-only elements as strings; take the text either way, and
    # collapse the doc comment's line breaks and indentation into plain paragraphs.
    $text = if ($node -is [string]) { $node } else { $node.InnerText }
    ($text -replace '\s+', ' ').Trim()
}

function Get-Paragraphs($summary, [string] $type) {
    if ($null -eq $summary) { return @() }
    @($summary.SelectNodes("para[@type='$type']") | ForEach-Object { Get-Text $_ } | Where-Object { $_ })
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$buffer = [System.IO.MemoryStream]::new()
$w = [System.Xml.XmlWriter]::Create($buffer, $settings)
$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh')
$w.WriteAttributeString('schema', 'maml')

function Write-Paras([string] $prefix, [string] $name, [string[]] $paras) {
    $w.WriteStartElement($prefix, $name, $ns[$prefix])
    foreach ($p in $paras) { $w.WriteElementString('maml', 'para', $ns.maml, $p) }
    $w.WriteEndElement()
}

function Write-Parameter($command, $parameter, $setData) {
    $property = $command.ImplementingType.GetProperty($parameter.Name)
    $doc = $members["P:$($property.DeclaringType.FullName).$($property.Name)"]
    $description = @(Get-Paragraphs $doc.summary 'description')
    if ($description.Count -eq 0) { $problems.Add("$($command.Name) -$($parameter.Name) has no description") }
    $pipeline = @()
    if ($setData.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($setData.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $type = $parameter.ParameterType
    if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type = $type.GetGenericArguments()[0] }
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $setData.IsMandatory.ToString().ToLowerInvariant())
    $w.WriteAttributeString('globbing', 'false')
    $w.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $w.WriteAttributeString('position', $(if ($setData.Position -ge 0) { "$($setData.Position)" } else { 'named' }))
    $w.WriteElementString('maml', 'name', $ns.maml, $parameter.Name)
    Write-Paras 'maml' 'description' $description
    if ($type -ne [System.Management.Automation.SwitchParameter]) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', 'true')
        $w.WriteString($type.Name)
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev)
    $w.WriteElementString('maml', 'name', $ns.maml, $type.FullName)
    $w.WriteEndElement()
    $w.WriteEndElement()
}

foreach ($command in Get-Command -Module (Split-Path -Leaf $ModulePath) -CommandType Cmdlet | Sort-Object Name) {
    $typeDoc = $members["T:$($command.ImplementingType.FullName)"]
    $synopsis = @(Get-Paragraphs $typeDoc.summary 'synopsis')
    $description = @(Get-Paragraphs $typeDoc.summary 'description')
    $examples = @($typeDoc.example)
    if ($synopsis.Count -eq 0) { $problems.Add("$($command.Name) has no synopsis") }
    if ($description.Count -eq 0) { $problems.Add("$($command.Name) has no description") }
    if ($examples.Count -lt 2) { $problems.Add("$($command.Name) has fewer than two examples") }

    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('command', 'name', $ns.command, $command.Name)
    $w.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $w.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    Write-Paras 'maml' 'description' $synopsis
    $w.WriteEndElement()
    Write-Paras 'maml' 'description' $description

    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        foreach ($p in $set.Parameters | Where-Object Name -notin $common) {
            Write-Parameter $command $command.Parameters[$p.Name] $p
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $common) {
        $setData = $parameter.ParameterSets.Values | Select-Object -First 1
        Write-Parameter $command $parameter $setData
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($output in $command.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $output.Name)
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $ns.command)
    $n = 0
    foreach ($example in $examples) {
        $n++
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('maml', 'title', $ns.maml, "--------- Example $n ---------")
        $code = ($example.SelectSingleNode('code').InnerText -split "`n" | ForEach-Object { $_.Trim() } | Where-Object { $_ }) -join "`n"
        if (-not $code) { $problems.Add("$($command.Name) example $n has no code") }
        $w.WriteElementString('dev', 'code', $ns.dev, $code)
        Write-Paras 'dev' 'remarks' @($example.SelectNodes('para') | ForEach-Object { Get-Text $_ })
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
    $w.WriteElementString('maml', 'linkText', $ns.maml, 'about_KaimingTools')
    $w.WriteEndElement()
    $w.WriteEndElement()
    $w.WriteEndElement()
}

$w.WriteEndElement()
$w.WriteEndDocument()
$w.Flush()

if ($problems.Count -gt 0) {
    throw "Help is incomplete:`n  " + ($problems -join "`n  ")
}

$target = Join-Path $ModulePath 'en-US'
New-Item -ItemType Directory -Force $target | Out-Null
[System.IO.File]::WriteAllBytes((Join-Path $target 'KaimingTools.PowerShell.dll-Help.xml'), $buffer.ToArray())
