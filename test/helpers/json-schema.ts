// A small JSON Schema (2020-12) checker for the subset test/e2e/json-output.schema.json uses:
// type, const, enum, pattern, required, properties, additionalProperties, items, allOf, oneOf,
// $ref to #/$defs. Returns each mismatch with its JSON path; [] means valid.
type Schema = { readonly [keyword: string]: unknown };

const typeOf = (value: unknown): string =>
	value === null
		? "null"
		: Array.isArray(value)
			? "array"
			: Number.isInteger(value)
				? "integer"
				: typeof value;

export function validate(root: Schema, value: unknown): string[] {
	const resolve = (schema: Schema): Schema => {
		const ref = schema.$ref;
		if (typeof ref !== "string") return schema;
		const name = ref.replace("#/$defs/", "");
		const found = (root.$defs as Record<string, Schema> | undefined)?.[name];
		if (!found) throw new Error(`unknown $ref ${ref}`);
		return resolve(found);
	};
	const check = (given: Schema, data: unknown, at: string): string[] => {
		const schema = resolve(given);
		const errors: string[] = [];
		if (typeof schema.type === "string") {
			const actual = typeOf(data);
			const ok = actual === schema.type || (schema.type === "number" && actual === "integer");
			if (!ok) return [`${at}: expected ${schema.type}, got ${actual}`];
		}
		if ("const" in schema && data !== schema.const)
			errors.push(`${at}: expected ${JSON.stringify(schema.const)}`);
		if (Array.isArray(schema.enum) && !schema.enum.includes(data))
			errors.push(`${at}: ${JSON.stringify(data)} not in enum`);
		if (
			typeof schema.pattern === "string" &&
			typeof data === "string" &&
			!new RegExp(schema.pattern, "u").test(data)
		) {
			errors.push(`${at}: ${JSON.stringify(data)} does not match ${schema.pattern}`);
		}
		if (typeOf(data) === "object") {
			const object = data as Record<string, unknown>;
			for (const name of (schema.required as string[] | undefined) ?? []) {
				if (!(name in object)) errors.push(`${at}: missing ${name}`);
			}
			const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
			for (const [name, field] of Object.entries(object)) {
				const sub = properties[name];
				if (sub) errors.push(...check(sub, field, `${at}.${name}`));
				else if (schema.additionalProperties === false) errors.push(`${at}: unexpected ${name}`);
			}
		}
		if (Array.isArray(data) && schema.items) {
			for (const [index, item] of data.entries()) {
				errors.push(...check(schema.items as Schema, item, `${at}[${index}]`));
			}
		}
		for (const part of (schema.allOf as Schema[] | undefined) ?? []) errors.push(...check(part, data, at));
		if (Array.isArray(schema.oneOf)) {
			const results = (schema.oneOf as Schema[]).map((option) => check(option, data, at));
			const passing = results.filter((result) => result.length === 0).length;
			if (passing !== 1) {
				errors.push(
					`${at}: matches ${passing} of oneOf; closest: ${results.sort((a, b) => a.length - b.length)[0]?.join("; ")}`,
				);
			}
		}
		return errors;
	};
	return check(root, value, "$");
}
