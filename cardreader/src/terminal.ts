/** What the bridge needs from a card reader, whether a PC/SC reader or the simulator. */

/** Sends one command APDU to the card and returns its answer, status word included. */
export interface CardTransport {
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

export interface TerminalStatus {
  reader: boolean;
  readerName: string | null;
  card: boolean;
}

export interface CardTerminal {
  readonly simulator: boolean;
  status(): Promise<TerminalStatus>;
  /**
   * Connects to the card, runs `use`, and disconnects resetting the card, so a verified PIN
   * never outlives the read it was typed for.
   */
  withCard<T>(use: (card: CardTransport) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class TerminalError extends Error {
  constructor(
    readonly code: "noReader" | "noCard",
    message: string,
  ) {
    super(message);
  }
}
