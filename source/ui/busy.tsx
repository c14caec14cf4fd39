import { Spinner } from "@inkjs/ui";

export function Busy({ label }: { readonly label: string }) {
	return <Spinner label={label} />;
}
