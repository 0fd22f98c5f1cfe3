import { readDateTime, readHttpDate, utc } from "./formats.js";

/**
 * Conversions of the values whose wire form (restJson1) differs from the model form. Each is only
 * applied to values the wire validator has accepted.
 */
export interface Codec {
  toModel(wire: unknown): unknown;
  toWire(model: unknown): unknown;
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

export const codecs: Readonly<Record<string, Codec>> = {
  "@date-time": {
    toModel: (wire) => {
      const f = readDateTime(wire as string);
      if (!f) throw new TypeError(`not an RFC 3339 date-time: ${String(wire)}`);
      return new Date(utc(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond) - f.offset * 60_000);
    },
    toWire: (model) => (model as Date).toISOString(),
  },
  "@epoch-seconds": {
    // Rounded to whole milliseconds so that seconds with a fraction survive a round trip.
    toModel: (wire) => new Date(Math.round((wire as number) * 1000)),
    toWire: (model) => (model as Date).getTime() / 1000,
  },
  "@http-date": {
    toModel: (wire) => new Date(readHttpDate(wire as string) ?? Number.NaN),
    toWire: (model) => (model as Date).toUTCString(),
  },
  "@blob": {
    toModel: (wire) => {
      const text = atob(wire as string);
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return bytes;
    },
    toWire: (model) => {
      let text = "";
      for (const byte of model as Uint8Array) text += String.fromCharCode(byte);
      return btoa(text);
    },
  },
  // restJson1 sends non-finite floats as the strings "NaN", "Infinity" and "-Infinity".
  "@double": {
    toModel: (wire) => (typeof wire === "string" ? NON_FINITE[wire] : wire),
    toWire: (model) => (Number.isFinite(model) ? model : String(model)),
  },
};
