import { createGunzip } from 'node:zlib';
import type { Gunzip } from 'node:zlib';

/** `0000`: a flush packet. */
const FLUSH = Symbol('flush');
/** `0001`/`0002`: protocol-v2 delimiter and response-end packets. */
const SPECIAL = Symbol('special');
type Packet = Buffer | typeof FLUSH | typeof SPECIAL;

const ZERO_OID = /^0+$/;
/** Upper bound of the command section kept in memory; a request whose commands do not fit is not inspected. */
const MAX_COMMAND_BYTES = 4 * 1024 * 1024;
/** Upper bound of the decoded report kept in memory. */
const MAX_REPORT_BYTES = 4 * 1024 * 1024;

/** One `<old> <new> <ref>` command of a receive-pack request. */
export interface PushCommand {
  ref: string;
  /** Old sha, or undefined when the client creates the ref. */
  before?: string;
  /** New sha, or undefined when the client deletes the ref. */
  after?: string;
}

/** What git answered for one command: `ok <ref>` or `ng <ref> <reason>`. */
export type CommandStatus = { ok: true } | { ok: false; reason: string };

/** Splits a byte stream into pkt-lines, incrementally. Sets `broken` on a malformed length. */
export class PktLineReader {
  private buffer: Buffer = Buffer.alloc(0);
  broken = false;

  push(chunk: Buffer): Packet[] {
    if (this.broken) return [];
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const packets: Packet[] = [];
    while (this.buffer.length >= 4) {
      const lengthText = this.buffer.subarray(0, 4).toString('latin1');
      if (!/^[0-9a-fA-F]{4}$/.test(lengthText)) {
        this.broken = true;
        return packets;
      }
      const length = Number.parseInt(lengthText, 16);
      if (length === 0) packets.push(FLUSH);
      else if (length < 4) {
        if (length === 3) {
          this.broken = true;
          return packets;
        }
        packets.push(SPECIAL);
      }
      if (length < 4) {
        this.buffer = this.buffer.subarray(4);
        continue;
      }
      if (this.buffer.length < length) break;
      packets.push(this.buffer.subarray(4, length));
      this.buffer = this.buffer.subarray(length);
    }
    return packets;
  }
}

/**
 * Reads the command section at the start of a receive-pack request body (`<old> <new> <ref>\0<caps>` pkt-lines up
 * to the first flush), gunzipping first when the body is `Content-Encoding: gzip`. The rest (push options, pack)
 * is ignored. Feed it every chunk of the body as sent.
 */
export class PushCommandReader {
  readonly commands: PushCommand[] = [];
  capabilities: string[] = [];
  /** True once the flush that ends the commands was read. */
  complete = false;
  /** True when the body could not be read as commands (malformed, too large, bad gzip). */
  failed = false;
  private readonly reader = new PktLineReader();
  private readonly gunzip: Gunzip | undefined;
  private bytes = 0;

  constructor(contentEncoding: string | undefined) {
    const encoding = contentEncoding?.trim().toLowerCase();
    if (encoding === 'gzip' || encoding === 'x-gzip') {
      this.gunzip = createGunzip();
      this.gunzip.on('data', (chunk: Buffer) => this.decoded(chunk));
      this.gunzip.on('error', () => {
        if (!this.complete) this.failed = true;
      });
    } else if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
      this.failed = true;
    }
  }

  write(chunk: Buffer): void {
    if (this.complete || this.failed) return;
    if (this.gunzip) this.gunzip.write(chunk);
    else this.decoded(chunk);
  }

  /** Resolves once everything written so far is decoded (gzip decoding is asynchronous). */
  end(): Promise<void> {
    const gunzip = this.gunzip;
    if (!gunzip || gunzip.destroyed || gunzip.writableEnded) return Promise.resolve();
    return new Promise((resolve) => {
      gunzip.once('close', () => resolve());
      gunzip.once('error', () => resolve());
      gunzip.once('end', () => resolve());
      gunzip.end();
      gunzip.resume();
    });
  }

  private decoded(chunk: Buffer): void {
    if (this.complete || this.failed) return;
    this.bytes += chunk.length;
    if (this.bytes > MAX_COMMAND_BYTES) {
      this.stop(true);
      return;
    }
    for (const packet of this.reader.push(chunk)) {
      if (packet === FLUSH) {
        this.stop(false);
        return;
      }
      if (packet === SPECIAL) continue;
      const command = this.command(packet);
      if (command === undefined) {
        this.stop(true);
        return;
      }
      if (command !== null) this.commands.push(command);
    }
    if (this.reader.broken) this.stop(true);
  }

  /** The command of one pkt-line; null for a `shallow <sha>` line, undefined when it is no command. */
  private command(packet: Buffer): PushCommand | null | undefined {
    const nul = packet.indexOf(0);
    const line = (nul === -1 ? packet : packet.subarray(0, nul)).toString('utf8').replace(/\n$/, '');
    if (nul !== -1 && this.capabilities.length === 0) {
      this.capabilities = packet.subarray(nul + 1).toString('utf8').trim().split(' ').filter(Boolean);
    }
    // A shallow push starts with `shallow <sha>` lines; they are no commands.
    if (line.startsWith('shallow ')) return null;
    const match = /^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (\S+)$/.exec(line);
    if (!match) return undefined;
    const [, before = '', after = '', ref = ''] = match;
    return {
      ref,
      before: ZERO_OID.test(before) ? undefined : before,
      after: ZERO_OID.test(after) ? undefined : after,
    };
  }

  private stop(failed: boolean): void {
    if (failed) this.failed = true;
    else this.complete = true;
    this.gunzip?.destroy();
  }

  /** Whether the client asked for the report inside side-band channel 1. */
  get sideBand(): boolean {
    return this.capabilities.includes('side-band-64k') || this.capabilities.includes('side-band');
  }
}

/**
 * Reads git's report-status from a receive-pack response body (after the CGI head): `unpack ok|<error>`, then
 * `ok <ref>` / `ng <ref> <reason>` pkt-lines, inside side-band channel 1 when side-band was negotiated.
 */
export class ReportStatusReader {
  readonly statuses = new Map<string, CommandStatus>();
  unpack: string | undefined;
  private readonly outer = new PktLineReader();
  private readonly inner = new PktLineReader();
  private bytes = 0;
  private done = false;

  constructor(private readonly sideBand: boolean) {}

  write(chunk: Buffer): void {
    if (this.done) return;
    this.bytes += chunk.length;
    if (this.bytes > MAX_REPORT_BYTES) {
      this.done = true;
      return;
    }
    for (const packet of this.outer.push(chunk)) {
      if (!this.sideBand) {
        this.line(packet);
        continue;
      }
      // Side-band: channel 1 carries the report as its own pkt-line stream; 2 is progress, 3 a fatal error.
      if (packet === FLUSH || packet === SPECIAL || packet.length === 0 || packet[0] !== 1) continue;
      for (const innerPacket of this.inner.push(packet.subarray(1))) this.line(innerPacket);
    }
  }

  private line(packet: Packet): void {
    if (packet === FLUSH || packet === SPECIAL) return;
    const line = packet.toString('utf8').replace(/\n$/, '');
    if (line.startsWith('unpack ')) this.unpack = line.slice('unpack '.length);
    else if (line.startsWith('ok ')) this.statuses.set(line.slice(3), { ok: true });
    else if (line.startsWith('ng ')) {
      const rest = line.slice(3);
      const space = rest.indexOf(' ');
      const ref = space === -1 ? rest : rest.slice(0, space);
      this.statuses.set(ref, { ok: false, reason: space === -1 ? '' : rest.slice(space + 1) });
    }
  }
}
