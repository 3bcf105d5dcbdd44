import type { CardTerminal, CardTransport, TerminalStatus } from "./terminal.ts";
import { TerminalError } from "./terminal.ts";

/**
 * The part of `@pokusew/pcsclite` (MIT) the bridge uses. The module is a native addon, so it is an
 * optional peer dependency installed only on counter PCs with a reader, and loaded here by
 * dynamic import only when the bridge starts with --pcsc.
 */
export interface PcscReader {
  name: string;
  state: number;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_SHARED: number;
  SCARD_RESET_CARD: number;
  on(event: "status", listener: (status: { state: number }) => void): void;
  on(event: "end" | "error", listener: (error?: Error) => void): void;
  connect(options: { share_mode: number }, callback: (error: Error | null, protocol: number) => void): void;
  transmit(
    data: Buffer,
    responseLength: number,
    protocol: number,
    callback: (error: Error | null, data: Buffer) => void,
  ): void;
  disconnect(disposition: number, callback: (error: Error | null) => void): void;
}
export interface Pcsc {
  on(event: "reader", listener: (reader: PcscReader) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
  close(): void;
}

export class PcscTerminal implements CardTerminal {
  readonly simulator = false;
  private readonly readers = new Map<string, { reader: PcscReader; state: number }>();

  private constructor(private readonly pcsc: Pcsc) {
    pcsc.on("reader", (reader) => {
      this.readers.set(reader.name, { reader, state: 0 });
      reader.on("status", (status) => {
        const entry = this.readers.get(reader.name);
        if (entry) entry.state = status.state;
      });
      reader.on("end", () => this.readers.delete(reader.name));
      reader.on("error", () => undefined);
    });
    // The PC/SC service restarting is not fatal: readers come back through "reader" events.
    pcsc.on("error", () => undefined);
  }

  static async start(): Promise<PcscTerminal> {
    const moduleName = "@pokusew/pcsclite";
    let factory: () => Pcsc;
    try {
      const loaded = (await import(moduleName)) as { default: () => Pcsc };
      factory = loaded.default;
    } catch {
      throw new Error(
        "@pokusew/pcsclite が入っていません。README の「PC/SC リーダーで使う」の手順で入れてください",
      );
    }
    return PcscTerminal.over(factory());
  }

  /** Over an already created PC/SC context (tests pass a fake one: no reader is needed to run them). */
  static over(pcsc: Pcsc): PcscTerminal {
    return new PcscTerminal(pcsc);
  }

  private first() {
    return [...this.readers.values()][0];
  }

  async status(): Promise<TerminalStatus> {
    const entry = this.first();
    if (!entry) return { reader: false, readerName: null, card: false };
    return {
      reader: true,
      readerName: entry.reader.name,
      card: (entry.state & entry.reader.SCARD_STATE_PRESENT) !== 0,
    };
  }

  async withCard<T>(use: (card: CardTransport) => Promise<T>): Promise<T> {
    const entry = this.first();
    if (!entry) throw new TerminalError("noReader", "no reader");
    const { reader } = entry;
    if ((entry.state & reader.SCARD_STATE_PRESENT) === 0) throw new TerminalError("noCard", "no card");
    const protocol = await new Promise<number>((resolve, reject) =>
      reader.connect({ share_mode: reader.SCARD_SHARE_SHARED }, (error, p) =>
        error ? reject(new TerminalError("noCard", error.message)) : resolve(p),
      ),
    );
    const transport: CardTransport = {
      transmit: (command) =>
        new Promise((resolve, reject) =>
          reader.transmit(Buffer.from(command), 258, protocol, (error, data) =>
            error ? reject(new TerminalError("noCard", error.message)) : resolve(new Uint8Array(data)),
          ),
        ),
    };
    try {
      return await use(transport);
    } finally {
      // Reset, not leave: the card forgets the verified PIN when this read is over.
      await new Promise<void>((resolve) => reader.disconnect(reader.SCARD_RESET_CARD, () => resolve()));
    }
  }

  async close(): Promise<void> {
    this.pcsc.close();
  }
}
