# Reads [profile path, …] as JSON on stdin; dot-sources each into this session as pwsh runs a
# profile, and prints what it left: $env:ANTHROPIC_API_KEY, a $keyFile variable, new errors.
$ErrorActionPreference = 'Continue'
[Console]::InputEncoding = [System.Text.UTF8Encoding]::new($false)
[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)
$results = foreach ($file in @([Console]::In.ReadToEnd() | ConvertFrom-Json)) {
	$env:ANTHROPIC_API_KEY = $null
	$Error.Clear()
	. $file
	[pscustomobject]@{
		key = $env:ANTHROPIC_API_KEY
		leaked = [bool](Get-Variable -Name keyFile -ErrorAction Ignore)
		errors = @($Error | ForEach-Object { "$_" })
	}
}
[Console]::Out.Write((ConvertTo-Json -Compress -Depth 4 -InputObject @($results)))
