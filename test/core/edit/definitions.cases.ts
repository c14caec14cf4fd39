// Lines that define (or only look like they define) ANTHROPIC_API_KEY, per syntax.

export type DefinitionCase = {
	text: string;
	found: { value: string; syntax: string }[];
};

export const posixCases: Record<string, DefinitionCase> = {
	"a plain assignment": {
		text: "ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "assignment" }],
	},
	export: {
		text: "export ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "export" }],
	},
	"export, double quotes": {
		text: 'export ANTHROPIC_API_KEY="a b"',
		found: [{ value: "a b", syntax: "export" }],
	},
	"export, single quotes": {
		text: "export ANTHROPIC_API_KEY='a$b'",
		found: [{ value: "a$b", syntax: "export" }],
	},
	"escaped quote in double quotes": {
		text: 'export ANTHROPIC_API_KEY="a\\"b"',
		found: [{ value: 'a"b', syntax: "export" }],
	},
	"declare -x": {
		text: "declare -x ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "declare -x" }],
	},
	"typeset -x": {
		text: "typeset -x ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "typeset -x" }],
	},
	"declare -gx": {
		text: "declare -gx ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "declare -gx" }],
	},
	"export --": {
		text: "export -- ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "export" }],
	},
	"leading whitespace": {
		text: "\t  export ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "export" }],
	},
	"after another command": {
		text: "cd ~; export ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "export" }],
	},
	"after && in a test": {
		text: '[ -f ~/.key ] && export ANTHROPIC_API_KEY="$(cat ~/.key)"',
		found: [{ value: "$(cat ~/.key)", syntax: "export" }],
	},
	"inside if … then": {
		text: "if true; then export ANTHROPIC_API_KEY=abc; fi",
		found: [{ value: "abc", syntax: "export" }],
	},
	"two on one line": {
		text: "ANTHROPIC_API_KEY=a; export ANTHROPIC_API_KEY=b",
		found: [
			{ value: "a", syntax: "assignment" },
			{ value: "b", syntax: "export" },
		],
	},
	"empty value": {
		text: "export ANTHROPIC_API_KEY=",
		found: [{ value: "", syntax: "export" }],
	},
	"trailing comment": {
		text: "export ANTHROPIC_API_KEY=abc # old",
		found: [{ value: "abc", syntax: "export" }],
	},
	"a commented-out line": { text: "# export ANTHROPIC_API_KEY=abc", found: [] },
	"an indented comment": { text: "   #ANTHROPIC_API_KEY=abc", found: [] },
	"after a comment sign": {
		text: "echo hi # export ANTHROPIC_API_KEY=abc",
		found: [],
	},
	"inside a quoted string": {
		text: 'echo "x; export ANTHROPIC_API_KEY=abc"',
		found: [],
	},
	"a prefix for one command": {
		text: "ANTHROPIC_API_KEY=abc claude",
		found: [],
	},
	"followed by another assignment": {
		text: "ANTHROPIC_API_KEY=abc OTHER=1",
		found: [{ value: "abc", syntax: "assignment" }],
	},
	"a longer name": {
		text: "export MY_ANTHROPIC_API_KEY=abc ANTHROPIC_API_KEY_2=d",
		found: [],
	},
	"export without a value": { text: "export ANTHROPIC_API_KEY", found: [] },
	"local in a function": { text: "local ANTHROPIC_API_KEY=abc", found: [] },
	"with CRLF": {
		text: "export ANTHROPIC_API_KEY=abc\r\n",
		found: [{ value: "abc", syntax: "export" }],
	},
	"after a BOM": {
		text: "\uFEFFexport ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "export" }],
	},
};

export const fishCases: Record<string, DefinitionCase> = {
	"set -gx": {
		text: "set -gx ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set -gx" }],
	},
	"set -x": {
		text: "set -x ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set -x" }],
	},
	"set -xg": {
		text: "set -xg ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set -xg" }],
	},
	"set -Ux": {
		text: "set -Ux ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set -Ux" }],
	},
	"long flags in any order": {
		text: "set --export --global ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set --export --global" }],
	},
	"separate flags": {
		text: "set -g -x ANTHROPIC_API_KEY abc",
		found: [{ value: "abc", syntax: "set -g -x" }],
	},
	"single quotes": {
		text: "set -gx ANTHROPIC_API_KEY 'a b'",
		found: [{ value: "a b", syntax: "set -gx" }],
	},
	"double quotes": {
		text: 'set -gx ANTHROPIC_API_KEY "a\\"b"',
		found: [{ value: 'a"b', syntax: "set -gx" }],
	},
	"escaped single quote": {
		text: "set -gx ANTHROPIC_API_KEY 'a\\'b'",
		found: [{ value: "a'b", syntax: "set -gx" }],
	},
	"trailing comment": {
		text: "set -gx ANTHROPIC_API_KEY abc # old",
		found: [{ value: "abc", syntax: "set -gx" }],
	},
	"after a semicolon": {
		text: "if true; set -gx ANTHROPIC_API_KEY abc; end",
		found: [{ value: "abc", syntax: "set -gx" }],
	},
	"with CRLF": {
		text: "set -gx ANTHROPIC_API_KEY abc\r\n",
		found: [{ value: "abc", syntax: "set -gx" }],
	},
	"a commented-out line": {
		text: "# set -gx ANTHROPIC_API_KEY abc",
		found: [],
	},
	"set -e erases": { text: "set -e ANTHROPIC_API_KEY", found: [] },
	"set -q queries": { text: "if set -q ANTHROPIC_API_KEY; end", found: [] },
	"set --erase --universal": {
		text: "set --erase --universal ANTHROPIC_API_KEY",
		found: [],
	},
	"a longer name": { text: "set -gx ANTHROPIC_API_KEY_OLD abc", found: [] },
};

export const dotenvCases: Record<string, DefinitionCase> = {
	plain: {
		text: "ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	export: {
		text: "export ANTHROPIC_API_KEY=abc",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	"spaces around =": {
		text: "ANTHROPIC_API_KEY = abc ",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	"double quotes": {
		text: 'ANTHROPIC_API_KEY="a # b"',
		found: [{ value: "a # b", syntax: "dotenv" }],
	},
	"single quotes": {
		text: "ANTHROPIC_API_KEY='abc'",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	"inline comment": {
		text: "ANTHROPIC_API_KEY=abc # old key",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	"with CRLF": {
		text: "A=1\r\nANTHROPIC_API_KEY=abc\r\n",
		found: [{ value: "abc", syntax: "dotenv" }],
	},
	"a commented-out line": { text: "# ANTHROPIC_API_KEY=abc", found: [] },
	"a longer name": { text: "ANTHROPIC_API_KEY_2=abc", found: [] },
};
