// Child processes of the benchmark (the bench server, the fake API, the RSS probes): a
// TypeScript entry under tsx with an IPC channel, its typed answers, and a clean stop.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Starts a TypeScript entry point under tsx in a child process with an IPC channel. */
export function forkTypeScript(entry: URL, env: Record<string, string>): ChildProcess {
  return fork(fileURLToPath(entry), [], {
    cwd: REPO_ROOT,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

/**
 * Waits for `child`'s next message of a given type, `Message` being what it sends; rejects
 * if it exits first. `who` names it in that error.
 */
export function answersOf<Message extends { type: string }>(child: ChildProcess, who: string) {
  return <Type extends Message["type"]>(type: Type): Promise<Extract<Message, { type: Type }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Message) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message as Extract<Message, { type: Type }>);
      };
      const onExit = (code: number | null) => {
        child.off("message", onMessage);
        reject(new Error(`${who} exited (code ${code}) before answering "${type}"`));
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
}

/** Asks `child` to close with `closeMessage` and waits for it to exit. */
export async function stopChild(child: ChildProcess, closeMessage: { type: "close" }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.send(closeMessage);
  // Ends this child, by its own handle, if it does not close within 5 s.
  const timer = setTimeout(() => child.kill(), 5000);
  await exited;
  clearTimeout(timer);
}
