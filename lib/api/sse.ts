/** Server-Sent Events framing (text/event-stream), shared by the portal's streams. */
export function sseMessage(input: { event?: string; id?: number | string; data: unknown; retryMs?: number }): string {
  let out = "";
  if (input.retryMs !== undefined) out += `retry: ${input.retryMs}\n`;
  if (input.id !== undefined) out += `id: ${input.id}\n`;
  if (input.event) out += `event: ${input.event}\n`;
  for (const line of JSON.stringify(input.data).split("\n")) out += `data: ${line}\n`;
  return `${out}\n`;
}

export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}

export type SseFrame = { event: string; data: string; id: string | undefined };

/** Incremental parser for an event stream: feed it chunks, it calls back per complete message. */
export function createSseParser(onFrame: (frame: SseFrame) => void): (chunk: string) => void {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  return (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r?\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer[newline] === "\r" ? 2 : 1));
      if (line === "") {
        if (data.length > 0) onFrame({ event: event || "message", data: data.join("\n"), id });
        event = "";
        data = [];
        id = undefined;
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
  };
}
