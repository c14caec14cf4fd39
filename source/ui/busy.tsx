import { Spinner } from "@inkjs/ui";
import { visible } from "../core/text/visible.js";

export function Busy({ label }: { readonly label: string }) {
	return <Spinner label={visible(label)} />;
}
