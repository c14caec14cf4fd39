// Windows environment names are case-insensitive (Path, PATH), but a copied env is a plain
// object: look names up, and remove them, without caring about case.

import type { Env } from "../system.js";

export function envValue(env: Env, name: string): string | undefined {
	const wanted = name.toUpperCase();
	const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === wanted);
	return key === undefined ? undefined : env[key];
}

export function withoutVariables(env: Env, names: readonly string[]): Env {
	const drop = new Set(names.map((name) => name.toUpperCase()));
	return Object.fromEntries(Object.entries(env).filter(([key]) => !drop.has(key.toUpperCase())));
}
