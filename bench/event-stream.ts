/** A block of a text/event-stream: a comment (`: …`, the server's heartbeats), or an event's fields by name. */
export type EventStreamBlock = { comment: string } | { fields: Record<string, string> };

/**
 * Reads a text/event-stream as it arrives: each chunk of text in, the blocks it completes out (the
 * rest waits for the next chunk). bench:events and the tests' stream client share it; it lives here
 * because the bench may not import from test/, and the server only writes streams.
 */
export function eventStreamReader(): (text: string) => EventStreamBlock[] {
  let buffer = "";
  return (text) => {
    const blocks = (buffer + text).split("\n\n");
    buffer = blocks.pop()!;
    return blocks.map((block) => (block.startsWith(": ") ? { comment: block.slice(2) } : { fields: fieldsOf(block) }));
  };
}

const fieldsOf = (block: string): Record<string, string> =>
  Object.fromEntries(
    block.split("\n").map((line) => {
      const colon = line.indexOf(": ");
      return [line.slice(0, colon), line.slice(colon + 2)];
    }),
  );
