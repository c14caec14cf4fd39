# Reads [{ name, text }] as JSON on stdin; for each text prints the real parser's errors and
# every construct Windows PowerShell 5.1 does not know, found on the AST and its tokens.
using namespace System.Management.Automation.Language
$ErrorActionPreference = 'Stop'
[Console]::InputEncoding = [System.Text.UTF8Encoding]::new($false)
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

# Commands and parameters that PowerShell 6 and 7 added.
$newerCommands = @('Join-String', 'Get-Error', 'Test-Json', 'ConvertTo-CliXml', 'ConvertFrom-CliXml',
	'Remove-Alias', 'Get-Uptime', 'Remove-Service', 'Set-MarkdownOption', 'ConvertFrom-Markdown')
$newerParameters = @{
	'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'AsJob', 'TimeoutSeconds')
	'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate')
	'Get-Content'      = @('AsByteStream')
	'Set-Content'      = @('AsByteStream')
	'Select-String'    = @('Raw', 'NoEmphasis')
	'Get-ChildItem'    = @('FollowSymlink')
	'Out-File'         = @('NoNewline')
}
$aliases = @{ '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'gc' = 'Get-Content'; 'sls' = 'Select-String'
	'gci' = 'Get-ChildItem'; 'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'; 'cat' = 'Get-Content' }

function Find-NewerSyntax([Ast] $ast, [Token[]] $tokens) {
	$found = [System.Collections.Generic.List[string]]::new()
	$add = { param($node, $what) $found.Add(('{0}:{1} {2}' -f $node.Extent.StartLineNumber, $node.Extent.StartColumnNumber, $what)) }
	foreach ($node in $ast.FindAll({ $true }, $true)) {
		if ($node -is [TernaryExpressionAst]) { & $add $node 'ternary operator ?:' }
		elseif ($node -is [PipelineChainAst]) { & $add $node 'pipeline chain && / ||' }
		elseif ($node -is [BinaryExpressionAst] -and $node.Operator -eq [TokenKind]::QuestionQuestion) { & $add $node 'null-coalescing ??' }
		elseif ($node -is [AssignmentStatementAst] -and $node.Operator -eq [TokenKind]::QuestionQuestionEquals) { & $add $node 'null-coalescing assignment ??=' }
		elseif ($node -is [MemberExpressionAst] -and $node.NullConditional) { & $add $node 'null-conditional member access ?.' }
		elseif ($node -is [IndexExpressionAst] -and $node.NullConditional) { & $add $node 'null-conditional index ?[]' }
		elseif ($node -is [PipelineAst] -and $node.Background) { & $add $node 'background operator &' }
		elseif ($node -is [ScriptBlockAst] -and $null -ne $node.CleanBlock) { & $add $node 'clean block' }
		elseif ($node -is [CommandAst]) {
			$name = $node.GetCommandName()
			if ($null -eq $name) { continue }
			if ($aliases.ContainsKey($name)) { $name = $aliases[$name] }
			if ($newerCommands -contains $name) { & $add $node "command $name" }
			$parameters = $newerParameters[$name]
			if ($null -ne $parameters) {
				foreach ($element in $node.CommandElements) {
					if ($element -is [CommandParameterAst]) {
						$match = $parameters | Where-Object { $_.StartsWith($element.ParameterName, [StringComparison]::OrdinalIgnoreCase) }
						if ($match) { & $add $element "$name -$($element.ParameterName)" }
					}
				}
			}
		}
	}
	# Escapes 6.0 added inside double-quoted strings: `u{…} and `e.
	foreach ($token in $tokens) {
		if ($token -is [StringExpandableToken] -and $token.Text -cmatch '`(u\{|e)') { & $add $token "escape sequence in $($token.Text)" }
	}
	$found
}

$items = [Console]::In.ReadToEnd() | ConvertFrom-Json
$results = foreach ($item in $items) {
	$tokens = $null
	$errors = $null
	$ast = [Parser]::ParseInput([string] $item.text, [ref] $tokens, [ref] $errors)
	[pscustomobject]@{
		name   = $item.name
		errors = @($errors | ForEach-Object { '{0}:{1} {2}: {3}' -f $_.Extent.StartLineNumber, $_.Extent.StartColumnNumber, $_.ErrorId, $_.Message })
		newer  = @(Find-NewerSyntax $ast $tokens)
	}
}
[Console]::Out.Write((ConvertTo-Json -InputObject @($results) -Depth 4 -Compress))
