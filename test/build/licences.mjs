// The licence texts of every package in the bundle, from the files esbuild read: MIT, ISC and
// Apache-2.0 all ask that their notice travels with the code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The package folder (…/node_modules/name or …/node_modules/@scope/name) a bundled file came from. */
function packageFolder(root, input) {
	const parts = input.split("/");
	const at = parts.lastIndexOf("node_modules");
	if (at < 0) return undefined;
	const length = parts[at + 1]?.startsWith("@") ? 2 : 1;
	return join(root, ...parts.slice(0, at + 1 + length));
}

const licenceFile = /^(licen[cs]e|copying|notice)(\.|-|$)/i;

/** One text listing each bundled package (name@version, licence) with its licence files. */
export function thirdPartyLicences(root, inputs, product) {
	const folders = new Set([...inputs].map((input) => packageFolder(root, input)).filter(Boolean));
	const sections = new Map();
	for (const folder of folders) {
		const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
		const id = `${manifest.name}@${manifest.version}`;
		if (sections.has(id)) continue;
		const texts = readdirSync(folder)
			.filter((name) => licenceFile.test(name))
			.sort()
			.map((name) => readFileSync(join(folder, name), "utf8").trim());
		const licence = typeof manifest.license === "string" ? manifest.license : "see below";
		const author = typeof manifest.author === "string" ? manifest.author : manifest.author?.name;
		const body =
			texts.length > 0
				? texts.join("\n\n")
				: `The package ships no licence file; its package.json says ${licence}` +
					(author ? `, author ${author}.` : ".");
		sections.set(id, { id, heading: `${id} — ${licence}`, body });
	}
	const sorted = [...sections.values()].sort((a, b) => a.id.localeCompare(b.id));
	const rule = "-".repeat(78);
	return (
		`${product} bundles these ${sorted.length} packages; their licences follow.\n\n` +
		sorted.map((section) => `${rule}\n${section.heading}\n${rule}\n\n${section.body}\n`).join("\n")
	);
}

export function mitLicence(holder) {
	return `MIT License

Copyright (c) ${new Date().getFullYear()} ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}
