// ws ships no types; this is the slice of its client the benchmark uses. https://github.com/websockets/ws/blob/master/doc/ws.md
declare module "ws" {
  export default class WebSocket {
    constructor(url: string);
    on(event: "open" | "close", listener: () => void): this;
    on(event: "message", listener: (data: Buffer) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    close(): void;
  }
}
