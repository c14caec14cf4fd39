// Whether this process is writing (holds a write lock) and whether it may still start: what an
// interrupt handler waits on. Apart from write-lock.ts so the handlers, installed before the
// first frame, load no file system code.

let held = 0;
let stopping = false;
const idle: Array<() => void> = [];

/** A lock of this process is held: files may be half-way through being written or put back. */
export function writeInProgress(): boolean {
	return held > 0;
}

/** Resolves once no lock of this process is held. */
export function whenWritesDone(): Promise<void> {
	return held === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}

/** From now on no lock is granted: the process is about to exit. */
export function stopTakingLocks(): void {
	stopping = true;
}

export function takingLocks(): boolean {
	return !stopping;
}

/** A lock is being taken; counted before its file can exist. */
export function addHeld(): void {
	held++;
}

export function dropHeld(): void {
	held = Math.max(0, held - 1);
	if (held === 0) for (const resolve of idle.splice(0)) resolve();
}
