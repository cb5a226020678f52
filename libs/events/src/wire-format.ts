/**
 * Confluent wire format framing: magic byte 0, the schema id as a 4-byte big-endian integer,
 * then the Avro binary body. Readers and tools of the Kafka ecosystem expect exactly this.
 */
import { SchemaDecodeError } from './schema-errors';

export const WIRE_FORMAT_MAGIC_BYTE = 0;
export const WIRE_FORMAT_HEADER_BYTES = 5;

export function frameWireFormat(schemaId: number, body: Buffer): Buffer {
  const framed = Buffer.allocUnsafe(WIRE_FORMAT_HEADER_BYTES + body.length);
  framed.writeUInt8(WIRE_FORMAT_MAGIC_BYTE, 0);
  framed.writeInt32BE(schemaId, 1);
  body.copy(framed, WIRE_FORMAT_HEADER_BYTES);
  return framed;
}

/**
 * Where encodeWireFormat writes before copying out: it grows to the largest record seen. avsc's
 * own toBuffer writes into a fixed 1 kB scratch and, for a bigger record (a LearningEvent with
 * its statement is ~1.5 kB), writes the whole record a second time; framing then copied it again.
 */
let scratch = Buffer.allocUnsafeSlow(16 * 1024);

/**
 * Frames a body written in place: `write(buf, pos)` writes the Avro body at `pos` and returns
 * the end, or a negative number (the bytes missing) when `buf` is too small, as avsc's
 * `Type.encode` does. Equal to frameWireFormat(schemaId, body), in one write and one copy.
 */
export function encodeWireFormat(
  schemaId: number,
  write: (buf: Buffer, pos: number) => number,
): Buffer {
  let end = write(scratch, WIRE_FORMAT_HEADER_BYTES);
  if (end < 0) {
    scratch = Buffer.allocUnsafeSlow(Math.max(2 * scratch.length, scratch.length - end));
    end = write(scratch, WIRE_FORMAT_HEADER_BYTES);
    if (end < 0) throw new RangeError(`the record did not fit ${scratch.length} bytes`);
  }
  scratch.writeUInt8(WIRE_FORMAT_MAGIC_BYTE, 0);
  scratch.writeInt32BE(schemaId, 1);
  return Buffer.from(scratch.subarray(0, end));
}

export interface WireFormatFrame {
  readonly schemaId: number;
  /** The Avro body; a view on the input buffer, not a copy. */
  readonly body: Buffer;
}

/** Splits a framed record, throwing SchemaDecodeError when it is not in the wire format. */
export function unframeWireFormat(buf: Buffer): WireFormatFrame {
  if (buf.length < WIRE_FORMAT_HEADER_BYTES) {
    throw new SchemaDecodeError(
      `not in the Confluent wire format: ${buf.length} bytes, need at least ${WIRE_FORMAT_HEADER_BYTES} (magic byte + schema id)`,
    );
  }
  const magic = buf.readUInt8(0);
  if (magic !== WIRE_FORMAT_MAGIC_BYTE) {
    throw new SchemaDecodeError(
      `not in the Confluent wire format: magic byte is ${magic}, expected ${WIRE_FORMAT_MAGIC_BYTE}`,
    );
  }
  return { schemaId: buf.readInt32BE(1), body: buf.subarray(WIRE_FORMAT_HEADER_BYTES) };
}
